// Artifact retention (ARTIFACT_TTL_DAYS; the every-minute cron, `scheduled` in src/index.ts): rows expired before
// `now` and their R2 objects are deleted, SWEEP_BATCH at a time (R2 deletes up to 1,000 keys a call), at most
// SWEEP_MAX_BATCHES a run.
//
// Order, per batch, in one transaction: the rows are deleted first (and stay locked), then their objects, then the
// transaction commits. The row is what every read starts from, so removing it first means no reader can reach a
// missing object; and because the commit comes after the objects are gone, an R2 failure rolls the rows back and the
// next run tries again — no object is left behind without its row. (Should the commit itself fail after R2 succeeded,
// the rows left are expired, which no read path serves, and the next run deletes them.) Objects first would leave,
// on any failure between the two steps, rows that name deleted objects.
import { readConfig, type Bindings } from '../../env';
import { serviceDbFromConfig } from '../../lib/db';
import { createLogger, describeError } from '../../lib/logger';
import { deleteExpired } from './artifacts.repo';
import { artifactObjectKey } from './artifacts.service';

export const SWEEP_BATCH = 500;
export const SWEEP_MAX_BATCHES = 20;

/** Deletes expired artifacts (rows and objects) of every project; returns how many were removed. */
export async function sweepArtifacts(env: Bindings, now: Date): Promise<number> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { cron: 'artifacts-sweep' });
  // every project's expired rows: the service database (RLS would show none), audited like the other sweeps
  const handle = serviceDbFromConfig(config, log, { reason: 'artifact retention sweep', route: 'cron:artifacts-sweep' }, 1);
  let removed = 0;
  try {
    for (let batch = 0; batch < SWEEP_MAX_BATCHES; batch++) {
      const count = await handle.db.transaction(async (tx) => {
        const gone = await deleteExpired(tx, now, SWEEP_BATCH);
        if (gone.length) await config.ARTIFACTS.delete(gone.map((g) => artifactObjectKey(g.projectId, g.id)));
        return gone.length;
      });
      removed += count;
      if (count < SWEEP_BATCH) break;
    }
  } catch (err) {
    // the failed batch rolled back; the next run takes it again
    log.error('artifact sweep failed', { removed, ...describeError(err) });
    throw err;
  } finally {
    await handle.close();
  }
  if (removed) log.info('removed expired artifacts', { count: removed });
  return removed;
}
