import { schema, type Db } from '@cogo/db';
import { and, eq } from 'drizzle-orm';
import { beforeKeyset, newestFirst, type KeysetPosition } from '../../../lib/keyset-cursor';

export type SessionRow = typeof schema.testSessions.$inferSelect;
const t = schema.testSessions;

export async function insertSession(db: Db, row: Pick<SessionRow, 'projectId' | 'storyIds' | 'viewport' | 'traceId' | 'actor'>): Promise<SessionRow> {
  const [inserted] = await db.insert(t).values({ ...row, status: 'queued' }).returning();
  return inserted!;
}

export async function findSession(db: Db, projectId: string | null, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(t).where(and(eq(t.id, id), projectId ? eq(t.projectId, projectId) : undefined)).limit(1);
  return row;
}

/** The project's sessions newest first, after `pos`. */
export function listSessions(db: Db, projectId: string, limit: number, pos?: KeysetPosition): Promise<SessionRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.projectId, projectId), beforeKeyset(t.createdAt, t.id, pos)))
    .orderBy(...newestFirst(t.createdAt, t.id))
    .limit(limit);
}

/** queued → running, only once (a redelivered message finds it running and leaves it). */
export async function claimSession(db: Db, id: string, at: Date): Promise<SessionRow | undefined> {
  const [row] = await db.update(t).set({ status: 'running', startedAt: at }).where(and(eq(t.id, id), eq(t.status, 'queued'))).returning();
  return row;
}

export async function finishSession(db: Db, id: string, set: Pick<SessionRow, 'status' | 'results' | 'error' | 'initiationMs' | 'durationMs'>): Promise<void> {
  await db.update(t).set({ ...set, finishedAt: new Date() }).where(eq(t.id, id));
}

/** Story ids of the project's registry (type story), by component key then story id. */
export async function registryStoryIds(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.select({ key: schema.codeComponents.key, stories: schema.codeComponents.stories }).from(schema.codeComponents).where(eq(schema.codeComponents.projectId, projectId));
  return rows
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .flatMap((r) => (r.stories as Array<{ id: string; type?: string }>).filter((s) => (s.type ?? 'story') === 'story').map((s) => s.id));
}
