/**
 * Bench for @cogo/figma-context. Run from the repo root:
 *   node --import tsx bench/figma-context.ts            (add --expose-gc for steadier heap figures)
 * Prints figures only; it asserts nothing. Per fixture in /work/shared/fixtures/figma it reports output
 * sizes against the peer (Framelink v0.13.2, MANIFEST.md) and CPU time: "cold" is the first compact()
 * in a fresh process (what the peer's single-run figure measures), "median" is over N warm runs.
 * Then, when @cogo/fakes exports generateLargeFile, a 200,000-node file is streamed chunk by chunk.
 * Last, the stream pipeline over HTTP against the Figma fake (bench/lib/pipeline.ts): every fixture, the
 * sample file and a generated 200,000-node file, skeleton → plan → nodes per chunk → page.chunk context.
 * --json prints every figure as one JSON object instead of the tables.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { ContextBuilder, callsOf, compact, planChunks, toJson, toText } from '@cogo/figma-context';
import type { FakeFixture } from './lib/figma-fake-worker';
import { runPipeline, type PipelineResult, type PipelineRow } from './lib/pipeline';

const FIXTURES = process.env.BENCH_FIXTURES ?? '/work/shared/fixtures/figma';
const MANIFEST = `${FIXTURES}/../MANIFEST.md`;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const SYNTHETIC_NODES = Number(process.env.BENCH_SYNTHETIC_NODES ?? 200_000);
const PIPE_RUNS = Number(process.env.BENCH_PIPE_RUNS ?? 5);
const PIPE_LARGE_RUNS = Number(process.env.BENCH_PIPE_LARGE_RUNS ?? 1);
const LARGE_KEY = 'BENCHLARGE200K';
const JSON_OUT = process.argv.includes('--json');
const gc = (globalThis as { gc?: () => void }).gc;
const log = (...a: unknown[]) => {
  if (!JSON_OUT) console.log(...a);
};

// The root package does not depend on @figma/rest-api-spec; take the types from the API itself.
type Raw = Parameters<typeof compact>[0];
type GetFileResponse = Parameters<ContextBuilder['addFile']>[0];
type GetFileNodesResponse = Parameters<ContextBuilder['addNodes']>[0];

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)}K`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function bytesOf(size: string): number {
  const m = /^([\d.]+)\s*(B|KB|MB)$/.exec(size.trim());
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === 'MB' ? 1048576 : m[2] === 'KB' ? 1024 : 1);
}

function peers(): Map<string, { ms: number; json: number; tree: number; out: number }> {
  const rows = new Map<string, { ms: number; json: number; tree: number; out: number }>();
  if (!existsSync(MANIFEST)) return rows;
  for (const line of readFileSync(MANIFEST, 'utf8').split('\n')) {
    const c = line.split('|').map((s) => s.trim());
    if (c.length !== 12 || !c[1]?.startsWith('`figma/')) continue;
    rows.set(c[1].replace(/`/g, ''), {
      ms: Number.parseFloat(c[7] ?? ''),
      json: bytesOf(c[8] ?? ''),
      tree: bytesOf(c[9] ?? ''),
      out: Number((c[10] ?? '').replace(/,/g, '')),
    });
  }
  return rows;
}

/** Child mode: the first compact() of one file in a fresh process, in ms (the peer's measurement shape). */
function coldChild(path: string): void {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Raw;
  const t0 = performance.now();
  compact(raw);
  process.stdout.write(String(performance.now() - t0));
}

function coldRun(path: string): number {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--cold', path], { encoding: 'utf8' });
  return Number.parseFloat(out);
}

interface FixtureFigures {
  fixture: string;
  rawBytes: number;
  jsonBytes: number;
  textBytes: number;
  peer: { ms: number; json: number; tree: number; out: number } | null;
  coldMs: number;
  medianMs: number;
  cpuPerRunMs: number;
  mbPerS: number;
  heapBytes: number;
  bars: string;
}

