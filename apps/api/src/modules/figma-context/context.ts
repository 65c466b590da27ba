// GET /figma-context/context: a job's whole compact context, one page at a time. The pages of one
// sequence read the job's log up to the event that was last when its first page was read (a running
// job: what it had produced then — `partial` says so), one chunk at a time (context-blocks.ts). A chunk
// logged in parts (FIGMA_EVENT_MAX_BYTES) is read as before it was cut: a part `under` a node of the
// parts before it is merged into them, so the blocks are whole top-level subtrees, as with one event.
// Logged events never change, so chunk groups read once, and the summary of a view, are kept by the
// isolate (context-cache.ts): a page after the first reads them from memory, neither from the Durable
// Object nor parsed or summarised again.
import type { Db } from '@cogo/db';
import { fromJson, mergeChunks, type CompactContext, type CompactJson } from '@cogo/figma-context';
import type { FigmaContextPage, FigmaContextQuery } from '@cogo/types';
import type { Context } from 'hono';
import type { JobCursor } from '../../durable-objects/job-cursor';
import { isTerminal } from '../../durable-objects/job-status';
import { jobCursorOf } from '../../durable-objects/names';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { BadPosition, START, summarise, type ChunkReader, type SummarySource } from './context-blocks';
import { chunkCache, type ChunkCache } from './context-cache';
import { decodeContextCursor, encodeContextCursor, invalidCursor } from './context-cursor';
import { renderPage } from './context-page';
import { FIGMA_JOB_KINDS, findJob } from './figma-context.repo';

/** Events in a reader's first call to the log: a page often needs a group or two, and an event may be 1 MiB. */
const FIRST_BATCH = 4;
/** Events per later call: a few chunks, so a page holds little more than itself in memory. */
const READ_BATCH = 16;

type Part = ReturnType<typeof fromJson>;
type Yielded = { id: number; ctx: CompactContext };

/** What a sequence of pages sees of a job's log. */
export interface LogView {
  /** The log's name in the cache: the job, and when its log was created. */
  key: string;
  /** The last event it reads. */
  through: number;
  /** Nothing is logged after `through`, ever: the job has ended and `through` is its last event. */
  sealed: boolean;
}

/** A chunk's parts read so far (one, for a chunk logged whole), under the id of the first. */
interface Group {
  id: number;
  parts: Part[];
  last: number;
  /** Its first event is no part under a node. */
  head: boolean;
  /** Characters of event data read for it: what the cache counts it as. */
  chars: number;
}

/**
 * The page.chunk contexts of a job's log up to `view.through`, from event `fromId` on; the parts `under` a
 * node merged into the part(s) before them, the group under the id of its first event. Groups known to be
 * complete are kept in `cache` and read from there again, by any request that sees that much of the log.
 */
