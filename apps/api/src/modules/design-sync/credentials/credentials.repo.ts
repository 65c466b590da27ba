import { schema, type Db } from '@cogo/db';
import { and, asc, eq, gt, isNotNull, lte, or, isNull, lt } from 'drizzle-orm';
import type { Tx } from '../registry.repo';

export type CredentialRow = typeof schema.designSyncCredentials.$inferSelect;
const t = schema.designSyncCredentials;

export async function listCredentialRows(db: Db, projectId: string): Promise<CredentialRow[]> {
  return db.select().from(t).where(eq(t.projectId, projectId)).orderBy(asc(t.kind));
}

export async function upsertCredential(db: Db | Tx, projectId: string, kind: string, lastCheck: Record<string, unknown>, expiresAt: Date | null): Promise<CredentialRow> {
  const set = { status: 'active', lastCheck, expiresAt, remindedAt: null, disabledReason: null, updatedAt: new Date() };
  const [row] = await db.insert(t).values({ projectId, kind, ...set }).onConflictDoUpdate({ target: [t.projectId, t.kind], set }).returning();
  return row!;
}

export async function deleteCredential(db: Db | Tx, projectId: string, kind: string): Promise<number> {
  return (await db.delete(t).where(and(eq(t.projectId, projectId), eq(t.kind, kind))).returning({ id: t.id })).length;
}

/** Active credentials (every project: the service database) expiring before `until`, not reminded since `since`. */
export async function expiringCredentials(db: Db, until: Date, since: Date, limit: number): Promise<CredentialRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.status, 'active'), isNotNull(t.expiresAt), lte(t.expiresAt, until), gt(t.expiresAt, new Date(since.getTime() - 30 * 86_400_000)), or(isNull(t.remindedAt), lt(t.remindedAt, since))))
    .orderBy(asc(t.expiresAt))
    .limit(limit);
}

export async function markReminded(db: Db, id: string, at: Date): Promise<void> {
  await db.update(t).set({ remindedAt: at }).where(eq(t.id, id));
}
