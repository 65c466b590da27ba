import { schema, type Db } from '@cogo/db';
import { and, eq } from 'drizzle-orm';

export type JobRow = typeof schema.jobs.$inferSelect;

/** A project's job (null for another project's). */
export async function findJob(db: Db, projectId: string, id: string): Promise<JobRow | null> {
  const rows = await db.select().from(schema.jobs).where(and(eq(schema.jobs.projectId, projectId), eq(schema.jobs.id, id)));
  return rows[0] ?? null;
}
