/**
 * MCP (issue 17) through the API: the Worker under `wrangler dev` (a frozen bundle, bench/lib/frozen-stack.ts), the
 * embedded Postgres and the Figma fake, FIGMA_VERSION_CACHE on, called with the official SDK client over Streamable
 * HTTP at /mcp as a coding agent calls it.
 *   1. Size: per shared fixture (../shared/fixtures/figma beside the checkout; a `nodes` fixture served as one page)
 *      and the sample file, the whole design context get_design_context answers (its pages of the default 64 KiB
 *      joined), in bytes and estimated tokens (the same estimate for both: UTF-8 characters / 4), against the peer,
 *      Framelink's get_figma_data on the same file: its JSON as served, minified, and its `tree` text — live when
 *      BENCH_PEER_SRC names a checkout of it (bench/lib/peer.ts), else the MANIFEST's recorded figures. Goal ≤ 0.5×.
 *      What ours keeps that the peer drops is counted: variable bindings (`bv=`) and component properties (`props=`).
 *      With the live peer, also for the same nodes (the measure): ours less the lines of nodes its output
 *      does not have (every dictionary and header line kept), against its whole output; the verdict uses that.
 *   2. Latency of tool calls over the local API, each call on the one connection: the first get_design_context of
 *      a file (cold: /meta, start, extraction through the stream calls, the first page), then --runs rounds of the
 *      warm calls interleaved: get_design_context again (a finished extraction of the same version: /meta + a page),
 *      the next page by cursor, get_metadata (its skeleton replayed from the version cache), tools/list. p50/p95.
 * Run from the repo root: ./cogo bench mcp [--runs 20] [--port 8897]
 * Loopback only. Prints figures only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { SAMPLE_FILE_KEY, sampleFiles } from '@cogo/fakes/samples';
import { wrapNodes } from './lib/fixture-files';
import { LIMITS_LIFTED, startFrozenStack, type FrozenStack } from './lib/frozen-stack';
import { loadPeer } from './lib/peer';
import { recordedPeers } from './lib/peer-figures';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('runs', '20'));
const PORT = Number(arg('port', '8897'));
const FIXTURES = process.env.BENCH_FIXTURES ?? fileURLToPath(new URL('../../shared/fixtures/figma', import.meta.url));
const MANIFEST = `${FIXTURES}/../MANIFEST.md`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : Number.NaN;
};
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)}K` : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const tokens = (text: string) => Math.ceil(text.length / 4);
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

interface BenchFile {
  key: string;
  label: string;
  /** The MANIFEST's name of the fixture (null: the sample). */
  fixture: string | null;
  raw: () => unknown;
  served: () => object;
}

function benchFiles(): BenchFile[] {
  const list: BenchFile[] = [];
  for (const kind of ['files', 'nodes'] as const) {
    const dir = `${FIXTURES}/${kind}`;
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const raw = () => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as object;
      list.push({
        key: `BENCHMCP${kind.toUpperCase()}${String(list.length).padStart(2, '0')}`,
        label: `${kind}/${f.replace(/\.json$/, '')}`.slice(0, 44),
        fixture: f.replace(/\.json$/, ''),
        raw,
        served: () => (kind === 'files' ? raw() : wrapNodes(raw() as Parameters<typeof wrapNodes>[0])),
      });
    }
  }
  const sample = sampleFiles()[SAMPLE_FILE_KEY]!;
  list.push({ key: SAMPLE_FILE_KEY, label: `${SAMPLE_FILE_KEY} (sample)`, fixture: null, raw: () => sample, served: () => sample });
  return list;
}

/** Puts a file in the fake under a version of its own (the control API, a connection of its own). */
function putFile(stack: FrozenStack, key: string, file: object, version: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${stack.figmaUrl}/__fake/files/${encodeURIComponent(key)}`, { method: 'PUT', agent: false }, (res) => {
      res.resume();
      res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`fake PUT ${key}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ ...file, version }));
  });
}

