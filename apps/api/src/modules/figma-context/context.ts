// GET /figma-context/context: a job's whole compact context, one page at a time. The pages of one
// sequence read the job's log up to the event that was last when its first page was read (a running
// job: what it had produced then — `partial` says so), one chunk at a time (context-blocks.ts). A chunk
// logged in parts (FIGMA_EVENT_MAX_BYTES) is read as before it was cut: a part `under` a node of the
// parts before it is merged into them, so the blocks are whole top-level subtrees, as with one event.
import { fromJson, mergeChunks, type CompactContext, type CompactJson } from '@cogo/figma-context';
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

/** A chunk's parts read so far (one, for a chunk logged whole), under the id of the first. */
interface Group {
  id: number;
  parts: Array<ReturnType<typeof fromJson>>;
}

/**
 * The page.chunk contexts of a job's log up to `through`, from event `fromId` on; the parts `under` a node
 * merged into the part(s) before them, the group under the id of its first event.
 */
export function logChunkReader(stub: DurableObjectStub<JobCursor>, through: number): ChunkReader {
  return async function* read(fromId: number) {
    let group: Group | null = null;
    const whole = (g: Group): { id: number; ctx: CompactContext } => ({ id: g.id, ctx: g.parts.length === 1 ? g.parts[0]! : mergeChunks(g.parts) });
    let after = Math.max(0, fromId - 1);
    log: while (after < through) {
      const batch = await stub.eventsAfter(after, READ_BATCH);
      for (const ev of batch) {
        if (ev.id > through) break log;
        after = ev.id;
        if (ev.type !== 'page.chunk') continue;
        const ctx = fromJson((JSON.parse(ev.data) as { context: CompactJson }).context);
        // a chunk's parts are logged together, in order: a part under a node follows the part holding it
        if (ctx.under !== undefined && group) group.parts.push(ctx);
        else {
          if (group) yield whole(group);
          group = { id: ev.id, parts: [ctx] };
        }
      }
      if (batch.length < READ_BATCH) break;
    }
    if (group) yield whole(group);
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
