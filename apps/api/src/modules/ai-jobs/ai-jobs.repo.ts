// Queries of the AI plugin jobs: cogo.jobs (seed 004's job table), cogo.job_batches (a batched job's calls) and
// cogo.job_events (the ordered log GET /api/jobs/{id}/events streams; seq is the SSE id).
import { batch, isUniqueViolation, schema, type BatchStatement, type Db } from '@cogo/db';
import type { ArtifactPointer } from '@cogo/types';
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { beforeKeyset, newestFirst, type KeysetPosition } from '../../lib/keyset-cursor';

const j = schema.jobs;
const b = schema.jobBatches;
const e = schema.jobEvents;

export type JobRow = typeof j.$inferSelect;
export type BatchRow = typeof b.$inferSelect;
export type JobEventRow = typeof e.$inferSelect;

export const ACTIVE = ['queued', 'running'] as const;

export interface NewAiJob {
  id: string;
  projectId: string;
  kind: string;
  input: Record<string, unknown>;
  progress: Record<string, unknown>;
  actor: string;
  traceId: string;
  /** The item ids of each batch (rename-layers), in order. */
  batches?: string[][];
}

/** Inserts a queued job, its batches and its first event in one transaction (one request: no session held between them). */
export async function insertAiJob(db: Db, job: NewAiJob): Promise<JobRow> {
  const rest: Array<BatchStatement<unknown>> = [(d) => d.insert(e).values({ projectId: job.projectId, jobId: job.id, seq: 1, type: 'job.queued', data: { status: 'queued' } })];
  if (job.batches?.length) rest.push((d) => d.insert(b).values(job.batches!.map((itemIds, idx) => ({ jobId: job.id, projectId: job.projectId, idx, itemIds }))));
  const [[row]] = await batch<[JobRow[], ...unknown[]]>(db, [
    (d) => d.insert(j).values({ id: job.id, projectId: job.projectId, kind: job.kind, status: 'queued', input: job.input, progress: job.progress, actor: job.actor, traceId: job.traceId }).returning(),
    ...rest,
  ]);
  return row!;
}

/** A job of the project, or undefined (another project's reads the same). */
export async function findProjectJob(db: Db, projectId: string, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(j).where(and(eq(j.projectId, projectId), eq(j.id, id)));
  return row;
}

/**
 * A job of the project and, when it is a rename still running (or cancelled while it ran), its batches for the partial
 * result: one request, whatever the job is (a poll costs one turn on the database).
 */
export async function findProjectJobForPoll(db: Db, projectId: string, id: string): Promise<{ row: JobRow | undefined; batches: BatchRow[] }> {
  const [[row], batches] = await batch<[JobRow[], BatchRow[]]>(db, [
    (d) => d.select().from(j).where(and(eq(j.projectId, projectId), eq(j.id, id))),
    (d) =>
      d
        .select()
        .from(b)
        .where(and(eq(b.jobId, id), sql`exists (select 1 from ${j} where ${j.id} = ${id} and ${j.projectId} = ${projectId} and ${j.kind} = 'rename-layers' and ${j.status} in ('running', 'cancelled'))`))
        .orderBy(asc(b.idx)),
  ]);
  return { row, batches };
}

/** A job by id (the consumer's service database: any project). */
export async function loadJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(j).where(eq(j.id, id));
  return row;
}

/** Counts a delivery and moves a queued job to running; undefined when it is no longer active (cancelled, finished). */
export async function startDelivery(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .update(j)
    .set({ attempts: sql`${j.attempts} + 1`, status: 'running', startedAt: sql`coalesce(${j.startedAt}, now())`, updatedAt: new Date() })
    .where(and(eq(j.id, id), inArray(j.status, [...ACTIVE])))
    .returning();
  return row;
}

/** The job's status now (cancellation checks between batches). */
export async function jobStatus(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ status: j.status }).from(j).where(eq(j.id, id));
  return row?.status;
}

/** Progress of a running job. */
export async function setProgress(db: Db, id: string, progress: Record<string, unknown>): Promise<void> {
  await db.update(j).set({ progress, updatedAt: new Date() }).where(and(eq(j.id, id), eq(j.status, 'running')));
}

/** How a job ended: its status, and its result inline or (over ARTIFACT_INLINE_MAX_BYTES) the artifact holding it. */
export interface JobEnd {
  status: 'completed' | 'failed';
  result?: Record<string, unknown> | null;
  resultArtifact?: ArtifactPointer | null;
  error?: { code: string; message: string } | null;
  progress?: Record<string, unknown>;
}

/** Ends an active job; false when it was not active any more (a cancel won). */
export async function finishJob(db: Db, id: string, end: JobEnd): Promise<boolean> {
  const rows = await db
    .update(j)
    .set({
      status: end.status,
      result: end.result ?? null,
      resultArtifact: end.resultArtifact ?? null,
      error: end.error ?? null,
      ...(end.progress ? { progress: end.progress } : {}),
      finishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(j.id, id), inArray(j.status, [...ACTIVE])))
    .returning({ id: j.id });
  return rows.length > 0;
}

