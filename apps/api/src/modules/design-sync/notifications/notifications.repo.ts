import { schema, type Db } from '@cogo/db';
import type { Tx } from '../registry.repo';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';

export type EventRow = typeof schema.notificationEvents.$inferSelect;
export type SettingsRow = typeof schema.notificationSettings.$inferSelect;
const ev = schema.notificationEvents;
const st = schema.notificationSettings;

export async function findSettings(db: Db, projectId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(st).where(eq(st.projectId, projectId)).limit(1);
  return row;
}

export async function upsertSettings(db: Db, projectId: string, categories: Record<string, string>, digestHourUtc: number): Promise<SettingsRow> {
  const [row] = await db
    .insert(st)
    .values({ projectId, categories, digestHourUtc })
    .onConflictDoUpdate({ target: st.projectId, set: { categories, digestHourUtc, updatedAt: new Date() } })
    .returning();
  return row!;
}

export type NewEvent = Pick<EventRow, 'projectId' | 'category' | 'status' | 'dedupeKey' | 'title' | 'message' | 'traceId'>;

/** Inserts the event unless (project, dedupe key) exists: the row, or undefined for a duplicate. */
export async function insertEvent(db: Db | Tx, e: NewEvent): Promise<EventRow | undefined> {
  const [row] = await db.insert(ev).values(e).onConflictDoNothing({ target: [ev.projectId, ev.dedupeKey] }).returning();
  return row;
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(ev).where(eq(ev.id, id)).limit(1);
  return row;
}

export async function updateEvent(db: Db, id: string, set: Partial<Pick<EventRow, 'status' | 'attempts' | 'lastStatus' | 'lastError' | 'sentAt'>>): Promise<void> {
  await db.update(ev).set(set).where(eq(ev.id, id));
}

export async function listEvents(db: Db, projectId: string, status: string | undefined, limit: number): Promise<EventRow[]> {
  return db
    .select()
    .from(ev)
    .where(and(eq(ev.projectId, projectId), status ? eq(ev.status, status) : undefined))
    .orderBy(desc(ev.createdAt), desc(ev.id))
    .limit(limit);
}

/** Failed events: of one project, or (null) of every project — design_notifications_failed_total. */
export async function failedCount(db: Db, projectId: string | null): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ev)
    .where(and(eq(ev.status, 'failed'), projectId ? eq(ev.projectId, projectId) : undefined));
  return row?.n ?? 0;
}

/** Events waiting for a digest, of projects… (the caller's db decides whose), created before `until`. */
export async function digestEvents(db: Db, projectId: string, until: Date): Promise<EventRow[]> {
  return db
    .select()
    .from(ev)
    .where(and(eq(ev.projectId, projectId), eq(ev.status, 'digest'), lte(ev.createdAt, until)))
    .orderBy(ev.createdAt)
    .limit(1_000);
}

export async function markDigested(db: Db | Tx, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.update(ev).set({ status: 'digested' }).where(inArray(ev.id, ids.slice(i, i + 500)));
}

/** Projects (the service database: every project) with events waiting whose digest hour of `now`'s day has come and who had no digest since. */
export async function projectsDueForDigest(db: Db, now: Date, limit: number): Promise<string[]> {
  const at = now.toISOString();
  const res = await db.execute<{ project_id: string }>(sql`
    select distinct e.project_id
    from notification_events e
    left join notification_settings s on s.project_id = e.project_id
    where e.status = 'digest'
      and date_trunc('day', ${at}::timestamptz at time zone 'UTC') at time zone 'UTC' + make_interval(hours => coalesce(s.digest_hour_utc, 9)) <= ${at}::timestamptz
      and (s.last_digest_at is null or s.last_digest_at < date_trunc('day', ${at}::timestamptz at time zone 'UTC') at time zone 'UTC' + make_interval(hours => coalesce(s.digest_hour_utc, 9)))
    limit ${limit}`);
  return res.rows.map((r) => r.project_id);
}

export async function setLastDigest(db: Db | Tx, projectId: string, at: Date): Promise<void> {
  await db
    .insert(st)
    .values({ projectId, categories: {}, lastDigestAt: at })
    .onConflictDoUpdate({ target: st.projectId, set: { lastDigestAt: at } });
}
