// One /figma-context/stream call (seed 000 §3, §9): replay the log after the client's cursor, then —
// holding the job's producer lease — fetch, compact and log chunks until the budget is spent
// (≤ STREAM_BUDGET_MS to start a chunk, ≤ STREAM_HARD_LIMIT_MS in all). Per-chunk `progress` events
// carry `next_cursor: null`; only a call that stops before the job ends sends, as its very last event,
// a `progress` whose next_cursor resumes it — not logged (no id), so no replay ever holds a cursor
// mid-call. Every planned page gets a `page.ready`, an empty one with `chunks: 0` (page-reports.ts).
// Exactly one terminal `done` or `error`.
import { ContextBuilder, DEFAULT_MAX_IDS_PER_CALL, componentMetaOf, emptyCounts, extractComponents, indexVariables, overallCharsPerId, variableNamer, type ChunkOutput, type ChunkRoot, type ComponentMeta, type Counts, type PlanChunk, type SizeModel } from '@cogo/figma-context';
import type { ErrorCode } from '@cogo/types';
import type { JobCursor, NewEvent, ProducerState } from '../../durable-objects/job-cursor';
import { isTerminal } from '../../durable-objects/job-status';
import type { EventSink } from '../../lib/events';
import type { Logger } from '../../lib/logger';
import { describeError } from '../../lib/logger';
import type { SseSink } from '../../lib/sse';
import { isLargeNode, type ChunkSource } from './chunk-source';
import { FigmaError, waitDetails } from './figma.client';
import { ApiError } from '../../lib/errors';
import { pageReports } from './page-reports';
import { chunkEvents, commitBatches, stageBatchBytes } from './chunk-events';

/** The job's object refused a commit: the job ended (a cancel) or another call took the lease meanwhile. */
class JobRefused extends Error {}
import { encodeEvents, logTails, readLog } from './log-tail';
import type { IsolateSlots, Release } from '../../lib/isolate-slots';

export interface ProducerDeps {
  stub: DurableObjectStub<JobCursor>;
  /** The job's chunk source, sizing requests from what the job learned so far and taking at most `maxIds` ids per request. */
  source: (learned: { estimate: SizeModel | null; maxIds: number }) => Promise<ChunkSource>;
  jobId: string;
  requestId: string;
  leaseId: string;
  startedAt: number;
  budgetMs: number;
  hardLimitMs: number;
  /** FIGMA_EVENT_MAX_BYTES: a chunk's output larger than this goes in several `page.chunk` parts (chunk-events.ts). */
  eventMaxBytes: number;
  events: EventSink;
  log: Logger;
  /** Aborted when the call must stop at once (client gone, or the hard limit reached). */
  stopSignal?: AbortSignal;
  /** After a chunk is logged (its events sent): finishes what was taken off its path (the cache's writes). */
  afterCommit?: () => Promise<void>;
  /** Persists progress/outcome on the jobs row. */
  onProgress: (patch: { status?: string; progress?: Record<string, unknown>; result?: Record<string, unknown>; error?: { code: string; message: string } }) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The isolate's chunk slots (FIGMA_CHUNK_SLOTS): a chunk is fetched, compacted and committed holding one, so the
   * isolate's heap holds only so many Figma answers at once, however many jobs it produces.
   */
  slots: IsolateSlots;
  /** Between two slices of an answer's compaction: requests in flight go first (BACKGROUND_DEFER_MS, lib/foreground.ts). */
  pause: () => Promise<void>;
}

const json = (v: unknown) => JSON.stringify(v);
/** Compact nodes made between two turns of the isolate's other work while an answer is compacted. */
const PACE_NODES = 1_000;

const addCounts = (a: Counts, b: Counts) => {
  for (const k of Object.keys(a) as (keyof Counts)[]) a[k] += b[k];
};

