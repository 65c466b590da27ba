/**
 * What a figma-context job costs in Figma quota and time, with the version cache on and off (issue 8: "Tier-1
 * calls per file (before/after), cache-hit job time, first page.chunk latency with the fake at 50 ms"). Run from
 * the repo root:
 *   ./cogo bench figma-quota [--sizes 20000,200000] [--latency-ms 50] [--reps 3] [--settle-ms 1000] [--port 8898] [--no-fixtures] [--dump-logs DIR]
 * Bundles the API once and runs it under `wrangler dev` twice (bench/lib/frozen-stack.ts): with
 * FIGMA_VERSION_CACHE on, then off. Files: every real fixture in ../shared/fixtures/figma (beside the checkout), the sample file
 * and generated files of the given node counts, put in the Figma fake. Jobs go through the public API as
 * `cogo extract` runs them (bench/lib/api-job.ts). Per file:
 *   - Figma calls by endpoint tier, counted in the fake's request log (GET /__fake/requests), of a first job on
 *     the version (miss), a second job on the same version (hit) and a job with the cache off — each next to
 *     start's forecast `plan.figma_calls`;
 *   - wall time start → `done` of those jobs;
 *   - start → first `page.chunk` with every Figma answer delayed by --latency-ms (a sticky latency fault):
 *     median of --reps jobs per state; a miss is a fresh version (the file put again), and the job is cancelled
 *     after its first chunk.
 * FIGMA_REQUESTS_PER_MIN and the API's own rate limits are set far above what the bench uses, so the pacer is
 * never what a figure waits on. Prints figures only.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_FILE_KEY, endpointTier, generateLargeFile, sampleFiles, type RecordedRequest } from '@cogo/fakes';
import { runApiJob, type ApiJobRun } from './lib/api-job';
import { wrapNodes } from './lib/fixture-files';
import { freezeApi, startFrozenStack, type FrozenStack, LIMITS_LIFTED } from './lib/frozen-stack';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const SIZES = (arg('sizes') ?? '20000,200000').split(',').filter(Boolean).map(Number);
const LATENCY_MS = Number(arg('latency-ms') ?? 50);
const REPS = Number(arg('reps') ?? 3);
const SETTLE_MS = Number(arg('settle-ms') ?? 1000);
const PORT = Number(arg('port') ?? 8898);
// the shared fixtures beside the checkout (../shared), as the conformance suite finds them
const FIXTURES = process.env.BENCH_FIXTURES ?? fileURLToPath(new URL('../../shared/fixtures/figma', import.meta.url));
const WITH_FIXTURES = !process.argv.includes('--no-fixtures');
/** Writes each counted job's Figma request log to this folder (<key>-<state>.json), to see where the calls went. */
const DUMP = arg('dump-logs');

interface BenchFile {
  key: string;
  label: string;
  /** The file's JSON as put in the fake, naming `version` (a fresh one makes the put a new version). */
  text: (version: string) => string;
}

function benchFiles(): BenchFile[] {
  const list: BenchFile[] = [];
  if (WITH_FIXTURES) {
    for (const kind of ['files', 'nodes'] as const) {
      const dir = `${FIXTURES}/${kind}`;
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).sort()) {
        const path = `${dir}/${f}`;
        list.push({
          key: `BENCHQ${kind.toUpperCase()}${String(list.length).padStart(2, '0')}`,
          label: `${kind}/${f.replace(/\.json$/, '')}`.slice(0, 48),
          text: (version) => {
            const json = JSON.parse(readFileSync(path, 'utf8')) as object;
            return JSON.stringify({ ...(kind === 'files' ? json : wrapNodes(json as Parameters<typeof wrapNodes>[0])), version });
          },
        });
      }
    }
  }
  list.push({ key: SAMPLE_FILE_KEY, label: `${SAMPLE_FILE_KEY} (sample)`, text: (version) => JSON.stringify({ ...sampleFiles()[SAMPLE_FILE_KEY], version }) });
  for (const n of SIZES) list.push({ key: `BENCHQGEN${n}`, label: `generated ${n} nodes`, text: (version) => JSON.stringify({ ...generateLargeFile({ nodes: n, seed: 7 }), version }) });
  return list;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const secs = (ms: number) => (ms / 1000).toFixed(2);

