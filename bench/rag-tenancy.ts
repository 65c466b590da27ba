/**
 * Tenancy layout for RAG's vector index, measured (issue 12: "per project partial index or partitioning — measure
 * and choose"). Run from the repo root:
 *   ./cogo bench rag-tenancy [--rows 40000] [--shares 800,100,50,30,10,10] [--queries 100] [--insert 256] [--text-words 250]
 *                            [--maintenance-work-mem 1GB] [--clusters 50] [--noise 0.6] [--query-noise 0.3] [--seed 12]
 *                            [--database-url postgres://… (or TEST_DATABASE_URL)]
 * The embedded database (PGlite + pgvector, our migrations, in memory) runs in a process of its own; this process
 * talks to it with the production driver over the WebSocket proxy. Projects share `--rows` rows by `--shares` (per
 * mille, biggest first; default one tenant of 80 % and five small ones), the same rows in three layouts
 * (bench/lib/rag-tenancy-store.ts): (a) one shared HNSW index + row-level security (today), (b) a partial HNSW index
 * per project, (c) list partitions by project with an index each. Queries run as the tenant (cogo_app, row-level
 * security), with the repo's knobs (ef_search 40, iterative relaxed_order, max_scan_tuples 20,000) and iterative off
 * for contrast, as planned and with the HNSW scan forced (enable_sort off). The variants run side by side, query by
 * query, so the machine's noise falls on all of them alike. Truth: exact search (index scans off) on the shared table.
 * Reported for the biggest, a middle and the smallest tenant: recall@10, p50/p95 of the statement, queries that came
 * back short, the plan; then what each layout costs to build, to add a project, to insert into, and its index size.
 * Prints figures only; not a test, not run by CI. Scratch tables `rag_tenancy_*`, dropped at the end.
 */
import { performance } from 'node:perf_hooks';
import { createDb } from '../packages/db/src/client';
import { ws } from '../packages/db/src/node/ws';
import { startDatabaseProcess } from './lib/database-process';
import { clusteredSpace, vectorText } from './lib/rag-data';
import { explain, K, runOne, type PlanShape, type Variant, EF_SEARCH } from './lib/rag-tenancy-queries';
import { buildLayouts, createLayouts, createTenants, dropLayouts, indexSizes, insertCosts, loadShared, newProjectCosts, type Tenant } from './lib/rag-tenancy-store';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ROWS = Number(arg('rows') ?? 40_000);
const SHARES = (arg('shares') ?? '800,100,50,30,10,10').split(',').map(Number);
const QUERIES = Number(arg('queries') ?? 100);
const INSERT = Number(arg('insert') ?? 256);
/** Filler words per row: ~250 ≈ a 400-token chunk, so the heap is as wide as document_chunks' (the planner weighs it). */
const TEXT_WORDS = Number(arg('text-words') ?? 250);
const MWM = arg('maintenance-work-mem') ?? '1GB';
const CLUSTERS = Number(arg('clusters') ?? 50);
const NOISE = Number(arg('noise') ?? 0.6);
const QUERY_NOISE = Number(arg('query-noise') ?? 0.3);
const SEED = Number(arg('seed') ?? 12);
const DATABASE_URL = arg('database-url') ?? process.env.TEST_DATABASE_URL;
const GOAL = { recall: 0.95, p95Ms: 50 };

if (SHARES.reduce((a, b) => a + b, 0) !== 1000 || SHARES.some((s, i) => i > 0 && s > SHARES[i - 1]!)) throw new Error('--shares: per mille, biggest first, summing to 1000');

const VARIANTS: Variant[] = [
  { label: '(a) shared index, RLS only, iterative off', layout: 'shared', predicate: false, iterative: 'off', forceIndex: false },
  { label: '(a) shared index, RLS only [repo knobs]', layout: 'shared', predicate: false, iterative: 'relaxed_order', forceIndex: false },
  { label: '(a) shared, HNSW forced, iterative off', layout: 'shared', predicate: false, iterative: 'off', forceIndex: true },
  { label: '(a) shared, HNSW forced [repo knobs]', layout: 'shared', predicate: false, iterative: 'relaxed_order', forceIndex: true },
  { label: '(b) partial, RLS only [repo knobs]', layout: 'partial', predicate: false, iterative: 'relaxed_order', forceIndex: false },
  { label: '(b) partial, + project_id = $2, iter. off', layout: 'partial', predicate: true, iterative: 'off', forceIndex: false },
  { label: '(b) partial, + project_id = $2 [repo knobs]', layout: 'partial', predicate: true, iterative: 'relaxed_order', forceIndex: false },
  { label: '(c) partitions, RLS only, iterative off', layout: 'partitioned', predicate: false, iterative: 'off', forceIndex: false },
  { label: '(c) partitions, RLS only [repo knobs]', layout: 'partitioned', predicate: false, iterative: 'relaxed_order', forceIndex: false },
  { label: '(c) partitions, + project_id = $2 [repo knobs]', layout: 'partitioned', predicate: true, iterative: 'relaxed_order', forceIndex: false },
];
const EXACT: Variant = { label: 'exact (index scans off, shared table)', layout: 'shared', predicate: false, iterative: 'off', forceIndex: false, exact: true };

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN);
const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const sec = (x: number) => (x < 1 ? `${Math.round(x * 1000)} ms` : `${x.toFixed(1)} s`);
const log = (line: string) => process.stderr.write(`[rag-tenancy] ${line}\n`);

