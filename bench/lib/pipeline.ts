/**
 * The figma-context stream pipeline over HTTP against the local Figma fake, as the API's stream runs it:
 * GET /v1/files/:key?depth=2 → planChunks(skeleton) → per chunk, in order, GET /v1/files/:key/nodes?ids=…
 * → ContextBuilder.addNodes(response, chunk.index) → JSON.stringify(toJson(out)) (the page.chunk's
 * context) → discarded. The fake runs in a worker thread (bench/lib/figma-fake-worker.ts).
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { ContextBuilder, callsOf, planChunks, toJson } from '@cogo/figma-context';
import type { FakeFileInfo, FakeFixture, FakeWorkerData, FromWorker, ToWorker } from './figma-fake-worker';

type Skeleton = Parameters<typeof planChunks>[0];
type NodesResponse = Parameters<ContextBuilder['addNodes']>[0];

/** A forced full GC (the `cogo` script runs node without --expose-gc). */
const forceGc: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
})();

const memNow = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Samples heapUsed + arrayBuffers every `everyMs` (when the loop is free) and whenever sample() is called. */
class HeapPeak {
  base = 0;
  peak = 0;
  private timer: NodeJS.Timeout | undefined;
  start(everyMs = 2): void {
    forceGc();
    this.base = memNow();
    this.peak = this.base;
    this.timer = setInterval(() => this.sample(), everyMs);
  }
  sample(): void {
    const v = memNow();
    if (v > this.peak) this.peak = v;
  }
  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

export interface PipelineRun {
  /** Skeleton request start → first chunk's context serialised. */
  firstChunkMs: number;
  totalMs: number;
  skeletonMs: number;
  /** Time awaiting the fake (request → whole body received as text), all requests. */
  fetchMs: number;
  /** JSON.parse of the response bodies, all requests. */
  parseMs: number;
  /** The biggest single response body (one chunk's nodes response, or the skeleton). */
  maxResponseBytes: number;
  /** addNodes + toJson + JSON.stringify, all chunks. */
  buildMs: number;
  chunks: number;
  calls: number;
  /** Bytes of all response bodies received (skeleton included). */
  fetchedBytes: number;
  /** Bytes of the streamed contexts (JSON.stringify(toJson(out)) of every chunk). */
  contextBytes: number;
  heapBase: number;
  heapPeak: number;
  /** The fake's worker event-loop busy time during the run (its CPU work: prune, serialise, write). */
  fakeBusyMs: number;
  /** Sum over requests of the fake's request-start → response-finish time. */
  fakeServeMs: number;
  fakeRequests: number;
}

export interface PipelineRow {
  key: string;
  label: string;
  kind: FakeFileInfo['kind'];
  rawBytes: number;
  nodes: number;
  runs: PipelineRun[];
  /** Median over runs of the time figures; max over runs of heap peak. */
  summary: PipelineRun;
  /** Generated file only: one more run with a full GC between chunks (its heap = memory really retained). */
  gcRun?: PipelineRun;
  buildMs?: number;
}

export interface PipelineResult {
  rows: PipelineRow[];
  /** Heap of the fake's worker once every file is loaded (not part of the pipeline's figures). */
  fakeHeap: { heapUsed: number; arrayBuffers: number };
  error?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function summarise(runs: PipelineRun[]): PipelineRun {
  const first = runs[0] as PipelineRun;
  const worst = runs.reduce((a, r) => (r.heapPeak - r.heapBase > a.heapPeak - a.heapBase ? r : a), first);
  const med = (k: keyof PipelineRun) => median(runs.map((r) => r[k]));
  return {
    ...first,
    firstChunkMs: med('firstChunkMs'),
    totalMs: med('totalMs'),
    skeletonMs: med('skeletonMs'),
    fetchMs: med('fetchMs'),
    parseMs: med('parseMs'),
    buildMs: med('buildMs'),
    fakeBusyMs: med('fakeBusyMs'),
    fakeServeMs: med('fakeServeMs'),
    heapBase: worst.heapBase,
    heapPeak: worst.heapPeak,
  };
}

class FakeHandle {
  private waiting: Array<{ resolve: (m: FromWorker) => void; reject: (e: Error) => void }> = [];
  constructor(readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => this.waiting.shift()?.resolve(m));
    const fail = (e: Error) => {
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`fake worker exited (${code})`)));
  }
  next(): Promise<FromWorker> {
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
  async ask(msg: ToWorker): Promise<FromWorker> {
    const p = this.next();
    this.worker.postMessage(msg);
    return p;
  }
  async mark(): Promise<{ busyMs: number; requests: number; serveMs: number }> {
    const m = await this.ask({ type: 'mark' });
    if (m.type !== 'mark') throw new Error(`fake worker answered ${m.type}`);
    return m;
  }
}

