import type { Context } from 'hono';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import type { ActionScope } from './action';
import { driftReport } from './drift.service';
import { runOperation } from './operations.service';
import { getOperation, operationsPage } from './operations.view';
import { driftRoute, getOperationRoute, listOperationsRoute, runOperationRoute, undoRoute } from './sync.routes';
import { undoOperation } from './undo.service';

/** The request's action scope; a body's `trace_id` overrides the request's trace and is echoed in `x-trace-id`. */
function scopeOf(c: Context, traceId: string | undefined): ActionScope {
  const { projectId, actor } = principalOf(c);
  const trace = traceId ?? c.get('traceId');
  c.header('x-trace-id', trace);
  return { db: c.get('db'), projectId, actor, traceId: trace, log: c.get('log') };
}

/** Drift, sync operations and undo routes of design-sync (coverage, declared in sync.routes, is served with the registry). */
export const designSyncRouter = createRouter()
  .openapi(driftRoute, async (c) => c.json(await driftReport(c.get('db')(), principalOf(c).projectId, c.get('traceId'), c.req.valid('query')), 200))
  .openapi(runOperationRoute, async (c) => {
    const body = c.req.valid('json');
    const { ARTIFACTS, ARTIFACT_TTL_DAYS } = c.get('config');
    return c.json(await runOperation(scopeOf(c, body.trace_id), { bucket: ARTIFACTS, ttlDays: ARTIFACT_TTL_DAYS }, body), 200);
  })
  .openapi(listOperationsRoute, async (c) => c.json(await operationsPage(c.get('db')(), principalOf(c).projectId, c.req.valid('query')), 200))
  .openapi(getOperationRoute, async (c) => c.json(await getOperation(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id), 200))
  .openapi(undoRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await undoOperation(scopeOf(c, body.trace_id), body.operation_id), 200);
  });
