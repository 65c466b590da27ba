import type { Context } from 'hono';
import { describeError } from '../../lib/logger';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import type { ActionScope } from './action';
import { driftReport } from './drift.service';
import { runOperation } from './operations.service';
import { noticeSync } from './schedule/notices';
import { getOperation, operationsPage } from './operations.view';
import { recordDriftFeedback } from './drift-feedback.service';
import { driftFeedbackRoute, driftRoute, getOperationRoute, listOperationsRoute, runOperationRoute, undoRoute } from './sync.routes';
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
    const { ARTIFACTS, ARTIFACT_TTL_DAYS, NOTIFY_QUEUE } = c.get('config');
    const scope = scopeOf(c, body.trace_id);
    const op = await runOperation(scope, { bucket: ARTIFACTS, ttlDays: ARTIFACT_TTL_DAYS }, body);
    // Slack hears of it per the project's settings; a notification that cannot be recorded never fails the sync
    await noticeSync({ db: scope.db(), queue: NOTIFY_QUEUE }, scope.projectId, op).catch((err: unknown) => scope.log.warn('design sync notice failed', { operation: op.id, ...describeError(err) }));
    return c.json(op, 200);
  })
  .openapi(listOperationsRoute, async (c) => c.json(await operationsPage(c.get('db')(), principalOf(c).projectId, c.req.valid('query')), 200))
  .openapi(getOperationRoute, async (c) => c.json(await getOperation(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id), 200))
  .openapi(undoRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await undoOperation(scopeOf(c, body.trace_id), body.operation_id), 200);
  })
  .openapi(driftFeedbackRoute, async (c) => c.json(await recordDriftFeedback(scopeOf(c, undefined), c.req.valid('json')), 200));
