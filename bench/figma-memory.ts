/**
 * Memory of one figma-context job in the API's workerd, whatever the file size (issue 8: "any file size",
 * defect 7). Run from the repo root:
 *   ./cogo bench figma-memory [--nodes 200000] [--giant 100000] [--budget-mib 12] [--latency-ms 200] [--max-heap-mib 128]
 *                             [--port 8897] [--only big|giant] [--heap-profile]
 * Starts its own stack from a frozen bundle (bench/lib/frozen-stack.ts), puts two generated files in the
 * Figma fake — `big`: ~N nodes of desktop screens over several pages; `giant`: one page whose only top-level
 * frame holds ~M nodes (an answer of tens of MB, over FIGMA_MAX_RESPONSE_BYTES, fetched in pieces) — and
 * runs one job on each through the public API (start, then stream calls to `done`, as `cogo extract`
 * does). While a job runs, VmRSS of the worker's workerd is sampled every 100 ms and the V8 heap of the
 * API's isolate (the Worker and its Durable Objects; inspector, bench/lib/heap.ts) every 500 ms, every 4th
 * reading after a full collection (what is held, garbage excluded). Every isolate of that workerd runs under
 * a V8 heap cap (--max-heap-mib, default 128: the Workers memory limit): a job that needs more kills it. The
 * goal (issue 8): both jobs end `done` under the cap, and memory does not grow with the file. workerd's RSS
 * includes wrangler's runtime (~200 MiB idle, before any job), so the figure compared is its rise over idle.
 * --heap-profile: where the live heap was allocated, at its sampled peak (bench/lib/heap-profile.ts).
 */
import { generateLargeFile } from '../tooling/fakes/src/samples/large-file';
import { runApiJob } from './lib/api-job';
import { startFrozenStack, LIMITS_LIFTED } from './lib/frozen-stack';
import { heapOf } from './lib/heap';
import { printHeapSummary, sampleWorkerHeap, type HeapProfileSummary } from './lib/heap-profile';
import { findWorkerd, rssOf } from './lib/rss';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const NODES = Number(arg('nodes') ?? 200_000);
const GIANT = Number(arg('giant') ?? 100_000);
const BUDGET = Math.round(Number(arg('budget-mib') ?? 12) * 1024 * 1024);
const PORT = Number(arg('port') ?? 8897);
const ONLY = arg('only');
/** --latency-ms: every Figma answer delayed (default 200: a real answer of MBs takes longer; samples need a job that lasts). */
const LATENCY_MS = Number(arg('latency-ms') ?? 200);
/**
 * --max-heap-mib: V8's heap cap for every isolate of the worker's workerd (default 128, the Workers memory limit;
 * the frozen stack's `maxHeapMiB`): an isolate that needs more dies, and the job with it.
 * 0 runs uncapped.
 */
const MAX_HEAP_MIB = Number(arg('max-heap-mib') ?? 128);
/** --heap-profile: also where the live heap was allocated, at its sampled peak (V8's sampling heap profiler). */
const HEAP_PROFILE = process.argv.includes('--heap-profile');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

interface JobRun {
  ms: number;
  calls: number;
  chunks: number;
  parts: number;
  events: number;
  eventBytes: number;
  largestEvent: number;
  terminal: string;
  detail: string;
}

/** Runs one job through the API (bench/lib/api-job.ts) and sizes its events. */
async function runJob(url: string, key: string, fileKey: string): Promise<JobRun> {
  const sizes = { parts: 0, events: 0, eventBytes: 0, largestEvent: 0 };
  const run = await runApiJob(url, key, {
    fileKey,
    onEvent: (event, data) => {
      sizes.events++;
      sizes.eventBytes += data.length;
      sizes.largestEvent = Math.max(sizes.largestEvent, data.length);
      if (event === 'page.chunk') sizes.parts++;
    },
  });
  const [terminal, ...detail] = run.terminal.split(' ');
  return { ms: run.totalMs, calls: run.streamCalls, chunks: run.start.plan?.chunks ?? 0, ...sizes, terminal: terminal ?? '', detail: detail.join(' ') || (run.start.error ? JSON.stringify(run.start.error) : '') };
}

