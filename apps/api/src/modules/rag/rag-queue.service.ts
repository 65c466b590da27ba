// Queued ingestion's request side (issue 12): jobs, a stream call's staging and sends, and a job's view. The queue's
// side is rag-embed.service.ts.
import type { Db } from '@cogo/db';
import type { RagIngestJob, RagIngestStreamRequest, RagUpsertDocument } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import type { CallScope } from '../llm/call-scope';
import { enqueueEmbeds } from './rag-embed-queue';
import { assertVectorDimensions } from './rag-ingest.service';
import { currentEmbeddingModel } from './rag-plan';
import { addJobItems, createJob, findJob, jobCounts, type JobCounts, type JobRow } from './rag-queue.repo';
import { stageDocuments } from './rag-stage';

/** The public view of a job. */
export function jobView(job: JobRow, counts: JobCounts): RagIngestJob {
  const status = counts.pending > 0 ? 'embedding' : counts.failed > 0 ? 'failed' : job.items > 0 ? 'done' : 'open';
  return {
    job_id: job.id,
    status,
    items: job.items,
    unchanged: job.unchanged,
    chunks: { total: counts.chunks, embedded: counts.embedded, pending: counts.pending, failed: counts.failed },
    errors: job.errors as RagIngestJob['errors'],
    trace_id: job.traceId,
    created_at: job.createdAt.toISOString(),
    settled_at: job.settledAt?.toISOString() ?? null,
  };
}

/** Creates a job. */
export async function startJob(scope: CallScope): Promise<RagIngestJob> {
  const job = await createJob(scope.db(), scope.projectId, scope.traceId);
  scope.events.emit('rag_ingest_started', { job_id: job.id });
  return jobView(job, { chunks: 0, embedded: 0, pending: 0, failed: 0 });
}

/** A job of the project (the tenant database `db`), or 404. */
export async function requireJob(db: Db, id: string): Promise<JobRow> {
  const job = await findJob(db, id);
  if (!job) throw new ApiError('NOT_FOUND', `no ingestion job ${id} in this project`);
  return job;
}

export interface StagedCall {
  job: JobRow;
  documents: Array<Omit<RagUpsertDocument, 'embedded'> & { queued: number }>;
  /** The chunks this call sent to the queue. */
  pending: string[];
}

/** Stores a stream call's items without vectors and sends their chunks to the embedding queue. */
export async function stageCall(scope: CallScope, job: JobRow, request: RagIngestStreamRequest): Promise<StagedCall> {
  await assertVectorDimensions(scope);
  const db = scope.db();
  const current = await currentEmbeddingModel(scope.db, scope.projectId, scope.config);
  const staged = await stageDocuments(db, scope.projectId, request.items, { current, jobId: job.id });
  const unchanged = staged.documents.filter((d) => d.status === 'unchanged').length;
  await addJobItems(db, job.id, request.items.length, unchanged);
  // one message per EMBED_MAX_BATCH chunks; a failed send is logged and left to the cron sweep
  await enqueueEmbeds(scope.config.EMBED_QUEUE, { projectId: scope.projectId, jobId: job.id, traceId: scope.traceId, chunkIds: staged.pending }, scope.config.EMBED_MAX_BATCH, scope.log);
  scope.events.emit('rag_ingest_queued', { job_id: job.id, items: request.items.length, unchanged, chunks: staged.pending.length });
  return {
    job,
    documents: staged.documents.map(({ embedded: _embedded, ...d }) => ({ ...d, queued: staged.pendingByDocument.get(d.id) ?? 0 })),
    pending: staged.pending,
  };
}

/** A job's current view. */
export async function jobStatus(db: Db, id: string): Promise<RagIngestJob> {
  const job = await requireJob(db, id);
  return jobView(job, await jobCounts(db, id));
}
