// streamFigmaJob (packages/api-client) against the real Worker: one call per time budget, each read
// to its end; resumes from the last event id after a drop; every logged event exactly once.
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { afterEach, describe, expect, it } from 'vitest';
import { CogoApiError } from '../../../../packages/api-client/src/errors';
import { collectPages } from '../../../../packages/api-client/src/figma-collect';
import { getFigmaJobStatus, startFigmaJob } from '../../../../packages/api-client/src/figma-jobs';
import { FigmaJobFailedError, FigmaStreamError, readFigmaJob, streamFigmaJob } from '../../../../packages/api-client/src/figma-stream';
import type { FigmaStreamEvent } from '../../../../packages/api-client/src/figma-types';
import { createTestProject, figmaFake } from '../helpers';
import { connection, jobLog, workerTransport, type TransportFault } from './client-helpers';

afterEach(() => figmaFake.clear());

const URL_OF_SAMPLE = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;
/** A budget no sample job reaches: a call stops only when the job is done. */
const LONG_BUDGET = { STREAM_BUDGET_MS: '60000', STREAM_HARD_LIMIT_MS: '120000' };
/** 500 ms per call: with slowFigma(), a job of one-node chunks takes several calls. */
const SHORT_BUDGET = { STREAM_BUDGET_MS: '500' };
/** Every nodes call of the sample takes 200 ms at the Figma fake. */
const slowFigma = () => figmaFake.faults([{ fault: { kind: 'latency', ms: 200 }, times: null, path: `/v1/files/${SAMPLE_FILE_KEY}/nodes` }]);

const logged = (events: FigmaStreamEvent[]) => events.filter((e) => e.id !== null).map(({ id, event, data }) => ({ id, event, data }));
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A project, a transport into the Worker and a started job of one-node chunks. */
async function setup(options: { vars?: Record<string, string>; faults?: (call: number, path: string) => TransportFault | undefined } = {}) {
  const p = await createTestProject();
  const transport = workerTransport({ vars: LONG_BUDGET, ...options });
  const sleeps: number[] = [];
  const conn = connection(p.key, transport, sleeps);
  const started = await startFigmaJob(conn, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 1 } });
  return { p, transport, sleeps, conn, started, base: { ...conn, jobId: started.job_id, cursor: started.first_cursor } };
}