/** Samples RSS (100 ms) and the API isolate's heap (500 ms) of `pid` until stopped; peaks and last values. */
function sampler(pid: number, heap: boolean) {
  const peak = { rss: 0, anon: 0, heap: 0, live: 0 };
  let on = true;
  const rssLoop = (async () => {
    while (on) {
      const s = rssOf(pid);
      if (s) {
        peak.rss = Math.max(peak.rss, s.rss);
        peak.anon = Math.max(peak.anon, s.anon);
      }
      await sleep(100);
    }
  })();
  // one inspector session at a time (workerd's inspector serves one per isolate): every 4th reading after a full
  // collection — what the isolate holds, garbage excluded (a collection pauses it, so not every time)
  const heapLoop = (async () => {
    for (let i = 1; on && heap; i++) {
      const gc = i % 4 === 0;
      const h = await heapOf(pid, gc).catch(() => null);
      if (h && Number.isFinite(h.api)) {
        peak.heap = Math.max(peak.heap, h.api);
        if (gc) peak.live = Math.max(peak.live, h.api);
      }
      await sleep(500);
    }
  })();
  return {
    stop: async () => {
      on = false;
      await Promise.all([rssLoop, heapLoop]);
      return peak;
    },
  };
}

const stack = await startFrozenStack({
  port: PORT,
  ...(MAX_HEAP_MIB > 0 ? { maxHeapMiB: MAX_HEAP_MIB } : {}),
  vars: {
    ...LIMITS_LIFTED,
    FIGMA_MAX_RESPONSE_BYTES: String(BUDGET),
    // measure fetching and compaction, not replay from the version cache
    FIGMA_VERSION_CACHE: 'false',
    STREAM_BUDGET_MS: '20000',
    LOG_LEVEL: 'warn',
  },
  log: (l) => console.error(l),
  ...(HEAP_PROFILE ? { inspectorPort: PORT + 1 } : {}),
});
try {
  const worker = findWorkerd(stack.wrangler.child.pid!, PORT).find((p) => p.role === 'worker');
  if (!worker) throw new Error('no worker workerd under wrangler');
  const pid = worker.pid;
  const cases = [
    { name: 'big', key: 'BENCHBIG0001', make: () => generateLargeFile({ nodes: NODES, seed: 7 }), what: `~${NODES} nodes, desktop screens over pages` },
    { name: 'giant', key: 'BENCHGIANT01', make: () => generateLargeFile({ nodes: GIANT, frames: 'board', seed: 7 }), what: `one top-level frame of ~${GIANT} nodes` },
  ].filter((c) => !ONLY || c.name === ONLY);
  const faults = await fetch(`${stack.figmaUrl}/__fake/faults`, { method: 'PUT', body: JSON.stringify([{ fault: { kind: 'latency', ms: LATENCY_MS }, times: null }]) });
  if (!faults.ok) throw new Error(`fake refused the latency fault: ${faults.status}`);
  await sleep(3_000);
  const idle = rssOf(pid);
  const idleHeap = HEAP_PROFILE ? null : await heapOf(pid, true).catch(() => null);
  console.log(`workerd (worker) pid ${pid}; FIGMA_MAX_RESPONSE_BYTES ${mib(BUDGET)} MiB; every Figma answer delayed ${LATENCY_MS} ms; V8 heap cap per isolate ${MAX_HEAP_MIB > 0 ? `${MAX_HEAP_MIB} MiB` : 'none'}; idle VmRSS ${idle?.rss} MiB (anon ${idle?.anon}), API isolate heap ${idleHeap?.api ?? 'n/a'} MiB`);
  console.log('| file | raw JSON MB | largest top-level frame MB | job s | stream calls | chunks | page.chunk parts | events | log MB | largest event MB | end | peak VmRSS MiB (Δ idle) | peak RssAnon | peak API heap MiB: used / live (after a full GC, every 2 s) | after 10 s: VmRSS / heap after a full GC |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const verdicts: string[] = [];
  for (const c of cases) {
    let text: string;
    let largest = 0;
    {
      const file = c.make();
      for (const page of file.document.children) for (const f of page.children) largest = Math.max(largest, JSON.stringify(f).length);
      text = JSON.stringify(file);
    }
    const put = await fetch(`${stack.figmaUrl}/__fake/files/${c.key}`, { method: 'PUT', body: text });
    if (put.status !== 204) throw new Error(`fake refused ${c.key}: ${put.status}`);
    const rawBytes = text.length;
    text = '';
    await sleep(2_000);
    const before = rssOf(pid);
    // the heap profile holds the isolate's inspector session: no readings of our own beside it
    const s = sampler(pid, !HEAP_PROFILE);
    const heapSampler = HEAP_PROFILE ? await sampleWorkerHeap(PORT + 1, stack.bundle) : null;
    let heapPeak: HeapProfileSummary | null = null;
    let sampling = true;
    const heapLoop = (async () => {
      while (heapSampler && sampling) {
        const got = await heapSampler.take().catch(() => null);
        if (got && got.totalMiB > (heapPeak?.totalMiB ?? 0)) heapPeak = got;
        await sleep(1_000);
      }
    })();
    // a worker killed by the heap cap drops the stream mid-way: a failed run, not a crash of the bench
    const run = await runJob(stack.url, stack.apiKey, c.key).catch((err: unknown): JobRun => ({ ms: 0, calls: 0, chunks: 0, parts: 0, events: 0, eventBytes: 0, largestEvent: 0, terminal: 'dropped', detail: String(err) }));
    sampling = false;
    await heapLoop;
    await heapSampler?.stop();
    const peak = await s.stop();
    await sleep(10_000);
    const after = rssOf(pid);
    // the forced GC may not answer in time (then the plain reading, garbage included, marked so)
    const gcHeap = HEAP_PROFILE ? null : await heapOf(pid, true).catch(() => null);
    const afterHeap = HEAP_PROFILE ? null : gcHeap && Number.isFinite(gcHeap.api) ? gcHeap : await heapOf(pid).then((h) => (h ? { ...h, api: `${h.api} (no GC)` } : null)).catch(() => null);
    console.log(
      `| ${c.name}: ${c.what} | ${mib(rawBytes)} | ${mib(largest)} | ${(run.ms / 1000).toFixed(1)} | ${run.calls} | ${run.chunks} | ${run.parts} | ${run.events} | ${mib(run.eventBytes)} | ${mib(run.largestEvent)} | ${run.terminal}${run.detail ? ` ${run.detail}` : ''} | ${peak.rss} (+${peak.rss - (before?.rss ?? 0)}) | ${peak.anon} | ${peak.heap.toFixed(1)} / ${peak.live.toFixed(1)} | ${after?.rss} / ${afterHeap?.api ?? 'n/a'} |`,
    );
    if (heapPeak) printHeapSummary(`${c.name}: live heap by allocation site at its sampled peak`, heapPeak);
    const ok = run.terminal === 'done' && after !== null;
    verdicts.push(`${ok ? 'PASS' : 'FAIL'} ${c.name}: ${ok ? 'done' : `ended ${run.terminal || 'without a terminal event'}${after ? '' : ', the worker died'}`}${MAX_HEAP_MIB > 0 ? ` under a ${MAX_HEAP_MIB} MiB heap cap per isolate` : ''}; VmRSS +${peak.rss - (before?.rss ?? 0)} MiB over the job's start`);
    if (!after) break; // the worker workerd exited: later figures would be of another process
  }
  console.log(`\n${verdicts.join('\n')}`);
  if (verdicts.some((v) => v.startsWith('FAIL'))) process.exitCode = 1;
} finally {
  await stack.stop();
}
