// Consumer of `cogo-embed-dlq`: the queue gave up on these chunks. They keep no vector and get `embed_error`, so the
// sweep leaves them alone and their job counts them as failed (and settles); staging the document again (another
// `/rag/ingest/stream` or upsert of it, or a changed design row) makes them pending again.
import { readConfig, type Bindings } from '../env';
import { createLogger, describeError } from '../lib/logger';
import { EmbedMessageSchema } from '../modules/rag/rag-embed-queue';
import { messageScope, settleAndReport } from '../modules/rag/rag-embed.service';
import { appendJobError, markChunksFailed } from '../modules/rag/rag-queue.repo';

/** Handles one batch of the embedding dead-letter queue. */
export async function consumeEmbedsDlq(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  for (const msg of batch.messages) {
    const parsed = EmbedMessageSchema.safeParse(msg.body);
    if (!parsed.success) {
      msg.ack();
      continue;
    }
    const message = parsed.data;
    const scope = messageScope(config, env, message, msg.id, log);
    try {
      const db = scope.db();
      const failed = await markChunksFailed(db, message.chunk_ids, 'dead-lettered: the embedding provider kept failing (see the job\'s errors); ingest the document again to retry');
      const jobIds = new Set([message.job_id, ...failed.map((f) => f.jobId)].filter((j): j is string => Boolean(j)));
      for (const jobId of jobIds) {
        await appendJobError(db, jobId, { at: new Date().toISOString(), final: true, code: 'DEAD_LETTERED', message: `${failed.length} chunks dead-lettered`, chunks: failed.length });
        await settleAndReport(scope, jobId);
      }
      scope.events.emit('rag_ingest_dead_lettered', { job_id: message.job_id, chunks: failed.length });
      log.error('embedding message dead-lettered', { chunks: failed.length, job: message.job_id });
      msg.ack();
    } catch (err) {
      log.error('could not record dead-lettered chunks', { error: describeError(err) });
      msg.retry({ delaySeconds: 30 });
    } finally {
      await scope.close();
    }
  }
}
