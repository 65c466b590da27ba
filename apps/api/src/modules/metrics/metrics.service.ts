import type { Db } from '@cogo/db';
import type { TraceTimeline } from '@cogo/types';
import { designSyncLines, designSyncMetrics } from '../design-sync/design-sync.metrics';
import type { ProviderMetrics } from '../llm-health';
import * as repo from './metrics.repo';
import { traceSteps } from './trace-steps';

export const WINDOWS = { '5m': 5 * 60_000, '1h': 60 * 60_000, '24h': 24 * 60 * 60_000 } as const;
export type WindowName = keyof typeof WINDOWS;

const round = (n: number) => Math.round(n * 100) / 100;

/** SLO targets (seed 001 §6): env SLO_P95_MS, SLO_LLM_P95_MS, SLO_ERROR_RATE. */
export interface SloTargets {
  p95Ms: number;
  /** For the routes that wait for a model. */
  llmP95Ms: number;
  errorRate: number;
}

export const DEFAULT_SLO: SloTargets = { p95Ms: 300, llmP95Ms: 10_000, errorRate: 0.01 };

/** Routes whose latency includes a model's answer: they get the LLM p95 target. */
export const LLM_ROUTES: ReadonlySet<string> = new Set(['/chat', '/chat-gateway', '/llm/completions', '/embed']);

/** Per-route count, error rate and latency percentiles over a recent window, each against its SLO, and the gate. */
export async function overview(db: Db, window: WindowName, projectId: string | null, now = Date.now(), slo: SloTargets = DEFAULT_SLO) {
  const since = new Date(now - WINDOWS[window]);
  const [stats, designSync] = await Promise.all([repo.routeStats(db, since, projectId), designSyncMetrics(db, since, projectId)]);
  const routes = stats.map((s) => {
    const errorRate = s.count ? s.errors / s.count : 0;
    const p95Target = LLM_ROUTES.has(s.route) ? slo.llmP95Ms : slo.p95Ms;
    return {
      route: s.route,
      method: s.method,
      count: s.count,
      error_rate: round(errorRate),
      client_error_rate: s.count ? round(s.client_errors / s.count) : 0,
      p50_ms: round(s.p50_ms),
      p95_ms: round(s.p95_ms),
      // judged on the unrounded figures: a 0.004 error rate must not pass a 0.001 target as 0
      slo: { p95_target_ms: p95Target, error_rate_target: slo.errorRate, p95_ok: s.p95_ms <= p95Target, error_rate_ok: errorRate <= slo.errorRate },
    };
  });
  return {
    window,
    since: new Date(now - WINDOWS[window]).toISOString(),
    routes,
    design_sync: designSync,
    gate: routes.every((r) => r.slo.p95_ok && r.slo.error_rate_ok) ? ('pass' as const) : ('fail' as const),
  };
}

/** The whole path of a trace in one project: its events, the steps paired from them, its LLM calls and spend, its requests. */
export async function traceTimeline(db: Db, traceId: string, projectId: string | null): Promise<TraceTimeline> {
  const [rows, calls, totals, served] = await Promise.all([
    repo.traceEvents(db, traceId, projectId),
    repo.traceLlmCalls(db, traceId, projectId),
    repo.traceLlmTotals(db, traceId, projectId),
    repo.traceRequests(db, traceId, projectId),
  ]);
  const events = rows.map((r) => ({ id: r.id, type: r.type, source: r.source, project_id: r.projectId, at: r.createdAt.toISOString(), payload: r.payload }));
  // a request's and a call's row is written when it ends: it began its duration earlier
  const moments = [
    ...rows.map((r) => r.createdAt.getTime()),
    ...calls.flatMap((u) => [u.createdAt.getTime() - u.latencyMs, u.createdAt.getTime()]),
    ...served.flatMap((m) => [m.createdAt.getTime() - m.durationMs, m.createdAt.getTime()]),
  ];
  return {
    trace_id: traceId,
    duration_ms: moments.length ? round(Math.max(...moments) - Math.min(...moments)) : null,
    events,
    steps: traceSteps(events),
    llm: {
      calls: calls.map((u) => ({
        route: u.route,
        model: u.model,
        provider: u.provider,
        tokens_in: u.tokensIn,
        tokens_out: u.tokensOut,
        cost_usd: u.costUsd,
        latency_ms: u.latencyMs,
        first_token_ms: u.firstTokenMs,
        outcome: u.outcome,
        at: u.createdAt.toISOString(),
      })),
      totals,
    },
    requests: served.map((m) => ({ route: m.route, method: m.method, status: m.status, duration_ms: m.durationMs, at: m.createdAt.toISOString() })),
  };
}

