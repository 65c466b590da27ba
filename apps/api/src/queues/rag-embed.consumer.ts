// Consumer of `cogo-embed` (modules/rag/rag-embed-queue.ts): each message is embedded on its project's own tenant
// database and routing (modules/rag/rag-embed.service.ts), then acked. A project over EMBED_RATE_LIMIT_PER_MIN gets
// its message sent again for the next window (acked, so waiting spends none of its retries). A failure is recorded
// on the job and retried after EMBED_QUEUE_RETRY_BASE_SECONDS × 2^(attempt − 1) s; after EMBED_QUEUE_MAX_RETRIES the queue
// moves it to `cogo-embed-dlq` (rag-embed.dlq.consumer.ts). Per message ack/retry, never a throw (TOOLCHAIN.md §5).
import { readConfig, type Bindings } from '../env';
import { ApiError } from '../lib/errors';
import { createLogger, describeError } from '../lib/logger';
import { EMBED_QUEUE_MAX_RETRIES, EmbedMessageSchema } from '../modules/rag/rag-embed-queue';
import { embedMessage, messageScope, retryDelaySeconds } from '../modules/rag/rag-embed.service';
import { appendJobError } from '../modules/rag/rag-queue.repo';

/** How long one message may take at the provider. */
const CALL_TIMEOUT_MS = 120_000;

/** Handles one batch of the embedding queue. */
export async function consumeEmbeds(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  for (const msg of batch.messages) {
    const parsed = EmbedMessageSchema.safeParse(msg.body);
    if (!parsed.success) {
      log.warn('dropping malformed embedding message', { messageId: msg.id });
      msg.ack();
      continue;
    }
    const message = parsed.data;
    const scope = messageScope(config, env, message, msg.id, log);
    try {
      const outcome = await embedMessage(scope, message, AbortSignal.timeout(CALL_TIMEOUT_MS));
      if (outcome.kind === 'deferred') await config.EMBED_QUEUE.send(message, { contentType: 'json', delaySeconds: outcome.seconds });
      msg.ack();
    } catch (err) {
      const delay = retryDelaySeconds(err, msg.attempts, config.EMBED_QUEUE_RETRY_BASE_SECONDS);
      const final = msg.attempts > EMBED_QUEUE_MAX_RETRIES;
      const code = err instanceof ApiError ? err.code : 'INTERNAL';
      // a provider's message is safe to keep (the gateway's errors never carry keys); anything else is not shown
      const detail = err instanceof ApiError ? err.message : 'internal error';
      log.warn('embedding message failed', { attempts: msg.attempts, final, code, error: describeError(err) });
      scope.events.emit('rag_ingest_failed', { job_id: message.job_id, chunks: message.chunk_ids.length, attempt: msg.attempts, final, code });
      if (message.job_id) {
        const entry = { at: new Date().toISOString(), attempt: msg.attempts, final, code, message: detail, chunks: message.chunk_ids.length, retry_in_seconds: final ? null : delay };
        await appendJobError(scope.db(), message.job_id, entry).catch((e: unknown) => log.warn('job error not recorded', { error: describeError(e) }));
      }
      msg.retry({ delaySeconds: delay });
    } finally {
      await scope.close();
    }
  }
}
