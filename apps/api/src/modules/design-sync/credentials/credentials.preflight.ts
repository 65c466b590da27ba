// Pre-flight of a credential before it is stored: one real call per kind, through the outbound client.
//   figma      GET {FIGMA_API_BASE}/v1/me with X-Figma-Token: 200 is a live token
//   slack      POST {} to the webhook: a live webhook answers 400 (no_text / invalid_payload) and posts NOTHING;
//              404 no_service, 410 channel_is_archived, 403 action_prohibited say it cannot be used
//   storybook  GET <url>/index.json: a Storybook index (v and entries)
// A value that cannot even be called (a Slack URL elsewhere, a Storybook host not allowed) is the client's mistake: 400.
import type { CredentialKind } from '@cogo/types';
import type { AppConfig } from '../../../env';
import { ApiError } from '../../../lib/errors';
import { createHttpClient, hostAllowed } from '../../../lib/http-client';
import { fetchStorybookIndex, storybookHosts } from '../schedule/storybook-index';
import { isSlackWebhook } from '../notifications/deliver';

export interface Check {
  ok: boolean;
  status: number | null;
  message: string;
  checked_at: string;
}

const hostOf = (u: URL) => (u.port ? `${u.hostname}:${u.port}` : u.hostname);
const invalid = (message: string) => new ApiError('VALIDATION_FAILED', `invalid request: json.value: ${message}`, { issues: [{ path: 'json.value', message, code: 'custom' }] });

async function call(config: AppConfig, url: string, init: RequestInit, traceId: string): Promise<{ status: number; body: string } | { status: null; body: string }> {
  const u = new URL(url);
  const http = createHttpClient({ allowHosts: [hostOf(u)], retries: 0, timeoutMs: 5_000, traceId });
  try {
    const res = await http(url, { ...init, redirect: 'manual' });
    return { status: res.status, body: (await res.text()).slice(0, 200) };
  } catch (err) {
    return { status: null, body: /timed out/.test(String(err)) ? 'timed out' : 'no answer' };
  }
}

/** The normalised value to store (a Storybook URL without its trailing slash), or 400 when it cannot be one. */
export function normaliseValue(config: AppConfig, kind: CredentialKind, value: string): string {
  if (kind === 'figma') return value;
  if (!URL.canParse(value) || !/^https?:\/\//.test(value)) throw invalid(`a ${kind} credential is an http(s) URL`);
  if (kind === 'slack') {
    if (!isSlackWebhook(config, value)) throw invalid(`a Slack incoming webhook is under ${config.SLACK_WEBHOOK_BASE.replace(/\/+$/, '')}/services/`);
    return value;
  }
  const url = new URL(value);
  if (url.username || url.password) throw invalid('a Storybook URL carries no user or password');
  if (!hostAllowed(url, storybookHosts(config))) throw invalid(`host ${hostOf(url)} is not on STORYBOOK_HOSTS or OUTBOUND_ALLOWLIST`);
  if (config.ENVIRONMENT === 'production' && url.protocol !== 'https:') throw invalid('a Storybook URL is https');
  return value.replace(/\/+$/, '');
}

/** The pre-flight call for `value` (already normalised). Never throws for the upstream's answer. */
export async function preflight(config: AppConfig, kind: CredentialKind, value: string, traceId: string): Promise<Check> {
  const at = new Date().toISOString();
  if (kind === 'figma') {
    const r = await call(config, `${config.FIGMA_API_BASE.replace(/\/+$/, '')}/v1/me`, { headers: { 'x-figma-token': value, accept: 'application/json' } }, traceId);
    if (r.status === 200) return { ok: true, status: 200, message: 'Figma accepted the token', checked_at: at };
    const why = r.status === 401 || r.status === 403 ? 'Figma rejected the token' : r.status === null ? `Figma: ${r.body}` : `Figma answered ${r.status}`;
    return { ok: false, status: r.status, message: why, checked_at: at };
  }
  if (kind === 'slack') {
    const r = await call(config, value, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, traceId);
    // an empty message is refused by a live webhook, and posts nothing
    if (r.status === 400 || r.status === 200) return { ok: true, status: r.status, message: 'the Slack webhook is live', checked_at: at };
    const why = r.status === null ? `Slack: ${r.body}` : `Slack answered ${r.status} ${r.body}`.trim();
    return { ok: false, status: r.status, message: why, checked_at: at };
  }
  const got = await fetchStorybookIndex(config, value, traceId);
  return got.ok ? { ok: true, status: 200, message: `a Storybook index v${String(got.index.v)}`, checked_at: at } : { ok: false, status: got.status, message: got.message, checked_at: at };
}