/**
 * A request to the fake's control API on a connection of its own: a pooled keep-alive socket idle while a big
 * file was being generated may be closed by the fake just as it is reused (ECONNRESET).
 */
function control(stack: FrozenStack, method: string, path: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${stack.figmaUrl}/__fake/${path}`, { method, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`fake ${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`));
        else resolve(text);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

let versions = 1_000_000;

/**
 * Puts the file in the fake under a version of its own (again: a new version, as an edit in Figma makes). Every
 * put names a fresh version: a fixture's own `version` (or none, which /meta cannot answer) would make a put
 * after a put an old version again.
 */
async function putFile(stack: FrozenStack, file: BenchFile): Promise<void> {
  await control(stack, 'PUT', `files/${encodeURIComponent(file.key)}`, file.text(String(++versions)));
}

interface FirstChunk {
  /** start request → first page.chunk, median and min over REPS. */
  ms: number;
  min: number;
  /** start request → start's answer, median. */
  startMs: number;
  cache: string;
}

interface Counted {
  run: ApiJobRun;
  /** Requests the fake received during the job, by endpoint tier (3: image downloads and anything else). */
  tiers: [number, number, number];
}

/** One whole job, with the Figma requests it made counted from the fake's log. */
async function countedJob(stack: FrozenStack, key: string, state: string): Promise<Counted> {
  await control(stack, 'DELETE', 'requests');
  const run = await runApiJob(stack.url, stack.apiKey, { fileKey: key });
  const text = await control(stack, 'GET', 'requests');
  if (DUMP) writeFileSync(join(DUMP, `${key}-${state}.json`), text);
  const log = JSON.parse(text) as RecordedRequest[];
  const tiers: [number, number, number] = [0, 0, 0];
  for (const r of log) {
    const t = endpointTier(r.method, r.path) - 1;
    tiers[t] = (tiers[t] ?? 0) + 1;
  }
  return { run, tiers };
}

/** Median start → first page.chunk over REPS jobs with every Figma answer delayed; `fresh` puts the file again before each. */
async function firstChunk(stack: FrozenStack, file: BenchFile, fresh: boolean): Promise<FirstChunk> {
  const times: number[] = [];
  const starts: number[] = [];
  const caches = new Set<string>();
  for (let i = 0; i < REPS; i++) {
    if (fresh) await putFile(stack, file);
    // every rep starts on a quiet machine: the fake's parse of a put file (megabytes, in this process) and the last
    // rep's leftovers (its cancelled job, its cache writes) must not be measured as the next job's latency
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    await control(stack, 'PUT', 'faults', JSON.stringify([{ fault: { kind: 'latency', ms: LATENCY_MS }, times: null }]));
    try {
      const run = await runApiJob(stack.url, stack.apiKey, { fileKey: file.key, untilFirstChunk: true });
      times.push(run.firstChunkMs);
      starts.push(run.startMs);
      caches.add(run.start.cache ?? run.terminal);
    } finally {
      await control(stack, 'DELETE', 'faults');
    }
  }
  return { ms: median(times), min: Math.min(...times), startMs: median(starts), cache: [...caches].join('/') };
}

const forecast = (r: ApiJobRun) => (r.start.plan?.figma_calls ? `${r.start.plan.figma_calls.tier1}/${r.start.plan.figma_calls.tier2}` : '-');
const actual = (c: Counted) => `${c.tiers[0]}/${c.tiers[1]}${c.tiers[2] ? ` (+${c.tiers[2]})` : ''}`;
const ended = (c: Counted) => (c.run.terminal === 'done' ? '' : ` [${c.run.terminal}]`);

interface Row {
  label: string;
  chunks: number;
  miss?: Counted;
  hit?: Counted;
  off?: Counted;
  firstMiss?: FirstChunk;
  firstHit?: FirstChunk;
  firstOff?: FirstChunk;
}

const VARS = {
  // the pacer is not the bottleneck of any figure here
  ...LIMITS_LIFTED,
  LOG_LEVEL: 'warn',
};

const files = benchFiles();
const rows = new Map<string, Row>(files.map((f) => [f.key, { label: f.label, chunks: 0 }]));
const bundleDir = mkdtempSync(join(tmpdir(), 'cogo-figma-quota-'));
try {
  console.error('bundling the API…');
  const config = await freezeApi(bundleDir, undefined);
  for (const cacheOn of [true, false]) {
    const stack = await startFrozenStack({ port: PORT, config, vars: { ...VARS, FIGMA_VERSION_CACHE: String(cacheOn) }, log: (l) => console.error(l) });
    try {
      for (const file of files) {
        const row = rows.get(file.key) as Row;
        console.error(`${cacheOn ? 'cache on ' : 'cache off'} ${file.label}…`);
        await putFile(stack, file);
        if (cacheOn) {
          row.miss = await countedJob(stack, file.key, 'miss');
          row.chunks = row.miss.run.start.plan?.chunks ?? 0;
          row.hit = await countedJob(stack, file.key, 'hit');
          // hits first (this version is whole in the cache), then misses (each on a fresh version)
          row.firstHit = await firstChunk(stack, file, false);
          row.firstMiss = await firstChunk(stack, file, true);
        } else {
          row.off = await countedJob(stack, file.key, 'off');
          row.firstOff = await firstChunk(stack, file, false);
        }
      }
    } finally {
      await stack.stop();
    }
  }
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}

console.log(`Figma calls per job, tier 1 / tier 2 (+ other: image downloads), forecast = start's plan.figma_calls; the fake's request log = actual`);
console.log('| file | chunks | cache off: forecast | cache off: actual | miss: forecast | miss: actual | hit: forecast | hit: actual | job s off / miss / hit | 1st page.chunk ms @' + `${LATENCY_MS} ms: off / miss / hit |`);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows.values()) {
  const { miss, hit, off } = r;
  if (!miss || !hit || !off) continue;
  const first = [r.firstOff, r.firstMiss, r.firstHit].map((f) => (f ? `${f.ms.toFixed(0)} (${f.min.toFixed(0)}; start ${f.startMs.toFixed(0)}; ${f.cache})` : '-')).join(' / ');
  console.log(
    `| ${r.label} | ${r.chunks} | ${forecast(off.run)} | ${actual(off)}${ended(off)} | ${forecast(miss.run)} (${miss.run.start.cache}) | ${actual(miss)}${ended(miss)} | ${forecast(hit.run)} (${hit.run.start.cache}) | ${actual(hit)}${ended(hit)} | ${secs(off.run.totalMs)} / ${secs(miss.run.totalMs)} / ${secs(hit.run.totalMs)} | ${first} |`,
  );
}
const states = [...rows.values()].flatMap((r) => [r.firstMiss?.cache, r.firstHit?.cache, r.firstOff?.cache]).filter((c): c is string => !!c);
console.log(
  `(1st page.chunk: start request sent → first page.chunk event received, median of ${REPS} jobs (min; start = start request → its answer), every Figma answer delayed ${LATENCY_MS} ms, each job begun ${SETTLE_MS} ms after the last (and after a new version's put);\n` +
    ` cache states seen in those runs: ${[...new Set(states)].join(', ')}. Job s = start → done, wall. FIGMA_REQUESTS_PER_MIN=100000 and the API's rate limits at 1,000,000/min: the pacer is not the bottleneck.)`,
);
