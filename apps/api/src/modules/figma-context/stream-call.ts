// One call of POST /figma-context/stream for a job of the caller's project, as a response: the log replayed after
// `after`, then — holding the job's producer lease — chunks fetched, compacted and logged until the call's budget is
// spent (producer.ts). The route answers it; MCP's get_design_context reads it through to drive a job it started.
// Start hands a new job's first chunk to a producer of its own in the background (produceFirstChunk).
import { tenantDb } from '../../lib/db';
import { jobCursorOf } from '../../durable-objects/names';
import type { JobCursorState } from '../../durable-objects/job-cursor';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { backgroundPause } from '../../lib/foreground';
import { createEventSink } from '../../lib/events';
import { describeError } from '../../lib/logger';
import { sseResponse, type SseSink } from '../../lib/sse';
import { figmaChunkSource } from './chunk-source';
import { jobVersionCache, withVersionCache } from './version-cache';
import type { IndexedEntry } from './version-cache.repo';
import { figmaClientFor } from './figma-context.outbound';
import { updateJob, type JobRow } from './figma-context.repo';
import { figmaTokenOf } from './figma-context.token';
import { vaultContext } from '../vault';
import type { Db } from '@cogo/db';
import { runStreamCall, type ProducerDeps } from './producer';
import { figmaChunkSlots } from './figma-access';
import { ingestChunkSource } from './ingest-source';

/** The stream call's response for `job` (found in the caller's project), after event `after`; `known`: its object's state, when the caller read it already. */
export async function streamCall(c: Context, job: JobRow, after: number, known?: { state: JobCursorState | null }): Promise<Response> {
  const config = c.get('config');
  const stub = jobCursorOf(config.JOB_CURSOR, job.id);
  const state = known ? known.state : await stub.state();
  if (!state) throw new ApiError('NOT_FOUND', 'job log expired');
  const live = state.status === 'pending' || state.status === 'running';
  // read only when this call fetches (a call that follows another's producer, or replays, never does), on the
  // producer's own connection: the request's is closed once this handler returns the stream
  const vault = vaultContext(c);
  const token = live && job.kind === 'figma-context' ? async (db: Db) => (await figmaTokenOf(config, { ...vault, db }, job.projectId)).token : null;
  const startedAt = Date.now();
  const log = c.get('log');
  const run = producerRun(c, job, token, { startedAt, budgetMs: config.STREAM_BUDGET_MS, hardLimitMs: config.STREAM_HARD_LIMIT_MS });
  const { response, done } = sseResponse(
    (sink) => {
      sink.signal.addEventListener('abort', () => run.abort.abort(), { once: true });
      return runStreamCall(sink, run.deps, after);
    },
    { requestSignal: c.req.raw.signal, onError: (err) => log.error('stream failed', { error: describeError(err) }) },
  );
  keepRunning(c, done.finally(run.cleanup));
  return response;
}

/**
 * Right after start (FIGMA_EAGER_START): the job's first chunk is fetched, compacted and logged in the background
 * while the answer travels and the client opens its stream call, which follows this producer (pushed, not polled)
 * and takes over its lease when it lets go. Only where the runtime keeps work going after the answer (waitUntil);
 * within a bound well under its 30 s.
 */
export function produceFirstChunk(c: Context, job: ProducedJob, token: string, opts: { known: Promise<Map<string, IndexedEntry> | null>; inserted: Promise<unknown> }): void {
  const config = c.get('config');
  if (!config.FIGMA_EAGER_START || !hasExecutionContext(c)) return;
  // begun beside the job's row: its progress is written once the row is there; a row that failed stops it
  const run = producerRun(c, job, async () => token, { startedAt: Date.now(), budgetMs: 0, hardLimitMs: Math.min(config.STREAM_HARD_LIMIT_MS, EAGER_HARD_LIMIT_MS), ...opts });
  opts.inserted.catch(() => run.abort.abort());
  const sink: SseSink = { send: async () => true, sendEncoded: async () => true, signal: run.abort.signal };
  keepRunning(c, runStreamCall(sink, run.deps, 0).catch((err: unknown) => c.get('log').error('first chunk failed', { jobId: job.id, error: describeError(err) })).finally(run.cleanup));
}

