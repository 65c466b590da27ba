// llm_usage rows: one per provider call, fallback attempts included.
import { schema, type Db } from '@cogo/db';

const { llmUsage } = schema;

export type UsageRow = typeof llmUsage.$inferInsert;

/** Stores usage rows. */
export async function insertUsage(db: Db, rows: UsageRow[]): Promise<void> {
  if (rows.length) await db.insert(llmUsage).values(rows);
}
