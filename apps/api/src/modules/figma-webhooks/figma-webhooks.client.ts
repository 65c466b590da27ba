// Figma's webhooks v2 API (Tier 2) with a project's token: POST /v2/webhooks, DELETE /v2/webhooks/:id. Through the
// shared outbound client (allowlist, timeouts; a POST is never retried, so a lost answer cannot create two
// webhooks) and the token's pacer, like every other Figma call; Figma's failures become API errors.
import type { PostWebhookRequestBody, WebhookV2 } from '@figma/rest-api-spec';
import { figmaPacerName } from '../../durable-objects/names';
import type { AppConfig } from '../../env';
import { sha256Hex } from '../../lib/crypto';
import { ApiError } from '../../lib/errors';
import { createHttpClient, retryAfterMs } from '../../lib/http-client';
import { FigmaError, QUOTA_WAIT_LIMIT_MS, quotaExhausted, type FigmaWaitInfo } from '../figma-context/figma.client';
import { apiErrorOf } from '../figma-context/start';

/** Longest a registration waits for a Tier-2 slot before answering 429. */
const SLOT_WAIT_MS = 5_000;

/** The v2 webhook calls of one token. */
export interface FigmaWebhooksApi {
  create(body: PostWebhookRequestBody): Promise<WebhookV2>;
  /** Deletes a webhook in Figma; false when Figma no longer has it. */
  remove(figmaWebhookId: string): Promise<boolean>;
}

/** A webhooks client for one token. */
export function figmaWebhooksClient(config: AppConfig, token: string, traceId: string): FigmaWebhooksApi {
  const base = new URL(config.FIGMA_API_BASE);
  const http = createHttpClient({
    allowHosts: [...config.OUTBOUND_ALLOWLIST.split(','), base.port ? `${base.hostname}:${base.port}` : base.hostname],
    timeoutMs: config.OUTBOUND_TIMEOUT_MS,
    retries: config.OUTBOUND_RETRIES,
    retryStatuses: [408, 500, 502, 503, 504],
    traceId,
  });
  const pacing = { plan: config.FIGMA_PLAN_TIER, seat: config.FIGMA_SEAT, ...(config.FIGMA_REQUESTS_PER_MIN ? { perMinute: config.FIGMA_REQUESTS_PER_MIN } : {}) };

  async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; value?: T; err?: string }> {
    const pacer = config.FIGMA_PACER.get(config.FIGMA_PACER.idFromName(figmaPacerName(await sha256Hex(token))));
    const slot = await pacer.acquire({ tier: 2, ...pacing, maxWaitMs: SLOT_WAIT_MS });
    const slotInfo: FigmaWaitInfo = { tier: 2, retryAfterMs: slot.waitMs, ...(slot.ok ? {} : { retryAt: slot.retryAt }) };
    if (!slot.ok) throw apiErrorOf(slot.waitMs > QUOTA_WAIT_LIMIT_MS ? quotaExhausted(slotInfo) : new FigmaError('FIGMA_RATE_LIMITED', `paced: next Figma Tier 2 slot for this token in ${Math.ceil(slot.waitMs / 1000)} s`, 429, slotInfo));
    if (slot.waitMs > 0) await new Promise((r) => setTimeout(r, slot.waitMs));
    const res = await http(`${config.FIGMA_API_BASE.replace(/\/$/, '')}${path}`, {
      method,
      headers: { 'X-Figma-Token': token, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.ok) {
      if (json === undefined) throw apiErrorOf(new FigmaError('FIGMA_BAD_RESPONSE', 'Figma sent an invalid JSON body', res.status));
      return { status: res.status, value: json as T };
    }
    const err = String((json as { err?: unknown; message?: unknown } | undefined)?.err ?? (json as { message?: unknown } | undefined)?.message ?? text.slice(0, 200));
    if (res.status === 429) {
      const after = retryAfterMs(res.headers.get('retry-after')) ?? 60_000;
      const said = { planTier: res.headers.get('x-figma-plan-tier'), limitType: res.headers.get('x-figma-rate-limit-type'), upgradeLink: res.headers.get('x-figma-upgrade-link') };
      await pacer.penalize(2, Date.now() + after, said);
      const info: FigmaWaitInfo = { tier: 2, retryAfterMs: after, retryAt: Date.now() + after, ...(said.planTier ? { planTier: said.planTier } : {}), ...(said.limitType ? { limitType: said.limitType } : {}), ...(said.upgradeLink ? { upgradeLink: said.upgradeLink } : {}) };
      throw apiErrorOf(after > QUOTA_WAIT_LIMIT_MS ? quotaExhausted(info) : new FigmaError('FIGMA_RATE_LIMITED', `Figma rate limit: retry after ${Math.ceil(after / 1000)} s`, 429, info));
    }
    return { status: res.status, err };
  }

  return {
    async create(body) {
      const out = await send<WebhookV2>('POST', '/v2/webhooks', body);
      if (out.value) return out.value;
      if (out.status === 400) throw new ApiError('UNPROCESSABLE', `Figma refused the webhook: ${out.err}`, { figma_status: 400 });
      if (out.status === 403 || out.status === 401) throw apiErrorOf(new FigmaError('FIGMA_FORBIDDEN', `Figma refused the token for this context: ${out.err || 'forbidden'}`, 403));
      if (out.status === 404) throw apiErrorOf(new FigmaError('FIGMA_NOT_FOUND', `Figma has no such ${body.context}: ${out.err || 'not found'}`, 404));
      throw apiErrorOf(new FigmaError('FIGMA_UPSTREAM', `Figma answered ${out.status}: ${out.err}`, out.status));
    },
    async remove(figmaWebhookId) {
      const out = await send<WebhookV2>('DELETE', `/v2/webhooks/${encodeURIComponent(figmaWebhookId)}`);
      if (out.value) return true;
      if (out.status === 404) return false;
      if (out.status === 403 || out.status === 401) throw apiErrorOf(new FigmaError('FIGMA_FORBIDDEN', `Figma refused the token for this webhook: ${out.err || 'forbidden'}`, 403));
      throw apiErrorOf(new FigmaError('FIGMA_UPSTREAM', `Figma answered ${out.status}: ${out.err}`, out.status));
    },
  };
}
