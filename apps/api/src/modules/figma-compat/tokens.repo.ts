// Queries of stored token versions (public.token_versions): one per (project, file, Figma version). Run on the
// project's tenant database, so row-level security keeps each project to its own versions.
import { schema, type Db } from '@cogo/db';
import { and, eq, inArray } from 'drizzle-orm';

const tv = schema.tokenVersions;

export type TokenVersionRow = typeof tv.$inferSelect;
export type NewTokenVersion = typeof tv.$inferInsert;

/** The project's stored tokens of one file version, or null. */
export async function findTokenVersion(db: Db, fileKey: string, version: string): Promise<TokenVersionRow | null> {
  const [row] = await db.select().from(tv).where(and(eq(tv.fileKey, fileKey), eq(tv.version, version)));
  return row ?? null;
}

/** The project's stored tokens of the given versions of one file. */
export async function findTokenVersions(db: Db, fileKey: string, versions: string[]): Promise<TokenVersionRow[]> {
  return db.select().from(tv).where(and(eq(tv.fileKey, fileKey), inArray(tv.version, versions)));
}

/** Stores a version; a concurrent derive of the same version that stored first wins (same Figma version, same tokens). */
export async function insertTokenVersion(db: Db, row: NewTokenVersion): Promise<void> {
  await db.insert(tv).values(row).onConflictDoNothing({ target: [tv.projectId, tv.fileKey, tv.version] });
}
