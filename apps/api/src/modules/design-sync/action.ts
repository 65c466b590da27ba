// One design-sync action as seed 003 audits it: timed, one audit row (correlation id = the trace id, actor,
// subject, counts, duration, outcome) and one log line carrying ids and counts only — never names or values of
// the user's data. A refused action (an ApiError) is audited too, then rethrown.
import type { Db } from '@cogo/db';
import { ApiError } from '../../lib/errors';
import { describeError, type Logger } from '../../lib/logger';
import { recordAudit } from './registry.repo';

/** Who acts, for which project, on which trace: what a design-sync service needs of its request. */
export interface ActionScope {
  db: () => Db;
  projectId: string;
  actor: string;
  traceId: string;
  log: Logger;
}

/** What an action reports for its audit row. */
export interface ActionOutcome<T> {
  result: T;
  /** The mapping, operation or ingest it touched (an id, never a name). */
  subject?: string | null;
  counts: Record<string, number>;
}

/** Runs `work` as the audited action `action` ("registry.ingest", "mapping.confirm"…); answers its result. */
export async function audited<T>(scope: ActionScope, action: string, work: () => Promise<ActionOutcome<T>>): Promise<T> {
  const started = Date.now();
  const finish = async (outcome: string, subject: string | null, counts: Record<string, number>) => {
    const durationMs = Date.now() - started;
    await recordAudit(scope.db(), { projectId: scope.projectId, action, correlationId: scope.traceId, actor: scope.actor, subject, counts, durationMs, outcome });
    scope.log.info('design sync', { action, correlationId: scope.traceId, outcome, counts, durationMs });
  };
  let done: ActionOutcome<T>;
  try {
    done = await work();
  } catch (err) {
    const outcome = err instanceof ApiError ? 'refused' : 'failed';
    // the action's own error is what the client gets; a failing audit write must not replace it
    await finish(outcome, null, {}).catch((auditErr: unknown) => scope.log.warn('design sync audit failed', { action, error: describeError(auditErr) }));
    throw err;
  }
  await finish('ok', done.subject ?? null, done.counts);
  return done.result;
}
