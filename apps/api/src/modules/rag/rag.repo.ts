// Queries of RAG ingestion on public.documents and public.document_chunks (migration 0010, row-level security:
// every statement runs on the caller's tenant database and sees only its project's rows).
import { schema, type Db } from '@cogo/db';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';

const d = schema.documents;
const dc = schema.documentChunks;

/** What ingestion knows of a stored document before it decides what to write. */
export interface StoredDocument {
  id: string;
  source: string;
  externalId: string;
  contentHash: string;
  /** Chunks it has. */
  chunks: number;
  /** Chunks of them with an embedding by `model` (the current embedding model). */
  current: number;
}

/** A stored chunk, without its vector. */
export interface StoredChunk {
  id: string;
  documentId: string;
  ordinal: number;
  contentHash: string;
  model: string | null;
  embedded: boolean;
}

/** One chunk to store: with a new vector, or `reuseId` naming a stored chunk whose vector and model it keeps. */
export interface ChunkWrite {
  ordinal: number;
  text: string;
  contentHash: string;
  tokenCount: number;
  embedding: number[] | null;
  reuseId: string | null;
}

export interface DocumentWrite {
  projectId: string;
  source: string;
  externalId: string;
  title: string | null;
  text: string;
  metadata: Record<string, unknown>;
  contentHash: string;
}

/** `get_vector_dim()`: the dimensions of the stored embeddings (migration 0010). */
export async function storedVectorDimensions(db: Db): Promise<number> {
  const result = await db.execute<{ dim: number | string }>(sql`select public.get_vector_dim() as dim`);
  return Number(result.rows[0]?.dim);
}

/** The project's documents among `keys`, with their chunk counts (total, and embedded by `model`). */
export async function findDocuments(db: Db, projectId: string, keys: Array<{ source: string; externalId: string }>, model: string | null): Promise<StoredDocument[]> {
  const wanted = JSON.stringify(keys.map((k) => ({ source: k.source, external_id: k.externalId })));
  const result = await db.execute<{ id: string; source: string; external_id: string; content_hash: string; chunks: number; current: number }>(sql`
    select d.id, d.source, d.external_id, d.content_hash,
           count(c.id)::int as chunks,
           count(c.id) filter (where c.embedding is not null and c.model = ${model}::text)::int as current
    from ${d} d
    join jsonb_to_recordset(${wanted}::jsonb) as k(source text, external_id text) on d.source = k.source and d.external_id = k.external_id
    left join ${dc} c on c.document_id = d.id
    where d.project_id = ${projectId}::uuid
    group by d.id`);
  return result.rows.map((r) => ({ id: r.id, source: r.source, externalId: r.external_id, contentHash: r.content_hash, chunks: Number(r.chunks), current: Number(r.current) }));
}

/** The chunks of these documents (no vectors), in document and ordinal order. */
export async function findChunks(db: Db, documentIds: string[]): Promise<StoredChunk[]> {
  if (documentIds.length === 0) return [];
  return db
    .select({ id: dc.id, documentId: dc.documentId, ordinal: dc.ordinal, contentHash: dc.contentHash, model: dc.model, embedded: sql<boolean>`${dc.embedding} is not null` })
    .from(dc)
    .where(inArray(dc.documentId, documentIds))
    .orderBy(asc(dc.documentId), asc(dc.ordinal));
}

/** A document to write with its chunks. */
export interface DocumentBatchEntry {
  doc: DocumentWrite;
  chunks: ChunkWrite[];
}

export interface WrittenDocument {
  id: string;
  created: boolean;
  /** With `stage`: its chunks still without a vector. */
  pending: string[];
}

/**
 * Upserts documents and replaces their chunks, all in one transaction of four statements whatever the batch size:
 * chunks with a new vector take `model`, reused ones copy their stored vector and model (read from the statement's
 * snapshot, so a chunk may take the vector of one it overwrites), an unchanged chunk at its own ordinal is not
 * written, chunks past a document's new count are deleted. With `stage` (the queued path) chunks without a vector are
 * written as such, made the job's and returned as `pending`. Answers in the order of `entries`.
 */