/** The eager producer's hard limit: its lease lapses 5 s after it, well within the 30 s Workers keep work after an answer. */
const EAGER_HARD_LIMIT_MS = 20_000;

function hasExecutionContext(c: Context): boolean {
  try {
    return typeof c.executionCtx.waitUntil === 'function';
  } catch {
    return false; // no execution context (app.request in tests)
  }
}

function keepRunning(c: Context, work: Promise<unknown>): void {
  if (hasExecutionContext(c)) c.executionCtx.waitUntil(work);
  // else: no execution context (app.request in tests): the work's own end runs the cleanup
}

type ProducedJob = Pick<JobRow, 'id' | 'projectId' | 'input'>;

/** What one producer of `job` runs with — its Figma source through the version cache its start proved, its own tenant database and event sink — and the cleanup once it ended. */
function producerRun(c: Context, job: ProducedJob, token: ((db: Db) => Promise<string>) | null, limits: { startedAt: number; budgetMs: number; hardLimitMs: number; known?: Promise<Map<string, IndexedEntry> | null>; inserted?: Promise<unknown> }) {
  const config = c.get('config');
  const { startedAt, hardLimitMs } = limits;
  const traceId = c.get('traceId');
  const log = c.get('log');
  // outlives the request's own database (closed once the handler answers): the job's tenant, too
  const handle = tenantDb(config, job.projectId, 1);
  const events = createEventSink({ queue: config.EVENTS_QUEUE, traceId, source: 'figma-context', projectId: () => job.projectId });
  // stops in-flight Figma calls when the client leaves or the hard limit is reached
  const abort = new AbortController();
  const hardStop = setTimeout(() => abort.abort(), Math.max(0, hardLimitMs - 500));
  // the cache's writes are taken off the chunk's path: they begin once the chunk is logged and sent, and are done
  // before the next chunk and the call's end
  const stores: Array<() => Promise<void>> = [];
  const settleStores = async () => {
    while (stores.length) await Promise.allSettled(stores.splice(0).map((work) => work()));
  };
  const deps: ProducerDeps = {
    stub: jobCursorOf(config.JOB_CURSOR, job.id),
    jobId: job.id,
    requestId: c.get('requestId'),
    leaseId: crypto.randomUUID(),
    startedAt,
    stopSignal: abort.signal,
    budgetMs: limits.budgetMs,
    hardLimitMs,
    eventMaxBytes: config.FIGMA_EVENT_MAX_BYTES,
    slots: figmaChunkSlots(config),
    pause: backgroundPause(config),
    events,
    log,
    source: async (learned) => {
      if (!token) return ingestChunkSource(config, job.projectId, String((job.input as { upload_id?: string }).upload_id));
      const cache = jobVersionCache(config, handle.db, job, (err) => log.warn('figma version cache', { error: describeError(err) }));
      return figmaChunkSource(
        // the version its start proved: chunks of that version replay from the cache (version-cache.ts)
        withVersionCache(
          figmaClientFor(config, await token(handle.db), traceId, abort.signal, () => Math.max(0, startedAt + hardLimitMs - 3_000 - Date.now())),
          cache ? { ...cache, defer: (work) => void stores.push(work), ...(limits.known ? { known: limits.known } : {}) } : null,
        ),
        String((job.input as { file_key?: string }).file_key),
        { budgetBytes: config.FIGMA_MAX_RESPONSE_BYTES, ...learned },
      );
    },
    afterCommit: settleStores,
    onProgress: async (patch) => {
      await limits.inserted;
      await updateJob(handle.db, job.id, patch);
    },
  };
  const cleanup = async () => {
    clearTimeout(hardStop);
    await settleStores();
    await Promise.all([events.flush(), handle.close()]);
  };
  return { deps, abort, cleanup };
}