async function getJson<T>(url: string): Promise<{ body: T; bytes: number; fetchMs: number; parseMs: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} from fake for ${url.slice(0, 120)}: ${text.slice(0, 200)}`);
  const t1 = performance.now();
  const body = JSON.parse(text) as T;
  return { body, bytes: Buffer.byteLength(text), fetchMs: t1 - t0, parseMs: performance.now() - t1 };
}

/** One pipeline run; with `gcBetweenChunks` a full GC runs after each chunk is discarded (live-memory check). */
async function runOnce(base: string, key: string, fake: FakeHandle, gcBetweenChunks = false): Promise<PipelineRun> {
  const file = `${base}/v1/files/${encodeURIComponent(key)}`;
  const heap = new HeapPeak();
  const f0 = await fake.mark();
  heap.start();
  const t0 = performance.now();
  let buildMs = 0;
  const sk = await getJson<Skeleton>(`${file}?depth=2`);
  const skeletonMs = performance.now() - t0;
  let fetchMs = sk.fetchMs;
  let parseMs = sk.parseMs;
  let fetchedBytes = sk.bytes;
  let maxResponseBytes = sk.bytes;
  heap.sample();
  const planned = planChunks(sk.body);
  if (!planned.ok) throw new Error(`${key}: ${planned.message}`);
  const plan = planned.plan;
  const builder = new ContextBuilder();
  let contextBytes = 0;
  let firstChunkMs = Number.NaN;
  for (const chunk of plan.chunks) {
    if (gcBetweenChunks) forceGc();
    const r = await getJson<NodesResponse>(`${file}/nodes?ids=${chunk.ids.map(encodeURIComponent).join(',')}`);
    const tb = performance.now();
    fetchMs += r.fetchMs;
    parseMs += r.parseMs;
    fetchedBytes += r.bytes;
    maxResponseBytes = Math.max(maxResponseBytes, r.bytes);
    heap.sample();
    const out = builder.addNodes(r.body, chunk.index);
    const streamed = JSON.stringify(toJson(out));
    contextBytes += Buffer.byteLength(streamed);
    heap.sample();
    const te = performance.now();
    buildMs += te - tb;
    if (Number.isNaN(firstChunkMs)) firstChunkMs = te - t0;
  }
  const totalMs = performance.now() - t0;
  heap.stop();
  if (Number.isNaN(firstChunkMs)) firstChunkMs = totalMs; // a plan without chunks
  const f1 = await fake.mark();
  return {
    firstChunkMs,
    totalMs,
    skeletonMs,
    fetchMs,
    parseMs,
    maxResponseBytes,
    buildMs,
    chunks: plan.chunks.length,
    calls: callsOf(plan).length,
    fetchedBytes,
    contextBytes,
    heapBase: heap.base,
    heapPeak: heap.peak,
    fakeBusyMs: f1.busyMs - f0.busyMs,
    fakeServeMs: f1.serveMs - f0.serveMs,
    fakeRequests: f1.requests - f0.requests,
  };
}

export async function runPipeline(opts: { fixtures: FakeFixture[]; large: FakeWorkerData['large']; runs: number; largeRuns: number }): Promise<PipelineResult> {
  const data: FakeWorkerData = { fixtures: opts.fixtures, large: opts.large };
  const worker = new Worker(new URL('./figma-fake-worker.ts', import.meta.url), { workerData: data });
  const fake = new FakeHandle(worker);
  const rows: PipelineRow[] = [];
  try {
    const ready = await fake.next();
    if (ready.type !== 'ready') return { rows, fakeHeap: { heapUsed: 0, arrayBuffers: 0 }, error: ready.type === 'error' ? ready.message : `unexpected ${ready.type}` };
    for (const info of ready.files) {
      const n = info.kind === 'generated' ? opts.largeRuns : opts.runs;
      const runs: PipelineRun[] = [];
      for (let i = 0; i < Math.max(1, n); i++) runs.push(await runOnce(ready.url, info.key, fake));
      const gcRun = info.kind === 'generated' ? await runOnce(ready.url, info.key, fake, true) : undefined;
      rows.push({
        key: info.key, label: info.label, kind: info.kind, rawBytes: info.rawBytes, nodes: info.nodes, runs, summary: summarise(runs),
        ...(gcRun ? { gcRun } : {}), ...(info.buildMs === undefined ? {} : { buildMs: info.buildMs }),
      });
    }
    await fake.ask({ type: 'close' });
    return { rows, fakeHeap: ready.heap };
  } catch (err) {
    return { rows, fakeHeap: { heapUsed: 0, arrayBuffers: 0 }, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await worker.terminate();
  }
}