function fixtureTable(): FixtureFigures[] {
  const figures: FixtureFigures[] = [];
  const peer = peers();
  const header = ['fixture', 'raw', 'json', 'j/raw', 'text', 'peerJ', 'peerT', 'cold', 'median', 'cpu/run', 'peer', 'x(cold)', 'x(med)', 'MB/s', 'heap', 'bars'];
  const rows: string[][] = [];
  for (const kind of ['files', 'nodes']) {
    const dir = `${FIXTURES}/${kind}`;
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const path = `${dir}/${f}`;
      const rel = `figma/${kind}/${f}`;
      const rawBytes = statSync(path).size;
      const raw = JSON.parse(readFileSync(path, 'utf8')) as Raw;
      // Cold figures are noisy (a scavenge of the freshly parsed JSON may or may not land in the run):
      // the median of COLD_RUNS fresh processes.
      const cold = median(Array.from({ length: COLD_RUNS }, () => coldRun(path)));
      for (let i = 0; i < 5; i++) compact(raw);
      gc?.();
      const times: number[] = [];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        compact(raw);
        times.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      // Process CPU (all threads: GC and compiler threads included) per run.
      const cpuPerRun = (cpu.user + cpu.system) / 1000 / RUNS;
      // Heap sampled in its own loop so the sampling cost stays out of the timings above.
      gc?.();
      let heap = 0;
      for (let i = 0; i < 5; i++) {
        compact(raw);
        heap = Math.max(heap, getHeapStatistics().used_heap_size);
      }
      const ctx = compact(raw);
      const json = Buffer.byteLength(JSON.stringify(toJson(ctx)));
      const text = Buffer.byteLength(toText(ctx));
      const med = median(times);
      const p = peer.get(rel);
      const multi = p !== undefined && p.out * 10 < ctx.counts.nodes + ctx.counts.folded;
      const keptNodes = ctx.counts.nodes + ctx.counts.folded;
      const sizeOk = p === undefined ? '?' : multi
        ? json / keptNodes <= p.json / p.out && text / keptNodes <= p.tree / p.out ? 'size ok/node*' : 'SIZE MISS'
        : json <= p.json && text <= p.tree ? 'size ok' : 'SIZE MISS';
      const timeOk = p === undefined ? '?' : p.ms / cold >= 3 ? 'cpu ok' : p.ms / med >= 3 ? 'cpu ok warm' : 'CPU MISS';
      figures.push({
        fixture: rel, rawBytes, jsonBytes: json, textBytes: text, peer: p ?? null, coldMs: cold, medianMs: med, cpuPerRunMs: cpuPerRun,
        mbPerS: rawBytes / 1048576 / (med / 1000), heapBytes: heap, bars: `${sizeOk}, ${timeOk}`,
      });
      rows.push([
        f.slice(0, 34),
        kb(rawBytes),
        kb(json),
        `${((json / rawBytes) * 100).toFixed(1)}%`,
        kb(text),
        p ? kb(p.json) : '-',
        p ? kb(p.tree) : '-',
        `${cold.toFixed(2)}ms`,
        `${med.toFixed(3)}ms`,
        `${cpuPerRun.toFixed(3)}ms`,
        p ? `${p.ms}ms` : '-',
        p ? `${(p.ms / cold).toFixed(1)}x` : '-',
        p ? `${(p.ms / med).toFixed(0)}x` : '-',
        (rawBytes / 1048576 / (med / 1000)).toFixed(0),
        `${(heap / 1048576).toFixed(0)}M`,
        `${sizeOk}, ${timeOk}`,
      ]);
    }
  }
  printTable(header, rows);
  log(`(N=${RUNS} warm runs; cold = first run in a fresh process, median of ${COLD_RUNS}; cpu/run = process CPU incl. GC/JIT threads; x = peer time / ours; * = per kept node, peer keeps 1 of 31 ids)`);
  return figures;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) log(line(r));
}

type Node = { id: string; type: string; children?: Node[] };

function depthTwo(node: Node, depth = 0): Node {
  const { children, ...rest } = node;
  return depth >= 2 || !children ? rest : { ...rest, children: children.map((c) => depthTwo(c, depth + 1)) };
}

interface SyntheticFigures {
  name: string;
  nodes: number;
  chunks: number;
  calls: number;
  wallMs: number;
  cpuMs: number;
  jsonBytes: number;
  textBytes: number;
  kept: number;
  heapPeak: number;
  heapOverFile: number;
}

