// Issue 8 "first page.chunk": with FIGMA_EAGER_START, start hands the job's first chunk to a producer of its own in the
// background (waitUntil), so its Figma fetch overlaps start's answer and the client's first stream call, which follows
// that producer and takes over its lease. The job is the same job: every event once, the same context, no chunk
// fetched twice — whether the stream call comes after the background chunk, or while it is being fetched.
import { mergeChunks, fromJson, toJson, type ChunkOutput, type CompactJson } from '@cogo/figma-context';
import { generateLargeFile } from '@cogo/fakes/samples';
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { figmaFake, projectWithOwnFigmaToken, readSse, runFigmaJob, type StreamedEvent, type TestProject } from '../../../test/helpers';

interface Recorded {
  path: string;
  at: number;
}

const KEY = 'EAGERSTART01';
const OFF = { ...env, FIGMA_VERSION_CACHE: 'false', FIGMA_EAGER_START: 'false' };
const EAGER = { ...OFF, FIGMA_EAGER_START: 'true' };

async function nodesCalls(since: number): Promise<Recorded[]> {
  const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[];
  return all.filter((r) => r.at >= since && r.path === `/v1/files/${KEY}/nodes`);
}

const contextOf = (events: StreamedEvent[]) =>
  JSON.stringify(toJson(mergeChunks(events.filter((e) => e.event === 'page.chunk').map((e) => fromJson(e.data.context as CompactJson) as ChunkOutput))));
const logged = (events: StreamedEvent[]) => events.filter((e) => e.id !== null);

