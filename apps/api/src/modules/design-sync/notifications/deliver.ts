// One notification to Slack and what its answer means (Slack's incoming-webhook statuses): 200 sent; 429 wait for
// Retry-After; 404 no_service / 410 channel_is_archived: the webhook is gone — disable it; any other 4xx: the
// message or the permission is wrong, a retry cannot help; 5xx or no answer: retry with backoff.
import type { AppConfig } from '../../../env';
import { readTextBounded } from '../../../lib/bounded-read';
import { createHttpClient, retryAfterMs } from '../../../lib/http-client';

export type Delivery =
  | { outcome: 'sent'; status: number }
  | { outcome: 'retry'; status: number | null; delaySeconds: number; error: string }
  | { outcome: 'gone'; status: number; error: string }
  | { outcome: 'rejected'; status: number | null; error: string };

/** Longest delay a queue message may be retried after (Cloudflare Queues: 12 h). */
export const MAX_DELAY_SECONDS = 43_200;

/** A Retry-After in seconds (delta or HTTP date, read by the outbound client's parser), clamped to 1 s … 12 h; 30 s when absent. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  const ms = retryAfterMs(header, now);
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, ms === null ? 30 : Math.ceil(ms / 1000)));
}

/** True when `url` is a webhook under SLACK_WEBHOOK_BASE (a stored value that is not cannot be posted to). */
export function isSlackWebhook(config: AppConfig, url: string): boolean {
  return url.startsWith(`${config.SLACK_WEBHOOK_BASE.replace(/\/+$/, '')}/services/`);
}

/** Posts `message` to `webhook`; `attempt` (1-based) sets the backoff of a 5xx. Never throws for the upstream. */
export async function deliver(config: AppConfig, webhook: string, message: unknown, attempt: number, traceId?: string): Promise<Delivery> {
  if (!isSlackWebhook(config, webhook)) return { outcome: 'rejected', status: null, error: 'the stored webhook is not under SLACK_WEBHOOK_BASE' };
  const base = new URL(config.SLACK_WEBHOOK_BASE);
  // the queue retries: the client does not
  const http = createHttpClient({ allowHosts: [base.port ? `${base.hostname}:${base.port}` : base.hostname], retries: 0, timeoutMs: 10_000, ...(traceId ? { traceId } : {}) });
  let res: Response;
  try {
    res = await http(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message), redirect: 'manual' });
  } catch (err) {
    const why = /timed out/.test(String(err)) ? 'timed out' : 'no answer';
    return { outcome: 'retry', status: null, delaySeconds: Math.min(300, 2 ** attempt), error: `Slack: ${why}` };
  }
  const body = ((await readTextBounded(res.body, 4_096)) ?? '').slice(0, 200);
  if (res.status >= 200 && res.status < 300) return { outcome: 'sent', status: res.status };
  const error = `${res.status} ${body}`.trim();
  if (res.status === 429) return { outcome: 'retry', status: 429, delaySeconds: retryAfterSeconds(res.headers.get('retry-after')), error };
  if (res.status === 404 || res.status === 410) return { outcome: 'gone', status: res.status, error };
  if (res.status >= 500) return { outcome: 'retry', status: res.status, delaySeconds: Math.min(300, 2 ** attempt), error };
  return { outcome: 'rejected', status: res.status, error };
}