const escapeLabel = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

/** The Prometheus text exposition (format 0.0.4) of request counters and recent latency quantiles, and of the LLM providers when given. */
export async function prometheusText(db: Db, now = Date.now(), providers?: ProviderMetrics): Promise<string> {
  const [totals, recent, designSync] = await Promise.all([
    repo.requestTotals(db),
    repo.routeStats(db, new Date(now - WINDOWS['5m']), null),
    designSyncMetrics(db, new Date(now - WINDOWS['24h']), null),
  ]);
  const lines: string[] = [
    '# HELP cogo_http_requests_total Requests served, by route, method and status class.',
    '# TYPE cogo_http_requests_total counter',
  ];
  for (const t of totals) {
    lines.push(`cogo_http_requests_total{route="${escapeLabel(t.route)}",method="${t.method}",status_class="${t.status_class}"} ${t.count}`);
  }
  lines.push('# HELP cogo_http_request_duration_seconds Request latency over the last 5 minutes.', '# TYPE cogo_http_request_duration_seconds summary');
  for (const s of recent) {
    const labels = `route="${escapeLabel(s.route)}",method="${s.method}"`;
    lines.push(`cogo_http_request_duration_seconds{${labels},quantile="0.5"} ${s.p50_ms / 1000}`);
    lines.push(`cogo_http_request_duration_seconds{${labels},quantile="0.95"} ${s.p95_ms / 1000}`);
    lines.push(`cogo_http_request_duration_seconds_count{${labels}} ${s.count}`);
  }
  lines.push(...designSyncLines(designSync));
  if (providers) lines.push(...providerLines(providers));
  return `${lines.join('\n')}\n`;
}

/** Provider series: health from each circuit (stored by the probe cron), calls and cost from llm_usage of the last 24 h. */
export function providerLines(m: ProviderMetrics): string[] {
  // provider_id tells apart providers of one name (several projects' own); env:<name> for CHAT_API_BASE / EMBEDDING_API_BASE
  const id = (provider: string, providerId: string) => `provider="${escapeLabel(provider)}",provider_id="${escapeLabel(providerId)}"`;
  const lines = [
    '# HELP cogo_llm_provider_up 1 when the provider\'s circuit admits calls, 0 while it cools down.',
    '# TYPE cogo_llm_provider_up gauge',
    ...m.health.map((h) => `cogo_llm_provider_up{${id(h.provider, h.providerId)}} ${h.up ? 1 : 0}`),
    '# HELP cogo_llm_provider_error_rate Share of failed calls and probes over the circuit\'s last 5 minutes.',
    '# TYPE cogo_llm_provider_error_rate gauge',
    ...m.health.map((h) => `cogo_llm_provider_error_rate{${id(h.provider, h.providerId)}} ${h.errorRate}`),
    '# HELP cogo_llm_provider_latency_ms Latency of successful calls and probes over the circuit\'s last 5 minutes.',
    '# TYPE cogo_llm_provider_latency_ms summary',
  ];
  for (const h of m.health) {
    if (h.p50Ms !== null) lines.push(`cogo_llm_provider_latency_ms{${id(h.provider, h.providerId)},quantile="0.5"} ${h.p50Ms}`);
    if (h.p95Ms !== null) lines.push(`cogo_llm_provider_latency_ms{${id(h.provider, h.providerId)},quantile="0.95"} ${h.p95Ms}`);
  }
  // windowed sums, not counters since start: gauges, whatever their _total names say
  lines.push('# HELP cogo_llm_calls_total Provider calls of the last 24 hours (fallback attempts included), by outcome.', '# TYPE cogo_llm_calls_total gauge');
  for (const u of m.usage) lines.push(`cogo_llm_calls_total{${id(u.provider, u.providerKey)},outcome="${escapeLabel(u.outcome)}"} ${u.calls}`);
  lines.push('# HELP cogo_llm_cost_usd_total Cost billed for provider calls of the last 24 hours, USD.', '# TYPE cogo_llm_cost_usd_total gauge');
  const cost = new Map<string, number>();
  for (const u of m.usage) cost.set(id(u.provider, u.providerKey), (cost.get(id(u.provider, u.providerKey)) ?? 0) + u.costUsd);
  for (const [labels, usd] of cost) lines.push(`cogo_llm_cost_usd_total{${labels}} ${usd}`);
  return lines;
}
