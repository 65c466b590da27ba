import { schema, type Db } from '@cogo/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { isTerminal } from '../../durable-objects/job-status';

export type JobRow = typeof schema.jobs.$inferSelect;

/** Job kinds streamed, applied and reported by figma-context: token-based and plugin-uploaded. */
export const FIGMA_JOB_KINDS = ['figma-context', 'figma-ingest'];

/** Creates the job row. */
export async function insertJob(db: Db, values: { id?: string; projectId: string; kind: string; input: Record<string, unknown>; traceId: string; progress: Record<string, unknown> }): Promise<JobRow> {
  const rows = await db.insert(schema.jobs).values({ ...values, status: 'running' }).returning();
  return rows[0]!;
}

/** A project's job of a kind (null for another project's, or another kind). */
export async function findJob(db: Db, projectId: string, id: string, kinds: string[]): Promise<JobRow | null> {
  const rows = await db.select().from(schema.jobs).where(and(eq(schema.jobs.projectId, projectId), eq(schema.jobs.id, id)));
  const row = rows[0];
  return row && kinds.includes(row.kind) ? row : null;
}

/** Records progress, and the outcome when the job ended. */
export async function updateJob(
  db: Db,
  id: string,
  patch: { status?: string; progress?: Record<string, unknown>; result?: Record<string, unknown>; error?: { code: string; message: string } | null },
): Promise<void> {
  const ended = isTerminal(patch.status);
  await db
    .update(schema.jobs)
    .set({ ...patch, updatedAt: new Date(), ...(ended ? { finishedAt: new Date() } : {}) })
    .where(eq(schema.jobs.id, id));
}

/** Characters per node id the project's last finished job on this file learned (the forecast's prior), or null. */
export async function learnedCharsPerId(db: Db, projectId: string, fileKey: string): Promise<number | null> {
  const rows = await db
    .select({ perId: sql<number | null>`(${schema.jobs.result} ->> 'chars_per_id')::float8` })
    .from(schema.jobs)
    .where(and(eq(schema.jobs.projectId, projectId), eq(schema.jobs.kind, 'figma-context'), eq(schema.jobs.status, 'done'), sql`${schema.jobs.input} ->> 'file_key' = ${fileKey}`, sql`${schema.jobs.result} ? 'chars_per_id'`))
    .orderBy(desc(schema.jobs.createdAt))
    .limit(1);
  const perId = rows[0]?.perId;
  return typeof perId === 'number' && perId > 0 ? perId : null;
}

/** The project's newest finished job of this file version and scope (a node, or the whole file), or null. */
export async function doneJobOfVersion(db: Db, projectId: string, fileKey: string, nodeId: string | null, version: string): Promise<JobRow | null> {
  const rows = await db
    .select()
    .from(schema.jobs)
    .where(
      and(
        eq(schema.jobs.projectId, projectId),
        eq(schema.jobs.kind, 'figma-context'),
        eq(schema.jobs.status, 'done'),
        sql`${schema.jobs.input} ->> 'file_key' = ${fileKey}`,
        sql`${schema.jobs.input} ->> 'file_version' = ${version}`,
        sql`coalesce(${schema.jobs.input} ->> 'node_id', '') = ${nodeId ?? ''}`,
      ),
    )
    .orderBy(desc(schema.jobs.createdAt))
    .limit(1);
  return rows[0] ?? null;
}
