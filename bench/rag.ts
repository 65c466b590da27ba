/**
 * RAG's vector index on this machine's database (issue 12, "Tests and benchmarks"). Run from the repo root:
 *   ./cogo bench rag [--chunks 2000,10000] [--queries 100] [--probe 500] [--sample 500] [--load sql|client] [--text-words 250]
 *                    [--maintenance-work-mem 1GB] [--compare-mwm 64MB] [--ef 40,100] [--clusters 50] [--noise 0.6] [--query-noise 0.3]
 *                    [--seed 12] [--explain] [--database-url postgres://… (or TEST_DATABASE_URL)]
 * The embedded database (PGlite + pgvector, our migrations, in memory) runs in a process of its own
 * (bench/lib/database-process.ts); this process generates rows and queries and talks to it with the production
 * driver over the WebSocket proxy. Two projects share `document_chunks` half and half; queries run as project A
 * through the tenant pool (role cogo_app, row-level security: no explicit project predicate).
 * Per table size N (ascending; the table grows from one size to the next):
 *   1. without the HNSW index: `--sample` rows through the ingestion path's INSERTs (rows/s), then the rest up to
 *      N − probe generated inside the database (`--load sql`, the default; `--load client` sends every row, ~5×
 *      slower: 100k rows would take ~7 minutes to send), then CREATE INDEX with `--maintenance-work-mem` (SET LOCAL;
 *      the graph of 100k 1024-d rows needs ~0.8 GB, and once it no longer fits pgvector builds the slow way;
 *      `--compare-mwm X` first builds it with X as well, timed and dropped, to show the difference);
 *   2. with the index: insert the last `probe` rows through the ingestion path (rows/s into an index of ~N rows);
 *   3. `--queries` queries near the centroids, unfiltered and with a ~1 % metadata filter (`{"team":"t7"}` on the
 *      document): exact search (index scans off) as truth, then ef_search (`--ef`) × iterative scan off/relaxed_order,
 *      and the repo's own statement for limit 10 (LIMIT 40, ef_search 40, relaxed_order, scored on its first 10):
 *      p50/p95 of the statement, recall@10, queries that returned fewer rows than exact, whether the plan used HNSW.
 *      The filtered queries run twice: as planned (a 1 % filter is usually planned as exact search over the filtered
 *      rows), and with Sort nodes penalised so that the HNSW scan is used, as when the planner misjudges a filter.
 * `--explain` also prints EXPLAIN (ANALYZE, BUFFERS) of the repo's statement (as planned) for the first query, per size
 * and filter: which scans find the filtered rows (migration 0020's document_tags, by text `=`, which row-level security lets use an index) and the chunks.
 * Vectors: 1024-d, `--clusters` random centroids + gaussian noise, normalised (bench/lib/rag-data.ts).
 * With --database-url the bench drops and rebuilds the migration's index on that server: use a scratch database.
 * Prints figures only; not a test, not run by CI. `--chunks 10000,100000` takes ~15 minutes on this 2-core machine.
 */