/** Cancels an active job of the project; the row after it, or undefined when it was not active. */
export async function cancelActiveJob(db: Db, projectId: string, id: string, message: string): Promise<JobRow | undefined> {
  const [row] = await db
    .update(j)
    .set({ status: 'cancelled', error: { code: 'CANCELLED', message }, finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(j.id, id), eq(j.projectId, projectId), inArray(j.status, [...ACTIVE])))
    .returning();
  return row;
}

/** Every batch of a job, in order. */
export async function batchesOf(db: Db, jobId: string): Promise<BatchRow[]> {
  return db.select().from(b).where(eq(b.jobId, jobId)).orderBy(asc(b.idx));
}

/**
 * Batches a delivery may run now: pending; waiting for a retry whose time has come; or left `running` by a delivery
 * that died mid-call (a job's message is handled by one delivery at a time, so no other is running it).
 */
export async function runnableBatches(db: Db, jobId: string, now: Date): Promise<BatchRow[]> {
  return db
    .select()
    .from(b)
    .where(and(eq(b.jobId, jobId), or(inArray(b.status, ['pending', 'running']), and(eq(b.status, 'retry'), or(isNull(b.retryAt), lte(b.retryAt, now))))))
    .orderBy(asc(b.idx));
}

/** Updates one batch. */
export async function updateBatch(db: Db, jobId: string, idx: number, patch: BatchPatch): Promise<void> {
  await updateBatchStatement(db, jobId, idx, patch);
}

type BatchPatch = Partial<Pick<BatchRow, 'status' | 'attempts' | 'output' | 'error' | 'retryAt'>>;

/** The update of one batch, to run alone or beside an event (appendEvent's `alongside`). */
export function updateBatchStatement(db: Db, jobId: string, idx: number, patch: BatchPatch) {
  return db
    .update(b)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(b.jobId, jobId), eq(b.idx, idx)));
}

/**
 * Appends an event with the next seq (retried on the rare race with another writer, e.g. a cancel). Statements
 * `alongside` (e.g. the batch the event reports) are written in the same transaction and request: both or neither.
 */
export async function appendEvent(db: Db, projectId: string, jobId: string, type: string, data: Record<string, unknown>, alongside: Array<BatchStatement<unknown>> = []): Promise<number> {
  const insert = (d: Db) =>
    d
      .insert(e)
      .values({ projectId, jobId, type, data, seq: sql`(select coalesce(max(seq), 0) + 1 from ${e} where ${e.jobId} = ${jobId})` })
      .returning({ seq: e.seq });
  for (let tries = 0; ; tries++) {
    try {
      const [row] = alongside.length ? (await batch<[Array<{ seq: number }>, ...unknown[]]>(db, [insert, ...alongside]))[0] : await insert(db);
      return row!.seq;
    } catch (err) {
      if (tries >= 4 || !isUniqueViolation(err)) throw err;
    }
  }
}

/** Events of a job after `seq`, oldest first. */
export async function eventsAfter(db: Db, projectId: string, jobId: string, seq: number, limit = 200): Promise<JobEventRow[]> {
  return db
    .select()
    .from(e)
    .where(and(eq(e.projectId, projectId), eq(e.jobId, jobId), gt(e.seq, seq)))
    .orderBy(asc(e.seq))
    .limit(limit);
}

export interface JobFilter {
  kind?: string;
  status?: string;
  actor?: string;
}

/** Up to `limit` jobs of the project, newest first, after a keyset position. */
export async function listJobs(db: Db, projectId: string, filter: JobFilter, limit: number, pos?: KeysetPosition): Promise<JobRow[]> {
  const before = beforeKeyset(j.createdAt, j.id, pos);
  return db
    .select()
    .from(j)
    .where(and(eq(j.projectId, projectId), filter.kind ? eq(j.kind, filter.kind) : undefined, filter.status ? eq(j.status, filter.status) : undefined, filter.actor ? eq(j.actor, filter.actor) : undefined, before))
    .orderBy(...newestFirst(j.createdAt, j.id))
    .limit(limit);
}

/**
 * Retention (seed 004's removeOnComplete / removeOnFail): of the project's finished jobs of `kind` with status in
 * `statuses`, keeps the newest `keep` and deletes the rest that finished before `finishedBefore` (their batches and
 * events go with them). Returns how many, and the artifacts their results were kept in (for the caller to discard).
 */
export async function pruneFinished(db: Db, projectId: string, kind: string, statuses: string[], keep: number, finishedBefore: Date): Promise<{ removed: number; artifactIds: string[] }> {
  const old = db
    .select({ id: j.id })
    .from(j)
    .where(and(eq(j.projectId, projectId), eq(j.kind, kind), inArray(j.status, statuses)))
    .orderBy(desc(j.createdAt), desc(j.id))
    .offset(keep);
  const rows = await db
    .delete(j)
    .where(and(inArray(j.id, old), lt(j.finishedAt, finishedBefore)))
    .returning({ resultArtifact: j.resultArtifact });
  return { removed: rows.length, artifactIds: rows.flatMap((r) => (r.resultArtifact ? [String(r.resultArtifact.artifact_id)] : [])) };
}
