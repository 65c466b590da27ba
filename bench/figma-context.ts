/**
 * Bench for @cogo/figma-context. Run from the repo root:
 *   node --import tsx bench/figma-context.ts            (add --expose-gc for steadier heap figures)
 * Prints figures only; it asserts nothing. Per fixture in ../shared/fixtures/figma (beside the checkout) it compares us with the
 * peer (Framelink v0.13.2): sizes against its JSON as served, minified, and its `tree` text; CPU of the
 * transformation only (after JSON.parse), both tools interleaved in this process, warm (min / median of
 * BENCH_RUNS rounds) and cold (first call in a fresh process, median of BENCH_COLD_RUNS). The peer runs live
 * when BENCH_PEER_SRC names a checkout of it (bench/lib/peer.ts); otherwise its recorded MANIFEST figures.
 * BENCH_SECTIONS=fixtures,synthetic,pipeline (default: all) picks what runs.
 * Then, when @cogo/fakes exports generateLargeFile, a 200,000-node file is streamed chunk by chunk.
 * Last, the stream pipeline over HTTP against the Figma fake (bench/lib/pipeline.ts): every fixture, the
 * sample file and a generated 200,000-node file, skeleton → plan → nodes per chunk → page.chunk context.
 * --json prints every figure as one JSON object instead of the tables.
 * Figma calls per job (cache off / miss / hit), cache-hit job time and first page.chunk latency through the
 * API: bench/figma-quota.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { ContextBuilder, callsOf, compact, planChunks, toJson, toText } from '@cogo/figma-context';
import type { FakeFixture } from './lib/figma-fake-worker';
import { loadPeer } from './lib/peer';
import { recordedPeers, type PeerFigures } from './lib/peer-figures';
import { runPipeline, type PipelineResult, type PipelineRow } from './lib/pipeline';

// the shared fixtures beside the checkout (../shared), as the conformance suite finds them
const FIXTURES = process.env.BENCH_FIXTURES ?? fileURLToPath(new URL('../../shared/fixtures/figma', import.meta.url));
const MANIFEST = `${FIXTURES}/../MANIFEST.md`;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const SYNTHETIC_NODES = Number(process.env.BENCH_SYNTHETIC_NODES ?? 200_000);
const PIPE_RUNS = Number(process.env.BENCH_PIPE_RUNS ?? 5);
const PIPE_LARGE_RUNS = Number(process.env.BENCH_PIPE_LARGE_RUNS ?? 1);
const LARGE_KEY = 'BENCHLARGE200K';
const JSON_OUT = process.argv.includes('--json');
const PEER_SRC = process.env.BENCH_PEER_SRC;
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'fixtures,synthetic,pipeline').split(','));
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

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Child mode: CPU (ms) of the first transformation of one file in a fresh process, ours or the peer's. */
async function coldChild(tool: string, path: string): Promise<void> {
  const peer = tool === 'peer' ? await loadPeer(PEER_SRC) : null;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Raw;
  const c0 = process.cpuUsage();
  if (peer) await peer.simplify(raw);
  else compact(raw);
  process.stdout.write(String(cpuMs(process.cpuUsage(c0))));
}

function coldRun(tool: 'ours' | 'peer', path: string): number {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--cold', tool, path], { encoding: 'utf8' });
  return Number.parseFloat(out);
}

interface FixtureFigures {
  fixture: string;
  rawBytes: number;
  /** Our JSON (plain, as the stream sends it today), with templates (`toJson(ctx, { dedupe: true })`), our text. */
  jsonBytes: number;
  jsonDedupeBytes: number;
  textBytes: number;
  peer: PeerFigures | null;
  /** CPU (ms) of compact() alone: warm min / median of RUNS interleaved with the peer, cold = first call in a fresh process. */
  warmMinMs: number;
  warmMedMs: number;
  coldMs: number;
  /** CPU (ms, warm median) of rendering: toText + JSON.stringify(toJson(dedupe)). */
  renderMs: number;
  mbPerS: number;
  heapBytes: number;
  bars: string;
}

function minOf(xs: number[]): number {
  return xs.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
}