import { performance } from 'node:perf_hooks';
import { createDb } from '../packages/db/src/client';
import { ws } from '../packages/db/src/node/ws';
import { startDatabaseProcess } from './lib/database-process';
import { clusteredSpace, vectorText } from './lib/rag-data';
import { explainAnalyze, K, runConfig, type ConfigResult, type ScanConfig } from './lib/rag-queries';
import { buildIndex, ChunkWriter, createProjects, dropGenerator, dropIndex, dropProjects, ensureIndex } from './lib/rag-store';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const SIZES = (arg('chunks') ?? '2000,10000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const QUERIES = Number(arg('queries') ?? 100);
const PROBE = Number(arg('probe') ?? 500);
const SAMPLE = Number(arg('sample') ?? 500);
/** Filler words per chunk: ~250 words ≈ a 400-token chunk, so the heap row is as wide as a real one (see rag-store.ts). */
const TEXT_WORDS = Number(arg('text-words') ?? 250);
const LOAD = (arg('load') ?? 'sql') as 'sql' | 'client';
const MWM = arg('maintenance-work-mem') ?? '1GB';
/** Also build each size's index with this maintenance_work_mem first (timed, then dropped), to show what MWM buys. */
const COMPARE_MWM = arg('compare-mwm');
const EF = (arg('ef') ?? '40,100').split(',').map(Number);
const CLUSTERS = Number(arg('clusters') ?? 50);
const NOISE = Number(arg('noise') ?? 0.6);
const QUERY_NOISE = Number(arg('query-noise') ?? 0.3);
const SEED = Number(arg('seed') ?? 12);
const DATABASE_URL = arg('database-url') ?? process.env.TEST_DATABASE_URL;
const FILTER = JSON.stringify({ team: 't7' });
const EXPLAIN = process.argv.includes('--explain');
/** The issue's goal. */
const GOAL = { recall: 0.95, p95Ms: 50 };
/** What the helper that built retrieval measured (to confirm or correct). */
const EARLIER = { insertRows: 3000, insertSeconds: 41, buildRows: 2000, buildSeconds: 3.9 };

const CONFIGS: ScanConfig[] = [
  ...EF.flatMap((efSearch) => (['off', 'relaxed_order'] as const).map((iterative) => ({ label: `ef ${efSearch}, iterative ${iterative}`, efSearch, iterative }))),
  // rag-search.repo.ts nearestChunks for limit 10, before its exact fallback: LIMIT 40, ef_search max(40, 40)
  { label: "the repo's: LIMIT 40, ef 40, relaxed", efSearch: 40, iterative: 'relaxed_order', limit: 40, maxScanTuples: 20_000 },
];

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN);
const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const log = (line: string) => process.stderr.write(`[rag] ${line}\n`);

interface SizeResult {
  size: number;
  /** Through the ingestion path's INSERTs, no index. */
  bulk: { rows: number; seconds: number };
  /** Generated inside the database, no index (zero rows with --load client). */
  generated: { rows: number; seconds: number };
  build: { rows: number; seconds: number; notices: string[] };
  /** The --compare-mwm build, if asked. */
  compared: { seconds: number; notices: string[] } | null;
  indexed: { rows: number; seconds: number };
  tenantRows: number;
  filterRows: number;
  byFilter: { name: string; exact: ConfigResult; configs: ConfigResult[] }[];
  /** --explain: the repo's statement's EXPLAIN ANALYZE for the first query, by filter name. */
  plans: { name: string; lines: string[] }[];
}

function row(r: ConfigResult): string {
  const p95 = pct(r.latencies, 95);
  return `  ${r.config.label.padEnd(38)} p50 ${ms(pct(r.latencies, 50)).padStart(7)}  p95 ${ms(p95).padStart(7)}  recall@${K} ${Number.isNaN(r.recall) ? ' n/a' : r.recall.toFixed(3)}  short ${String(r.short).padStart(3)}  plan ${r.usesIndex ? 'hnsw' : 'no index'}`;
}

