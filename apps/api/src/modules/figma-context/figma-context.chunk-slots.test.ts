// Issue 10: an isolate fetches and compacts at most FIGMA_CHUNK_SLOTS chunks at once, however many jobs it produces.
// Ten cold jobs compacting at once needed more heap than a Worker has (128 MiB) and the runtime was killed in
// `bench load`. With one slot, two jobs' Figma /nodes requests never overlap, and both jobs still end with the content
// each gives alone; with two slots they do overlap (so the first check is the gate's, not the fake's). A start's
// skeleton read takes a slot too.
import { mergeChunks, fromJson, toJson, type ChunkOutput, type CompactJson } from '@cogo/figma-context';
import { generateLargeFile } from '@cogo/fakes/samples';
import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestProject, figmaFake, runFigmaJob, type StreamedEvent, type TestProject } from '../../../test/helpers';

const LATENCY_MS = 150;
const KEYS = ['CHUNKSLOTS01', 'CHUNKSLOTS02'];

interface Recorded {
  path: string;
  at: number;
}

/** Arrival times of the /nodes calls for `keys` since `since`, in order. */
async function nodesArrivals(keys: string[], since: number): Promise<number[]> {
  const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[];
  const paths = new Set(keys.map((k) => `/v1/files/${k}/nodes`));
  return all.filter((r) => r.at >= since && paths.has(r.path)).map((r) => r.at).sort((a, b) => a - b);
}

const contextOf = (events: StreamedEvent[]) =>
  JSON.stringify(toJson(mergeChunks(events.filter((e) => e.event === 'page.chunk').map((e) => fromJson(e.data.context as CompactJson) as ChunkOutput))));

/** Both jobs at once in this isolate, one request per chunk, every /nodes answer LATENCY_MS late. */
async function bothJobs(p: TestProject, slots: number) {
  const bindings = { ...env, FIGMA_VERSION_CACHE: 'false', FIGMA_CHUNK_SLOTS: String(slots) };
  await figmaFake.faults(KEYS.map((k) => ({ fault: { kind: 'latency', ms: LATENCY_MS }, times: null, path: `/v1/files/${k}/nodes` })));
  const since = Date.now();
  const jobs = await Promise.all(KEYS.map((k) => runFigmaJob(p.key, { file_key: k, options: { max_ids_per_call: 100 } }, createApp(), bindings)));
  return { jobs, arrivals: await nodesArrivals(KEYS, since) };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('figma-context: chunk slots of an isolate', () => {
  let p: TestProject;
  const alone = new Map<string, string>();
  beforeAll(async () => {
    p = await createTestProject();
    for (const [i, k] of KEYS.entries()) {
      await figmaFake.putFile(k, generateLargeFile({ nodes: 600, pages: 1, frames: 'cards', seed: 20 + i }));
      const run = await runFigmaJob(p.key, { file_key: k, options: { max_ids_per_call: 100 } }, createApp(), { ...env, FIGMA_VERSION_CACHE: 'false' });
      alone.set(k, contextOf(run.events));
    }
  }, 60_000);
  afterEach(() => figmaFake.clear());

  it('one slot: two jobs never have two Figma answers in hand at once, and each ends with its own content', async () => {
    const { jobs, arrivals } = await bothJobs(p, 1);
    for (const [i, run] of jobs.entries()) {
      expect(run.events.at(-1)?.event).toBe('done');
      expect(contextOf(run.events)).toBe(alone.get(KEYS[i]!));
    }
    expect(arrivals.length).toBeGreaterThanOrEqual(6);
    // each request is sent only once the answer before it was taken in: at least the fake's latency apart
    expect(Math.min(...gaps(arrivals))).toBeGreaterThanOrEqual(LATENCY_MS - 10);
  }, 60_000);

  it("one slot: a start's skeleton read waits for the running producer's chunk, never inside its Figma request", async () => {
    const bindings = { ...env, FIGMA_VERSION_CACHE: 'false', FIGMA_CHUNK_SLOTS: '1' };
    const [a, b] = KEYS as [string, string];
    await figmaFake.faults([{ fault: { kind: 'latency', ms: 400 }, times: null, path: `/v1/files/${a}/nodes` }]);
    const since = Date.now();
    const running = runFigmaJob(p.key, { file_key: a, options: { max_ids_per_call: 100 } }, createApp(), bindings);
    // once job a has a Figma request in flight, b starts
    let first: number | undefined;
    for (let i = 0; i < 200 && first === undefined; i++) {
      first = (await nodesArrivals([a], since))[0];
      if (first === undefined) await new Promise((r) => setTimeout(r, 10));
    }
    expect(first).toBeDefined();
    const started = await createApp().request('/figma-context/start', { method: 'POST', body: JSON.stringify({ file_key: b }), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, bindings);
    expect(started.status).toBe(201);
    expect((await running).events.at(-1)?.event).toBe('done');
    const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[];
    const skeleton = all.filter((r) => r.at >= since && r.path === `/v1/files/${b}`).map((r) => r.at);
    expect(skeleton.length).toBeGreaterThan(0);
    const inFlight = await nodesArrivals([a], since);
    for (const at of skeleton) for (const t of inFlight) expect(at > t && at < t + 390, `skeleton read at +${at - t} ms into a 400 ms chunk request`).toBe(false);
  }, 60_000);

  it('two slots: the jobs fetch side by side', async () => {
    const { jobs, arrivals } = await bothJobs(p, 2);
    for (const [i, run] of jobs.entries()) expect(contextOf(run.events)).toBe(alone.get(KEYS[i]!));
    expect(gaps(arrivals).filter((g) => g < LATENCY_MS / 2).length).toBeGreaterThan(0);
  }, 60_000);
});
