import type { Context } from 'hono';
import { jobCursorOf } from '../../durable-objects/names';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { FIGMA_JOB_KINDS, findJob } from './figma-context.repo';

/** Status of a job: its row, with the cursor object's live position. */
export async function jobStatus(c: Context, jobId: string) {
  const config = c.get('config');
  const job = await findJob(c.get('db')(), principalOf(c).projectId, jobId, FIGMA_JOB_KINDS);
  if (!job) throw new ApiError('NOT_FOUND', 'job not found');
  const stub = jobCursorOf(config.JOB_CURSOR, job.id);
  const [state, producer] = await Promise.all([stub.state(), stub.producer()]);
  const input = job.input as { file_key?: string; node_id?: string | null };
  const counts = producer ? (JSON.parse(producer.counts) as Record<string, number>) : ((job.result as { counts?: Record<string, number> } | null)?.counts ?? {});
  const status = (state?.status ?? job.status) as 'pending' | 'running' | 'done' | 'error' | 'cancelled';
  return {
    job_id: job.id,
    kind: job.kind,
    status,
    file_key: input.file_key ?? null,
    node_id: input.node_id ?? null,
    progress: {
      chunks_done: producer?.nextChunk ?? Number((job.progress as { chunks_done?: number }).chunks_done ?? 0),
      chunks_total: producer?.chunksTotal ?? Number((job.progress as { chunks_total?: number }).chunks_total ?? 0),
      last_event_id: state?.lastEventId ?? 0,
    },
    counts,
    last_error: job.error ?? null,
    created_at: job.createdAt.toISOString(),
    updated_at: job.updatedAt.toISOString(),
  };
}
