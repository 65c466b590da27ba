/**
 * Memory of the API's workerd under load (issue 7). Run from the repo root:
 *   ./cogo bench load-memory [kind …] [--repeat N] [--idle S] [--port P] [--no-observability]
 *   ./cogo bench load-memory --url http://127.0.0.1:8899 --key cogo_… --pid <workerd pid> [kind …]
 * Without --url it starts its own stack from a frozen bundle (bench/lib/frozen-stack.ts) on
 * 127.0.0.1:P (default 8898). Each run is one kind of load (bench/lib/loads.ts), ≤ 60 s; VmRSS of the
 * worker's workerd is read from /proc before the first run, after each run (once it has settled) and
 * after S seconds idle (default 60). A kind run twice tells a leak (grows each time) from a cache or
 * a heap that grows once and plateaus. The V8 heap of each isolate (through workerd's inspector, see
 * bench/lib/heap.ts) tells memory our JavaScript holds from workerd's native memory. Prints figures only.
 * Kinds: see bench/lib/loads.ts (default: all, in order).
 */
import { startFrozenStack, type FrozenStack, LIMITS_LIFTED } from './lib/frozen-stack';
import { LOADS, type Target } from './lib/loads';
import { heapOf } from './lib/heap';
import { findWorkerd, rssOf, type RssSample } from './lib/rss';

const RUN_MS = 60_000;
const SETTLE_MS = 5_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const flagged = new Set(['--repeat', '--idle', '--port', '--url', '--key', '--pid']);
const kinds = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !flagged.has(all[i - 1] ?? ''));
const repeat = Number(arg('repeat') ?? 1);
const idleS = Number(arg('idle') ?? 60);
const port = Number(arg('port') ?? 8898);
const order = kinds.length ? kinds : Object.keys(LOADS);
for (const k of order) if (!LOADS[k]) throw new Error(`unknown kind ${k}; kinds: ${Object.keys(LOADS).join(' ')}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (s: RssSample | null) => (s ? `${s.rss}` : 'gone');
const heapText = async () => {
  const h = await heapOf(pid).catch(() => null);
  return h ? `${h.api} / ${h.others}` : 'n/a';
};

let stack: FrozenStack | undefined;
let target: Target;
let pid: number;
let proxyPid: number | undefined;
if (arg('url')) {
  target = { url: arg('url')!, apiKey: arg('key') ?? '' };
  pid = Number(arg('pid'));
  if (!pid) throw new Error('--pid <workerd pid> is required with --url');
} else {
  stack = await startFrozenStack({
    port,
    // every request reaches the Worker from 127.0.0.1 (wrangler's proxy sets cf-connecting-ip), so the
    // per-IP, default and figma limits would turn later runs of the same minute into 429s: they are
    // lifted; the `heavy` class keeps its shipped 60/min for rl-flood to meet
    vars: {
      ...LIMITS_LIFTED,
      LOG_LEVEL: 'warn',
    },
    log: (l) => console.error(l),
    ...(process.argv.includes('--no-observability') ? { observability: false } : {}),
  });
  target = { url: stack.url, apiKey: stack.apiKey };
  const procs = findWorkerd(stack.wrangler.child.pid!, port);
  const worker = procs.find((p) => p.role === 'worker');
  if (!worker) throw new Error(`no worker workerd under wrangler (found ${JSON.stringify(procs)})`);
  pid = worker.pid;
  proxyPid = procs.find((p) => p.role === 'proxy')?.pid;
}

try {
  await sleep(SETTLE_MS);
  const start = rssOf(pid);
  console.log(`workerd (worker) pid ${pid}${proxyPid ? `, proxy pid ${proxyPid}` : ''}; MiB VmRSS (RssAnon) from /proc/<pid>/status`);
  console.log(`start: worker ${fmt(start)} (${start?.anon}), V8 heap used api / miniflare ${await heapText()}${proxyPid ? `  proxy ${fmt(rssOf(proxyPid))}` : ''}`);
  console.log('| run | kind | requests | statuses | s | worker before → after MiB | Δ | anon after | V8 used api / miniflare | proxy after |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let n = 0;
  for (let r = 0; r < repeat; r++) {
    for (const kind of order) {
      const before = rssOf(pid);
      const t0 = Date.now();
      const result = await LOADS[kind]!.run(target, t0 + RUN_MS);
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      await sleep(SETTLE_MS);
      const after = rssOf(pid);
      const delta = before && after ? after.rss - before.rss : Number.NaN;
      const statuses = Object.entries(result.statuses).map(([s, c]) => `${s}×${c}`).join(' ');
      console.log(`| ${++n} | ${kind} | ${result.requests} | ${statuses} | ${secs} | ${fmt(before)} → ${fmt(after)} | ${delta >= 0 ? '+' : ''}${delta} | ${after?.anon} | ${await heapText()} | ${proxyPid ? fmt(rssOf(proxyPid)) : '-'} |`);
      if (!after) throw new Error('the worker workerd exited (restarted?): figures after this point would be of another process');
    }
  }
  if (idleS > 0) {
    await sleep(idleS * 1000);
    const idle = rssOf(pid);
    console.log(`after ${idleS}s idle: worker ${fmt(idle)} (${idle?.anon}), V8 heap used api / miniflare ${await heapText()}${proxyPid ? `  proxy ${fmt(rssOf(proxyPid))}` : ''}`);
  }
  console.log('kinds:');
  for (const k of order) console.log(`  ${k}: ${LOADS[k]!.what}`);
} finally {
  await stack?.stop();
}
