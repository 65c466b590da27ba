// GET /figma-context/context: a job's whole compact context, one page at a time. The pages of one
// sequence read the job's log up to the event that was last when its first page was read (a running
// job: what it had produced then — `partial` says so), one chunk at a time (context-blocks.ts).
import { fromJson, type CompactJson } from '@cogo/figma-context';
import type { FigmaContextPage, FigmaContextQuery } from '@cogo/types';
import type { Context } from 'hono';
import type { JobCursor } from '../../durable-objects/job-cursor';
import { jobCursorOf } from '../../durable-objects/names';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { BadPosition, START, type ChunkReader } from './context-blocks';
import { decodeContextCursor, encodeContextCursor, invalidCursor } from './context-cursor';
import { renderPage } from './context-page';
import { FIGMA_JOB_KINDS, findJob } from './figma-context.repo';

/** Events per read of the log: a few chunks, so a page holds little more than itself in memory. */
const READ_BATCH = 16;

/** The page.chunk contexts of a job's log up to `through`, from event `fromId` on. */
export function logChunkReader(stub: DurableObjectStub<JobCursor>, through: number): ChunkReader {
  return async function* read(fromId: number) {
    let after = Math.max(0, fromId - 1);
    while (after < through) {
      const batch = await stub.eventsAfter(after, READ_BATCH);
      for (const ev of batch) {
        if (ev.id > through) return;
        after = ev.id;
        if (ev.type === 'page.chunk') yield { id: ev.id, ctx: fromJson((JSON.parse(ev.data) as { context: CompactJson }).context) };
      }
      if (batch.length < READ_BATCH) return;
    }
  };
}

/** One page of a job's context in the caller's project. */
export async function contextPage(c: Context, query: FigmaContextQuery): Promise<FigmaContextPage> {
  const cursor = query.cursor === undefined ? null : await decodeContextCursor(query.cursor);
  if (cursor && query.job_id !== undefined && cursor.jobId !== query.job_id) throw invalidCursor('issued for another job');
  if (cursor && query.format !== undefined && cursor.format !== query.format) throw invalidCursor(`issued for format ${cursor.format}`);
  const jobId = cursor?.jobId ?? query.job_id!;
  const format = cursor?.format ?? query.format ?? 'text';

  const job = await findJob(c.get('db')(), principalOf(c).projectId, jobId, FIGMA_JOB_KINDS);
  if (!job) throw new ApiError('NOT_FOUND', 'job not found');
  const stub = jobCursorOf(c.get('config').JOB_CURSOR, job.id);
  const state = await stub.state();
  if (!state) throw new ApiError('NOT_FOUND', 'job log expired');
  const through = cursor?.throughEventId ?? state.lastEventId;
  if (through > state.lastEventId) throw invalidCursor();

  let page;
  try {
    page = await renderPage(format, logChunkReader(stub, through), cursor?.pos ?? START, query.max_bytes);
  } catch (err) {
    if (err instanceof BadPosition) throw invalidCursor();
    throw err;
  }
  return {
    job_id: job.id,
    format,
    job_status: state.status,
    // nothing is logged after the terminal event: a sequence that read up to the last one is whole
    partial: state.status !== 'done' || through < state.lastEventId,
    through_event_id: through,
    content: page.content,
    bytes: page.bytes,
    next_cursor: page.next ? await encodeContextCursor({ jobId: job.id, format, throughEventId: through, pos: page.next }) : null,
  };
}