async function fixtureTable(): Promise<FixtureFigures[]> {
  const figures: FixtureFigures[] = [];
  const recorded = recordedPeers(MANIFEST);
  const peer = await loadPeer(PEER_SRC);
  log(peer
    ? `peer: Framelink from ${PEER_SRC}, run interleaved in this process (CPU of simplifyRawFigmaObject only; cold in fresh processes)`
    : `peer: BENCH_PEER_SRC not set or not a Framelink checkout — recorded MANIFEST figures (marked *)`);
  const header = ['fixture', 'raw', 'json', 'json+tpl', 'text', 'peer served', 'peer min', 'peer tree', 'json/min', 'text/tree', 'ours warm', 'peer warm', 'x warm', 'ours cold', 'peer cold', 'x cold', 'render', 'bars'];
  const rows: string[][] = [];
  for (const kind of ['files', 'nodes']) {
    const dir = `${FIXTURES}/${kind}`;
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const path = `${dir}/${f}`;
      const rel = `figma/${kind}/${f}`;
      const rawBytes = statSync(path).size;
      const raw = JSON.parse(readFileSync(path, 'utf8')) as Raw;
      let p: PeerFigures | null = recorded.get(f.replace(/\.json$/, '')) ?? null;
      for (let i = 0; i < 5; i++) {
        compact(raw);
        if (peer) await peer.simplify(raw);
      }
      gc?.();
      // Interleaved, alternating who goes first, so both see the same machine state.
      const ours: number[] = [];
      const theirs: number[] = [];
      const wall: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        for (const who of i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours']) {
          if (who === 'ours') {
            const t0 = performance.now();
            const c0 = process.cpuUsage();
            compact(raw);
            ours.push(cpuMs(process.cpuUsage(c0)));
            wall.push(performance.now() - t0);
          } else if (peer) {
            const c0 = process.cpuUsage();
            await peer.simplify(raw);
            theirs.push(cpuMs(process.cpuUsage(c0)));
          }
        }
      }
      const ctx = compact(raw);
      const render: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 20); i++) {
        const c0 = process.cpuUsage();
        toText(ctx);
        JSON.stringify(toJson(ctx, { dedupe: true }));
        render.push(cpuMs(process.cpuUsage(c0)));
      }
      const cold = median(Array.from({ length: COLD_RUNS }, () => coldRun('ours', path)));
      if (peer) {
        const design = await peer.simplify(raw);
        p = {
          warmMin: minOf(theirs), warmMed: median(theirs), cold: median(Array.from({ length: COLD_RUNS }, () => coldRun('peer', path))),
          served: Buffer.byteLength(peer.served(design)), minified: Buffer.byteLength(peer.minified(design)), tree: Buffer.byteLength(peer.tree(design)), live: true,
        };
      }
      gc?.();
      let heap = 0;
      for (let i = 0; i < 5; i++) {
        compact(raw);
        heap = Math.max(heap, getHeapStatistics().used_heap_size);
      }
      const json = Buffer.byteLength(JSON.stringify(toJson(ctx)));
      const jsonDedupe = Buffer.byteLength(JSON.stringify(toJson(ctx, { dedupe: true })));
      const text = Buffer.byteLength(toText(ctx));
      const warmMin = minOf(ours);
      const warmMed = median(ours);
      // The figma-export nodes fixture asks for 31 ids and the peer reads only the first: sizes cannot compare.
      const partial = rel.includes('figma-export');
      const sizeOk = p === null ? '?' : partial ? 'size n/a (peer keeps 1 of 31)' : jsonDedupe <= p.minified && text <= p.tree ? 'size ok' : 'SIZE MISS';
      const cpuOk = p === null ? '?' : warmMed <= p.warmMed && cold <= p.cold ? 'cpu ok' : 'CPU MISS';
      figures.push({
        fixture: rel, rawBytes, jsonBytes: json, jsonDedupeBytes: jsonDedupe, textBytes: text, peer: p, warmMinMs: warmMin, warmMedMs: warmMed, coldMs: cold,
        renderMs: median(render), mbPerS: rawBytes / 1048576 / (median(wall) / 1000), heapBytes: heap, bars: `${sizeOk}, ${cpuOk}`,
      });
      const star = p && !p.live ? '*' : '';
      rows.push([
        f.slice(0, 34),
        kb(rawBytes),
        kb(json),
        kb(jsonDedupe),
        kb(text),
        p ? kb(p.served) + star : '-',
        p ? kb(p.minified) + star : '-',
        p ? kb(p.tree) + star : '-',
        p ? (jsonDedupe / p.minified).toFixed(2) : '-',
        p ? (text / p.tree).toFixed(2) : '-',
        `${warmMin.toFixed(2)}/${warmMed.toFixed(2)}`,
        p ? `${p.warmMin.toFixed(2)}/${p.warmMed.toFixed(2)}${star}` : '-',
        p ? `${(p.warmMed / warmMed).toFixed(1)}x` : '-',
        cold.toFixed(2),
        p ? `${p.cold.toFixed(2)}${star}` : '-',
        p ? `${(p.cold / cold).toFixed(1)}x` : '-',
        median(render).toFixed(2),
        `${sizeOk}, ${cpuOk}`,
      ]);
    }
  }
  printTable(header, rows);
  log(
    `(sizes in KB; json = toJson as streamed today, json+tpl = with templates and shared binding sets, text = toText; peer min = its JSON minified.\n` +
      ` CPU ms of the transformation only (after JSON.parse; process.cpuUsage, so GC/JIT threads count): warm = min/median of ${RUNS} rounds, both tools interleaved;\n` +
      ` cold = first call in a fresh process, median of ${COLD_RUNS}; render = our toText + toJson(dedupe) + stringify, warm median; x = peer / ours; * = recorded figure)`,
  );
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
  /** With templates and shared binding sets (per chunk), and the text without them. */
  jsonDedupeBytes: number;
  textBytes: number;
  textPlainBytes: number;
  kept: number;
  heapPeak: number;
  heapOverFile: number;
  /** Whole file in one call, ours vs the peer (only when the peer runs live). */
  whole?: { oursMs: number; peerMs: number; json: number; jsonDedupe: number; text: number; peerMinified: number; peerTree: number };
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
  let jsonDedupeBytes = 0;
  let textBytes = 0;
  let textPlainBytes = 0;
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
      jsonDedupeBytes += JSON.stringify(toJson(out, { dedupe: true })).length;
      textBytes += toText(out).length;
      textPlainBytes += toText(out, { dedupe: false }).length;
      kept += out.counts.nodes + out.counts.folded;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  log(
    `\nsynthetic ${file.name}: ${byId.size} nodes, ${plan.chunks.length} chunks / ${callsOf(plan).length} calls; ` +
      `compact+render ${ms.toFixed(0)}ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)}ms CPU ` +
      `(${((byId.size / ms) * 1000).toFixed(0)} nodes/s, all four renderings included); out ${kb(jsonBytes)} JSON (${kb(jsonDedupeBytes)} with templates), ` +
      `${kb(textBytes)} text (${kb(textPlainBytes)} without templates), ${kept} nodes kept; ` +
      `peak heap ${(heapPeak / 1048576).toFixed(0)}MB (+${((heapPeak - heapBase) / 1048576).toFixed(0)}MB over the loaded file)`,
  );
  // The whole file in one go, both tools: the peer has no chunks, so this is the like-for-like size.
  let whole: SyntheticFigures['whole'];
  const peer = await loadPeer(PEER_SRC);
  if (peer) {
    const c0 = process.cpuUsage();
    const ctx = compact(file);
    const oursMs = cpuMs(process.cpuUsage(c0));
    const c1 = process.cpuUsage();
    const design = await peer.simplify(file);
    const peerMs = cpuMs(process.cpuUsage(c1));
    whole = {
      oursMs, peerMs, json: Buffer.byteLength(JSON.stringify(toJson(ctx))), jsonDedupe: Buffer.byteLength(JSON.stringify(toJson(ctx, { dedupe: true }))),
      text: Buffer.byteLength(toText(ctx)), peerMinified: Buffer.byteLength(peer.minified(design)), peerTree: Buffer.byteLength(peer.tree(design)),
    };
    log(
      `  whole file, one call each: ours ${kb(whole.jsonDedupe)} JSON with templates (${kb(whole.json)} plain), ${kb(whole.text)} text, ${oursMs.toFixed(0)}ms CPU; ` +
        `peer ${kb(whole.peerMinified)} JSON minified, ${kb(whole.peerTree)} tree, ${peerMs.toFixed(0)}ms CPU ` +
        `(json+tpl/min ${(whole.jsonDedupe / whole.peerMinified).toFixed(2)}, text/tree ${(whole.text / whole.peerTree).toFixed(2)})`,
    );
  }
  return {
    name: file.name, nodes: byId.size, chunks: plan.chunks.length, calls: callsOf(plan).length, wallMs: ms, cpuMs: (cpu.user + cpu.system) / 1000,
    jsonBytes, jsonDedupeBytes, textBytes, textPlainBytes, kept, heapPeak, heapOverFile: heapPeak - heapBase, whole,
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
  await coldChild(process.argv[coldIndex + 1] ?? 'ours', process.argv[coldIndex + 2] ?? '');
} else {
  let fixtures: FixtureFigures[] = [];
  if (!SECTIONS.has('fixtures')) log('fixtures: skipped (BENCH_SECTIONS)');
  else if (existsSync(FIXTURES)) fixtures = await fixtureTable();
  else log(`no fixtures at ${FIXTURES}`);
  const synth = SECTIONS.has('synthetic') ? await synthetic() : { skipped: 'BENCH_SECTIONS' };
  const pipe = SECTIONS.has('pipeline') ? await pipeline(fixtures) : { skipped: 'BENCH_SECTIONS' };
  if (JSON_OUT) console.log(JSON.stringify({ fixtures, synthetic: synth, pipeline: pipe }, null, 2));
}
