/**
 * variables/derive speed and memory (issue 13): Figma variables → W3C DTCG 2025.10 tokens + resolver document,
 * validated against the DTCG schema, as deriveTokens does it for the API. Run from the repo root:
 *   ./cogo bench tokens [--count 20000] [--warm 10] [--isolates 3] [--profile]
 * Two inputs: the largest real variables response (../shared/fixtures/figma/variables/warp-ds…: 811 variables,
 * 14 collections; only when ../shared exists) and a generated file of `--count` variables
 * (bench/lib/tokens-generate.ts). Each runs in a fresh Node process (bench/lib/tokens-run.ts), so the first call
 * is cold (schema compiled, code not yet optimised); warm = the next `--warm` calls. Memory: the V8 heap peak
 * during the cold call above the heap before it (read from V8's GC trace: the largest heap seen before a
 * collection, or at the end), the heap the result keeps, and the process RSS high-water mark. A reference
 * workload is timed too, so figures from a loaded machine can be judged. The same calls run in workerd too, the
 * runtime the API derives tokens in (bench/lib/tokens-workerd.ts: a fresh isolate per cold sample, times read by
 * the client less a no-op's round trip). Goal: < 200 ms (in workerd, cold and warm: no product path derives tokens
 * in Node) and < 64 MB for 20,000 variables. Prints figures only. Where the time goes, phase by phase:
 * bench/lib/tokens-phases.ts (Node); in workerd, `--profile` (one more isolate's cold call under the CPU profiler, for
 * the generated file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(arg('count') ?? 20_000);
const WARM = Number(arg('warm') ?? 10);
const ISOLATES = Number(arg('isolates') ?? 3);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../shared/fixtures/figma/variables/warp-ds__tokens__data_figma.json', import.meta.url));

interface Run {
  variables: number;
  collections: number;
  modes: number;
  tokens: number;
  aliases: number;
  cold: { ms: number; cpuMs: number };
  warm: Array<{ ms: number; cpuMs: number }>;
  validateMs: number;
  cssMs: number;
  cssKb: number;
  tailwindMs: number;
  heap: { baselineMib: number; atEndMib: number; retainedMib: number };
  rss: { baselineMib: number; maxBeforeMib: number; maxAfterMib: number };
  outputKb: number;
  heapPeakMib: number;
}

/** Runs one scenario in a fresh process; the heap peak comes from the GC trace between the markers. */
function run(args: string[]): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--trace-gc', 'bench/lib/tokens-run.ts', ...args, '--warm', String(WARM)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = out.split('\n');
  const start = lines.indexOf('@@derive-start');
  const end = lines.indexOf('@@derive-end');
  const result = JSON.parse(lines.find((l) => l.startsWith('@@result '))!.slice(9)) as Omit<Run, 'heapPeakMib'>;
  let peak = result.heap.atEndMib;
  for (const l of lines.slice(start + 1, end)) {
    // "[pid:0x…]  1214 ms: Scavenge 39.9 (57.3) -> 34.2 (64.7) MB, …": the heap in use before the collection
    const m = /: (?:Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Compact|Minor Mark-Sweep)[^\d]*([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/.exec(l);
    if (m) peak = Math.max(peak, Number(m[1]));
  }
  return { ...result, heapPeakMib: peak - result.heap.baselineMib };
}

interface WorkerdRun {
  cold: number[];
  warm: number[];
  noop: number[];
  /** With --profile: the profiled cold call, summed by phase. */
  profile: string[];
}

/** The same input through deriveTokens in workerd: ISOLATES fresh isolates, WARM calls after each cold one. */
function runWorkerd(args: string[]): WorkerdRun {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/tokens-workerd.ts', ...args, '--cold', String(ISOLATES), '--warm', String(WARM)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const lines = out.split('\n');
  const run = JSON.parse(lines.find((l) => l.startsWith('@@workerd '))!.slice(10)) as Omit<WorkerdRun, 'profile'>;
  return { ...run, profile: lines.filter((l) => l.startsWith('@@profile ')).map((l) => l.slice(10)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (n: number, d = 0) => n.toFixed(d);

function reference(): string {
  // a fixed workload to calibrate a loaded machine: JSON.parse of the warp fixture (or of 1 MB of tokens)
  const text = existsSync(FIXTURE) ? readFileSync(FIXTURE, 'utf8') : JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ id: `VariableID:1:${i}`, r: i / 20_000 })));
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    JSON.parse(text);
    times.push(performance.now() - t);
  }
  return `JSON.parse of ${f(text.length / 1024)} KB: ${f(Math.min(...times), 1)} ms (min of 15)`;
}

