// Consumer of the `cogo-events` queue: writes bus events to Postgres in one insert per batch.
// A malformed message is acked and logged (a retry could never fix it); a database failure
// retries the whole batch, which the queue redelivers with backoff.
import { createDb, schema } from '@cogo/db';
import { BusEventMessageSchema, type BusEventMessage } from '@cogo/types';
import { readConfig, type Bindings } from '../env';
import { createLogger, describeError } from '../lib/logger';

/** Handles one batch of bus events. */
export async function consumeBusEvents(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  const valid: Array<{ msg: Message<unknown>; event: BusEventMessage }> = [];
  for (const msg of batch.messages) {
    const parsed = BusEventMessageSchema.safeParse(msg.body);
    if (parsed.success) valid.push({ msg, event: parsed.data });
    else {
      log.warn('dropping malformed bus event', { messageId: msg.id, issues: parsed.error.issues.map((i) => i.path.join('.')) });
      msg.ack();
    }
  }
  if (valid.length === 0) return;
  const handle = createDb({ url: config.DATABASE_URL, wsProxy: config.DATABASE_WS_PROXY, maxConnections: 1 });
  try {
    await handle.db.insert(schema.busEvents).values(
      valid.map(({ event }) => ({
        projectId: event.projectId ?? null,
        traceId: event.traceId ?? null,
        type: event.type,
        source: event.source,
        payload: event.payload,
        createdAt: event.at ? new Date(event.at) : undefined,
      })),
    );
    for (const { msg } of valid) msg.ack();
  } catch (err) {
    log.error('bus event insert failed; batch will be retried', { error: describeError(err), count: valid.length });
    for (const { msg } of valid) msg.retry({ delaySeconds: Math.min(60, 2 ** msg.attempts) });
  } finally {
    await handle.close();
  }
}