async function synthetic(): Promise<SyntheticFigures | { skipped: string }> {
  let generate: ((o: { nodes: number; seed?: number }) => GetFileResponse) | undefined;
  try {
    const fakes = (await import('@cogo/fakes')) as { generateLargeFile?: typeof generate };
    generate = fakes.generateLargeFile;
  } catch (e) {
    const skipped = `@cogo/fakes not importable (${(e as Error).message.split('\n')[0]})`;
    log(`\nsynthetic: ${skipped}; skipped`);
    return { skipped };
  }
  if (typeof generate !== 'function') {
    log('\nsynthetic: @cogo/fakes has no generateLargeFile yet; skipped');
    return { skipped: '@cogo/fakes has no generateLargeFile' };
  }
  const file = generate({ nodes: SYNTHETIC_NODES, seed: 1 });
  const byId = new Map<string, Node>();
  const walk = (n: Node) => {
    byId.set(n.id, n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(file.document as unknown as Node);
  const skeleton = { ...file, document: depthTwo(file.document as unknown as Node) } as unknown as GetFileResponse;
  gc?.();
  const heapBase = process.memoryUsage().heapUsed;
  let heapPeak = heapBase;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const planned = planChunks(skeleton);
  if (!planned.ok) throw new Error(planned.message);
  const plan = planned.plan;
  const builder = new ContextBuilder();
  let jsonBytes = 0;
  let textBytes = 0;
  let kept = 0;
  for (const call of callsOf(plan)) {
    for (const ci of call.chunks) {
      const chunk = plan.chunks[ci];
      if (!chunk) continue;
      // What GET /v1/files/:key/nodes?ids=… returns for this chunk.
      const nodes: Record<string, unknown> = {};
      for (const id of chunk.ids) {
        nodes[id] = { document: byId.get(id), components: file.components, componentSets: file.componentSets, styles: file.styles, schemaVersion: 0 };
      }
      const out = builder.addNodes({ name: file.name, nodes } as unknown as GetFileNodesResponse, chunk.index);
      jsonBytes += JSON.stringify(toJson(out)).length;
      textBytes += toText(out).length;
      kept += out.counts.nodes + out.counts.folded;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  log(
    `\nsynthetic ${file.name}: ${byId.size} nodes, ${plan.chunks.length} chunks / ${callsOf(plan).length} calls; ` +
      `compact+render ${ms.toFixed(0)}ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)}ms CPU ` +
      `(${((byId.size / ms) * 1000).toFixed(0)} nodes/s); out ${kb(jsonBytes)} JSON, ${kb(textBytes)} text, ${kept} nodes kept; ` +
      `peak heap ${(heapPeak / 1048576).toFixed(0)}MB (+${((heapPeak - heapBase) / 1048576).toFixed(0)}MB over the loaded file)`,
  );
  return {
    name: file.name, nodes: byId.size, chunks: plan.chunks.length, calls: callsOf(plan).length, wallMs: ms, cpuMs: (cpu.user + cpu.system) / 1000,
    jsonBytes, textBytes, kept, heapPeak, heapOverFile: heapPeak - heapBase,
  };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)}M`;
const ms = (x: number) => (x < 10 ? `${x.toFixed(1)}ms` : `${x.toFixed(0)}ms`);

function fixtureList(): FakeFixture[] {
  const list: FakeFixture[] = [];
  for (const kind of ['files', 'nodes'] as const) {
    const dir = `${FIXTURES}/${kind}`;
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) list.push({ key: `BENCH${kind.toUpperCase()}${String(list.length).padStart(2, '0')}`, label: `figma/${kind}/${f}`, path: `${dir}/${f}`, kind });
  }
  return list;
}

/** The stream pipeline over HTTP against the Figma fake (see bench/lib/pipeline.ts). */
async function pipeline(fixtures: FixtureFigures[]): Promise<PipelineResult> {
  const t0 = performance.now();
  const result = await runPipeline({ fixtures: fixtureList(), large: { key: LARGE_KEY, nodes: SYNTHETIC_NODES, seed: 1 }, runs: PIPE_RUNS, largeRuns: PIPE_LARGE_RUNS });
  const oneShot = new Map(fixtures.map((f) => [f.fixture, f.jsonBytes]));
  log('\npipeline over HTTP (skeleton depth=2 → planChunks → nodes?ids= per chunk → addNodes → toJson → JSON.stringify, as the stream does)');
  const header = ['file', 'raw', 'nodes', 'chunks', 'fetched', 'context', 'ctx/raw', 'ctx/1shot', '1st chunk', 'total', 'MB/s', 'fetch', 'parse', 'build', 'fake busy', 'heap+', 'heap'];
  const rowOf = (r: PipelineRow): string[] => {
    const s = r.summary;
    const one = oneShot.get(r.label);
    return [
      r.label.replace(/^figma\/(files|nodes)\//, '$1/').slice(0, 40),
      kb(r.rawBytes),
      String(r.nodes),
      String(s.chunks),
      kb(s.fetchedBytes),
      kb(s.contextBytes),
      `${((s.contextBytes / r.rawBytes) * 100).toFixed(1)}%`,
      one === undefined ? '-' : `${((s.contextBytes / one) * 100).toFixed(0)}%`,
      ms(s.firstChunkMs),
      ms(s.totalMs),
      (r.rawBytes / 1048576 / (s.totalMs / 1000)).toFixed(0),
      ms(s.fetchMs),
      ms(s.parseMs),
      ms(s.buildMs),
      ms(s.fakeBusyMs),
      mb(s.heapPeak - s.heapBase),
      mb(s.heapPeak),
    ];
  };
  const small = result.rows.filter((r) => r.kind !== 'generated');
  if (small.length > 0) printTable(header, small.map(rowOf));
  for (const r of result.rows.filter((x) => x.kind === 'generated')) {
    const s = r.summary;
    log(
      `\n${r.label} served by the fake as ${r.key}: ${r.nodes} nodes, ${mb(r.rawBytes)} as JSON (generated in ${ms(r.buildMs ?? Number.NaN)}, in the fake's worker)\n` +
        `  ${s.chunks} chunks / ${s.calls} stream calls; fetched ${mb(s.fetchedBytes)}, context ${mb(s.contextBytes)} (${((s.contextBytes / r.rawBytes) * 100).toFixed(1)}% of raw)\n` +
        `  skeleton ${ms(s.skeletonMs)}, first page.chunk ${ms(s.firstChunkMs)}, total ${ms(s.totalMs)} (${(r.rawBytes / 1048576 / (s.totalMs / 1000)).toFixed(0)} MB/s of raw; ${((r.nodes / s.totalMs) * 1000).toFixed(0)} nodes/s)\n` +
        `  of which awaiting the fake's bodies ${ms(s.fetchMs)} (fake busy ${ms(s.fakeBusyMs)}; ${s.fakeRequests} requests, ${ms(s.fakeServeMs)} request→response-finish summed),\n` +
        `  JSON.parse ${ms(s.parseMs)}, our build (addNodes + toJson + stringify) ${ms(s.buildMs)}\n` +
        `  pipeline peak heap +${mb(s.heapPeak - s.heapBase)} over a ${mb(s.heapBase)} baseline (${mb(s.heapPeak)} absolute) vs ${mb(r.rawBytes)} raw file; largest response ${mb(s.maxResponseBytes)}` +
        (r.runs.length > 1 ? ` (worst of ${r.runs.length} runs; times median)` : '') +
        (r.gcRun ? `\n  with a full GC between chunks (extra run, ${ms(r.gcRun.totalMs)}): peak heap +${mb(r.gcRun.heapPeak - r.gcRun.heapBase)} (${mb(r.gcRun.heapPeak)} absolute) — what one chunk really holds` : ''),
    );
  }
  if (result.error) log(`pipeline: stopped: ${result.error}`);
  log(
    `(pipeline: median of ${PIPE_RUNS} runs per file (${PIPE_LARGE_RUNS} for the generated file), peak heap = worst run; ${((performance.now() - t0) / 1000).toFixed(1)}s in all. The fake runs in a worker thread of this\n` +
      ` process (its heap ${mb(result.fakeHeap.heapUsed + result.fakeHeap.arrayBuffers)} with every file loaded is NOT in heap+/heap; its CPU competes with ours on this machine's cores).\n` +
      ` raw = fixture bytes on disk (nodes fixtures are served wrapped as one CANVAS page of a file; the sample/generated file: its JSON); nodes = nodes served;\n` +
      ` fetched = response bytes received (skeleton + chunks); context = bytes of JSON.stringify(toJson(out)) summed over chunks (the page.chunk context);\n` +
      ` ctx/1shot = context vs compact() of the whole fixture above; 1st chunk = skeleton request start → first chunk's context serialised (time to first page.chunk);\n` +
      ` total = to the last chunk's context; MB/s = raw / total; fetch = awaiting the HTTP bodies (as text); parse = JSON.parse; build = addNodes + toJson + stringify;\n` +
      ` fake busy = the fake worker's event-loop active time during the run (serving cost, same process); heap+ = peak (heapUsed + arrayBuffers, sampled every 2ms\n` +
      ` and after each fetch/chunk) above a post-GC baseline taken just before the run; heap = that peak, absolute.)`,
  );
  return result;
}

const coldIndex = process.argv.indexOf('--cold');
if (coldIndex >= 0) {
  coldChild(process.argv[coldIndex + 1] ?? '');
} else {
  let fixtures: FixtureFigures[] = [];
  if (existsSync(FIXTURES)) fixtures = fixtureTable();
  else log(`no fixtures at ${FIXTURES}`);
  const synth = await synthetic();
  const pipe = await pipeline(fixtures);
  if (JSON_OUT) console.log(JSON.stringify({ fixtures, synthetic: synth, pipeline: pipe }, null, 2));
}