describe('streamFigmaJob against the Worker', () => {
  it('reads a multi-chunk job in ONE stream call when the budget allows it', async () => {
    const { p, transport, conn, started, base } = await setup();
    expect(started.plan.chunks).toBeGreaterThan(5);

    const events = await readFigmaJob(base);
    expect(transport.streamCalls).toHaveLength(1);
    expect(logged(events)).toEqual(await jobLog(p.key, started.job_id));
    expect(events.filter((e) => e.event === 'page.chunk').map((e) => e.data.chunk_index)).toEqual(oneTo(started.plan.chunks).map((i) => i - 1));
    expect(events.at(-1)?.event).toBe('done');
    // per-chunk progress carries no cursor: the call did not end there
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(started.plan.chunks);
    for (const e of progress) expect(e.data.next_cursor).toBeNull();

    const status = await getFigmaJobStatus(conn, started.job_id);
    expect(status).toMatchObject({ status: 'done', progress: { chunks_done: started.plan.chunks, chunks_total: started.plan.chunks, last_event_id: logged(events).length } });
  });

  it('reads the whole log in id order across budgeted calls, each resuming after the last event of the one before', async () => {
    const { p, transport, sleeps, started, base } = await setup({ vars: SHORT_BUDGET });
    await slowFigma();
    const seen: FigmaStreamEvent[] = [];
    const reconnects: unknown[] = [];
    const events = await readFigmaJob({ ...base, onEvent: (e) => seen.push(e), onReconnect: (r) => reconnects.push(r) });
    // each call ended with its closing progress: none was taken for a drop
    expect(reconnects).toEqual([]);
    expect(sleeps).toEqual([]);
    const closing = events.filter((e) => e.event === 'progress' && e.data.next_cursor !== null);
    expect(closing).toHaveLength(transport.streamCalls.length - 1);
    for (const e of closing) expect(e.id).toBeNull();

    expect(seen).toEqual(events);
    expect(logged(events)).toEqual(await jobLog(p.key, started.job_id));
    expect(logged(events).map((e) => e.id)).toEqual(oneTo(logged(events).length));
    const calls = transport.streamCalls;
    expect(calls.length).toBeGreaterThan(1);
    // a call's cursor is the id of the last event the previous call sent, in the body and in Last-Event-ID
    const cursors = calls.map((c) => Number(c.cursor));
    expect(cursors[0]).toBe(0);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(calls.map((c) => c.lastEventId)).toEqual(calls.map((c) => c.cursor));
    for (const c of cursors.slice(1)) expect(events.some((e) => e.id === c)).toBe(true);
  });

  it('loses and repeats nothing across dropped connections, resuming from the last id received', async () => {
    const clean = await setup();
    const reference = collectPages(await readFigmaJob(clean.base));

    const faults: Record<number, TransportFault> = {
      1: { kind: 'cut', afterFrames: 5 }, // the connection breaks in the middle of event 6
      2: { kind: 'cut', afterFrames: 0, mode: 'end' }, // a clean end after half of the replayed event 6
      3: { kind: 'refuse' }, // fetch itself fails
    };
    const { p, transport, sleeps, started, base } = await setup({ faults: (n, path) => (path === '/figma-context/stream' ? faults[n] : undefined) });
    const reconnects: [number, string][] = [];
    const events = await readFigmaJob({ ...base, reconnectDelayMs: (n) => n * 100, onReconnect: (r) => reconnects.push([r.attempt, r.cursor]) });

    expect(logged(events)).toEqual(await jobLog(p.key, started.job_id));
    expect(collectPages(events)).toEqual(reference);
    expect(transport.streamCalls.map((c) => c.cursor)).toEqual(['0', '5', '5', '5']);
    // three failures in a row: none of them brought a new event
    expect(sleeps).toEqual([100, 200, 300]);
    expect(reconnects).toEqual([
      [1, '5'],
      [2, '5'],
      [3, '5'],
    ]);
  });

  it('ignores replayed events it already holds', async () => {
    const faults: Record<number, TransportFault> = { 1: { kind: 'cut', afterFrames: 7 }, 2: { kind: 'rewind', by: 3 } };
    const { p, transport, started, base } = await setup({ faults: (n, path) => (path === '/figma-context/stream' ? faults[n] : undefined) });
    const events = await readFigmaJob({ ...base, reconnectDelayMs: () => 0 });
    expect(logged(events)).toEqual(await jobLog(p.key, started.job_id));
    expect(transport.streamCalls.map((c) => c.cursor)).toEqual(['0', '7']);
  });

  it('resumes from a given cursor after the consumer stopped early', async () => {
    const { p, started, base } = await setup();
    const first: FigmaStreamEvent[] = [];
    for await (const e of streamFigmaJob(base)) {
      first.push(e);
      if (e.id === 10) break;
    }
    const rest = await readFigmaJob({ ...base, cursor: '10' });
    expect(logged([...first, ...rest])).toEqual(await jobLog(p.key, started.job_id));
  });

  it('honours the Retry-After of a 503 from a proxy in front of the API before calling again', async () => {
    const faults: Record<number, TransportFault> = { 1: { kind: 'proxy-503', retryAfter: '1' }, 2: { kind: 'proxy-503', retryAfter: '0' } };
    const { p, transport, sleeps, started, base } = await setup({ faults: (n, path) => (path === '/figma-context/stream' ? faults[n] : undefined) });
    const events = await readFigmaJob({ ...base, reconnectDelayMs: () => 7777 });
    expect(logged(events)).toEqual(await jobLog(p.key, started.job_id));
    expect(sleeps).toEqual([1000, 0]);
    expect(transport.streamCalls.map((c) => [c.cursor, c.status])).toEqual([
      ['0', 503],
      ['0', 503],
      ['0', 200],
    ]);
  });

  it('really waits the Retry-After delay, and no longer than needed', async () => {
    const { transport, conn, base } = await setup({ faults: (n, path) => (path === '/figma-context/stream' && n === 1 ? { kind: 'proxy-503', retryAfter: '1' } : undefined) });
    const { sleep: _recorded, ...real } = conn;
    const events = await readFigmaJob({ ...real, jobId: base.jobId });
    expect(events.at(-1)?.event).toBe('done');
    const [first, second] = transport.streamCalls;
    const waited = second!.at - first!.at;
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(3000);
  });

  it('gives up after maxReconnects consecutive failures with a clear error', async () => {
    const { transport, sleeps, base } = await setup({ faults: (_n, path) => (path === '/figma-context/stream' ? { kind: 'refuse' } : undefined) });
    const err = await readFigmaJob({ ...base, maxReconnects: 3, reconnectDelayMs: () => 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FigmaStreamError);
    expect((err as FigmaStreamError).code).toBe('STREAM_RECONNECTS_EXHAUSTED');
    expect((err as FigmaStreamError).message).toMatch(/failed 4 times in a row .*resume with cursor 0/);
    expect(transport.streamCalls).toHaveLength(4);
    expect(sleeps).toEqual([1, 1, 1]);
  });

  it("waits each 429's Retry-After from the API's own rate limit, then rethrows it when they outlast the budget", async () => {
    // the limiter counts per fixed minute: start and the stream calls must fall in the same one
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    // the start takes the project's one figma request of the minute: every stream call is refused
    const { transport, sleeps, base } = await setup({ vars: { ...LONG_BUDGET, FIGMA_RATE_LIMIT_PER_MIN: '1' } });
    const err = await readFigmaJob({ ...base, maxReconnects: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CogoApiError);
    expect((err as CogoApiError).code).toBe('RATE_LIMITED');
    expect(transport.streamCalls.map((c) => c.status)).toEqual([429, 429, 429]);
    expect(sleeps).toEqual(transport.streamCalls.slice(0, 2).map((c) => Number(c.retryAfter) * 1000));
    expect(sleeps.every((ms) => ms >= 1000 && ms <= 60_000)).toBe(true);
  });

  it('resets the failure count whenever a new event arrives', async () => {
    // every call breaks after 3 new events: only the reset lets the job finish with a budget of 1
    const { p, transport, started, base } = await setup({ faults: (_n, path) => (path === '/figma-context/stream' ? { kind: 'cut', afterFrames: 3 } : undefined) });
    const events = await readFigmaJob({ ...base, maxReconnects: 1, reconnectDelayMs: () => 0 });
    expect(logged(events)).toEqual(await jobLog(p.key, started.job_id));
    expect(events.at(-1)?.event).toBe('done');
    expect(transport.streamCalls.length).toBeGreaterThan(3);
  });

  it('yields a terminal error event, then throws with its code', async () => {
    const { p, started, base } = await setup();
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: null, path: `/v1/files/${SAMPLE_FILE_KEY}/nodes` }]);
    const events: FigmaStreamEvent[] = [];
    const err = await (async () => {
      for await (const e of streamFigmaJob(base)) events.push(e);
    })().catch((e: unknown) => e);
    expect(events.at(-1)?.event).toBe('error');
    expect(logged(events)).toEqual(await jobLog(p.key, started.job_id));
    expect(err).toBeInstanceOf(FigmaJobFailedError);
    expect(err).toBeInstanceOf(CogoApiError);
    expect((err as FigmaJobFailedError).code).toBe('FIGMA_FORBIDDEN');
    expect((err as FigmaJobFailedError).message).toMatch(/^FIGMA_FORBIDDEN: /);
    expect((err as FigmaJobFailedError).eventId).toBe(events.at(-1)?.id);
  });

  it('throws the envelope of other error answers without retrying', async () => {
    const { transport, base } = await setup();
    const notFound = await readFigmaJob({ ...base, jobId: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(CogoApiError);
    expect((notFound as CogoApiError).status).toBe(404);
    expect((notFound as CogoApiError).code).toBe('NOT_FOUND');
    expect((notFound as CogoApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    const unauthorized = await readFigmaJob({ ...base, apiKey: 'cogo_wrong' }).catch((e: unknown) => e);
    expect((unauthorized as CogoApiError).status).toBe(401);
    expect((unauthorized as CogoApiError).code).toBe('UNAUTHORIZED');
    expect(transport.streamCalls).toHaveLength(2);
  });

  it('stops when aborted', async () => {
    const { base } = await setup();
    const controller = new AbortController();
    const events: FigmaStreamEvent[] = [];
    const err = await (async () => {
      for await (const e of streamFigmaJob({ ...base, signal: controller.signal })) {
        events.push(e);
        if (e.id === 3) controller.abort(new Error('stop'));
      }
    })().catch((e: unknown) => e);
    expect((err as Error).message).toBe('stop');
    expect(events.filter((e) => e.id !== null)).toHaveLength(3);
  });
});

describe('startFigmaJob / getFigmaJobStatus against the Worker', () => {
  it('starts a job from a Figma URL with a node id, reports its status, and surfaces a missing file', async () => {
    const p = await createTestProject();
    const conn = { ...connection(p.key, workerTransport()), baseUrl: 'http://cogo.test/' };
    const started = await startFigmaJob(conn, { figma_url: `${URL_OF_SAMPLE}?node-id=0-1`, node_id: '1:2' });
    expect(started).toMatchObject({ first_cursor: '0', file_key: SAMPLE_FILE_KEY, node_id: '1:2', plan: { pages: [{ id: '1:2', name: 'Components' }] } });
    const events = await readFigmaJob({ ...conn, jobId: started.job_id, cursor: started.first_cursor });
    const status = await getFigmaJobStatus(conn, started.job_id);
    expect(status).toMatchObject({ job_id: started.job_id, status: 'done', progress: { chunks_done: started.plan.chunks, chunks_total: started.plan.chunks, last_event_id: logged(events).length } });

    const missing = await startFigmaJob(conn, { file_key: 'MISSINGFILE0' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CogoApiError);
    expect((missing as CogoApiError).status).toBe(404);
  });
});
