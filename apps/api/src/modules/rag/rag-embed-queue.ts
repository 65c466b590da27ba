// The RAG embedding queue (`cogo-embed`): each message names up to EMBED_MAX_BATCH chunks of one project still
// waiting for a vector — the chunk rows are the truth (embedding null = pending), the message only says "look".
// So a lost send loses nothing (the cron sweep sends pending chunks again) and a duplicate embeds nothing twice.
import { z } from 'zod';
import { describeError, type Logger } from '../../lib/logger';

/** `max_retries` of the `cogo-embed` consumers in wrangler.toml (a test keeps them equal): 1 + this deliveries. */
export const EMBED_QUEUE_MAX_RETRIES = 3;

export const EmbedMessageSchema = z.object({
  project_id: z.uuid(),
  /** The queued ingestion that staged them (null: the design index, the sweep). */
  job_id: z.uuid().nullable(),
  chunk_ids: z.array(z.uuid()).min(1).max(2_048),
  trace_id: z.string().min(1).max(128),
});
export type EmbedMessage = z.infer<typeof EmbedMessageSchema>;

/** Sends `chunkIds` in messages of ≤ `batch` ids (≤ 100 messages a call); never throws. Returns whether all were sent. */
export async function enqueueEmbeds(
  queue: Queue<unknown>,
  work: { projectId: string; jobId: string | null; traceId: string; chunkIds: readonly string[] },
  batch: number,
  log?: Logger,
): Promise<boolean> {
  const bodies: EmbedMessage[] = [];
  for (let i = 0; i < work.chunkIds.length; i += batch) {
    bodies.push({ project_id: work.projectId, job_id: work.jobId, chunk_ids: work.chunkIds.slice(i, i + batch), trace_id: work.traceId });
  }
  try {
    for (let i = 0; i < bodies.length; i += 100) await queue.sendBatch(bodies.slice(i, i + 100).map((body) => ({ body, contentType: 'json' as const })));
    return true;
  } catch (err) {
    log?.warn('embedding work not sent; the cron sweep will resend it', { error: describeError(err), chunks: work.chunkIds.length });
    return false;
  }
}
