// Queries of the code registry (`public.code_components`) and the design-sync audit. Tenant database: row-level
// security shows one project's rows; the explicit project filter is belt and braces.
import { schema, type Db } from '@cogo/db';
import { and, asc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { afterKeyset, type KeysetPosition } from '../../lib/keyset-cursor';

export type CodeComponentRow = typeof schema.codeComponents.$inferSelect;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Db | Tx;

const cc = schema.codeComponents;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What an ingest writes for one component (`contentHash` over the canonical component). */
export type CodeComponentWrite = Pick<CodeComponentRow, 'key' | 'name' | 'importPath' | 'componentPath' | 'description' | 'props' | 'stories' | 'contentHash'>;

const ROWS_PER_STATEMENT = 200;

/** Upserts the components; a row whose content hash is equal is left as it is. */
export async function upsertCodeComponents(tx: Tx, projectId: string, rows: readonly CodeComponentWrite[]) {
  const before = new Map<string, string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const keys = rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => r.key);
    for (const r of await tx.select({ key: cc.key, hash: cc.contentHash }).from(cc).where(and(eq(cc.projectId, projectId), inArray(cc.key, keys)))) before.set(r.key, r.hash);
  }
  const changed = rows.filter((r) => before.get(r.key) !== r.contentHash);
  for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) {
    await tx
      .insert(cc)
      .values(changed.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({ ...r, projectId })))
      .onConflictDoUpdate({
        target: [cc.projectId, cc.key],
        set: {
          name: sql`excluded.name`,
          importPath: sql`excluded.import_path`,
          componentPath: sql`excluded.component_path`,
          description: sql`excluded.description`,
          props: sql`excluded.props`,
          stories: sql`excluded.stories`,
          contentHash: sql`excluded.content_hash`,
          updatedAt: new Date(),
        },
      });
  }
  const inserted = changed.filter((r) => !before.has(r.key)).length;
  return { inserted, updated: changed.length - inserted, unchanged: rows.length - changed.length };
}

/** Deletes the project's components whose key is not in `keep` (their mappings go with them); returns how many. */
export async function pruneCodeComponents(tx: Tx, projectId: string, keep: readonly string[]): Promise<number> {
  const gone = await tx
    .delete(cc)
    .where(and(eq(cc.projectId, projectId), keep.length ? notInArray(cc.key, [...keep]) : undefined))
    .returning({ id: cc.id });
  return gone.length;
}

/** A page of the registry, oldest first. */
export function listCodeComponents(db: Reader, projectId: string, limit: number, pos?: KeysetPosition): Promise<CodeComponentRow[]> {
  return db
    .select()
    .from(cc)
    .where(and(eq(cc.projectId, projectId), afterKeyset(cc.createdAt, cc.id, pos)))
    .orderBy(asc(sql`date_trunc('milliseconds', ${cc.createdAt})`), asc(cc.id))
    .limit(limit);
}

/** Every registry component of the project (design-sync's joins are whole-registry; the ingest caps its size). */
export function allCodeComponents(db: Reader, projectId: string): Promise<CodeComponentRow[]> {
  return db.select().from(cc).where(eq(cc.projectId, projectId)).orderBy(asc(cc.key));
}

/** A registry component by key, or by id when `keyOrId` is a uuid. */
export async function findCodeComponent(db: Reader, projectId: string, keyOrId: string): Promise<CodeComponentRow | undefined> {
  const match = UUID.test(keyOrId) ? or(eq(cc.id, keyOrId), eq(cc.key, keyOrId)) : eq(cc.key, keyOrId);
  const [row] = await db.select().from(cc).where(and(eq(cc.projectId, projectId), match)).limit(1);
  return row;
}

/** Rewrites one component's props (a design→code sync, or its undo); returns the row as written. */
export async function writeCodeProps(tx: Tx, projectId: string, id: string, props: unknown[], contentHash: string): Promise<CodeComponentRow | undefined> {
  const [row] = await tx.update(cc).set({ props, contentHash, updatedAt: new Date() }).where(and(eq(cc.projectId, projectId), eq(cc.id, id))).returning();
  return row;
}

/** One audit row per design-sync action (seed 003: correlation id, actor, counts, duration). */
export async function recordAudit(db: Reader, row: Omit<typeof schema.designSyncAudit.$inferInsert, 'id' | 'createdAt'>): Promise<void> {
  await db.insert(schema.designSyncAudit).values(row);
}
