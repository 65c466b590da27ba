// Queries of RAG retrieval (issue 12) on public.document_chunks joined to public.documents; every statement runs on
// the caller's tenant database, so row-level security keeps them to the project's rows.
// Filters that still fill the limit (pgvector #719/#751): an HNSW scan hands over only `hnsw.ef_search` candidates
// before the WHERE, so a selective filter leaves fewer rows than asked. The vector list therefore runs with
// pgvector 0.8's iterative index scan (relaxed order, re-sorted here), and if it is still short the same statement
// answers without the index (exact distances over the filtered rows in a materialized CTE).
import { localSettings, schema, type Db } from '@cogo/db';
import { and, inArray, sql, type SQL } from 'drizzle-orm';

const d = schema.documents;
const dc = schema.documentChunks;
const tags = schema.documentTags;

/** What a retrieval may be restricted to (all optional; together they are ANDed). */
export interface ChunkFilter {
  sources?: string[];
  /** jsonb containment on the document's metadata. */
  metadata?: Record<string, unknown>;
  documentIds?: string[];
}

/** A chunk with what an answer shows of it and its document. */
export interface ChunkDetail {
  id: string;
  documentId: string;
  source: string;
  externalId: string;
  title: string | null;
  text: string;
  metadata: Record<string, unknown>;
}

/** How the vector list was found: the iterative index scan sufficed, or the exact re-query ran. */
export type VectorStrategy = 'iterative' | 'exact';

/** Tuples an iterative scan may visit before giving up (pgvector's default is 20,000). */
export const MAX_SCAN_TUPLES = 20_000;

function filterSql(filter: ChunkFilter): SQL | undefined {
  // `@>` is exact but, not being leakproof, can only be checked row by row under row-level security; text `=` on the
  // tags can use an index: the tags narrow, `@>` decides
  const byTags = filter.metadata
    ? schema.metadataTagPairs(filter.metadata).map(([key, value]) => sql`${d.id} in (select ${tags.documentId} from ${tags} where ${tags.key} = ${key} and ${tags.value} = (${value})::jsonb::text)`)
    : [];
  return and(
    filter.sources?.length ? inArray(d.source, filter.sources) : undefined,
    ...byTags,
    filter.metadata ? sql`${d.metadata} @> ${JSON.stringify(filter.metadata)}::jsonb` : undefined,
    filter.documentIds?.length ? inArray(dc.documentId, filter.documentIds) : undefined,
  );
}

interface VectorQuery {
  embedding: number[];
  model: string;
  maxScanTuples?: number;
}

/**
 * The statement's settings prefix and its CTEs up to `near` (id, distance, strategy; the `n` chunks of `model` nearest to
 * the query, cosine, passing `filter`): the iterative HNSW scan, then — if that found fewer than `n` — exact search.
 * The query vector is one parameter (the `q` CTE), parsed once however often it is compared.
 */
function nearSql({ embedding, model, maxScanTuples = MAX_SCAN_TUPLES }: VectorQuery, filter: ChunkFilter, n: number): { settings: string; ctes: SQL } {
  const q = sql`(select v from q)`;
  const where = and(sql`${dc.model} = ${model}`, sql`${dc.embedding} is not null`, filterSql(filter));
  const from = sql`${dc} join ${d} on ${d.id} = ${dc.documentId}`;
  // SET LOCAL for this statement alone, in its tenant scope's `begin` (no transaction of its own: one round trip less)
  const settings = localSettings({
    'hnsw.iterative_scan': 'relaxed_order',
    'hnsw.ef_search': String(Math.min(Math.max(n, 40), 1_000)),
    'hnsw.max_scan_tuples': String(Math.trunc(maxScanTuples)),
  });
  // both ways in one statement: the index's answer when it fills `n`, else exact search. Each branch is gated by a
  // one-time filter on the index's count, so the exact branch (and its CTE, read on demand) runs only when the index
  // came back short. Relaxed order: the scan may hand rows slightly out of order, so they are sorted again. The
  // exact CTE is materialized, so its ORDER BY cannot become an index scan: every filtered row is measured. The index
  // still serves `order by embedding <=> (select v from q)`: an init plan's value is a constant to the scan.
  const ctes = sql`q as materialized (select ${JSON.stringify(embedding)}::vector as v),
      via_index as materialized (
        select ${dc.id} as id, ${dc.embedding} <=> ${q} as distance from ${from} where ${where} order by ${dc.embedding} <=> ${q} limit ${n}),
      filtered as materialized (select ${dc.id} as id, ${dc.embedding} <=> ${q} as distance from ${from} where ${where}),
      near as (
        select id, distance, 'iterative' as strategy from via_index where (select count(*) from via_index) >= ${n}
        union all
        select id, distance, 'exact' as strategy from (select id, distance from filtered order by distance, id limit ${n}) e
          where (select count(*) from via_index) < ${n})`;
  return { settings, ctes };
}

