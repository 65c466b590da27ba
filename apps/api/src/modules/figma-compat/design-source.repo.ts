// The job a stored page's file was last read by (so the page is read again the same way: upload or Figma). Run on
// the project's tenant database: row-level security keeps it to the project's own jobs.
import { schema, type Db } from '@cogo/db';
import { desc, inArray, sql } from 'drizzle-orm';
import { FIGMA_JOB_KINDS, type JobRow } from '../figma-context/figma-context.repo';

/** The project's latest figma-context or ingest job of `fileKey`, or null. */
export async function latestJobOfFile(db: Db, fileKey: string): Promise<JobRow | null> {
  const j = schema.jobs;
  const [row] = await db
    .select()
    .from(j)
    .where(sql`${inArray(j.kind, FIGMA_JOB_KINDS)} and ${j.input} ->> 'file_key' = ${fileKey}`)
    .orderBy(desc(j.createdAt))
    .limit(1);
  return row ?? null;
}