export function logChunkReader(stub: DurableObjectStub<JobCursor>, view: LogView, cache: ChunkCache = chunkCache): ChunkReader {
  const { key, through, sealed } = view;

  // `next`: where the next group starts (null: nowhere, ever) — known, the group is complete and kept;
  // undefined: more parts of it may be logged after `through`, so it is not
  const finish = (g: Group, next: number | null | undefined): Yielded => {
    const ctx = g.parts.length === 1 ? g.parts[0]! : mergeChunks(g.parts);
    if (next !== undefined) cache.putGroup(key, { kind: 'group', id: g.id, ctx, last: g.last, next, head: g.head }, g.chars);
    return { id: g.id, ctx };
  };

  /** Groups read from the log from event `at` on, until one the cache holds: its id (null: the end of the view). */
  async function* fromLog(at: number): AsyncGenerator<Yielded, number | null> {
    let group: Group | null = null;
    let after = at - 1;
    let limit = FIRST_BATCH;
    log: while (after < through) {
      const batch = await stub.eventsAfter(after, limit);
      for (const ev of batch) {
        if (ev.id > through) break log;
        after = ev.id;
        if (ev.type !== 'page.chunk') continue;
        if (!group && ev.id > at) cache.putSkip(key, at, ev.id);
        // a group is kept from here, so one starts here: the group read so far is whole
        const known = ev.id === at ? undefined : cache.get(key, ev.id);
        if (known?.kind === 'group' && known.head) {
          if (group) yield finish(group, ev.id);
          group = null;
          if (known.last <= through) return ev.id;
        }
        const ctx = fromJson((JSON.parse(ev.data) as { context: CompactJson }).context);
        // a chunk's parts are logged together, in order: a part under a node follows the part holding it
        if (ctx.under !== undefined && group) {
          group.parts.push(ctx);
          group.last = ev.id;
          group.chars += ev.data.length;
        } else {
          if (group) yield finish(group, ev.id);
          group = { id: ev.id, parts: [ctx], last: ev.id, head: ctx.under === undefined, chars: ev.data.length };
        }
      }
      if (batch.length < limit) break;
      limit = READ_BATCH;
    }
    if (group) yield finish(group, sealed ? null : undefined);
    else if (sealed) cache.putSkip(key, at, null);
    return null;
  }

  return async function* read(fromId: number) {
    // the next group is the first one starting at or after `at`
    let at = Math.max(1, fromId);
    while (at <= through) {
      const known = cache.get(key, at);
      if (known?.kind === 'skip') {
        if (known.to === null) return;
        at = known.to;
      } else if (known && known.last <= through) {
        yield { id: known.id, ctx: known.ctx };
        if (known.next === null) return;
        at = known.next;
      } else {
        // not kept, or kept whole while this view ends inside it
        const next = yield* fromLog(at);
        if (next === null) return;
        at = next;
      }
    }
  };
}

/** The summary of a view's chunks, made once: kept by the isolate under the view's last event, all it depends on. */
export function keptSummary(view: LogView, cache: ChunkCache = chunkCache): SummarySource {
  return async (read) => {
    const kept = cache.summary(view.key, view.through);
    if (kept) return kept;
    const made = await summarise(read);
    cache.putSummary(view.key, view.through, made);
    return made;
  };
}

/** One page of a job's context in the caller's project. */
/** Where a page is read from: the caller's project, its database and the job logs. */
export interface ContextPageDeps {
  db: Db;
  projectId: string;
  jobCursor: DurableObjectNamespace<JobCursor>;
}

/** A page for the request in `c`. */
export function contextPage(c: Context, query: FigmaContextQuery): Promise<FigmaContextPage> {
  return readContextPage({ db: c.get('db')(), projectId: principalOf(c).projectId, jobCursor: c.get('config').JOB_CURSOR }, query);
}

/** A page of the job's context (GET /figma-context/context, and MCP's get_design_context). */
export async function readContextPage(deps: ContextPageDeps, query: FigmaContextQuery): Promise<FigmaContextPage> {
  const cursor = query.cursor === undefined ? null : await decodeContextCursor(query.cursor);
  if (cursor && query.job_id !== undefined && cursor.jobId !== query.job_id) throw invalidCursor('issued for another job');
  if (cursor && query.format !== undefined && cursor.format !== query.format) throw invalidCursor(`issued for format ${cursor.format}`);
  const jobId = cursor?.jobId ?? query.job_id!;
  const format = cursor?.format ?? query.format ?? 'text';

  const job = await findJob(deps.db, deps.projectId, jobId, FIGMA_JOB_KINDS);
  if (!job) throw new ApiError('NOT_FOUND', 'job not found');
  const stub = jobCursorOf(deps.jobCursor, job.id);
  const state = await stub.state();
  if (!state) throw new ApiError('NOT_FOUND', 'job log expired');
  const through = cursor?.throughEventId ?? state.lastEventId;
  if (through > state.lastEventId) throw invalidCursor();

  let page;
  try {
    const view = { key: `${job.id}@${state.createdAt}`, through, sealed: isTerminal(state.status) && through === state.lastEventId };
    page = await renderPage(format, logChunkReader(stub, view), cursor?.pos ?? START, query.max_bytes, keptSummary(view));
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
