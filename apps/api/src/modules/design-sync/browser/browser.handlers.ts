import { createRouter } from '../../../lib/openapi';
import { principalOf } from '../../../middleware';
import { getSessionRoute, startSessionRoute } from './browser.routes';
import { getSession, startSession } from './browser.service';

/** Browser test sessions of design-sync. */
export const designSyncBrowserRouter = createRouter()
  .openapi(startSessionRoute, async (c) => {
    const body = c.req.valid('json');
    const { projectId, actor } = principalOf(c);
    const traceId = body.trace_id ?? c.get('traceId');
    c.header('x-trace-id', traceId);
    const session = await startSession({ db: c.get('db'), projectId, actor, traceId, log: c.get('log') }, c.get('config'), body);
    c.header('location', `/design-sync/browser-session/${session.id}`);
    return c.json(session, 202);
  })
  .openapi(getSessionRoute, async (c) => c.json(await getSession(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id), 200));