interface Scored {
  variant: Variant;
  latencies: number[];
  recall: number;
  short: number;
  plan: PlanShape;
}

/** The tenants reported: the biggest, the one nearest 10 % (if any besides), the smallest. */
function reported(tenants: Tenant[]): Tenant[] {
  const middle = tenants.slice(1, -1).sort((a, b) => Math.abs(a.perMille - 100) - Math.abs(b.perMille - 100))[0];
  return [tenants[0]!, ...(middle ? [middle] : []), tenants.at(-1)!];
}

async function measureTenant(url: string, wsProxy: string, tenant: Tenant, queries: string[]): Promise<{ exact: Scored; scored: Scored[] }> {
  const db = createDb({ url, wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1, tenant: { projectId: tenant.id } });
  const client = await db.pool.connect();
  try {
    const seen = await client.query<{ n: string }>(`select count(*) as n from rag_tenancy_shared`);
    if (Number(seen.rows[0]!.n) !== tenant.rows) throw new Error(`${tenant.name} sees ${seen.rows[0]!.n} rows, expected ${tenant.rows}: row-level security is not what the bench assumes`);
    const all = [EXACT, ...VARIANTS];
    const plans = new Map<Variant, PlanShape>();
    for (const v of all) plans.set(v, await explain(client, v, queries[0]!, tenant.id));
    const latencies = new Map<Variant, number[]>(all.map((v) => [v, []]));
    const ids = new Map<Variant, string[][]>(all.map((v) => [v, []]));
    for (const [n, q] of queries.entries()) {
      // side by side: every variant answers this query before the next query starts; the order rotates
      const order = all.map((_, i) => all[(i + n) % all.length]!);
      for (const v of order) {
        const r = await runOne(client, v, q, tenant.id);
        latencies.get(v)!.push(r.ms);
        ids.get(v)![n] = r.ids;
      }
    }
    const truth = ids.get(EXACT)!;
    const score = (v: Variant): Scored => {
      let recall = 0;
      let scored = 0;
      let short = 0;
      for (const [n, exact] of truth.entries()) {
        const got = ids.get(v)![n] ?? [];
        if (got.length < exact.length) short++;
        if (!exact.length) continue;
        const want = new Set(exact);
        recall += got.filter((id) => want.has(id)).length / exact.length;
        scored++;
      }
      return { variant: v, latencies: latencies.get(v)!.sort((a, b) => a - b), recall: scored ? recall / scored : Number.NaN, short, plan: plans.get(v)! };
    };
    return { exact: score(EXACT), scored: VARIANTS.map(score) };
  } finally {
    client.release();
    await db.close();
  }
}

