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

/**
 * The `n` chunks of `model` nearest to `embedding` (cosine) that pass `filter`, nearest first: the iterative HNSW scan,
 * then — if that found fewer than `n` — exact search, in one statement. `maxScanTuples` bounds the index scan's work (tests and benches).
 * `db` must be a tenant database (its scope applies the statement's hnsw settings, and row-level security its project).
 */
export async function nearestChunks(
  db: Db,
  embedding: number[],
  model: string,
  filter: ChunkFilter,
  n: number,
  { maxScanTuples = MAX_SCAN_TUPLES }: { maxScanTuples?: number } = {},
): Promise<{ ids: string[]; strategy: VectorStrategy }> {
  const q = sql`${JSON.stringify(embedding)}::vector`;
  const where = and(sql`${dc.model} = ${model}`, sql`${dc.embedding} is not null`, filterSql(filter));
  const from = sql`${dc} join ${d} on ${d.id} = ${dc.documentId}`;
  // SET LOCAL for this statement alone, in its tenant scope's `begin` (no transaction of its own: one round trip less)
  const settings = localSettings({
    'hnsw.iterative_scan': 'relaxed_order',
    'hnsw.ef_search': String(Math.min(Math.max(n, 40), 1_000)),
    'hnsw.max_scan_tuples': String(Math.trunc(maxScanTuples)),
  });
  // one statement, both ways: the index's answer when it fills `n`, else exact search. Each branch is gated by a
  // one-time filter on the index's count, so the exact branch (and its CTE, read on demand) runs only when the index
  // came back short. Relaxed order: the scan may hand rows slightly out of order, so they are sorted again. The
  // exact CTE is materialized, so its ORDER BY cannot become an index scan: every filtered row is measured.
  const r = await db.execute<{ id: string; strategy: VectorStrategy }>(sql`${sql.raw(settings)}
      with via_index as materialized (
        select ${dc.id} as id, ${dc.embedding} <=> ${q} as distance from ${from} where ${where} order by ${dc.embedding} <=> ${q} limit ${n}),
      filtered as materialized (select ${dc.id} as id, ${dc.embedding} <=> ${q} as distance from ${from} where ${where})
      select id, distance, 'iterative' as strategy from via_index where (select count(*) from via_index) >= ${n}
      union all
      select id, distance, 'exact' as strategy from (select id, distance from filtered order by distance, id limit ${n}) e
        where (select count(*) from via_index) < ${n}
      order by distance, id`);
  return { ids: r.rows.map((row) => row.id), strategy: r.rows[0]?.strategy ?? 'exact' };
}

/** The `n` chunks best matching `query` in full text (websearch syntax, english), best first by ts_rank_cd. */
export async function textMatchedChunks(db: Db, query: string, filter: ChunkFilter, n: number): Promise<string[]> {
  const tsq = sql`websearch_to_tsquery('english', ${query})`;
  const r = await db.execute<{ id: string }>(sql`
    select ${dc.id} as id from ${dc} join ${d} on ${d.id} = ${dc.documentId}
    where ${and(sql`${dc.tsv} @@ ${tsq}`, filterSql(filter))}
    order by ts_rank_cd(${dc.tsv}, ${tsq}) desc, ${dc.id} limit ${n}`);
  return r.rows.map((row) => row.id);
}

/** The chunks of `ids` with their documents (any order). */
export async function chunkDetails(db: Db, ids: string[]): Promise<ChunkDetail[]> {
  if (ids.length === 0) return [];
  const r = await db.execute<{ id: string; document_id: string; source: string; external_id: string; title: string | null; text: string; metadata: Record<string, unknown> }>(sql`
    select ${dc.id} as id, ${dc.documentId} as document_id, ${d.source} as source, ${d.externalId} as external_id, ${d.title} as title, ${dc.text} as text, ${d.metadata} as metadata
    from ${dc} join ${d} on ${d.id} = ${dc.documentId} where ${inArray(dc.id, ids)}`);
  return r.rows.map((row) => ({ id: row.id, documentId: row.document_id, source: row.source, externalId: row.external_id, title: row.title, text: row.text, metadata: row.metadata ?? {} }));
}
