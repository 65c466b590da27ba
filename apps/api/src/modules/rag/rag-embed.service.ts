// The embedding queue's work on one message (queues/rag-embed.consumer.ts): the chunks it names that still wait for a
// vector are embedded through the project's embedding routing (`/embed`'s: batches of EMBED_MAX_BATCH, in-call
// retries EMBED_PROVIDER_MAX_RETRIES honouring Retry-After, fallback to the next provider of the policy) and stored
// only where the chunk still has the text that was embedded. Provider calls are paced per project by
// EMBED_RATE_LIMIT_PER_MIN (a RateLimiter window, exact across isolates). A job whose last chunk is settled emits
// `rag_ingest_done` once.
import { rateLimiterName } from '../../durable-objects/names';
import { ApiError } from '../../lib/errors';
import type { AppConfig } from '../../env';
import type { Logger } from '../../lib/logger';
import { createCallScope, type CallScope } from '../llm/call-scope';
import type { EmbedMessage } from './rag-embed-queue';
import { assertVectorDimensions, embedTexts } from './rag-ingest.service';
import { jobCounts, pendingChunks, settleJob, storeVectors } from './rag-queue.repo';

/** The call scope of one queue message: its project's database and routing, on the message's trace. */
export function messageScope(config: AppConfig, env: unknown, message: EmbedMessage, messageId: string, log: Logger): CallScope {
  return createCallScope({ config, rawEnv: env as Record<string, unknown>, projectId: message.project_id, actor: 'service:rag-embed', traceId: message.trace_id, requestId: messageId, log, source: 'rag' });
}

export type EmbedOutcome = { kind: 'stored'; chunks: number; model: string | null } | { kind: 'deferred'; seconds: number };

const WINDOW_MS = 60_000;

/** Takes `calls` provider calls from the project's minute window; the seconds to wait when it is full (0: go). */
async function takeQuota(scope: CallScope, calls: number): Promise<number> {
  const ns = scope.config.RATE_LIMITER;
  const now = Date.now();
  const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
  const name = rateLimiterName('embed-queue', scope.projectId);
  const lease = await ns.get(ns.idFromName(name)).lease(scope.config.EMBED_RATE_LIMIT_PER_MIN, start + WINDOW_MS, calls);
  if (lease.to >= lease.from) return 0;
  if (lease.firstRejection) scope.events.emit('rate_limit_exceeded', { policy: 'embed-queue', subject: scope.projectId, limit: scope.config.EMBED_RATE_LIMIT_PER_MIN, window_seconds: 60 });
  return Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
}

/** Embeds and stores what `message` names (see the file header). Throws what the provider path throws. */
export async function embedMessage(scope: CallScope, message: EmbedMessage, signal: AbortSignal): Promise<EmbedOutcome> {
  const db = scope.db();
  const chunks = await pendingChunks(db, message.chunk_ids);
  let outcome: EmbedOutcome = { kind: 'stored', chunks: 0, model: null };
  if (chunks.length) {
    const texts = [...new Set(chunks.map((c) => c.text))];
    const wait = await takeQuota(scope, Math.ceil(texts.length / scope.config.EMBED_MAX_BATCH));
    if (wait) return { kind: 'deferred', seconds: wait };
    await assertVectorDimensions(scope);
    const { model, vectors } = await embedTexts(scope, texts, signal);
    const stored = await storeVectors(db, chunks.map((c) => ({ id: c.id, contentHash: c.contentHash, embedding: vectors.get(c.text)! })), model);
    outcome = { kind: 'stored', chunks: stored, model };
  }
  // settle the jobs named by the message or owning its chunks (a chunk may have moved to a newer job)
  const jobIds = new Set([message.job_id, ...chunks.map((c) => c.jobId)].filter((j): j is string => Boolean(j)));
  for (const jobId of jobIds) await settleAndReport(scope, jobId);
  return outcome;
}

/** Settles the job if nothing of it is pending, emitting `rag_ingest_done` with its counts once. */
export async function settleAndReport(scope: CallScope, jobId: string): Promise<void> {
  const db = scope.db();
  if (!(await settleJob(db, jobId))) return;
  const counts = await jobCounts(db, jobId);
  scope.events.emit('rag_ingest_done', { job_id: jobId, chunks: counts.chunks, embedded: counts.embedded, failed: counts.failed });
}

/**
 * Seconds before a failed message is tried again: the Retry-After an error carries, else
 * EMBED_QUEUE_RETRY_BASE_SECONDS × 2^(attempt − 1), at most 60 (the gateway already honoured the provider's own
 * Retry-After within the call).
 */
export function retryDelaySeconds(err: unknown, attempts: number, baseSeconds: number): number {
  const header = err instanceof ApiError ? Number(err.headers?.['Retry-After']) : NaN;
  if (Number.isFinite(header) && header >= 0) return Math.min(300, Math.ceil(header));
  return Math.min(60, baseSeconds * 2 ** Math.max(0, attempts - 1));
}
