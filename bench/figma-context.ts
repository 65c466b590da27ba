/**
 * Bench for @cogo/figma-context. Run from the repo root:
 *   node --import tsx bench/figma-context.ts            (add --expose-gc for steadier heap figures)
 * Prints figures only; it asserts nothing. Per fixture in /work/shared/fixtures/figma it reports output
 * sizes against the peer (Framelink v0.13.2, MANIFEST.md) and CPU time: "cold" is the first compact()
 * in a fresh process (what the peer's single-run figure measures), "median" is over N warm runs.
 * Then, when @cogo/fakes exports generateLargeFile, a 200,000-node file is streamed chunk by chunk.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { ContextBuilder, callsOf, compact, planChunks, toJson, toText } from '@cogo/figma-context';

const FIXTURES = '/work/shared/fixtures/figma';
const MANIFEST = '/work/shared/fixtures/MANIFEST.md';
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const SYNTHETIC_NODES = Number(process.env.BENCH_SYNTHETIC_NODES ?? 200_000);
const gc = (globalThis as { gc?: () => void }).gc;

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

function fixtureTable(): void {
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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log(`(N=${RUNS} warm runs; cold = first run in a fresh process, median of ${COLD_RUNS}; cpu/run = process CPU incl. GC/JIT threads; x = peer time / ours; * = per kept node, peer keeps 1 of 31 ids)`);
}

type Node = { id: string; type: string; children?: Node[] };

function depthTwo(node: Node, depth = 0): Node {
  const { children, ...rest } = node;
  return depth >= 2 || !children ? rest : { ...rest, children: children.map((c) => depthTwo(c, depth + 1)) };
}

async function synthetic(): Promise<void> {
  let generate: ((o: { nodes: number; seed?: number }) => GetFileResponse) | undefined;
  try {
    const fakes = (await import('@cogo/fakes')) as { generateLargeFile?: typeof generate };
    generate = fakes.generateLargeFile;
  } catch (e) {
    console.log(`\nsynthetic: @cogo/fakes not importable (${(e as Error).message.split('\n')[0]}); skipped`);
    return;
  }
  if (typeof generate !== 'function') {
    console.log('\nsynthetic: @cogo/fakes has no generateLargeFile yet; skipped');
    return;
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
  console.log(
    `\nsynthetic ${file.name}: ${byId.size} nodes, ${plan.chunks.length} chunks / ${callsOf(plan).length} calls; ` +
      `compact+render ${ms.toFixed(0)}ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)}ms CPU ` +
      `(${((byId.size / ms) * 1000).toFixed(0)} nodes/s); out ${kb(jsonBytes)} JSON, ${kb(textBytes)} text, ${kept} nodes kept; ` +
      `peak heap ${(heapPeak / 1048576).toFixed(0)}MB (+${((heapPeak - heapBase) / 1048576).toFixed(0)}MB over the loaded file)`,
  );
}

const coldIndex = process.argv.indexOf('--cold');
if (coldIndex >= 0) {
  coldChild(process.argv[coldIndex + 1] ?? '');
} else {
  if (existsSync(FIXTURES)) fixtureTable();
  else console.log(`no fixtures at ${FIXTURES}`);
  await synthetic();
}