function print(label: string, r: Run, w?: WorkerdRun): void {
  const warmMs = r.warm.map((w) => w.ms);
  const warmCpu = r.warm.map((w) => w.cpuMs);
  console.log(`\n${label}: ${r.variables} variables, ${r.collections} collections, ${r.modes} modes → ${r.tokens} tokens (default modes), ${r.aliases} alias values; resolver ${f(r.outputKb)} KB`);
  console.log(`  cold (first call)  ${f(r.cold.ms, 1)} ms wall, ${f(r.cold.cpuMs, 1)} ms CPU → ${f(r.variables / (r.cold.ms / 1000))} variables/s`);
  console.log(`  warm (${r.warm.length} calls)    min ${f(Math.min(...warmMs), 1)} / median ${f(median(warmMs), 1)} ms wall, median ${f(median(warmCpu), 1)} ms CPU → ${f(r.variables / (median(warmMs) / 1000))} variables/s`);
  console.log(`  of which validation (schema + references, warm) ${f(r.validateMs, 1)} ms; toCss ${f(r.cssMs, 1)} ms (${f(r.cssKb)} KB); toTailwindTheme ${f(r.tailwindMs, 1)} ms`);
  if (w) {
    const range = (xs: number[]) => `${f(Math.min(...xs), 1)}–${f(Math.max(...xs), 1)}`;
    console.log(`  workerd: cold (first call, ${w.cold.length} fresh isolates) median ${f(median(w.cold), 1)} ms (${range(w.cold)}); warm (${w.warm.length} calls) median ${f(median(w.warm), 1)} ms (${range(w.warm)}); a no-op's round trip ${f(median(w.noop), 1)} ms taken off`);
  }
  console.log(`  memory: heap peak +${f(r.heapPeakMib, 1)} MiB during the cold call (heap before it ${f(r.heap.baselineMib, 1)} MiB), result keeps ${f(r.heap.retainedMib, 1)} MiB; RSS high-water ${f(r.rss.maxAfterMib)} MiB (${f(r.rss.baselineMib)} MiB before)`);
}

console.log('tokens bench — deriveTokens: variables → DTCG 2025.10 documents + resolver, validated (compiled schema + references)');
console.log(`machine: load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} on ${availableParallelism()} CPUs; reference ${reference()}`);
console.log('Node figures first, then workerd (wrangler dev) for the same input.');
if (existsSync(FIXTURE)) print('warp-ds fixture (largest real response)', run([FIXTURE]), runWorkerd([FIXTURE]));
else console.log(`\nwarp-ds fixture: skipped, ${FIXTURE} is missing (../shared/fixtures)`);
const big = run(['--generate', String(COUNT)]);
const bigW = runWorkerd(['--generate', String(COUNT), ...(process.argv.includes('--profile') ? ['--profile'] : [])]);
print(`generated ${COUNT}`, big, bigW);
for (const line of bigW.profile) console.log(`  ${line}`);
if (COUNT === 20_000) {
  const warm = median(big.warm.map((w) => w.ms));
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  const wCold = Math.max(...bigW.cold);
  const wWarm = median(bigW.warm);
  console.log(`\ngoal for 20,000 variables: < 200 ms in workerd, the runtime tokens are derived in (the API; clients call it): cold ${f(wCold, 1)} ms at worst of ${bigW.cold.length} isolates (${ok(wCold < 200)}), warm median ${f(wWarm, 1)} ms (${ok(wWarm < 200)}); < 64 MB → heap peak +${f(big.heapPeakMib, 1)} MiB in Node (${ok(big.heapPeakMib < 64)})`);
  console.log(`for comparison, Node ${process.versions.node} (V8 ${process.versions.v8.split('-')[0]}; no product path derives tokens in Node): warm median ${f(warm, 1)} ms, cold ${f(big.cold.ms, 1)} ms`);
  console.log('figures rise with the machine\'s load: judge them against the reference above');
}