describe('figma-context: the first chunk fetched while start answers (FIGMA_EAGER_START), the token read only to fetch', () => {
  let p: TestProject;
  let baseline: { events: StreamedEvent[]; nodes: number };
  const app = createApp();
  const post = (path: string, json: unknown, ctx: ExecutionContext) =>
    app.request(path, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, EAGER, ctx);

  /** The job's stream calls read to their end, each continuing from the last logged id, until done or error. */
  async function streamToEnd(jobId: string): Promise<StreamedEvent[]> {
    const events: StreamedEvent[] = [];
    let cursor = '0';
    for (let calls = 0; calls < 50; calls++) {
      const ctx = createExecutionContext();
      const batch = await readSse(await post('/figma-context/stream', { job_id: jobId, cursor }, ctx));
      await waitOnExecutionContext(ctx);
      events.push(...batch);
      const last = logged(batch).at(-1);
      if (!last || last.event === 'done' || last.event === 'error') return events;
      cursor = String(last.id);
    }
    throw new Error('too many stream calls');
  }

  beforeAll(async () => {
    p = await projectWithOwnFigmaToken();
    await figmaFake.putFile(KEY, generateLargeFile({ nodes: 2_000, pages: 2, frames: 'cards', seed: 9 }));
    const since = Date.now();
    const { events } = await runFigmaJob(p.key, { file_key: KEY }, app, OFF);
    baseline = { events, nodes: (await nodesCalls(since)).length };
    expect(events.at(-1)?.event).toBe('done');
    expect(events.filter((e) => e.event === 'page.chunk').length).toBeGreaterThan(2);
  });

  it('start logs the first chunk in the background; the stream call replays it and finishes the job: the same events and calls as without', async () => {
    const since = Date.now();
    const ctx = createExecutionContext();
    const started = await post('/figma-context/start', { file_key: KEY }, ctx);
    expect(started.status).toBe(201);
    const { job_id } = (await started.json()) as { job_id: string };
    await waitOnExecutionContext(ctx);
    // before any stream call: one chunk fetched and logged, the job still running, its row says so
    const first = await nodesCalls(since);
    expect(first).toHaveLength(1);
    const status = (await (await app.request(`/figma-context/status?job_id=${job_id}`, { headers: { authorization: `Bearer ${p.key}` } }, EAGER)).json()) as {
      status: string;
      progress: { chunks_done: number };
    };
    // (small chunks fetched together are logged together: a call ends between requests)
    expect(status.status).toBe('running');
    expect(status.progress.chunks_done).toBeGreaterThanOrEqual(1);

    const events = await streamToEnd(job_id);
    const ids = logged(events).map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(logged(events).map((e) => e.event)).toEqual(logged(baseline.events).map((e) => e.event));
    expect(contextOf(events)).toBe(contextOf(baseline.events));
    expect(await nodesCalls(since)).toHaveLength(baseline.nodes);
  });

  it('a stream call sent while the first chunk is being fetched follows it: every event exactly once, no chunk fetched twice', async () => {
    // every /nodes answer takes 400 ms: the stream call arrives while the background fetch is in flight
    await figmaFake.faults([{ fault: { kind: 'latency', ms: 400 }, path: `/v1/files/${KEY}/nodes`, times: null }]);
    try {
      const since = Date.now();
      const ctx = createExecutionContext();
      const started = await post('/figma-context/start', { file_key: KEY }, ctx);
      const { job_id } = (await started.json()) as { job_id: string };
      const events = await streamToEnd(job_id);
      await waitOnExecutionContext(ctx);
      const ids = logged(events).map((e) => e.id);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
      expect(logged(events).filter((e) => e.event === 'done')).toHaveLength(1);
      expect(contextOf(events)).toBe(contextOf(baseline.events));
      expect(await nodesCalls(since)).toHaveLength(baseline.nodes);
    } finally {
      await figmaFake.clear();
    }
  });

  it('a Figma refusal of the background fetch ends the job with one error event, which the stream call replays', async () => {
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, path: `/v1/files/${KEY}/nodes`, times: null }]);
    try {
      const ctx = createExecutionContext();
      const started = await post('/figma-context/start', { file_key: KEY }, ctx);
      const { job_id } = (await started.json()) as { job_id: string };
      await waitOnExecutionContext(ctx);
      // ended in the background, before any stream call
      const status = (await (await app.request(`/figma-context/status?job_id=${job_id}`, { headers: { authorization: `Bearer ${p.key}` } }, EAGER)).json()) as { status: string };
      expect(status.status).toBe('error');
      const events = await streamToEnd(job_id);
      const terminal = events.filter((e) => e.event === 'done' || e.event === 'error');
      expect(terminal).toHaveLength(1);
      expect(terminal[0]!.data.error).toMatchObject({ code: 'FIGMA_FORBIDDEN' });
    } finally {
      await figmaFake.clear();
    }
  });

  it('a stream call reads the project token only when it fetches: a replay uses none; a job whose token is gone ends saying so', async () => {
    const q = await projectWithOwnFigmaToken();
    const noEnvToken = { ...OFF, FIGMA_API_KEY: undefined };
    const uses = async () => {
      const res = await app.request('/vault/secrets/FIGMA_API_KEY/audit', { headers: { authorization: `Bearer ${q.key}` } }, OFF);
      return ((await res.json()) as { items: Array<{ action: string }> }).items.filter((i) => i.action === 'use').length;
    };
    const done = await runFigmaJob(q.key, { file_key: KEY }, app, noEnvToken);
    expect(done.events.at(-1)?.event).toBe('done');
    const before = await uses();
    const replay = await readSse(await app.request('/figma-context/stream', { method: 'POST', body: JSON.stringify({ job_id: done.job.job_id, cursor: '0' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${q.key}` } }, noEnvToken));
    expect(logged(replay).map((e) => e.id)).toEqual(logged(done.events).map((e) => e.id));
    expect(await uses()).toBe(before);

    const started = await app.request('/figma-context/start', { method: 'POST', body: JSON.stringify({ file_key: KEY }), headers: { 'content-type': 'application/json', authorization: `Bearer ${q.key}` } }, noEnvToken);
    const { job_id } = (await started.json()) as { job_id: string };
    expect((await app.request('/vault/secrets/FIGMA_API_KEY', { method: 'DELETE', headers: { authorization: `Bearer ${q.key}` } }, OFF)).status).toBe(200);
    const events = await readSse(await app.request('/figma-context/stream', { method: 'POST', body: JSON.stringify({ job_id, cursor: '0' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${q.key}` } }, noEnvToken));
    const terminal = events.filter((e) => e.event === 'done' || e.event === 'error');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]!.data.error).toMatchObject({ code: 'UNPROCESSABLE' });
    expect(terminal[0]!.data.error.message).toContain('PUT /vault/secrets/FIGMA_API_KEY');
  });
});
