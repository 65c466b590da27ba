// Streamable HTTP at /mcp (issue 17) in the same app, stateless: a fresh server per request acting for the request's
// principal. The project guard chain runs first: Bearer API key or JWT, per-IP and per-project limits, the request's
// trace. Modern clients (spec 2026-07-28) through the SDK's handler; 2025-era clients (initialize, no envelope) through
// a stateless transport of their own, their GET/DELETE session calls answered 405. Both answer in JSON (the tools
// send no notifications before their result, so the modern handler's `auto` mode answers JSON too): every tool has
// finished when the handler returns, so a tool works with the request itself — its tenant database, its Figma token,
// its trace and events — exactly as the REST route beside it does.
import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import { Hono } from 'hono';
import { guard, principalOf } from '../../middleware';
import { mcpServer, type ToolContext } from './mcp.tools';

/** POST/GET/DELETE /mcp. */
export const mcpRouter = new Hono();
mcpRouter.use('/mcp', ...guard());
mcpRouter.all('/mcp', async (c) => {
  const principal = principalOf(c);
  const ctx: ToolContext = { c, db: c.get('db')(), config: c.get('config'), projectId: principal.projectId, actor: principal.actor, traceId: c.get('traceId'), log: c.get('log') };
  const onerror = (err: Error) => c.get('log').warn('mcp request refused', { error: err.message });
  // the guard chain has read the body (size, signature, idempotency): the SDK gets a request with that body again
  const raw = c.req.raw;
  const request = raw.method === 'POST' ? new Request(raw.url, { method: 'POST', headers: raw.headers, body: await c.req.text() }) : raw;
  if (await isLegacyRequest(request)) return legacyAnswer(request, ctx, onerror);
  return createMcpHandler(() => mcpServer(ctx), { legacy: 'reject', onerror }).fetch(request);
});

/** A 2025-era request, answered statelessly in JSON by a server of its own. */
async function legacyAnswer(request: Request, ctx: ToolContext, onerror: (err: Error) => void): Promise<Response> {
  if (request.method !== 'POST') {
    const body = { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null };
    return new Response(JSON.stringify(body), { status: 405, headers: { allow: 'POST', 'content-type': 'application/json' } });
  }
  const server = mcpServer(ctx);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  transport.onerror = onerror;
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