/** The statement of nearestChunks (exported for its plan: tests check the index serves it). */
export function nearestChunksSql(embedding: number[], model: string, filter: ChunkFilter, n: number, { maxScanTuples }: { maxScanTuples?: number } = {}): SQL {
  const { settings, ctes } = nearSql({ embedding, model, ...(maxScanTuples ? { maxScanTuples } : {}) }, filter, n);
  return sql`${sql.raw(settings)} with ${ctes} select id, strategy from near order by distance, id`;
}

/**
 * The `n` chunks of `model` nearest to `embedding` (cosine) that pass `filter`, nearest first (see nearSql): the vector
 * list alone, as fusedChunks runs it (the volume test measures the index's recall and fallback with it).
 * `maxScanTuples` bounds the index scan's work (tests and benches). `db` must be a tenant database (its scope applies
 * the statement's hnsw settings, and row-level security its project).
 */
export async function nearestChunks(db: Db, embedding: number[], model: string, filter: ChunkFilter, n: number, options: { maxScanTuples?: number } = {}): Promise<{ ids: string[]; strategy: VectorStrategy }> {
  const r = await db.execute<{ id: string; strategy: VectorStrategy }>(nearestChunksSql(embedding, model, filter, n, options));
  return { ids: r.rows.map((row) => row.id), strategy: r.rows[0]?.strategy ?? 'exact' };
}

/** A fused chunk: its details, its score and its ranks in the two lists. */
export interface FusedChunk extends ChunkDetail {
  score: number;
  vectorRank: number | null;
  textRank: number | null;
}

/**
 * Retrieval in one statement: the vector list (when `vector` is given: the `n` nearest, see nearSql) and the full-text
 * list (the `n` chunks best matching `query`, websearch syntax, english, by ts_rank_cd) fused by reciprocal rank —
 * score = Σ 1 / (k + rank); ties keep the vector list's order, then the text list's — cut to `limit`, best first, with
 * the chunks' details. `db` must be a tenant database (row-level security keeps the statement to its project).
 */
export async function fusedChunks(
  db: Db,
  { vector, query, filter, n, limit, k }: { vector: VectorQuery | null; query: string; filter: ChunkFilter; n: number; limit: number; k: number },
): Promise<{ chunks: FusedChunk[]; strategy: VectorStrategy }> {
  const near = vector ? nearSql(vector, filter, n) : { settings: '', ctes: sql`near as (select null::uuid as id, null::float8 as distance, null::text as strategy where false)` };
  const tsq = sql`websearch_to_tsquery('english', ${query})`;
  const r = await db.execute<{ id: string; document_id: string; source: string; external_id: string; title: string | null; text: string; metadata: Record<string, unknown> | null; score: number; vector_rank: number | null; text_rank: number | null; strategy: VectorStrategy }>(sql`${sql.raw(near.settings)}
      with ${near.ctes},
      vector_list as (select id, row_number() over (order by distance, id) as r from near),
      text_list as (
        select id, row_number() over (order by rank desc, id) as r from (
          select ${dc.id} as id, ts_rank_cd(${dc.tsv}, ${tsq}) as rank from ${dc} join ${d} on ${d.id} = ${dc.documentId}
          where ${and(sql`${dc.tsv} @@ ${tsq}`, filterSql(filter))}
          order by rank desc, ${dc.id} limit ${n}) matched),
      ranks as (
        select coalesce(v.id, t.id) as id, v.r as vector_rank, t.r as text_rank,
          coalesce(1::float8 / (${k} + v.r), 0) + coalesce(1::float8 / (${k} + t.r), 0) as score,
          coalesce(v.r, (select count(*) from near) + t.r) as first
        from vector_list v full join text_list t on t.id = v.id
        order by score desc, first limit ${limit})
      select ${dc.id} as id, ${dc.documentId} as document_id, ${d.source} as source, ${d.externalId} as external_id, ${d.title} as title, ${dc.text} as text, ${d.metadata} as metadata,
        ranks.score, ranks.vector_rank::int as vector_rank, ranks.text_rank::int as text_rank,
        coalesce((select strategy from near limit 1), 'exact') as strategy
      from ranks join ${dc} on ${dc.id} = ranks.id join ${d} on ${d.id} = ${dc.documentId}
      order by ranks.score desc, ranks.first`);
  const chunks = r.rows.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    source: row.source,
    externalId: row.external_id,
    title: row.title,
    text: row.text,
    metadata: row.metadata ?? {},
    score: Number(row.score),
    vectorRank: row.vector_rank,
    textRank: row.text_rank,
  }));
  return { chunks, strategy: r.rows[0]?.strategy ?? 'exact' };
}
