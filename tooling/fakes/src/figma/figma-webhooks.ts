// Figma's webhooks v2 (Tier 2: counted by the quota like /meta), in Figma's shapes (@figma/rest-api-spec):
//   POST   /v2/webhooks            PostWebhookRequestBody → WebhookV2 (the passcode shown once, on create)
//   GET    /v2/webhooks?context=&context_id=   → { webhooks: WebhookV2[] } (passcode "")
//   GET    /v2/webhooks/:id        → WebhookV2 (passcode "")
//   DELETE /v2/webhooks/:id        → the deleted WebhookV2
// Limits per context, as Figma's: 3 webhooks per file, 5 per project, 20 per team (a 400 past them).
// Deliveries (`deliver`, or the control route POST /__fake/webhooks/:id/deliver) POST the event to the endpoint
// with the passcode, webhook_id and timestamp, and retry a non-2xx or unreachable endpoint 3 times, the same
// payload each time, as Figma does. The fake sends no PING on create (test endpoints are often unreachable).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PostWebhookRequestBody, WebhookV2 } from '@figma/rest-api-spec';
import { readBody, sendJson } from '../http/send';
import { sendFigmaError, FIGMA_ERRORS } from './figma-errors';

const EVENTS = new Set(['PING', 'FILE_UPDATE', 'FILE_VERSION_UPDATE', 'FILE_DELETE', 'LIBRARY_PUBLISH', 'FILE_COMMENT', 'DEV_MODE_STATUS_UPDATE']);
const LIMITS: Record<string, number> = { FILE: 3, PROJECT: 5, TEAM: 20 };
const PLAN_API_ID = 'organization-1000000000000000001';

/** What a delivery sent: the payload and the endpoint's status per attempt (0: unreachable). */
export interface WebhookDelivery {
  payload: Record<string, unknown>;
  statuses: number[];
}

/** The fake's webhooks, with their passcodes (tests read them; GET hides them, as Figma does). */
export class WebhookStore {
  readonly hooks = new Map<string, WebhookV2>();
  private nextId = 1000;

  /** POST /v2/webhooks: the created webhook, or Figma's 400 message. */
  create(body: Partial<PostWebhookRequestBody>): WebhookV2 | string {
    if (typeof body.event_type !== 'string' || !EVENTS.has(body.event_type)) return 'Invalid parameter: event_type';
    const context = typeof body.context === 'string' ? body.context.toUpperCase() : '';
    if (!(context in LIMITS)) return 'Invalid parameter: context must be "team", "project", or "file"';
    if (typeof body.context_id !== 'string' || body.context_id === '') return 'Invalid parameter: context_id';
    if (typeof body.endpoint !== 'string' || body.endpoint.length > 2048 || !/^https?:\/\//.test(body.endpoint)) return 'Invalid parameter: endpoint';
    if (typeof body.passcode !== 'string' || body.passcode.length > 100) return 'Invalid parameter: passcode (max length 100)';
    if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 150)) return 'Invalid parameter: description (max length 150)';
    const same = [...this.hooks.values()].filter((h) => h.context === context && h.context_id === body.context_id).length;
    if (same >= LIMITS[context]!) return `Webhook limit reached: at most ${LIMITS[context]} webhooks per ${context.toLowerCase()}`;
    const hook: WebhookV2 = {
      id: String(this.nextId++),
      event_type: body.event_type,
      team_id: context === 'TEAM' ? body.context_id : '',
      context,
      context_id: body.context_id,
      plan_api_id: PLAN_API_ID,
      status: body.status === 'PAUSED' ? 'PAUSED' : 'ACTIVE',
      client_id: null,
      passcode: body.passcode,
      endpoint: body.endpoint,
      description: body.description ?? null,
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  /** Sends one event to a webhook's endpoint; retried 3 times on a non-2xx answer or a network error. */
  async deliver(id: string, event: Record<string, unknown>): Promise<WebhookDelivery> {
    const hook = this.hooks.get(id);
    if (hook === undefined) throw new Error(`no webhook ${id}`);
    const payload = { timestamp: new Date().toISOString(), ...event, passcode: hook.passcode, webhook_id: hook.id };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const status = await fetch(hook.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 0);
      statuses.push(status);
      if (status >= 200 && status < 300) break;
    }
    return { payload, statuses };
  }
}

const hidden = (hook: WebhookV2): WebhookV2 => ({ ...hook, passcode: '' });

/** Serves /v2/webhooks[/:id] (the token was already checked and counted). */
export async function handleWebhooks(store: WebhookStore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const id = /^\/v2\/webhooks\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  if (url.pathname.replace(/\/$/, '') === '/v2/webhooks') {
    if (method === 'POST') {
      let body: Partial<PostWebhookRequestBody>;
      try {
        body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as Partial<PostWebhookRequestBody>;
      } catch {
        return sendFigmaError(res, 400, 'Invalid JSON body');
      }
      const created = store.create(body ?? {});
      return typeof created === 'string' ? sendFigmaError(res, 400, created) : sendJson(res, 200, created);
    }
    if (method === 'GET') {
      const context = url.searchParams.get('context')?.toUpperCase();
      const contextId = url.searchParams.get('context_id');
      const webhooks = [...store.hooks.values()].filter((h) => (!context || h.context === context) && (!contextId || h.context_id === contextId));
      return sendJson(res, 200, { webhooks: webhooks.map(hidden) });
    }
  }
  const hook = id === undefined ? undefined : store.hooks.get(decodeURIComponent(id));
  if (id !== undefined && (method === 'GET' || method === 'DELETE')) {
    if (hook === undefined) return sendFigmaError(res, 404, FIGMA_ERRORS.notFound);
    if (method === 'DELETE') store.hooks.delete(hook.id);
    return sendJson(res, 200, hidden(hook));
  }
  return sendFigmaError(res, 404, FIGMA_ERRORS.notFound);
}

/** Control routes: GET /__fake/webhooks (with passcodes) and POST /__fake/webhooks/:id/deliver (JSON event). False when not one. */
export async function handleWebhookControl(store: WebhookStore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname === '/__fake/webhooks' && req.method === 'GET') {
    await sendJson(res, 200, { webhooks: [...store.hooks.values()] });
    return true;
  }
  const id = /^\/__fake\/webhooks\/([^/]+)\/deliver$/.exec(url.pathname)?.[1];
  if (id === undefined || req.method !== 'POST') return false;
  try {
    const event = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as Record<string, unknown>;
    await sendJson(res, 200, await store.deliver(decodeURIComponent(id), event));
  } catch (err) {
    await sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
  return true;
}
