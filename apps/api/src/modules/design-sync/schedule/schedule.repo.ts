import { schema, type Db } from '@cogo/db';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';

export type ScheduleRow = typeof schema.designSyncSchedules.$inferSelect;
const t = schema.designSyncSchedules;

export async function findSchedule(db: Db, projectId: string): Promise<ScheduleRow | undefined> {
  const [row] = await db.select().from(t).where(eq(t.projectId, projectId)).limit(1);
  return row;
}

export interface ScheduleWrite {
  enabled: boolean;
  hourUtc: number;
  direction: string | null;
  onFileUpdate: boolean;
  nextRunAt: Date | null;
}

export async function upsertSchedule(db: Db, projectId: string, w: ScheduleWrite): Promise<ScheduleRow> {
  const [row] = await db
    .insert(t)
    .values({ projectId, ...w })
    .onConflictDoUpdate({ target: t.projectId, set: { ...w, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** Enabled schedules whose next run has come, oldest first. */
export async function dueSchedules(db: Db, now: Date, limit: number): Promise<ScheduleRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.enabled, true), isNotNull(t.nextRunAt), lte(t.nextRunAt, now)))
    .orderBy(asc(t.nextRunAt))
    .limit(limit);
}

/** Moves a due run to `next` unless another sweep already did: true when this caller owns the run. */
export async function claimRun(db: Db, projectId: string, due: Date, next: Date): Promise<boolean> {
  const rows = await db
    .update(t)
    .set({ nextRunAt: next })
    .where(and(eq(t.projectId, projectId), eq(t.nextRunAt, due)))
    .returning({ projectId: t.projectId });
  return rows.length === 1;
}

export async function recordRun(db: Db, projectId: string, run: Record<string, unknown>): Promise<void> {
  await db.update(t).set({ lastRun: run }).where(eq(t.projectId, projectId));
}