function printSize(s: SizeResult): void {
  console.log(`\n== ${s.size.toLocaleString('en')} chunks (project A sees ${s.tenantRows.toLocaleString('en')}; filter ${FILTER} matches ${s.filterRows} of them, ${((100 * s.filterRows) / s.tenantRows).toFixed(1)} %)`);
  const rate = (x: { rows: number; seconds: number }) => `${Math.round(x.rows / x.seconds).toLocaleString('en')} rows/s (${x.rows.toLocaleString('en')} rows in ${x.seconds.toFixed(1)} s)`;
  console.log(`  insert, no HNSW index          ${s.bulk.rows ? rate(s.bulk) : 'n/a'}   (the ingestion path's INSERTs of 64 rows, vectors sent as text)`);
  if (s.generated.rows) console.log(`  generated in the database      ${rate(s.generated)}   (bulk load, no index)`);
  console.log(`  CREATE INDEX … USING hnsw      ${s.build.seconds.toFixed(1)} s over ${s.build.rows.toLocaleString('en')} rows (maintenance_work_mem ${MWM})${s.build.notices.length ? ` — NOTICE ${s.build.notices.join('; ')}` : ', the graph fit in memory'}`);
  if (s.compared) console.log(`  the same, maintenance_work_mem ${COMPARE_MWM}  ${s.compared.seconds.toFixed(1)} s${s.compared.notices.length ? ` — NOTICE ${s.compared.notices.join('; ')}` : ', the graph fit in memory'}`);
  console.log(`  insert into the HNSW index     ${s.indexed.rows ? rate(s.indexed) : 'n/a (no room for the probe between sizes)'}`);
  for (const f of s.byFilter) {
    console.log(` ${f.name}:`);
    console.log(row(f.exact));
    for (const c of f.configs) console.log(row(c));
  }
  for (const p of s.plans) console.log(` EXPLAIN ANALYZE, the repo's statement, ${p.name}, first query:\n    ${p.lines.join('\n    ')}`);
}

