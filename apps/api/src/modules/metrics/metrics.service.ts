import type { Db } from '@cogo/db';
import * as repo from './metrics.repo';

export const WINDOWS = { '5m': 5 * 60_000, '1h': 60 * 60_000, '24h': 24 * 60 * 60_000 } as const;
export type WindowName = keyof typeof WINDOWS;

const round = (n: number) => Math.round(n * 100) / 100;

/** Per-route count, error rate and latency percentiles over a recent window. */
export async function overview(db: Db, window: WindowName, projectId: string | null, now = Date.now()) {
  const stats = await repo.routeStats(db, new Date(now - WINDOWS[window]), projectId);
  return {
    window,
    since: new Date(now - WINDOWS[window]).toISOString(),
    routes: stats.map((s) => ({
      route: s.route,
      method: s.method,
      count: s.count,
      error_rate: s.count ? round(s.errors / s.count) : 0,
      client_error_rate: s.count ? round(s.client_errors / s.count) : 0,
      p50_ms: round(s.p50_ms),
      p95_ms: round(s.p95_ms),
    })),
  };
}

const escapeLabel = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

/** The Prometheus text exposition (format 0.0.4) of request counters and recent latency quantiles. */
export async function prometheusText(db: Db, now = Date.now()): Promise<string> {
  const [totals, recent] = await Promise.all([repo.requestTotals(db), repo.routeStats(db, new Date(now - WINDOWS['5m']), null)]);
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
  return `${lines.join('\n')}\n`;
}
