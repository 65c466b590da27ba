import { schema, type Db } from '@cogo/db';
import { and, asc, eq, isNull } from 'drizzle-orm';

export type ProjectRow = typeof schema.projects.$inferSelect;
export type ApiKeyRow = typeof schema.projectApiKeys.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

/** Inserts a project; null when the slug is taken. */
export async function insertProject(db: Queryable, values: { slug: string; name: string }): Promise<ProjectRow | null> {
  const rows = await db.insert(schema.projects).values(values).onConflictDoNothing({ target: schema.projects.slug }).returning();
  return rows[0] ?? null;
}

/** A project by id. */
export async function findProject(db: Queryable, id: string): Promise<ProjectRow | null> {
  const rows = await db.select().from(schema.projects).where(eq(schema.projects.id, id));
  return rows[0] ?? null;
}

/** True when a project with this id exists (a primary-key lookup that reads no row data). */
export async function projectIdExists(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.select({ id: schema.projects.id }).from(schema.projects).where(eq(schema.projects.id, id)).limit(1);
  return rows.length > 0;
}

/** A project by slug. */
export async function findProjectBySlug(db: Queryable, slug: string): Promise<ProjectRow | null> {
  const rows = await db.select().from(schema.projects).where(eq(schema.projects.slug, slug));
  return rows[0] ?? null;
}

/** Stores a new key record (the hash, never the key). */
export async function insertKey(db: Queryable, values: typeof schema.projectApiKeys.$inferInsert): Promise<ApiKeyRow> {
  const rows = await db.insert(schema.projectApiKeys).values(values).returning();
  return rows[0]!;
}

/** The key with this public prefix, whatever its project. */
export async function findKeyByPrefix(db: Queryable, prefix: string): Promise<ApiKeyRow | null> {
  const rows = await db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.prefix, prefix));
  return rows[0] ?? null;
}

/** A project's keys, oldest first. */
export async function listKeys(db: Queryable, projectId: string): Promise<ApiKeyRow[]> {
  return db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.projectId, projectId)).orderBy(asc(schema.projectApiKeys.createdAt));
}

/** A project's key by id (null for another project's key). */
export async function findKey(db: Queryable, projectId: string, id: string): Promise<ApiKeyRow | null> {
  const rows = await db
    .select()
    .from(schema.projectApiKeys)
    .where(and(eq(schema.projectApiKeys.projectId, projectId), eq(schema.projectApiKeys.id, id)));
  return rows[0] ?? null;
}

/** Marks a project's live key revoked; null when there is no such live key. */
export async function revokeKey(db: Queryable, projectId: string, id: string, at = new Date()): Promise<ApiKeyRow | null> {
  const rows = await db
    .update(schema.projectApiKeys)
    .set({ revokedAt: at, updatedAt: at })
    .where(and(eq(schema.projectApiKeys.projectId, projectId), eq(schema.projectApiKeys.id, id), isNull(schema.projectApiKeys.revokedAt)))
    .returning();
  return rows[0] ?? null;
}

/** Records that a key was used (callers throttle this). */
export async function touchKey(db: Queryable, id: string, at = new Date()): Promise<void> {
  await db.update(schema.projectApiKeys).set({ lastUsedAt: at }).where(eq(schema.projectApiKeys.id, id));
}
