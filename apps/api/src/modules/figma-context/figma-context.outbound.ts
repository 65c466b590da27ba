import type { AppConfig } from '../../env';
import { backgroundPause } from '../../lib/foreground';
import { createHttpClient } from '../../lib/http-client';
import { createFigmaClient } from './figma.client';

/** The Figma client of a job: the shared outbound client (429 left to the pacer) with the job's trace. */
export function figmaClientFor(config: AppConfig, token: string, traceId: string, signal?: AbortSignal, maxWaitMs?: () => number, keepBodies = false) {
  const base = new URL(config.FIGMA_API_BASE);
  const allow = [...config.OUTBOUND_ALLOWLIST.split(','), base.port ? `${base.hostname}:${base.port}` : base.hostname];
  const http = createHttpClient({
    allowHosts: allow,
    timeoutMs: config.OUTBOUND_TIMEOUT_MS,
    retries: config.OUTBOUND_RETRIES,
    retryStatuses: [408, 500, 502, 503, 504],
    traceId,
  });
  return createFigmaClient({
    baseUrl: config.FIGMA_API_BASE,
    token,
    http,
    pacer: config.FIGMA_PACER,
    // FIGMA_REQUESTS_PER_MIN, when set, overrides the plan's budgets (precedence: durable-objects/figma-budget.ts)
    pacing: { plan: config.FIGMA_PLAN_TIER, seat: config.FIGMA_SEAT, ...(config.FIGMA_REQUESTS_PER_MIN ? { perMinute: config.FIGMA_REQUESTS_PER_MIN } : {}) },
    maxResponseBytes: config.FIGMA_MAX_RESPONSE_BYTES,
    ...(signal ? { signal } : {}),
    ...(maxWaitMs ? { maxWaitMs } : {}),
    keepBodies,
    pause: backgroundPause(config),
  });
}
