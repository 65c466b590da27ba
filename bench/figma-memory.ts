/**
 * Memory of one figma-context job in the API's workerd, whatever the file size (issue 8: "any file size",
 * defect 7). Run from the repo root:
 *   ./cogo bench figma-memory [--nodes 200000] [--giant 100000] [--budget-mib 12] [--port 8897] [--only big|giant]
 * Starts its own stack from a frozen bundle (bench/lib/frozen-stack.ts), puts two generated files in the
 * Figma fake — `big`: ~N nodes of desktop screens over several pages; `giant`: one page whose only top-level
 * frame holds ~M nodes (an answer of tens of MB, over FIGMA_MAX_RESPONSE_BYTES, fetched in pieces) — and
 * runs one job on each through the public API (start, then stream calls to `done`, as `cogo extract`
 * does). While a job runs, VmRSS of the worker's workerd is sampled every 100 ms and the V8 heap of the
 * API's isolate (the Worker and its Durable Objects; inspector, bench/lib/heap.ts) every 500 ms.
 * Prints figures only; the goal is a peak under 128 MB (the Workers memory limit) for either file.
 */
import { generateLargeFile } from '../tooling/fakes/src/samples/large-file';
import { runApiJob } from './lib/api-job';
import { startFrozenStack, LIMITS_LIFTED } from './lib/frozen-stack';
import { heapOf } from './lib/heap';
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
function sampler(pid: number) {
  const peak = { rss: 0, anon: 0, heap: 0 };
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
  const heapLoop = (async () => {
    while (on) {
      const h = await heapOf(pid).catch(() => null);
      if (h && Number.isFinite(h.api)) peak.heap = Math.max(peak.heap, h.api);
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
  vars: {
    ...LIMITS_LIFTED,
    FIGMA_MAX_RESPONSE_BYTES: String(BUDGET),
    // measure fetching and compaction, not replay from the version cache
    FIGMA_VERSION_CACHE: 'false',
    STREAM_BUDGET_MS: '20000',
    LOG_LEVEL: 'warn',
  },
  log: (l) => console.error(l),
});
try {
  const worker = findWorkerd(stack.wrangler.child.pid!, PORT).find((p) => p.role === 'worker');
  if (!worker) throw new Error('no worker workerd under wrangler');
  const pid = worker.pid;
  const cases = [
    { name: 'big', key: 'BENCHBIG0001', make: () => generateLargeFile({ nodes: NODES, seed: 7 }), what: `~${NODES} nodes, desktop screens over pages` },
    { name: 'giant', key: 'BENCHGIANT01', make: () => generateLargeFile({ nodes: GIANT, frames: 'board', seed: 7 }), what: `one top-level frame of ~${GIANT} nodes` },
  ].filter((c) => !ONLY || c.name === ONLY);
  await sleep(3_000);
  const idle = rssOf(pid);
  const idleHeap = await heapOf(pid, true).catch(() => null);
  console.log(`workerd (worker) pid ${pid}; FIGMA_MAX_RESPONSE_BYTES ${mib(BUDGET)} MiB; idle VmRSS ${idle?.rss} MiB (anon ${idle?.anon}), API isolate heap ${idleHeap?.api ?? 'n/a'} MiB`);
  console.log('| file | raw JSON MB | largest top-level frame MB | job s | stream calls | chunks | page.chunk parts | events | log MB | largest event MB | end | peak VmRSS MiB (Δ idle) | peak RssAnon | peak API heap MiB | after 10 s: VmRSS / heap after a full GC |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
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
    const s = sampler(pid);
    const run = await runJob(stack.url, stack.apiKey, c.key);
    const peak = await s.stop();
    await sleep(10_000);
    const after = rssOf(pid);
    // the forced GC may not answer in time (then the plain reading, garbage included, marked so)
    const gcHeap = await heapOf(pid, true).catch(() => null);
    const afterHeap = gcHeap && Number.isFinite(gcHeap.api) ? gcHeap : await heapOf(pid).then((h) => (h ? { ...h, api: `${h.api} (no GC)` } : null)).catch(() => null);
    console.log(
      `| ${c.name}: ${c.what} | ${mib(rawBytes)} | ${mib(largest)} | ${(run.ms / 1000).toFixed(1)} | ${run.calls} | ${run.chunks} | ${run.parts} | ${run.events} | ${mib(run.eventBytes)} | ${mib(run.largestEvent)} | ${run.terminal}${run.detail ? ` ${run.detail}` : ''} | ${peak.rss} (+${peak.rss - (before?.rss ?? 0)}) | ${peak.anon} | ${peak.heap.toFixed(1)} | ${after?.rss} / ${afterHeap?.api ?? 'n/a'} |`,
    );
    if (!after) throw new Error('the worker workerd exited: later figures would be of another process');
  }
} finally {
  await stack.stop();
}