function verdicts(results: SizeResult[]): void {
  console.log('\n== verdicts');
  for (const s of results) {
    for (const f of s.byFilter) {
      const ok = f.configs.filter((c) => c.recall >= GOAL.recall && pct(c.latencies, 95) < GOAL.p95Ms);
      const best = [...f.configs].sort((a, b) => b.recall - a.recall)[0]!;
      const what = `${s.size.toLocaleString('en')} chunks, ${f.name}`;
      console.log(
        ok.length
          ? `  recall ≥ ${GOAL.recall} at p95 < ${GOAL.p95Ms} ms — ${what}: MET by ${ok.map((c) => `[${c.config.label}: ${c.recall.toFixed(3)}, p95 ${ms(pct(c.latencies, 95))}]`).join(' ')}`
          : `  recall ≥ ${GOAL.recall} at p95 < ${GOAL.p95Ms} ms — ${what}: NOT MET (best recall ${best.recall.toFixed(3)} at p95 ${ms(pct(best.latencies, 95))}, ${best.config.label}; exact p95 ${ms(pct(f.exact.latencies, 95))})`,
      );
    }
    for (const filtered of s.byFilter.filter((f) => f.name !== 'unfiltered')) {
      const full = filtered.configs.filter((c) => c.short === 0).map((c) => c.config.label);
      console.log(`  filtered query fills its LIMIT (${K} rows when exact finds them) — ${s.size.toLocaleString('en')} chunks, ${filtered.name}: ${full.length ? `yes with ${full.join('; ')}` : 'in no configuration'}; short queries per config: ${filtered.configs.map((c) => c.short).join('/')}`);
    }
  }
  const withIndex = results.filter((s) => s.indexed.rows);
  if (withIndex.length) {
    const rates = withIndex.map((s) => `${Math.round(s.indexed.rows / s.indexed.seconds)} rows/s at ${s.size.toLocaleString('en')}`).join(', ');
    console.log(`  insert into an existing index — earlier figure ${EARLIER.insertRows.toLocaleString('en')} rows in ${EARLIER.insertSeconds} s (${Math.round(EARLIER.insertRows / EARLIER.insertSeconds)} rows/s): measured ${rates}`);
  }
  console.log(`  index build — earlier figure ${EARLIER.buildSeconds} s after ${EARLIER.buildRows.toLocaleString('en')} rows: measured ${results.map((s) => `${s.build.seconds.toFixed(1)} s over ${s.build.rows.toLocaleString('en')}`).join(', ')}`);
  const bulkThenBuild = results
    .filter((s) => s.bulk.rows)
    .map((s) => `${s.size.toLocaleString('en')}: insert without index then build ${(s.bulk.seconds * (s.build.rows / s.bulk.rows) + s.build.seconds).toFixed(1)} s vs into the index ≈ ${s.indexed.rows ? ((s.build.rows * s.indexed.seconds) / s.indexed.rows).toFixed(1) : 'n/a'} s for ${s.build.rows.toLocaleString('en')} rows`);
  console.log(`  ingest strategy (same rows through the ingestion path's INSERTs, estimated from the rates above) — ${bulkThenBuild.join('; ')}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  log(`starting the database (${DATABASE_URL ? 'server Postgres' : 'embedded PGlite, in memory'}) in its own process…`);
  const db = await startDatabaseProcess({ databaseUrl: DATABASE_URL });
  const service = createDb({ url: db.url, wsProxy: db.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
  const space = clusteredSpace({ dims: 1024, clusters: CLUSTERS, noise: NOISE, queryNoise: QUERY_NOISE, seed: SEED });
  const queries = Array.from({ length: QUERIES }, () => vectorText(space.query()));
  let projects: Awaited<ReturnType<typeof createProjects>> | undefined;
  let tenant: ReturnType<typeof createDb> | undefined;
  try {
    const env = await service.pool.query<{ version: string; vector: string; mwm: string; sb: string }>(
      `select version() as version, (select extversion from pg_extension where extname = 'vector') as vector, current_setting('maintenance_work_mem') as mwm, current_setting('shared_buffers') as sb`,
    );
    const e = env.rows[0]!;
    projects = await createProjects(service.pool);
    tenant = createDb({ url: db.url, wsProxy: db.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1, tenant: { projectId: projects.a } });
    console.log(`RAG index bench — ${db.kind} database: ${e.version.split(' on ')[0]}, pgvector ${e.vector}, maintenance_work_mem ${e.mwm}, shared_buffers ${e.sb}`);
    console.log(`vectors 1024-d, ${CLUSTERS} clusters (row noise ${NOISE}, query noise ${QUERY_NOISE}), ${QUERIES} queries, insert batches of 64, HNSW m=16 ef_construction=64 (the migration's defaults), index built with maintenance_work_mem ${MWM}, bulk rows ${LOAD === 'sql' ? 'generated in the database' : 'sent by this process'}, ${TEXT_WORDS} filler words of text per chunk`);
    console.log(`queries run as project A through the tenant pool (cogo_app, row-level security); latency = the SELECT alone, client-side, over the WebSocket proxy`);

    const writer = new ChunkWriter(service.pool, projects, space, TEXT_WORDS);
    const results: SizeResult[] = [];
    const checks: string[] = [];
    for (const size of SIZES) {
      const probe = Math.max(0, Math.min(PROBE, Math.floor((size - writer.count) / 2)));
      const sample = LOAD === 'client' ? size - probe - writer.count : Math.max(0, Math.min(SAMPLE, size - probe - writer.count));
      log(`${size}: dropping the index, inserting ${sample} rows without it through the ingestion path's INSERTs…`);
      await dropIndex(service.pool);
      const bulkFrom = writer.count;
      const bulkSeconds = await writer.writeUpTo(bulkFrom + sample);
      const genFrom = writer.count;
      let lastShown = performance.now();
      const genSeconds =
        LOAD === 'sql'
          ? await writer.generateUpTo(size - probe, {
              noise: NOISE,
              seed: SEED,
              onProgress: (rows) => {
                if (performance.now() - lastShown < 15_000) return;
                lastShown = performance.now();
                log(`${size}: generated ${rows.toLocaleString('en')} of ${(size - probe).toLocaleString('en')} rows`);
              },
            })
          : 0;
      if (LOAD === 'sql' && genFrom > bulkFrom && writer.count > genFrom) {
        const [sent, generated] = [await writer.meanCosineToCentroid(bulkFrom, genFrom), await writer.meanCosineToCentroid(genFrom, Math.min(writer.count, genFrom + 5_000))];
        const expected = 1 / Math.sqrt(1 + NOISE * NOISE);
        checks.push(`${size.toLocaleString('en')}: mean cosine to own centroid — sent ${sent.toFixed(3)}, generated ${generated.toFixed(3)} (expected ≈ ${expected.toFixed(3)})`);
        if (Math.abs(sent - generated) > 0.02) throw new Error(`generated rows do not match the sent ones: ${checks.at(-1)}`);
      }
      let compared: SizeResult['compared'] = null;
      if (COMPARE_MWM) {
        log(`${size}: building the index over ${writer.count} rows with maintenance_work_mem ${COMPARE_MWM} (for comparison)…`);
        compared = await buildIndex(service.pool, COMPARE_MWM);
        log(`${size}: ${compared.seconds.toFixed(1)} s; dropping it`);
        await dropIndex(service.pool);
      }
      log(`${size}: building the index over ${writer.count} rows (maintenance_work_mem ${MWM})…`);
      const build = await buildIndex(service.pool, MWM);
      log(`${size}: built in ${build.seconds.toFixed(1)} s; inserting ${probe} rows into the index…`);
      const indexedSeconds = await writer.writeUpTo(size);
      await service.pool.query('analyze documents, document_chunks');
      const counts = await service.pool.query<{ all: string; filtered: string }>(
        `select count(*) as all, count(*) filter (where d.metadata @> $2::jsonb) as filtered from document_chunks c join documents d on d.id = c.document_id where c.project_id = $1`,
        [projects.a, FILTER],
      );
      const seen = await tenant.pool.query<{ n: string }>('select count(*) as n from document_chunks');
      if (Number(seen.rows[0]!.n) !== Number(counts.rows[0]!.all)) throw new Error(`tenant sees ${seen.rows[0]!.n} rows, project A has ${counts.rows[0]!.all}: row-level security is not what the bench assumes`);
      const plans: SizeResult['plans'] = [];
      if (EXPLAIN) {
        const repo = CONFIGS.at(-1)!;
        for (const [name, filter] of [['unfiltered', null], [`filter ${FILTER}`, FILTER]] as const) plans.push({ name, lines: await explainAnalyze(tenant.pool, repo, queries[0]!, filter) });
      }
      const byFilter: SizeResult['byFilter'] = [];
      const truth = new Map<string | null, Awaited<ReturnType<typeof runConfig>>>();
      for (const [name, filter, force] of [['unfiltered', null, false], [`filter ${FILTER}`, FILTER, false], [`filter ${FILTER}, HNSW forced (enable_sort off)`, FILTER, true]] as const) {
        if (!truth.has(filter)) {
          log(`${size}, ${name}: exact search…`);
          truth.set(filter, await runConfig(tenant.pool, { label: 'exact (index scans off)', efSearch: 0, iterative: 'off', exact: true }, queries, filter));
        }
        const exact = truth.get(filter)!;
        const configs: ConfigResult[] = [];
        for (const config of CONFIGS) {
          log(`${size}, ${name}: ${config.label}…`);
          configs.push((await runConfig(tenant.pool, { ...config, forceIndex: force }, queries, filter, exact.ids)).result);
        }
        byFilter.push({ name, exact: exact.result, configs });
      }
      const result: SizeResult = {
        size,
        bulk: { rows: genFrom - bulkFrom, seconds: bulkSeconds },
        generated: { rows: size - probe - genFrom, seconds: genSeconds },
        build: { rows: size - probe, seconds: build.seconds, notices: build.notices },
        compared,
        indexed: { rows: probe, seconds: indexedSeconds },
        tenantRows: Number(counts.rows[0]!.all),
        filterRows: Number(counts.rows[0]!.filtered),
        byFilter,
        plans,
      };
      results.push(result);
      printSize(result);
    }
    if (checks.length) console.log(`\n== the two writers draw the same rows\n  ${checks.join('\n  ')}`);
    verdicts(results);
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    await ensureIndex(service.pool).catch(() => {});
    await dropGenerator(service.pool).catch(() => {});
    if (projects && DATABASE_URL) await dropProjects(service.pool, projects).catch(() => {});
    await tenant?.close();
    await service.close();
    await db.stop();
  }
}

await main();
