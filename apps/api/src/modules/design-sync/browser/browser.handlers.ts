import type { BrowserSessionRequest } from '@cogo/types';
import type { Context } from 'hono';
import { createRouter } from '../../../lib/openapi';
import { principalOf } from '../../../middleware';
import { getSessionRoute, listSessionsRoute, startSessionRoute } from './browser.routes';
import { getSession, sessionsPage, startSession } from './browser.service';

/** Starts a browser test session for the request (POST /design-sync/browser-session, MCP's design_browser_test_session_start). */
export function startSessionFor(c: Context, body: BrowserSessionRequest) {
  const { projectId, actor } = principalOf(c);
  const traceId = body.trace_id ?? c.get('traceId');
  c.header('x-trace-id', traceId);
  return startSession({ db: c.get('db'), projectId, actor, traceId, log: c.get('log') }, c.get('config'), body);
}

/** Browser test sessions of design-sync. */
export const designSyncBrowserRouter = createRouter()
  .openapi(startSessionRoute, async (c) => {
    const session = await startSessionFor(c, c.req.valid('json'));
    c.header('location', `/design-sync/browser-session/${session.id}`);
    return c.json(session, 202);
  })
  .openapi(listSessionsRoute, async (c) => c.json(await sessionsPage(c.get('db')(), principalOf(c).projectId, c.req.valid('query')), 200))
  .openapi(getSessionRoute, async (c) => c.json(await getSession(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id), 200));
