// A local Slack incoming-webhooks service: `POST /services/T…/B…/<secret>` answers as Slack does — 200 `ok`
// (text/plain) for a message it would post, 400 `invalid_payload` / `no_text` / `invalid_blocks`, 403
// `action_prohibited`, 404 `no_service` (unknown or revoked webhook), 410 `channel_is_archived`, 429 `rate_limited`
// with Retry-After (seconds), 500 `rollup_error`. Test tooling: webhooks, faults and the request log are driven
// through /__fake/… (webhooks are created there; the secret part of a path is never recorded).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { ControlInputError, readControlJson } from '../http/control-wire';
import { readBody, sendJson } from '../http/send';
import { listen } from '../http/server-lifecycle';
import { checkMessage } from './slack-blocks';

/** A queued answer for one webhook: the next `times` posts get it instead of being posted. */
export interface SlackFault {
  status: number;
  /** The plain-text body, as Slack words it (`rate_limited`, `rollup_error`…). */
  body: string;
  /** Retry-After in seconds (429). */
  retryAfter?: number;
  times?: number;
}

export interface SlackPost {
  webhook: string;
  /** The path with its secret replaced: `/services/T…/B…/[secret]`. */
  path: string;
  status: number;
  answer: string;
  contentType: string | undefined;
  /** The parsed message (when it was JSON). */
  body: unknown;
  at: number;
}

interface Webhook {
  id: string;
  team: string;
  bot: string;
  secret: string;
  state: 'active' | 'revoked' | 'archived';
  faults: Array<Required<Omit<SlackFault, 'retryAfter'>> & { retryAfter?: number }>;
  /** Messages per second allowed (Slack: about 1 per second per webhook, short bursts allowed); 0 = unlimited. */
  perSecond: number;
  sent: number[];
}

export interface SlackFake {
  /** Origin, e.g. http://127.0.0.1:5123 — the Worker's SLACK_WEBHOOK_BASE. */
  url: string;
  /** Registers a webhook; answers its id and full URL. */
  createWebhook: () => { id: string; url: string };
  posts: () => SlackPost[];
  close: () => Promise<void>;
}

const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
};

/** Starts the fake on a loopback port. */
export async function startSlackFake(): Promise<SlackFake> {
  const hooks = new Map<string, Webhook>();
  const byPath = new Map<string, Webhook>();
  const posts: SlackPost[] = [];
  let origin = '';

  const createWebhook = () => {
    const n = hooks.size + 1;
    const hook: Webhook = { id: `W${String(n).padStart(6, '0')}`, team: `T${randomBytes(4).toString('hex').toUpperCase()}`, bot: `B${randomBytes(4).toString('hex').toUpperCase()}`, secret: randomBytes(12).toString('hex'), state: 'active', faults: [], perSecond: 0, sent: [] };
    hooks.set(hook.id, hook);
    const path = `/services/${hook.team}/${hook.bot}/${hook.secret}`;
    byPath.set(path, hook);
    return { id: hook.id, url: `${origin}${path}` };
  };

  async function service(req: IncomingMessage, res: ServerResponse, path: string) {
    const raw = (await readBody(req)).toString('utf8');
    const hook = byPath.get(path);
    const record = (status: number, answer: string, body: unknown) =>
      posts.push({ webhook: hook?.id ?? 'unknown', path: path.replace(/\/[^/]+$/, '/[secret]'), status, answer, contentType: req.headers['content-type'], body, at: Date.now() });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const answer = (status: number, out: string, headers: Record<string, string> = {}) => {
      record(status, out, body);
      text(res, status, out, headers);
    };
    if (req.method !== 'POST') return answer(405, 'invalid_method');
    if (!hook || hook.state === 'revoked') return answer(404, 'no_service');
    if (hook.state === 'archived') return answer(410, 'channel_is_archived');
    const fault = hook.faults[0];
    if (fault) {
      if (--fault.times <= 0) hook.faults.shift();
      return answer(fault.status, fault.body, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
    }
    const now = Date.now();
    if (hook.perSecond > 0) {
      hook.sent = hook.sent.filter((t) => now - t < 1_000);
      if (hook.sent.length >= hook.perSecond) return answer(429, 'rate_limited', { 'retry-after': '1' });
    }
    const check = checkMessage(raw);
    if (!check.ok) return answer(400, check.error);
    hook.sent.push(now);
    return answer(200, 'ok');
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    try {
      if (req.method === 'POST' && path === '/__fake/webhooks') return await sendJson(res, 201, createWebhook());
      if (req.method === 'GET' && path === '/__fake/posts') return await sendJson(res, 200, { posts });
      if (req.method === 'DELETE' && path === '/__fake/posts') {
        posts.length = 0;
        return await sendJson(res, 200, { cleared: true });
      }
      const m = /^\/__fake\/webhooks\/([^/]+)\/(revoke|archive|faults|rate-limit)$/.exec(path);
      const hook = m ? hooks.get(m[1]!) : undefined;
      if (!m || !hook || req.method !== 'POST') return await sendJson(res, 404, { error: `no control route ${req.method} ${path}` });
      if (m[2] === 'revoke' || m[2] === 'archive') {
        hook.state = m[2] === 'revoke' ? 'revoked' : 'archived';
        return await sendJson(res, 200, { id: hook.id, state: hook.state });
      }
      const input = (await readControlJson(req)) as Record<string, unknown>;
      if (m[2] === 'rate-limit') {
        if (typeof input.perSecond !== 'number' || input.perSecond < 0) throw new ControlInputError('perSecond must be a number ≥ 0');
        hook.perSecond = input.perSecond;
        return await sendJson(res, 200, { id: hook.id, perSecond: hook.perSecond });
      }
      const list = Array.isArray(input) ? input : (input.faults as unknown);
      if (!Array.isArray(list)) throw new ControlInputError('expected { faults: [{ status, body, retryAfter?, times? }] }');
      hook.faults = list.map((f: Record<string, unknown>, i) => {
        if (typeof f.status !== 'number' || typeof f.body !== 'string') throw new ControlInputError(`faults[${i}] needs status and body`);
        return { status: f.status, body: f.body, times: typeof f.times === 'number' ? f.times : 1, ...(typeof f.retryAfter === 'number' ? { retryAfter: f.retryAfter } : {}) };
      });
      return await sendJson(res, 200, { id: hook.id, faults: hook.faults.length });
    } catch (err) {
      if (err instanceof ControlInputError) return sendJson(res, 400, { error: err.message });
      throw err;
    }
  }

  const server = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/__fake/')) return control(req, res, path);
    if (path.startsWith('/services/')) return service(req, res, path);
    text(res, 404, 'not_found');
  });
  origin = server.origin;
  return { url: origin, createWebhook, posts: () => [...posts], close: server.close };
}