/** Runs one stream call against `sink`, after event `afterId`. */
export async function runStreamCall(sink: SseSink, deps: ProducerDeps, afterId: number): Promise<void> {
  const { stub } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = deps.startedAt + deps.budgetMs;
  const hard = deps.startedAt + deps.hardLimitMs;
  let last = afterId;
  const stopped = () => sink.signal.aborted || (deps.stopSignal?.aborted ?? false);

  /** Streams the log after `last`: from this isolate's shared tail of the job's log where it can (log-tail.ts). `upTo`: the log is known to end there. */
  const replay = async (upTo?: number): Promise<boolean> => {
    for (;;) {
      if (upTo !== undefined && last >= upTo) return true;
      const { events, fromTail } = await readLog(stub, deps.jobId, last, 200);
      for (const e of events) {
        if (!(await sink.sendEncoded(e.frame))) return false;
        last = e.id;
      }
      if (!fromTail && events.length < 200) return true;
    }
  };
  if (!(await replay())) return;

  let claim = await stub.claim(deps.leaseId, deps.hardLimitMs + 5_000);
  while (!claim.ok) {
    const status = claim.state?.status;
    if (!claim.state || isTerminal(status)) return;
    // another call is producing: follow its events until it is done or our budget is spent
    if (Date.now() > deadline || sink.signal.aborted) {
      const pos = claim.producer;
      await sink.send({ event: 'progress', data: json({ chunks_done: pos?.nextChunk ?? 0, chunks_total: pos?.chunksTotal ?? 0, next_cursor: String(last), tailing: true }) });
      return;
    }
    // pushed, not polling: the job's object answers when the producer logs, lets go, or the job ends
    const woke = await stub.waitForEvents(last, Math.max(0, deadline - Date.now()));
    if (!(await replay(woke.lastEventId))) return;
    // the producer logged and holds on: follow on without asking for its lease
    if (woke.woke === 'events' && woke.status !== null && !isTerminal(woke.status)) continue;
    claim = await stub.claim(deps.leaseId, deps.hardLimitMs + 5_000);
  }

  const commit = async (events: NewEvent[], producer?: ProducerState, status?: 'done' | 'error'): Promise<void> => {
    // a chunk's commit larger than one RPC message: its first batches staged, logged with the last in one step
    const batches = producer ? commitBatches(events, stageBatchBytes(deps.eventMaxBytes)) : [events];
    const final = batches.pop()!;
    for (const batch of batches) {
      const staged = await stub.stage(deps.leaseId, batch);
      if (!staged.ok) throw new JobRefused();
    }
    const answer = await stub.append(final, status, deps.leaseId, producer);
    if (!answer.ok) throw new JobRefused();
    const appended = answer.events;
    // the staged events took the ids just before the appended ones
    const staged = batches.flat();
    const first = (appended[0]?.id ?? 0) - staged.length;
    // encoded once, for this call and for every call of this isolate that follows the job
    const logged = encodeEvents([...staged.map((ev, i) => ({ ...ev, id: first + i })), ...appended]);
    logTails.add(deps.jobId, logged);
    for (const e of logged) {
      last = e.id;
      await sink.sendEncoded(e.frame);
    }
  };
  const fail = async (code: ErrorCode, message: string, details?: Record<string, unknown>) => {
    await commit([{ type: 'error', data: json({ error: { code, message, requestId: deps.requestId, ...(details ? { details } : {}) } }) }], undefined, 'error');
    await deps.onProgress({ status: 'error', error: { code, message } });
    deps.events.emit('figma_job_failed', { job_id: deps.jobId, code }, { source: 'figma-context' });
  };

  const stopSignal = deps.stopSignal ? AbortSignal.any([sink.signal, deps.stopSignal]) : sink.signal;
  let slot: Release | undefined;
  const giveBack = () => {
    slot?.();
    slot = undefined;
  };
  try {
    let p = claim.producer!;
    const counts: Counts = { ...emptyCounts(), ...(JSON.parse(p.counts) as Partial<Counts>) };
    const state = claim.state!;
    const pages = await stub.chunkPages();
    const extra = JSON.parse((await stub.extra()) ?? '{}') as { variables?: unknown; variables_status?: unknown; pages?: Array<{ id: string; name: string }>; scope?: { ancestors: string[]; parent_type: string } | null; max_ids_per_call?: number };
    const maxIds = extra.max_ids_per_call ?? DEFAULT_MAX_IDS_PER_CALL;
    const ahead = (from: number) => async () => (await stub.chunksAhead(from, maxIds)).map((c) => ({ index: c.index, pageId: c.pageId, ids: c.ids }));
    // where chunks' top nodes sit: a page's top level, or (node-scoped job) below the scoped node's ancestors
    const root: ChunkRoot = extra.scope ? { ancestors: extra.scope.ancestors, parentType: extra.scope.parent_type } : { ancestors: [] };
    const pageName = (id: string | null) => extra.pages?.find((pg) => pg.id === id)?.name ?? id ?? 'selection';
    const reports = pageReports(extra.pages ?? [], pages);
    const emptyPageReady = (list: Array<{ id: string; name: string }>): NewEvent[] =>
      list.map((pg) => ({ type: 'page.ready', data: json({ page_id: pg.id, name: pg.name, chunks: 0 }) }));
    const newBuilder = (snapshot: string | null) => new ContextBuilder({ variables: (extra.variables ?? null) as never, resume: snapshot ? JSON.parse(snapshot) : null });
    let builder = newBuilder(p.snapshot);
    // what names the variables bound in a stored component: the index the builder resolves them with
    const variables = extra.variables ? indexVariables(extra.variables as never) : null;
    if (state.lastEventId === 0) {
      await commit([{ type: 'ready', data: json({ job_id: deps.jobId, file_key: state.meta.fileKey, name: state.meta.name ?? null, chunks_total: p.chunksTotal, resumed_after: afterId, ...(extra.variables_status ? { variables: extra.variables_status } : {}) }) }]);
    }
    let source: ChunkSource | undefined;
    let producedThisCall = 0;
    while (p.nextChunk < p.chunksTotal) {
      // a call ends between requests only: one that held answers for the next chunks would have its resume ask again
      if (stopped() || (producedThisCall > 0 && Date.now() > deadline && !source?.holding?.())) break;
      // in line for the isolate's memory; a call whose client left or whose time ran out meanwhile ends (the job goes on)
      slot ??= (await deps.slots.acquire(deps.hardLimitMs, stopSignal)) ?? undefined;
      if (!slot) break;
      const stored = (await stub.chunkAt(p.nextChunk))!;
      const chunk: PlanChunk = { index: stored.index, pageId: stored.pageId, ids: stored.ids };
      const pageId = stored.pageId ?? 'selection';
      // the chunk's parts compacted: a whole answer at once, a node too large for one (LargeNode) in pieces
      let outputs: Array<{ out: ChunkOutput; meta: Map<string, ComponentMeta> }>;
      try {
        source ??= await deps.source({ estimate: p.sizes ? (JSON.parse(p.sizes) as SizeModel) : null, maxIds });
        outputs = [];
        // one answer at a time: each is compacted and dropped before the next is fetched
        // compacted a slice at a time: the isolate's other requests are served between slices, not after the whole answer
        for await (const r of source.fetch(chunk, ahead(chunk.index))) {
          outputs.push(isLargeNode(r) ? await r.compact(builder, chunk.index) : { out: await builder.addNodesPaced(r, chunk.index, deps.pause, PACE_NODES), meta: componentMetaOf(r) });
        }
      } catch (err) {
        // a chunk that failed half-way may have taken dictionary ids it never shipped: go back to the last commit
        // (the source too: what it held and learned since then goes, so requests are sized as from that commit)
        builder = newBuilder(p.snapshot);
        source = undefined;
        giveBack();
        // an in-flight fetch aborted because the client left or the hard limit came: stop, the job goes on
        if (stopped()) break;
        if (err instanceof FigmaError && err.code === 'FIGMA_RATE_LIMITED') {
          const wait = err.info.retryAfterMs ?? 60_000;
          await commit([{ type: 'debug', data: json({ message: err.message, retry_after_ms: wait, plan_tier: err.info.planTier ?? null, limit_type: err.info.limitType ?? null, upgrade_link: err.info.upgradeLink ?? null }) }]);
          if (Date.now() + wait < hard - 3_000 && !stopped()) {
            await sleep(wait);
            continue;
          }
          break;
        }
        // a Retry-After longer than a job waits (FIGMA_QUOTA_EXHAUSTED) ends it now, naming when and why
        if (err instanceof FigmaError) return await fail(err.code, err.message, err.code === 'FIGMA_QUOTA_EXHAUSTED' ? waitDetails(err.info) : undefined);
        // the source could not be made (the project's Figma token is gone since start): the job ends saying so
        if (err instanceof ApiError) return await fail(err.code, err.message);
        throw err;
      }
      const pre: NewEvent[] = [];
      if (p.nextChunk === 0 || pages[p.nextChunk - 1] !== stored.pageId) {
        pre.push(...emptyPageReady(reports.emptyBefore(stored.pageId)));
        pre.push({ type: 'page.ready', data: json({ page_id: pageId, name: pageName(stored.pageId), chunks: pages.filter((x) => x === stored.pageId).length }) });
      }
      pre.push({ type: 'page.includes', data: json({ page_id: pageId, chunk_index: chunk.index, node_ids: chunk.ids }) });
      // the whole dictionary so far (this chunk's outputs included): bound variables of earlier chunks keep their names
      const snapshot = builder.snapshot();
      const variableName = variableNamer(snapshot.defs.vars, variables);
      // components from each whole output; the events within FIGMA_EVENT_MAX_BYTES, parts numbered over the chunk
      const withComponents = outputs.map(({ out, meta }) => {
        addCounts(counts, out.counts);
        const components = extractComponents(out, stored.pageId ?? undefined, root, { meta, variableName }).items.map((i) => {
          // ancestors: what a node-scoped apply replaces within (apply.ts); description and bound_variables: what the design index renders
          const props = { ...i.props, ...(i.setId ? { set_id: i.setId } : {}), ...(i.key ? { key: i.key } : {}), ...(i.ancestors?.length ? { ancestors: i.ancestors } : {}) };
          return { node_id: i.id, name: i.name, type: i.type, props: { ...props, ...(i.description ? { description: i.description } : {}), ...(i.boundVariables ? { bound_variables: i.boundVariables } : {}) } };
        });
        return { out, components };
      });
      const parts = chunkEvents(withComponents, { page_id: pageId, chunk_index: chunk.index }, deps.eventMaxBytes);
      const sizes = source?.estimate?.();
      p = { nextChunk: p.nextChunk + 1, chunksTotal: p.chunksTotal, snapshot: json(snapshot), counts: json(counts), ...(sizes ? { sizes: json(sizes) } : {}) };
      const progress = { type: 'progress', data: json({ chunks_done: p.nextChunk, chunks_total: p.chunksTotal, next_cursor: null }) };
      await commit([...pre, ...parts, progress], p);
      await deps.afterCommit?.();
      // answers held for the next chunks stay in memory: so does the slot
      if (!source?.holding?.()) giveBack();
      producedThisCall++;
      deps.events.emit('figma_job_chunk_done', { job_id: deps.jobId, chunk: chunk.index, parts: parts.length }, { source: 'figma-context' });
    }
    if (p.nextChunk >= p.chunksTotal) {
      const duration = Date.now() - state.createdAt;
      // chunks are fetched below the pages, so the builder never sees one: pages come from the plan
      const final = { ...counts, pages: reports.pages, empty_pages: reports.emptyPages };
      const done = { type: 'done', data: json({ job_id: deps.jobId, chunks_total: p.chunksTotal, counts: final, duration_ms: duration }) };
      await commit([...emptyPageReady(reports.emptyAtEnd), done], { ...p, counts: json(final) }, 'done');
      // what the job learned of answer sizes: the prior of the next job's forecast on this file
      const perId = p.sizes ? overallCharsPerId(JSON.parse(p.sizes) as SizeModel) : null;
      const learned = perId !== null ? { chars_per_id: Math.round(perId) } : {};
      await deps.onProgress({ status: 'done', progress: { chunks_done: p.nextChunk, chunks_total: p.chunksTotal }, result: { counts: final, duration_ms: duration, ...learned } });
      deps.events.emit('figma_job_done', { job_id: deps.jobId, chunks: p.chunksTotal, counts: final }, { source: 'figma-context' });
      return;
    }
    if (!sink.signal.aborted) {
      // the call ends here, the job goes on: its last event says where to resume (what this call sent)
      await sink.send({ event: 'progress', data: json({ chunks_done: p.nextChunk, chunks_total: p.chunksTotal, next_cursor: String(last) }) });
    }
    await deps.onProgress({ progress: { chunks_done: p.nextChunk, chunks_total: p.chunksTotal } });
  } catch (err) {
    if (err instanceof JobRefused) {
      await replay(); // cancelled (or taken over) meanwhile: hand the client what is logged
      return;
    }
    deps.log.error('figma stream failed', { jobId: deps.jobId, error: describeError(err) });
    await fail('INTERNAL', 'extraction failed unexpectedly').catch(() => {});
  } finally {
    giveBack();
    await stub.release(deps.leaseId).catch(() => {});
  }
}
