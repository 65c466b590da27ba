// Consumer of the `cogo-notify` queue: one design-sync notification to the project's Slack per message `{ event_id }`.
// The event row says what happened: sent; failed (rejected, webhook gone — then disabled —, no webhook, or out of
// attempts); or still queued while the message waits for its retry (a 429's Retry-After, a 5xx's backoff). A message
// for an event that is no longer queued is acked: a redelivery never posts twice.
import { z } from 'zod';
import { readConfig, type Bindings } from '../env';
import { serviceDbFromConfig } from '../lib/db';
import { createLogger, describeError } from '../lib/logger';
import { disableCredential, resolveCredential } from '../modules/design-sync/credentials/credentials.resolve';
import { deliver } from '../modules/design-sync/notifications/deliver';
import { findEvent, updateEvent } from '../modules/design-sync/notifications/notifications.repo';

/** Deliveries of one message before its event is failed (wrangler.toml: max_retries = 10 → 11 deliveries). */
export const NOTIFY_MAX_ATTEMPTS = 10;

const MessageSchema = z.object({ event_id: z.uuid() });

/** Handles one batch of the notify queue. */
export async function consumeNotifications(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  const handle = serviceDbFromConfig(config, log, { reason: 'design-sync notifications: the queue has no caller', route: 'queue:cogo-notify' }, 1);
  try {
    for (const msg of batch.messages) {
      const parsed = MessageSchema.safeParse(msg.body);
      if (!parsed.success) {
        log.warn('dropping malformed notify message', { messageId: msg.id });
        msg.ack();
        continue;
      }
      try {
        const event = await findEvent(handle.db, parsed.data.event_id);
        if (!event || event.status !== 'queued') {
          msg.ack();
          continue;
        }
        const attempts = event.attempts + 1;
        const webhook = await resolveCredential({ db: handle.db, config, actor: 'service:design-sync-notify', traceId: event.traceId ?? undefined }, event.projectId, 'slack');
        if (!webhook) {
          await updateEvent(handle.db, event.id, { status: 'failed', attempts, lastStatus: null, lastError: 'no active Slack webhook' });
          msg.ack();
          continue;
        }
        const d = await deliver(config, webhook, event.message, msg.attempts, event.traceId ?? undefined);
        if (d.outcome === 'sent') {
          await updateEvent(handle.db, event.id, { status: 'sent', attempts, lastStatus: d.status, lastError: null, sentAt: new Date() });
          msg.ack();
        } else if (d.outcome === 'retry' && msg.attempts < NOTIFY_MAX_ATTEMPTS) {
          await updateEvent(handle.db, event.id, { attempts, lastStatus: d.status, lastError: d.error });
          msg.retry({ delaySeconds: d.delaySeconds });
        } else {
          if (d.outcome === 'gone') await disableCredential(handle.db, event.projectId, 'slack', d.error);
          await updateEvent(handle.db, event.id, { status: 'failed', attempts, lastStatus: d.status, lastError: d.error });
          msg.ack();
        }
        log.info('design sync notification', { eventId: event.id, projectId: event.projectId, category: event.category, outcome: d.outcome, status: d.status, attempt: msg.attempts });
      } catch (err) {
        // the database failed: the queue redelivers with its backoff
        log.error('design sync notification failed', { messageId: msg.id, ...describeError(err) });
        msg.retry({ delaySeconds: Math.min(300, 2 ** msg.attempts) });
      }
    }
  } finally {
    await handle.close();
  }
}
