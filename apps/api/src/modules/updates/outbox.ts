// Delivery of committed outbox rows: their ids go to the `cogo-project-updates` queue after the transaction
// commits. A send that fails (or a Worker killed before it) loses nothing: the row stays undelivered and the cron
// sweep (queues/project-updates.sweep.ts) sends it again.
import type { Logger } from '../../lib/logger';
import { describeError } from '../../lib/logger';

/** The message of the project-updates queue: the outbox row's id, nothing else (the row is the truth). */
export interface ProjectUpdateMessage {
  id: number;
}

/** Sends update ids to the queue; never throws (the sweep is the fallback). Returns whether all were sent. */
export async function publishUpdates(queue: Queue<unknown>, ids: readonly number[], log?: Logger): Promise<boolean> {
  if (ids.length === 0) return true;
  try {
    for (let i = 0; i < ids.length; i += 100) {
      await queue.sendBatch(ids.slice(i, i + 100).map((id) => ({ body: { id } satisfies ProjectUpdateMessage, contentType: 'json' as const })));
    }
    return true;
  } catch (err) {
    log?.warn('project updates not sent; the cron sweep will resend them', { error: describeError(err), count: ids.length });
    return false;
  }
}