function row(s: Scored): string {
  const plan = `${s.plan.hnsw ? 'hnsw' : 'exact'}${s.plan.partitions !== null ? `, ${s.plan.partitions} partition${s.plan.partitions === 1 ? '' : 's'}` : ''}`;
  return `  ${s.variant.label.padEnd(47)} p50 ${ms(pct(s.latencies, 50)).padStart(7)}  p95 ${ms(pct(s.latencies, 95)).padStart(7)}  recall@${K} ${s.recall.toFixed(3)}  short ${String(s.short).padStart(3)}  plan ${plan}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  log(`starting the database (${DATABASE_URL ? 'server Postgres' : 'embedded PGlite, in memory'}) in its own process…`);
  const db = await startDatabaseProcess({ databaseUrl: DATABASE_URL });
  const service = createDb({ url: db.url, wsProxy: db.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
  const space = clusteredSpace({ dims: 1024, clusters: CLUSTERS, noise: NOISE, queryNoise: QUERY_NOISE, seed: SEED });
  const queries = Array.from({ length: QUERIES }, () => vectorText(space.query()));
  let tenants: Tenant[] = [];
  try {
    const env = await service.pool.query<{ version: string; vector: string }>(`select version() as version, (select extversion from pg_extension where extname = 'vector') as vector`);
    tenants = await createTenants(service.pool, SHARES, ROWS);
    console.log(`RAG tenancy bench — ${db.kind} database: ${env.rows[0]!.version.split(' on ')[0]}, pgvector ${env.rows[0]!.vector}`);
    console.log(`${ROWS.toLocaleString('en')} rows of 1024-d vectors and ${TEXT_WORDS} words of text (${CLUSTERS} shared topics, row noise ${NOISE}, query noise ${QUERY_NOISE}) over ${tenants.length} projects: ${tenants.map((t) => `${t.name} ${t.rows.toLocaleString('en')} (${t.perMille / 10} %)`).join(', ')}`);
    console.log(`HNSW m=16 ef_construction=64, built with maintenance_work_mem ${MWM}; queries: LIMIT ${K}, ef_search ${EF_SEARCH}, ${QUERIES} per tenant, as the tenant (cogo_app, row-level security); latency = the SELECT alone, client-side`);
    console.log(`[repo knobs] = iterative_scan relaxed_order, ef_search ${EF_SEARCH}, max_scan_tuples 20,000 (rag-search.repo.ts, before its exact fallback); "RLS only" = no project predicate in the statement, as the repo's today`);

    await createLayouts(service.pool, space, tenants);
    log(`generating ${ROWS.toLocaleString('en')} rows…`);
    const loadSeconds = await loadShared(service.pool, space, tenants, ROWS, NOISE, SEED, TEXT_WORDS, (rows) => log(`  ${rows.toLocaleString('en')} rows`));
    const costs = await buildLayouts(service.pool, tenants, MWM, log);

    const results: { tenant: Tenant; exact: Scored; scored: Scored[] }[] = [];
    for (const tenant of reported(tenants)) {
      log(`querying as ${tenant.name} (${tenant.rows.toLocaleString('en')} rows)…`);
      results.push({ tenant, ...(await measureTenant(db.url, db.wsProxy, tenant, queries)) });
    }
    for (const r of results) {
      console.log(`\n== ${r.tenant.name}: ${r.tenant.rows.toLocaleString('en')} rows (${r.tenant.perMille / 10} % of the table)`);
      console.log(row(r.exact));
      for (const s of r.scored) console.log(row(s));
    }

    log('what a new project costs…');
    const fresh = await newProjectCosts(service.pool, MWM);
    const small = tenants.at(-1)!;
    log(`insert costs (${INSERT} rows of ${small.name} into each layout)…`);
    const inserts = await insertCosts(service.pool, space, small, ROWS, INSERT, NOISE, SEED, TEXT_WORDS);
    const insertsBig = await insertCosts(service.pool, space, tenants[0]!, ROWS + INSERT, INSERT, NOISE, SEED, TEXT_WORDS);
    const sizes = await indexSizes(service.pool);

    const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
    const rate = (s: number) => `${Math.round(INSERT / s)} rows/s`;
    console.log(`\n== building and growing each layout (${ROWS.toLocaleString('en')} rows generated in the database in ${sec(loadSeconds)})`);
    console.log(`  (a) shared       one index over all rows ${sec(costs.shared.index)}; index size ${mb(sizes.shared)}`);
    console.log(`  (b) partial      copy ${sec(costs.partial.copy)}; partial indexes ${tenants.map((t) => `${t.name} ${sec(costs.partial.index.get(t.name)!)}`).join(', ')} (sum ${sec([...costs.partial.index.values()].reduce((a, b) => a + b, 0))}); sizes ${mb(sizes.partial)}`);
    console.log(`  (c) partitioned  per partition copy + index: ${tenants.map((t) => `${t.name} ${sec(costs.partitioned.copy.get(t.name)!)} + ${sec(costs.partitioned.index.get(t.name)!)}`).join(', ')} (index sum ${sec([...costs.partitioned.index.values()].reduce((a, b) => a + b, 0))}); sizes ${mb(sizes.partitioned)}`);
    console.log(`  a new, empty project: (a) nothing; (b) its partial index ${sec(fresh.partialIndex)} (the build scans the whole ${ROWS.toLocaleString('en')}-row table, under a lock that blocks writes, unless CONCURRENTLY); (c) its partition ${sec(fresh.partition)} + its index ${sec(fresh.partitionIndex)}`);
    console.log(`  insert ${INSERT} rows of ${small.name} in statements of 64: (a) ${rate(inserts.shared)}, (b) ${rate(inserts.partial)}, (c) ${rate(inserts.partitioned)}`);
    console.log(`  insert ${INSERT} rows of ${tenants[0]!.name} in statements of 64: (a) ${rate(insertsBig.shared)}, (b) ${rate(insertsBig.partial)}, (c) ${rate(insertsBig.partitioned)}`);

    console.log('\n== verdicts (goal: recall ≥ 0.95 at p95 < 50 ms, no short answers)');
    for (const r of results) {
      const ok = r.scored.filter((s) => s.recall >= GOAL.recall && pct(s.latencies, 95) < GOAL.p95Ms && s.short === 0).map((s) => s.variant.label);
      const shortOnes = r.scored.filter((s) => s.short > 0).map((s) => `${s.variant.label} (${s.short})`);
      console.log(`  ${r.tenant.name} (${r.tenant.perMille / 10} %): meets it — ${ok.length ? ok.join('; ') : 'none'}`);
      console.log(`  ${r.tenant.name} (${r.tenant.perMille / 10} %): short answers — ${shortOnes.length ? shortOnes.join('; ') : 'none'}`);
    }
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    await dropLayouts(service.pool).catch(() => {});
    if (tenants.length) await service.pool.query('delete from projects where id = any($1::uuid[])', [tenants.map((t) => t.id)]).catch(() => {});
    await service.close();
    await db.stop();
  }
}

await main();
