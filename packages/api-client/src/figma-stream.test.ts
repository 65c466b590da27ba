import { afterEach, describe, expect, it } from 'vitest';
import { CogoApiError } from './errors';
import { collectPages } from './figma-collect';
import { getFigmaJobStatus, startFigmaJob } from './figma-jobs';
import { FigmaJobFailedError, FigmaStreamError, readFigmaJob, streamFigmaJob, type StreamFigmaJobOptions } from './figma-stream';
import type { FigmaStreamEvent } from './figma-types';
import { startFakeFigmaApi, type FakeFigmaApi, type FakeFigmaApiOptions } from './testing/fake-figma-api';

let api: FakeFigmaApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function setup(options: FakeFigmaApiOptions = {}) {
  api = await startFakeFigmaApi({ apiKey: 'k', ...options });
  const job = api.createJob();
  const sleeps: number[] = [];
  const base: StreamFigmaJobOptions = {
    baseUrl: api.url,
    apiKey: 'k',
    jobId: job.id,
    // record waits instead of sleeping: the tests assert on what was asked
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
  return { api, job, base, sleeps };
}

const logged = (events: FigmaStreamEvent[]) => events.filter((e) => e.id !== null).map(({ id, event, data }) => ({ id, event, data }));
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('streamFigmaJob', () => {
  it('reads the whole log in id order across budgeted calls, following next_cursor', async () => {
    const { api, job, base } = await setup();
    const seen: FigmaStreamEvent[] = [];
    const events = await readFigmaJob({ ...base, onEvent: (e) => seen.push(e) });

    expect(logged(events)).toEqual(api.log(job.id));
    expect(events.filter((e) => e.id !== null).map((e) => e.id)).toEqual(range(29));
    expect(events.at(-1)?.event).toBe('done');
    const keepalives = events.filter((e) => e.event === 'keepalive');
    expect(keepalives).toHaveLength(api.keepalives());
    expect(keepalives.every((e) => e.id === null)).toBe(true);
    expect(seen).toEqual(events);
    // 9 chunks at 4 per call; each call resumes at the previous call's progress event
    expect(api.streamCalls.map((c) => c.cursor)).toEqual(['0', '14', '25']);
    expect(api.streamCalls.map((c) => c.lastEventId)).toEqual(['0', '14', '25']);

    const pages = collectPages(events);
    expect(pages.map((p) => [p.page_id, p.name, p.chunks, p.chunks_received, p.components.length])).toEqual([
      ['1:1', 'Home', 3, 3, 15],
      ['1:2', 'Checkout', 4, 4, 20],
      ['1:3', 'Account', 2, 2, 10],
    ]);
  });

  it('loses and repeats nothing across dropped connections, resuming from the last id received', async () => {
    const clean = await startFakeFigmaApi();
    const cleanJob = clean.createJob();
    const reference = collectPages(await readFigmaJob({ baseUrl: clean.url, jobId: cleanJob.id }));
    await clean.close();

    const { api, job, base, sleeps } = await setup({
      streamFaults: {
        1: { kind: 'drop', afterFrames: 5 }, // socket destroyed in the middle of event 6
        2: { kind: 'drop', afterFrames: 0, mode: 'end' }, // clean end, half of the replayed event 6
        4: { kind: 'refuse' }, // fetch itself fails
      },
    });
    const reconnects: [number, string][] = [];
    const events = await readFigmaJob({ ...base, reconnectDelayMs: (n) => n * 100, onReconnect: (r) => reconnects.push([r.attempt, r.cursor]) });

    const ids = events.filter((e) => e.id !== null).map((e) => e.id);
    expect(ids).toEqual(range(api.log(job.id).length));
    expect(logged(events)).toEqual(api.log(job.id));
    expect(collectPages(events)).toEqual(reference);
    expect(api.streamCalls.map((c) => c.cursor)).toEqual(['0', '5', '5', '16', '16']);
    expect(api.streamCalls.map((c) => c.lastEventId)).toEqual(['0', '5', '5', '16', '16']);
    // two failures in a row after call 1, the counter reset by call 3's events
    expect(sleeps).toEqual([100, 200, 100]);
    expect(reconnects).toEqual([
      [1, '5'],
      [2, '5'],
      [1, '16'],
    ]);
  });

  it('ignores replayed events it already holds', async () => {
    const { api, job, base } = await setup({ replayOverlap: 3, streamFaults: { 1: { kind: 'drop', afterFrames: 7 } } });
    const events = await readFigmaJob({ ...base, reconnectDelayMs: () => 0 });
    expect(logged(events)).toEqual(api.log(job.id));
    expect(events.filter((e) => e.id !== null).map((e) => e.id)).toEqual(range(28));
    expect(api.streamCalls.map((c) => c.cursor)).toEqual(['0', '7', '18']);
  });

  it('resumes from a given cursor after the consumer stopped early', async () => {
    const { api, job, base } = await setup();
    const first: FigmaStreamEvent[] = [];
    for await (const e of streamFigmaJob(base)) {
      first.push(e);
      if (e.id === 10) break;
    }
    const rest = await readFigmaJob({ ...base, cursor: '10' });
    expect(logged([...first, ...rest])).toEqual(api.log(job.id));
  });

  it('honours Retry-After on 429 and 503 before calling again', async () => {
    const { api, base, sleeps } = await setup({
      streamFaults: { 1: { kind: 'status', status: 429, retryAfter: '1' }, 3: { kind: 'status', status: 503, retryAfter: '0' } },
    });
    const events = await readFigmaJob({ ...base, reconnectDelayMs: () => 7777 });
    expect(events.at(-1)?.event).toBe('done');
    expect(sleeps).toEqual([1000, 0]);
    expect(api.streamCalls.map((c) => c.cursor)).toEqual(['0', '0', '14', '14', '25']);
  });

  it('really waits the Retry-After delay, and no longer than needed', async () => {
    api = await startFakeFigmaApi({ streamFaults: { 1: { kind: 'status', status: 429, retryAfter: '1' } } });
    const job = api.createJob();
    const events = await readFigmaJob({ baseUrl: api.url, jobId: job.id });
    expect(events.at(-1)?.event).toBe('done');
    const [first, second] = api.streamCalls;
    const waited = (second?.at ?? 0) - (first?.at ?? 0);
    // libuv timers may fire up to 1 ms early against performance.now
    expect(waited).toBeGreaterThanOrEqual(995);
    expect(waited).toBeLessThan(3000);
  });

  it('gives up after maxReconnects consecutive failures with a clear error', async () => {
    const { api, base, sleeps } = await setup({ streamFaults: () => ({ kind: 'refuse' }) });
    const err = await readFigmaJob({ ...base, maxReconnects: 3, reconnectDelayMs: () => 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FigmaStreamError);
    expect((err as FigmaStreamError).code).toBe('STREAM_RECONNECTS_EXHAUSTED');
    expect((err as FigmaStreamError).message).toMatch(/failed 4 times in a row .*resume with cursor 0/);
    expect(api.streamCalls).toHaveLength(4);
    expect(sleeps).toEqual([1, 1, 1]);
  });

  it('rethrows the API error when 429s outlast the reconnect budget', async () => {
    const { api, base } = await setup({ streamFaults: () => ({ kind: 'status', status: 429, retryAfter: '0' }) });
    const err = await readFigmaJob({ ...base, maxReconnects: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CogoApiError);
    expect((err as CogoApiError).code).toBe('RATE_LIMITED');
    expect(api.streamCalls).toHaveLength(3);
  });

  it('resets the failure count whenever a new event arrives', async () => {
    // every call drops after 3 frames: only the reset lets the job finish with a budget of 1
    const { api, job, base } = await setup({ streamFaults: () => ({ kind: 'drop', afterFrames: 3 }) });
    const events = await readFigmaJob({ ...base, maxReconnects: 1, reconnectDelayMs: () => 0 });
    expect(logged(events)).toEqual(api.log(job.id));
    expect(events.at(-1)?.event).toBe('done');
  });

  it('yields a terminal error event, then throws with its code', async () => {
    const { api, job, base } = await setup({ failWith: { code: 'UPSTREAM_FAILED', message: 'Figma answered 500', afterChunks: 5 } });
    const events: FigmaStreamEvent[] = [];
    const err = await (async () => {
      for await (const e of streamFigmaJob(base)) events.push(e);
    })().catch((e: unknown) => e);
    expect(events.at(-1)?.event).toBe('error');
    expect(logged(events)).toEqual(api.log(job.id));
    expect(err).toBeInstanceOf(FigmaJobFailedError);
    expect(err).toBeInstanceOf(CogoApiError);
    expect((err as FigmaJobFailedError).code).toBe('UPSTREAM_FAILED');
    expect((err as FigmaJobFailedError).message).toBe('UPSTREAM_FAILED: Figma answered 500');
    expect((err as FigmaJobFailedError).eventId).toBe(events.at(-1)?.id);
  });

  it('throws the envelope of other error answers without retrying', async () => {
    const { api, base } = await setup();
    const notFound = await readFigmaJob({ ...base, jobId: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(CogoApiError);
    expect((notFound as CogoApiError).status).toBe(404);
    expect((notFound as CogoApiError).code).toBe('NOT_FOUND');
    expect((notFound as CogoApiError).requestId).toMatch(/^req-/);
    const unauthorized = await readFigmaJob({ ...base, apiKey: 'wrong' }).catch((e: unknown) => e);
    expect((unauthorized as CogoApiError).code).toBe('UNAUTHORIZED');
    expect(api.streamCalls).toHaveLength(2);
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

describe('startFigmaJob / getFigmaJobStatus', () => {
  it('starts a job from a Figma URL and reports its status after streaming', async () => {
    api = await startFakeFigmaApi({ apiKey: 'k' });
    const conn = { baseUrl: `${api.url}/`, apiKey: 'k' };
    const started = await startFigmaJob(conn, { figma_url: 'https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2', node_id: '1:2' });
    expect(started).toMatchObject({ first_cursor: '0', file_key: 'COGOSAMPLE0001', node_id: '1:2', plan: { chunks: 9, calls: 3 } });
    expect(started.plan.pages.map((p) => p.name)).toEqual(['Home', 'Checkout', 'Account']);
    await readFigmaJob({ ...conn, jobId: started.job_id, cursor: started.first_cursor });
    const status = await getFigmaJobStatus(conn, started.job_id);
    expect(status).toMatchObject({ job_id: started.job_id, status: 'done', progress: { chunks_done: 9, chunks_total: 9, last_event_id: 29 } });

    const missing = await startFigmaJob(conn, { file_key: 'MISSINGFILE0' }).catch((e: unknown) => e);
    expect((missing as CogoApiError).code).toBe('NOT_FOUND');
  });
});
