// Queries of the queued ingestion: jobs (public.rag_ingest_jobs) and the chunks waiting for a vector. Tenant
// queries run on the project's database (row-level security); the sweep's on the service database.
import { schema, type Db } from '@cogo/db';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';

const dc = schema.documentChunks;
const jobs = schema.ragIngestJobs;

/** The most errors a job keeps (the latest). */
const MAX_JOB_ERRORS = 20;

export interface JobCounts {
  chunks: number;
  embedded: number;
  pending: number;
  failed: number;
}

export type JobRow = typeof jobs.$inferSelect;

/** Creates a job of the project. */
export async function createJob(db: Db, projectId: string, traceId: string): Promise<JobRow> {
  const [row] = await db.insert(jobs).values({ projectId, traceId }).returning();
  return row!;
}

/** The project's job (row-level security hides another project's). */
export async function findJob(db: Db, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

/** Counts items received by a stream call, and reopens the job (it has work again). */
export async function addJobItems(db: Db, id: string, items: number, unchanged: number): Promise<void> {
  await db
    .update(jobs)
    .set({ items: sql`${jobs.items} + ${items}`, unchanged: sql`${jobs.unchanged} + ${unchanged}`, settledAt: null, updatedAt: sql`now()` })
    .where(eq(jobs.id, id));
}

/** The job's chunks by state, counted from the chunks themselves. */
export async function jobCounts(db: Db, id: string, chunkIds?: readonly string[]): Promise<JobCounts> {
  const scope = chunkIds ? and(eq(dc.ingestJobId, id), inArray(dc.id, [...chunkIds])) : eq(dc.ingestJobId, id);
  const [row] = await db
    .select({
      chunks: sql<number>`count(*)::int`,
      embedded: sql<number>`(count(*) filter (where ${dc.embedding} is not null))::int`,
      failed: sql<number>`(count(*) filter (where ${dc.embedding} is null and ${dc.embedError} is not null))::int`,
    })
    .from(dc)
    .where(scope);
  const chunks = Number(row?.chunks ?? 0);
  const embedded = Number(row?.embedded ?? 0);
  const failed = Number(row?.failed ?? 0);
  return { chunks, embedded, failed, pending: chunks - embedded - failed };
}

/** Appends an error to the job, keeping the last MAX_JOB_ERRORS. */
export async function appendJobError(db: Db, id: string, error: Record<string, unknown>): Promise<void> {
  await db
    .update(jobs)
    .set({
      errors: sql`(select coalesce(jsonb_agg(e order by n), '[]'::jsonb) from (
        select e, n from jsonb_array_elements(${jobs.errors} || jsonb_build_array(${JSON.stringify(error)}::jsonb)) with ordinality as t(e, n)
        order by n desc limit ${MAX_JOB_ERRORS}) last)`,
      updatedAt: sql`now()`,
    })
    .where(eq(jobs.id, id));
}

/** Marks the job settled when none of its chunks is pending; true only for the call that settled it. */
export async function settleJob(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ settledAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(jobs.id, id),
        isNull(jobs.settledAt),
        sql`not exists (select 1 from ${dc} where ${dc.ingestJobId} = ${jobs.id} and ${dc.embedding} is null and ${dc.embedError} is null)`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export interface PendingChunk {
  id: string;
  text: string;
  contentHash: string;
  jobId: string | null;
}

/** Those of `ids` still waiting for a vector (embedded, re-written or dead-lettered ones are skipped). */
export async function pendingChunks(db: Db, ids: readonly string[]): Promise<PendingChunk[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: dc.id, text: dc.text, contentHash: dc.contentHash, jobId: dc.ingestJobId })
    .from(dc)
    .where(and(inArray(dc.id, [...ids]), isNull(dc.embedding), isNull(dc.embedError)))
    .orderBy(asc(dc.id));
}

/** Stores vectors on chunks still pending with the text they were made from; returns how many were stored. */
export async function storeVectors(db: Db, rows: Array<{ id: string; contentHash: string; embedding: number[] }>, model: string): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = JSON.stringify(rows.map((r) => ({ id: r.id, content_hash: r.contentHash, embedding: `[${r.embedding.join(',')}]` })));
  const result = await db.execute(sql`
    update ${dc} as c set embedding = v.embedding::vector, model = ${model}::text, embedded_at = now(), updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as v(id uuid, content_hash text, embedding text)
    where c.id = v.id and c.content_hash = v.content_hash and c.embedding is null and c.embed_error is null`);
  return Number(result.rowCount ?? 0);
}

/** Marks chunks still pending as failed (their message was dead-lettered); returns the job ids they belong to. */
export async function markChunksFailed(db: Db, ids: readonly string[], error: string): Promise<Array<{ id: string; jobId: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .update(dc)
    .set({ embedError: error.slice(0, 1_000), updatedAt: sql`now()` })
    .where(and(inArray(dc.id, [...ids]), isNull(dc.embedding), isNull(dc.embedError)))
    .returning({ id: dc.id, jobId: dc.ingestJobId });
}

/** Pending chunks untouched since `before`, every project (service database), oldest first; touched now. */
export async function claimStalePending(db: Db, before: Date, limit: number): Promise<Array<{ id: string; projectId: string; jobId: string | null }>> {
  const stale = db
    .select({ id: dc.id })
    .from(dc)
    .where(and(isNull(dc.embedding), isNull(dc.embedError), lt(dc.updatedAt, before)))
    .orderBy(asc(dc.updatedAt))
    .limit(limit);
  return db
    .update(dc)
    .set({ updatedAt: sql`now()` })
    .where(inArray(dc.id, stale))
    .returning({ id: dc.id, projectId: dc.projectId, jobId: dc.ingestJobId });
}
