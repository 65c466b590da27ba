/**
 * The query side of bench/rag.ts: retrieval's vector statement (apps/api/src/modules/rag/rag-search.repo.ts,
 * `nearestChunks` without its exact fallback, so the index's own answer is what is scored) run as the tenant, in a
 * transaction that sets pgvector's knobs with SET LOCAL; exact search is the same statement with index scans off.
 * Scored by recall@k against exact and by latency of the statement alone (the begin/settings/commit round trips are
 * left out; the Neon driver over the WebSocket proxy is in, as in the Worker).
 */
import { performance } from 'node:perf_hooks';
import type { DbHandle } from '../../packages/db/src/client';
import { metadataTagPairs } from '../../packages/db/src/schema/rag';
import { INDEX_NAME, MODEL } from './rag-store';

type Pool = DbHandle['pool'];

export const K = 10;

/** pgvector's knobs for one configuration (`exact` turns index scans off instead). */
export interface ScanConfig {
  label: string;
  efSearch: number;
  iterative: 'off' | 'relaxed_order';
  exact?: boolean;
  /** Penalise Sort nodes (enable_sort off) so the planner orders by the HNSW index even where it estimates exact as cheaper. */
  forceIndex?: boolean;
  /** Rows the statement asks for (default K); only the first K are scored. The repo asks candidatesPerList(10) = 40. */
  limit?: number;
  /** hnsw.max_scan_tuples (default: pgvector's 20,000). */
  maxScanTuples?: number;
}

export interface ConfigResult {
  config: ScanConfig;
  latencies: number[];
  /** Mean recall@K over queries whose exact answer is not empty. */
  recall: number;
  /** Queries that returned fewer rows than exact search did (the "filter ate my LIMIT" complaint). */
  short: number;
  /** Whether the planner chose the HNSW index for this statement (EXPLAIN of the first query). */
  usesIndex: boolean;
}

/**
 * The repo's statement: the chunks and their documents, the model's rows, the optional metadata filter — its tags
 * (migration 0020) narrowing, `@>` deciding. The filter's tag pairs are literals here, parameters in the repo.
 */
function statement(filter: string | null, limit: number): string {
  const lit = (v: string) => `'${v.replaceAll("'", "''")}'`;
  const tags = filter
    ? metadataTagPairs(JSON.parse(filter) as Record<string, unknown>)
        .map(([k, v]) => `and d.id in (select t.document_id from document_tags t where t.key = ${lit(k)} and t.value = (${lit(v)})::jsonb::text)`)
        .join(' ')
    : '';
  return `select s.id from (
      select c.id, c.embedding <=> $1::vector as distance
      from document_chunks c join documents d on d.id = c.document_id
      where c.model = $2 and c.embedding is not null ${filter ? `${tags} and d.metadata @> $3::jsonb` : ''}
      order by c.embedding <=> $1::vector limit ${limit}) s
    order by s.distance, s.id`;
}

function settings(config: ScanConfig): string {
  if (config.exact) return `select set_config('enable_indexscan', 'off', true), set_config('hnsw.iterative_scan', 'off', true)`;
  const force = config.forceIndex ? `, set_config('enable_sort', 'off', true)` : '';
  const tuples = config.maxScanTuples ? `, set_config('hnsw.max_scan_tuples', '${config.maxScanTuples}', true)` : '';
  return `select set_config('hnsw.ef_search', '${config.efSearch}', true), set_config('hnsw.iterative_scan', '${config.iterative}', true)${force}${tuples}`;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statement under `config` for one query, as the tenant (the same transaction and
 * settings runConfig uses): the plan lines, to show which scans a filter or the HNSW index turned into.
 */
export async function explainAnalyze(tenant: Pool, config: ScanConfig, query: string, filter: string | null): Promise<string[]> {
  const client = await tenant.connect();
  try {
    await client.query('begin');
    try {
      await client.query(settings(config));
      const sql = statement(filter, config.limit ?? K);
      const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${sql}`, filter === null ? [query, MODEL] : [query, MODEL, filter]);
      // the query vector's 1,024 floats would bury the plan
      return plan.rows.map((r) => r['QUERY PLAN'].replace(/'\[[^\]]*\]'::vector/g, '$1::vector'));
    } finally {
      await client.query('commit');
    }
  } finally {
    client.release();
  }
}

/** Runs every query under `config` as the tenant; `truth` (exact ids per query) scores it, or is what it returns. */
export async function runConfig(tenant: Pool, config: ScanConfig, queries: string[], filter: string | null, truth?: string[][]): Promise<{ result: ConfigResult; ids: string[][] }> {
  const client = await tenant.connect();
  const latencies: number[] = [];
  const ids: string[][] = [];
  let usesIndex = false;
  try {
    const sql = statement(filter, config.limit ?? K);
    for (const [n, q] of queries.entries()) {
      const params = filter === null ? [q, MODEL] : [q, MODEL, filter];
      await client.query('begin'); // the tenant client adds role cogo_app and app.project_id to the begin
      try {
        await client.query(settings(config));
        if (n === 0) {
          const plan = await client.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
          usesIndex = plan.rows.some((r) => r['QUERY PLAN'].includes(INDEX_NAME));
        }
        const started = performance.now();
        const r = await client.query<{ id: string }>(sql, params);
        latencies.push(performance.now() - started);
        ids.push(r.rows.slice(0, K).map((row) => row.id));
      } finally {
        await client.query('commit');
      }
    }
  } finally {
    client.release();
  }
  let recallSum = 0;
  let scored = 0;
  let short = 0;
  if (truth) {
    for (const [n, exact] of truth.entries()) {
      const got = ids[n] ?? [];
      if (got.length < exact.length) short++;
      if (exact.length === 0) continue;
      const want = new Set(exact);
      recallSum += got.filter((id) => want.has(id)).length / exact.length;
      scored++;
    }
  }
  return { result: { config, latencies: latencies.sort((a, b) => a - b), recall: truth ? (scored ? recallSum / scored : Number.NaN) : 1, short, usesIndex }, ids };
}