type Page = { content: string; next_cursor: string | null; job_id: string };

async function tool(client: Client, name: string, args: Record<string, unknown>): Promise<{ ms: number; value: any; text: string }> {
  const t0 = performance.now();
  const res = await client.callTool({ name, arguments: args });
  const ms = performance.now() - t0;
  if (res.isError) throw new Error(`${name}: ${JSON.stringify(res.content).slice(0, 300)}`);
  return { ms, value: res.structuredContent, text: (res.content as Array<{ text?: string }>)[0]?.text ?? '' };
}

/** Ids of every node in the peer's simplified design. */
function peerNodeIds(design: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (n: { id?: unknown; children?: unknown[] }) => {
    if (typeof n.id === 'string') ids.add(n.id);
    for (const c of n.children ?? []) walk(c as never);
  };
  for (const n of (design as { nodes?: unknown[] }).nodes ?? []) walk(n as never);
  return ids;
}

// A node line of our text: its kind (or `=kN`), an optional quoted name, then `#id`; dictionaries start with `@`.
const NODE_LINE = /^ *[^ @#"][^ ]* (?:"(?:[^"\\]|\\.)*" )?#(\S+)/;

/** Our text less the lines of nodes not in `ids` (each line judged alone); and our nodes, kept and dropped. */
function sameNodes(text: string, ids: Set<string>): { bytes: number; kept: number; dropped: number } {
  let bytes = 0;
  let kept = 0;
  let dropped = 0;
  for (const line of text.split('\n')) {
    const m = NODE_LINE.exec(line);
    if (m && !ids.has(m[1]!)) {
      dropped++;
      continue;
    }
    if (m) kept++;
    bytes += utf8(line) + 1;
  }
  return { bytes, kept, dropped };
}

async function main() {
  const files = benchFiles();
  const peer = await loadPeer(process.env.BENCH_PEER_SRC);
  const recorded = recordedPeers(MANIFEST);
  console.log(`MCP bench: ${files.length} files, ${RUNS} warm rounds; peer ${peer ? 'live (BENCH_PEER_SRC)' : 'recorded MANIFEST figures'}`);
  const stack = await startFrozenStack({ port: PORT, vars: { ...LIMITS_LIFTED, FIGMA_VERSION_CACHE: 'true' }, log: (l) => console.log(l) });
  const transport = new StreamableHTTPClientTransport(new URL(`${stack.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${stack.apiKey}` } } });
  const client = new Client({ name: 'cogo-bench', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  const lat = { cold: [] as number[], again: [] as number[], cursor: [] as number[], metadata: [] as number[], list: [] as number[] };
  try {
    await client.connect(transport);
    console.log('\n1. size of the whole design context vs the peer (tokens ≈ characters / 4, both)');
    console.log(['file', 'ours', 'tokens', 'pages', 'bv=', 'props=', 'peer tree', 'peer min', 'peer served', 'vs tree', 'vs served', ...(peer ? ['nodes ours / peer', 'ours, same nodes', 'vs tree, same nodes'] : [])].join(' | '));
    const ratios: number[] = [];
    const sameRatios: number[] = [];
    const sizes = new Map<string, number>();
    const firstPages = new Map<string, Page>();
    let version = 5_000_000;
    for (const f of files) {
      await putFile(stack, f.key, f.served(), String(++version));
      const first = await tool(client, 'get_design_context', { file_key: f.key });
      lat.cold.push(first.ms);
      const pages = [first.value as Page];
      while (pages.at(-1)!.next_cursor) pages.push((await tool(client, 'get_design_context', { cursor: pages.at(-1)!.next_cursor })).value as Page);
      // a small page's cursor, for the warm rounds' next-page calls
      firstPages.set(f.key, (await tool(client, 'get_design_context', { file_key: f.key, max_bytes: 2_048 })).value as Page);
      const text = pages.map((p) => p.content).join('');
      let tree = Number.NaN;
      let min = Number.NaN;
      let served = Number.NaN;
      let same: ReturnType<typeof sameNodes> | null = null;
      let peerNodes = 0;
      if (peer && f.fixture) {
        const design = await peer.simplify(f.raw());
        tree = utf8(peer.tree(design));
        min = utf8(peer.minified(design));
        served = utf8(peer.served(design));
        const ids = peerNodeIds(design);
        peerNodes = ids.size;
        same = sameNodes(text, ids);
        sameRatios.push(same.bytes / tree);
      } else if (f.fixture) {
        const r = recorded.get(f.fixture);
        if (r) ({ tree, minified: min, served } = r);
      }
      if (Number.isFinite(tree)) ratios.push(utf8(text) / tree);
      if (f.fixture?.includes('figma-export')) sizes.set('figma-export', utf8(text));
      const count = (re: RegExp) => (text.match(re) ?? []).length;
      const sameCols = peer ? (same ? [`${same.kept + same.dropped} / ${peerNodes}`, kb(same.bytes), ratio(same.bytes, tree)] : ['–', '–', '–']) : [];
      console.log([f.label, kb(utf8(text)), String(tokens(text)), String(pages.length), String(count(/ bv=/g)), String(count(/ props=/g)), kb(tree), kb(min), kb(served), ratio(utf8(text), tree), ratio(utf8(text), served), ...sameCols].join(' | '));
    }
    const verdict = (xs: number[], what: string) =>
      console.log(`${what}: median ${pct(xs, 50).toFixed(2)}×, worst ${Math.max(...xs).toFixed(2)}×, ${xs.filter((x) => x <= 0.5).length} of ${xs.length} files ≤ 0.5× (goal ≤ 0.5×)`);
    if (ratios.length) verdict(ratios, 'ours / peer tree, whole output');
    if (sameRatios.length) verdict(sameRatios, 'ours / peer tree, the same nodes (the goal\'s measure)');
    else console.log('the same-node figure needs the live peer: BENCH_PEER_SRC=<a checkout of GLips/Figma-Context-MCP>');
    // the MANIFEST's note: on a many-id /nodes answer the peer reads the first id only; its figures called once per id
    const note = existsSync(MANIFEST) ? /called once per id its\s+figures are [^\n]*? and ([\d.]+) KB \/ ([\d.]+) KB \/ ([\d.]+) KB/.exec(readFileSync(MANIFEST, 'utf8').replace(/\n/g, ' ')) : null;
    if (note) console.log(`note: figma-export asks for 31 ids and the peer keeps 1; called once per id its tree is ${note[3]} KB (served ${note[1]} KB): ours is ${ratio(sizes.get('figma-export') ?? Number.NaN, Number(note[3]) * 1024)} of that`);

    for (let r = 0; r < RUNS; r++) {
      for (const f of files) {
        const again = await tool(client, 'get_design_context', { file_key: f.key });
        if (!again.value.extraction?.reused) throw new Error(`${f.key}: not answered from the finished extraction`);
        lat.again.push(again.ms);
        const cursor = firstPages.get(f.key)!.next_cursor;
        if (cursor) lat.cursor.push((await tool(client, 'get_design_context', { cursor })).ms);
        lat.metadata.push((await tool(client, 'get_metadata', { file_key: f.key })).ms);
      }
      const t0 = performance.now();
      await client.listTools();
      lat.list.push(performance.now() - t0);
    }
    console.log('\n2. tool-call latency over the local API (ms)');
    const row = (name: string, xs: number[]) => console.log(`${name.padEnd(46)} n=${String(xs.length).padStart(4)}  p50 ${pct(xs, 50).toFixed(1).padStart(7)}  p95 ${pct(xs, 95).toFixed(1).padStart(7)}`);
    row('get_design_context, first of a file (cold)', lat.cold);
    row('get_design_context again (finished extraction)', lat.again);
    row('get_design_context next page (cursor)', lat.cursor);
    row('get_metadata (skeleton from the version cache)', lat.metadata);
    row('tools/list', lat.list);
  } finally {
    await client.close().catch(() => {});
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
