// Consumer of `cogo-project-updates-dlq`: the queue gave up on these updates (max_retries). Their rows stay
// undelivered and are marked `last_error: dead-lettered …`, which the cron sweep leaves alone; `POST
// /admin/updates/replay` (`./cogo updates replay`) sends them again once the cause is fixed.
import { readConfig, type Bindings } from '../env';
import { serviceDbFromConfig } from '../lib/db';
import { createLogger, describeError } from '../lib/logger';
import { markDeadLettered } from '../modules/updates/updates.repo';
import { ProjectUpdateMessageSchema } from './project-updates.consumer';

/** Handles one batch of the project-updates dead-letter queue. */
export async function consumeProjectUpdatesDlq(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  // every project's updates: the service database, audited like the routes' service paths
  const handle = serviceDbFromConfig(config, log, { reason: 'project updates dead letters', route: 'queue:cogo-project-updates-dlq' }, 1);
  try {
    for (const msg of batch.messages) {
      const parsed = ProjectUpdateMessageSchema.safeParse(msg.body);
      if (!parsed.success) {
        msg.ack();
        continue;
      }
      try {
        await markDeadLettered(handle.db, parsed.data.id, msg.attempts);
        log.error('project update dead-lettered; replay it with ./cogo updates replay', { updateId: parsed.data.id });
        msg.ack();
      } catch (err) {
        log.error('could not record a dead-lettered project update', { updateId: parsed.data.id, error: describeError(err) });
        msg.retry({ delaySeconds: 30 });
      }
    }
  } finally {
    await handle.close();
  }
}
