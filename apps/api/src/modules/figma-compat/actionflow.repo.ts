// Queries of stored screen graphs (public.action_flows): one row per (project, file, page), each write with its
// outbox row (seed 002). Run on the project's tenant database, so row-level security keeps each project to its own.
import { schema, type Db } from '@cogo/db';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { recordUpdates } from '../updates/updates.repo';

const af = schema.actionFlows;

export type ActionFlowDbRow = typeof af.$inferSelect;
export type NewActionFlowRow = Omit<typeof af.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** What an upsert did to the row. */
export type UpsertStatus = 'created' | 'updated' | 'unchanged';

/**
 * Stores the page's graph: inserts it, replaces a row whose content hash or file version differs, and leaves an
 * equal row untouched (its updated_at and trace stay those of the build that wrote it). Annotations name ids of the
 * graph they were made for: a new content hash clears them, a new file version with the same graph keeps them. A
 * write records its outbox row (entity `action_flow`) in the same transaction; `updateIds` are to be published after
 * the commit. One upsert statement, so two concurrent builds of the same page cannot both insert.
 */
export async function upsertActionFlow(db: Db, row: NewActionFlowRow): Promise<{ row: ActionFlowDbRow; status: UpsertStatus; updateIds: number[] }> {
  const { pageName, fileVersion, version, graph, mermaid, contentHash, traceId } = row;
  const written = await db.transaction(async (tx) => {
    const [upserted] = await tx
      .insert(af)
      .values(row)
      .onConflictDoUpdate({
        target: [af.projectId, af.fileKey, af.pageId],
        set: {
          pageName,
          fileVersion,
          version,
          graph,
          mermaid,
          contentHash,
          traceId,
          updatedAt: sql`now()`,
          // SET reads the row as it was: its own hash, before this statement replaces it
          annotations: sql`case when ${af.contentHash} is distinct from excluded.content_hash then null else ${af.annotations} end`,
        },
        setWhere: sql`${af.contentHash} is distinct from excluded.content_hash or ${af.fileVersion} is distinct from excluded.file_version`,
      })
      // xmax is 0 only on a row this statement inserted
      .returning({ ...getTableColumns(af), inserted: sql<boolean>`(xmax = 0)` });
    if (!upserted) return null;
    const { inserted, ...stored } = upserted;
    const operation = inserted ? 'insert' : 'update';
    const updateIds = await recordUpdates(tx, [{ projectId: row.projectId, entity: 'action_flow', entityId: stored.id, operation, contentHash, traceId }]);
    return { row: stored, status: inserted ? ('created' as const) : ('updated' as const), updateIds };
  });
  if (written) return written;
  const [kept] = await findActionFlows(db, row.fileKey, row.pageId);
  if (!kept) throw new Error('action flow row neither written nor found after its upsert');
  return { row: kept, status: 'unchanged', updateIds: [] };
}

/** The project's stored graphs of a file (one page, or every page), page id order. */
export async function findActionFlows(db: Db, fileKey: string, pageId?: string): Promise<ActionFlowDbRow[]> {
  return db
    .select()
    .from(af)
    .where(and(eq(af.fileKey, fileKey), pageId === undefined ? undefined : eq(af.pageId, pageId)))
    .orderBy(asc(af.pageId));
}

/**
 * Writes a refinement's annotations onto the row, only while it still holds the graph they were checked against
 * (`contentHash`), with its outbox row (the graph's hash: the graph did not change). Null when a build of another
 * graph replaced the row in the meantime.
 */
export async function storeAnnotations(
  db: Db,
  at: { projectId: string; id: string; contentHash: string; traceId: string },
  annotations: Record<string, unknown>,
): Promise<{ row: ActionFlowDbRow; updateIds: number[] } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(af)
      .set({ annotations, traceId: at.traceId, updatedAt: sql`now()` })
      .where(and(eq(af.id, at.id), eq(af.contentHash, at.contentHash)))
      .returning();
    if (!row) return null;
    const updateIds = await recordUpdates(tx, [{ projectId: at.projectId, entity: 'action_flow', entityId: at.id, operation: 'update', contentHash: at.contentHash, traceId: at.traceId }]);
    return { row, updateIds };
  });
}
