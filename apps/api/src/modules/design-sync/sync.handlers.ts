import type { SyncOperation } from '@cogo/types';
import type { Context } from 'hono';
import { describeError } from '../../lib/logger';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import type { ActionScope } from './action';
import { driftReport } from './drift.service';
import { runOperation, type SyncRequest } from './operations.service';
import { noticeSync } from './schedule/notices';
import { getOperation, operationsPage } from './operations.view';
import { recordDriftFeedback } from './drift-feedback.service';
import { driftFeedbackRoute, driftRoute, getOperationRoute, listOperationsRoute, runOperationRoute, undoRoute } from './sync.routes';
import { undoOperation } from './undo.service';

/** The request's action scope; a body's `trace_id` overrides the request's trace and is echoed in `x-trace-id`. */
export function scopeOf(c: Context, traceId: string | undefined): ActionScope {
  const { projectId, actor } = principalOf(c);
  const trace = traceId ?? c.get('traceId');
  c.header('x-trace-id', trace);
  return { db: c.get('db'), projectId, actor, traceId: trace, log: c.get('log') };
}

/** Runs a sync operation for the request (POST /design-sync/operations, MCP's design_sync), then tells Slack per the project's settings. */
export async function syncOperation(c: Context, body: SyncRequest & { trace_id?: string | undefined }): Promise<SyncOperation> {
  const { ARTIFACTS, ARTIFACT_TTL_DAYS, NOTIFY_QUEUE } = c.get('config');
  const scope = scopeOf(c, body.trace_id);
  const op = await runOperation(scope, { bucket: ARTIFACTS, ttlDays: ARTIFACT_TTL_DAYS }, body);
  // a notification that cannot be recorded never fails the sync
  await noticeSync({ db: scope.db(), queue: NOTIFY_QUEUE }, scope.projectId, op).catch((err: unknown) => scope.log.warn('design sync notice failed', { operation: op.id, ...describeError(err) }));
  return op;
}

/** Drift, sync operations and undo routes of design-sync (coverage, declared in sync.routes, is served with the registry). */
export const designSyncRouter = createRouter()
  .openapi(driftRoute, async (c) => c.json(await driftReport(c.get('db')(), principalOf(c).projectId, c.get('traceId'), c.req.valid('query')), 200))
  .openapi(runOperationRoute, async (c) => c.json(await syncOperation(c, c.req.valid('json')), 200))
  .openapi(listOperationsRoute, async (c) => c.json(await operationsPage(c.get('db')(), principalOf(c).projectId, c.req.valid('query')), 200))
  .openapi(getOperationRoute, async (c) => c.json(await getOperation(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id), 200))
  .openapi(undoRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await undoOperation(scopeOf(c, body.trace_id), body.operation_id), 200);
  })
  .openapi(driftFeedbackRoute, async (c) => c.json(await recordDriftFeedback(scopeOf(c, undefined), c.req.valid('json')), 200));
