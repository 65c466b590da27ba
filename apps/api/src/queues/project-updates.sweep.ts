// The cron sweep (every minute, `[triggers] crons` in wrangler.toml): outbox rows committed but still undelivered
// after SWEEP_AFTER_MS — their send was lost, e.g. the Worker was killed between commit and send — go to the
// queue again. A row that is only slow is sent twice at worst, which the consumer's idempotency absorbs.
import { readConfig, type Bindings } from '../env';
import { serviceDbFromConfig } from '../lib/db';
import { createLogger } from '../lib/logger';
import { publishUpdates } from '../modules/updates/outbox';
import { staleUndeliveredIds } from '../modules/updates/updates.repo';

/** How long a committed update may wait for its own send before the sweep sends it. */
export const SWEEP_AFTER_MS = 60_000;
const PAGE = 500;
const MAX_PAGES = 20;

/** Sends every update undelivered since `now - SWEEP_AFTER_MS` (up to 10,000 a run); returns how many were sent. */
export async function sweepProjectUpdates(env: Bindings, now: Date): Promise<number> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { cron: 'project-updates-sweep' });
  // every project's updates: the service database, audited like the routes' service paths
  const handle = serviceDbFromConfig(config, log, { reason: 'outbox sweep', route: 'cron:project-updates-sweep' }, 1);
  const cutoff = new Date(now.getTime() - SWEEP_AFTER_MS);
  let sent = 0;
  try {
    let after = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const ids = await staleUndeliveredIds(handle.db, cutoff, PAGE, after);
      if (ids.length === 0) break;
      if (!(await publishUpdates(config.PROJECT_UPDATES, ids, log))) break;
      sent += ids.length;
      after = ids[ids.length - 1]!;
      if (ids.length < PAGE) break;
    }
    if (sent) log.warn('resent undelivered project updates', { count: sent });
    return sent;
  } finally {
    await handle.close();
  }
}