export async function writeDocuments(db: Db, projectId: string, entries: DocumentBatchEntry[], model: string | null, stage?: { jobId: string | null }): Promise<WrittenDocument[]> {
  if (entries.length === 0) return [];
  const docs = JSON.stringify(
    entries.map((e, n) => ({ n, source: e.doc.source, external_id: e.doc.externalId, title: e.doc.title, text: e.doc.text, metadata: e.doc.metadata, content_hash: e.doc.contentHash, chunks: e.chunks.length })),
  );
  const chunks = JSON.stringify(
    entries.flatMap((e, n) =>
      e.chunks.map((c) => ({ n, ordinal: c.ordinal, text: c.text, content_hash: c.contentHash, token_count: c.tokenCount, embedding: c.embedding ? `[${c.embedding.join(',')}]` : null, reuse_id: c.reuseId })),
    ),
  );
  return db.transaction(async (tx) => {
    const upserted = await tx.execute<{ n: number; id: string; created: boolean }>(sql`
      with incoming as (
        select * from jsonb_to_recordset(${docs}::jsonb) as v(n int, source text, external_id text, title text, text text, metadata jsonb, content_hash text, chunks int)
      ), written as (
        insert into ${d} as t (project_id, source, external_id, title, text, metadata, content_hash)
        select ${projectId}::uuid, i.source, i.external_id, i.title, i.text, i.metadata, i.content_hash from incoming i order by i.n
        on conflict (project_id, source, external_id) do update set
          title = excluded.title, text = excluded.text, metadata = excluded.metadata, content_hash = excluded.content_hash, updated_at = now()
        -- xmax is 0 only on a row this statement inserted
        returning t.id, t.source, t.external_id, (xmax = 0) as created
      )
      select i.n, w.id, w.created from written w join incoming i on i.source = w.source and i.external_id = w.external_id order by i.n`);
    const ids = upserted.rows.map((r) => r.id);
    const byN = JSON.stringify(upserted.rows.map((r) => ({ n: Number(r.n), id: r.id, chunks: entries[Number(r.n)]!.chunks.length })));
    await tx.execute(sql`
      with incoming as (
        select v.*, w.id as document_id
        from jsonb_to_recordset(${chunks}::jsonb) as v(n int, ordinal int, text text, content_hash text, token_count int, embedding text, reuse_id uuid)
        join jsonb_to_recordset(${byN}::jsonb) as w(n int, id uuid, chunks int) on w.n = v.n
      ), old as (
        select id, embedding, model, embedded_at from ${dc} where document_id in (select document_id from incoming)
      )
      insert into ${dc} as c (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
      select ${projectId}::uuid, i.document_id, i.ordinal, i.text, i.content_hash, i.token_count,
             coalesce(i.embedding::vector, o.embedding),
             case when i.embedding is not null then ${model}::text else o.model end,
             case when i.embedding is not null then now() else o.embedded_at end
      from incoming i left join old o on o.id = i.reuse_id
      on conflict (document_id, ordinal) do update set
        text = excluded.text, content_hash = excluded.content_hash, token_count = excluded.token_count,
        embedding = excluded.embedding, model = excluded.model, embedded_at = excluded.embedded_at, updated_at = now()
      where c.content_hash is distinct from excluded.content_hash or c.model is distinct from excluded.model
         or c.embedded_at is distinct from excluded.embedded_at`);
    await tx.execute(sql`
      delete from ${dc} c using jsonb_to_recordset(${byN}::jsonb) as w(n int, id uuid, chunks int)
      where c.document_id = w.id and c.ordinal >= w.chunks`);
    const pending = new Map<string, string[]>();
    if (stage) {
      // queued path: every chunk still without a vector (new, staged before and not yet embedded, or dead-lettered)
      // is this job's now and waits for the queue again
      const rows = await tx
        .update(dc)
        .set({ ingestJobId: stage.jobId, embedError: null, updatedAt: sql`now()` })
        .where(and(inArray(dc.documentId, ids), isNull(dc.embedding)))
        .returning({ id: dc.id, documentId: dc.documentId, ordinal: dc.ordinal });
      rows.sort((a, b) => a.ordinal - b.ordinal);
      for (const r of rows) pending.set(r.documentId, [...(pending.get(r.documentId) ?? []), r.id]);
    }
    return upserted.rows.map((r) => ({ id: r.id, created: Boolean(r.created), pending: pending.get(r.id) ?? [] }));
  });
}
