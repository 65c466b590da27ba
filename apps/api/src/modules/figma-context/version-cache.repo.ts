// Queries of the Figma version cache's index (figma_cache_entries); the bytes are in R2.
import { schema, type Db } from '@cogo/db';
import { and, eq } from 'drizzle-orm';

export type CacheEntryRow = typeof schema.figmaCacheEntries.$inferSelect;
export type CacheEntryKey = Pick<CacheEntryRow, 'fileKey' | 'version' | 'format' | 'scopeHash'>;

const where = (k: Omit<CacheEntryKey, 'scopeHash'>) =>
  and(eq(schema.figmaCacheEntries.fileKey, k.fileKey), eq(schema.figmaCacheEntries.version, k.version), eq(schema.figmaCacheEntries.format, k.format));

/** What the index says of one request: enough to replay it. */
export type IndexedEntry = Pick<CacheEntryRow, 'outcome' | 'bytes' | 'r2Key'>;

/** The entry for one request of one file version, or null. */
export async function findCacheEntry(db: Db, key: CacheEntryKey): Promise<CacheEntryRow | null> {
  const rows = await db
    .select()
    .from(schema.figmaCacheEntries)
    .where(and(where(key), eq(schema.figmaCacheEntries.scopeHash, key.scopeHash)));
  return rows[0] ?? null;
}

/** Records an entry; a concurrent job that stored the same answer first wins (same version, same bytes). */
export async function insertCacheEntry(db: Db, row: Omit<CacheEntryRow, 'createdAt'>): Promise<void> {
  await db.insert(schema.figmaCacheEntries).values(row).onConflictDoNothing();
}

/** What is cached for one file version, by scope hash: outcome and bytes (for start's forecast: which requests need no Figma call). */
export async function cachedScopes(db: Db, key: Omit<CacheEntryKey, 'scopeHash'>): Promise<Map<string, IndexedEntry>> {
  const rows = await db
    .select({ scopeHash: schema.figmaCacheEntries.scopeHash, outcome: schema.figmaCacheEntries.outcome, bytes: schema.figmaCacheEntries.bytes, r2Key: schema.figmaCacheEntries.r2Key })
    .from(schema.figmaCacheEntries)
    .where(where(key));
  return new Map(rows.map(({ scopeHash, ...entry }) => [scopeHash, entry]));
}
