// Streamable HTTP at /mcp (issue 17) in the same app: the SDK's stateless handler (spec 2026-07-28; 2025-era clients
// are served statelessly too, their GET/DELETE session calls answered 405), a fresh server per request acting for the
// request's principal. The project guard chain runs first: Bearer API key or JWT, per-IP and per-project limits, the
// request's trace.
import { createMcpHandler } from '@modelcontextprotocol/server';
import { Hono } from 'hono';
import { tenantDb } from '../../lib/db';
import { guard, principalOf } from '../../middleware';
import { mcpServer } from './mcp.tools';

/** POST/GET/DELETE /mcp. */
export const mcpRouter = new Hono();
mcpRouter.use('/mcp', ...guard());
mcpRouter.all('/mcp', async (c) => {
  const principal = principalOf(c);
  const config = c.get('config');
  // a database of its own: a 2025-era call answers as a stream and runs its tool after this handler returned (when
  // the request's own database is closed); this one closes when the response has been sent
  const handle = tenantDb(config, principal.projectId, 2);
  const ctx = { db: handle.db, config, projectId: principal.projectId, actor: principal.actor, traceId: c.get('traceId'), log: c.get('log') };
  const handler = createMcpHandler(() => mcpServer(ctx), { onerror: (err) => c.get('log').warn('mcp request refused', { error: err.message }) });
  // the guard chain has read the body (size, signature, idempotency): the SDK gets a request with that body again
  const raw = c.req.raw;
  const request = raw.method === 'POST' ? new Request(raw.url, { method: 'POST', headers: raw.headers, body: await c.req.text() }) : raw;
  let res: Response;
  try {
    res = await handler.fetch(request);
  } catch (err) {
    await handle.close();
    throw err;
  }
  if (!res.body) {
    await handle.close();
    return res;
  }
  const { readable, writable } = new TransformStream();
  const sent = res.body
    .pipeTo(writable)
    .catch(() => undefined)
    .finally(() => handle.close());
  try {
    c.executionCtx.waitUntil(sent);
  } catch {
    void sent;
  }
  return new Response(readable, res);
});
