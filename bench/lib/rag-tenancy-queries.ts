/**
 * The query side of bench/rag-tenancy.ts: retrieval's vector statement (apps/api/src/modules/rag/rag-search.repo.ts
 * `nearestChunks`, its index answer without the exact fallback, LIMIT 10) on each layout's table, run as the tenant
 * (role cogo_app, row-level security), in a transaction that sets pgvector's knobs with SET LOCAL. Variants differ in
 * the table, whether the statement names the project (`and project_id = $2`: the only way the planner can pick a
 * partial index or prune partitions at plan time — row-level security's `current_setting(…)` is not a constant), the
 * iterative scan, and whether Sort is penalised so the HNSW index is used even where exact search is estimated cheaper.
 */
import { performance } from 'node:perf_hooks';
import { TABLE, type Layout } from './rag-tenancy-store';

/** What the runner needs of a pooled client of the tenant pool. */
export interface QueryClient {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export const K = 10;

export interface Variant {
  label: string;
  layout: Layout;
  /** `and project_id = $2` in the statement, besides row-level security. */
  predicate: boolean;
  iterative: 'off' | 'relaxed_order';
  /** enable_sort off: the HNSW scan is used wherever it can be. */
  forceIndex: boolean;
  /** index scans off: exact search (the truth). */
  exact?: boolean;
}

/** The repo's settings: ef_search = max(limit, 40), max_scan_tuples 20,000 (MAX_SCAN_TUPLES). */
export const EF_SEARCH = 40;
export const MAX_SCAN_TUPLES = 20_000;

function statement(v: Variant): string {
  return `select s.id from (
      select id, embedding <=> $1::vector as distance from ${TABLE[v.layout]}
      ${v.predicate ? 'where project_id = $2' : ''}
      order by embedding <=> $1::vector limit ${K}) s
    order by s.distance, s.id`;
}

function settings(v: Variant): string {
  if (v.exact) return `select set_config('enable_indexscan', 'off', true), set_config('hnsw.iterative_scan', 'off', true)`;
  const force = v.forceIndex ? `, set_config('enable_sort', 'off', true)` : '';
  return `select set_config('hnsw.ef_search', '${EF_SEARCH}', true), set_config('hnsw.iterative_scan', '${v.iterative}', true), set_config('hnsw.max_scan_tuples', '${MAX_SCAN_TUPLES}', true)${force}`;
}

/** What EXPLAIN says of a variant's plan: HNSW or exact, and (partitioned) how many partitions it may touch. */
export interface PlanShape {
  hnsw: boolean;
  partitions: number | null;
  text: string;
}

export async function explain(client: QueryClient, v: Variant, query: string, projectId: string): Promise<PlanShape> {
  await client.query('begin'); // the tenant client adds role cogo_app and app.project_id to the begin
  try {
    await client.query(settings(v));
    const r = await client.query<{ 'QUERY PLAN': string }>(`explain ${statement(v)}`, v.predicate ? [query, projectId] : [query]);
    const lines = r.rows.map((row) => row['QUERY PLAN']);
    const text = lines.join('\n');
    // partitions pruned at executor start-up are left out of the plan ("Subplans Removed: n"): what is listed is scanned
    const scanned = new Set(lines.flatMap((l) => /on (rag_tenancy_parted_t\d+)/.exec(l)?.[1] ?? []));
    return { hnsw: /Index Scan using \S*hnsw/.test(text), partitions: v.layout === 'partitioned' ? scanned.size : null, text };
  } finally {
    await client.query('commit');
  }
}

/** Runs one query under `v` as the tenant; the statement's own time (ms) and the ids, nearest first. */
export async function runOne(client: QueryClient, v: Variant, query: string, projectId: string): Promise<{ ms: number; ids: string[] }> {
  await client.query('begin');
  try {
    await client.query(settings(v));
    const started = performance.now();
    const r = await client.query<{ id: string }>(statement(v), v.predicate ? [query, projectId] : [query]);
    return { ms: performance.now() - started, ids: r.rows.map((row) => String(row.id)) };
  } finally {
    await client.query('commit');
  }
}
