// Queries of stored token versions (public.token_versions): one per (project, file, Figma version). Run on the
// project's tenant database, so row-level security keeps each project to its own versions.
import { schema, type Db } from '@cogo/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordUpdates } from '../updates/updates.repo';

const tv = schema.tokenVersions;

export type TokenVersionRow = typeof tv.$inferSelect;
export type NewTokenVersion = typeof tv.$inferInsert;

/** The project's stored tokens of one file version, or null. */
export async function findTokenVersion(db: Db, fileKey: string, version: string): Promise<TokenVersionRow | null> {
  const [row] = await db.select().from(tv).where(and(eq(tv.fileKey, fileKey), eq(tv.version, version)));
  return row ?? null;
}

/** The project's stored versions of one file, newest first (at most `limit`), without their documents. */
export async function listTokenVersions(db: Db, fileKey: string, limit: number) {
  return db
    .select({ version: tv.version, createdAt: tv.createdAt, tokens: sql<number | null>`(${tv.report} #>> '{derive,tokens,total}')::int`, contentHash: tv.contentHash, traceId: tv.traceId })
    .from(tv)
    .where(eq(tv.fileKey, fileKey))
    .orderBy(desc(tv.createdAt), desc(tv.version))
    .limit(limit);
}

/** The project's stored tokens of the given versions of one file. */
export async function findTokenVersions(db: Db, fileKey: string, versions: string[]): Promise<TokenVersionRow[]> {
  return db.select().from(tv).where(and(eq(tv.fileKey, fileKey), inArray(tv.version, versions)));
}

/**
 * Stores a version and its outbox row (entity `token_version`: the design index follows it) in one transaction;
 * returns the outbox ids to publish. A concurrent derive of the same version that stored first wins (same Figma
 * version, same tokens): nothing is written then, and no id returned.
 */
export async function insertTokenVersion(db: Db, row: NewTokenVersion): Promise<number[]> {
  return db.transaction(async (tx) => {
    const [stored] = await tx.insert(tv).values(row).onConflictDoNothing({ target: [tv.projectId, tv.fileKey, tv.version] }).returning({ id: tv.id });
    if (!stored) return [];
    return recordUpdates(tx, [{ projectId: row.projectId, entity: 'token_version', entityId: stored.id, operation: 'insert', contentHash: row.contentHash, traceId: row.traceId }]);
  });
}

/**
 * Stores a version, replacing the one stored under the same file and version (a merged derive adds a plugin
 * upload's variables to a Figma version stored without them), with its outbox row (`insert` or `update`) in one
 * transaction; returns the outbox ids to publish.
 */
export async function replaceTokenVersion(db: Db, row: NewTokenVersion): Promise<number[]> {
  const { tokens, resolver, report, contentHash, traceId } = row;
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(tv)
      .values(row)
      .onConflictDoUpdate({ target: [tv.projectId, tv.fileKey, tv.version], set: { tokens, resolver, report, contentHash, traceId, createdAt: sql`now()` } })
      // xmax is 0 only on a row this statement inserted
      .returning({ id: tv.id, inserted: sql<boolean>`(xmax = 0)` });
    const operation = stored!.inserted ? 'insert' : 'update';
    return recordUpdates(tx, [{ projectId: row.projectId, entity: 'token_version', entityId: stored!.id, operation, contentHash, traceId }]);
  });
}
