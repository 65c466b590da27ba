// Consumer of the `cogo-browser` queue: one browser test session per message `{ session_id }` (browser/).
// A malformed message is acked; a session already running or done is left alone (a redelivery never runs twice).
import { z } from 'zod';
import { readConfig, type Bindings } from '../env';
import { serviceDbFromConfig } from '../lib/db';
import { createLogger, describeError } from '../lib/logger';
import { runSession } from '../modules/design-sync/browser/browser.service';

const MessageSchema = z.object({ session_id: z.uuid() });

/** Handles one batch of the browser queue. */
export async function consumeBrowserSessions(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  const handle = serviceDbFromConfig(config, log, { reason: 'design-sync browser sessions: the queue has no caller', route: 'queue:cogo-browser' }, 1);
  try {
    for (const msg of batch.messages) {
      const parsed = MessageSchema.safeParse(msg.body);
      if (!parsed.success) {
        log.warn('dropping malformed browser message', { messageId: msg.id });
        msg.ack();
        continue;
      }
      try {
        await runSession(handle.db, config, log, parsed.data.session_id);
        msg.ack();
      } catch (err) {
        log.error('browser session failed', { messageId: msg.id, ...describeError(err) });
        msg.retry();
      }
    }
  } finally {
    await handle.close();
  }
}
