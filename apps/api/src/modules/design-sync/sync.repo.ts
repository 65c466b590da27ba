// Queries of `public.sync_operations` and `public.undo_stack`. Tenant database.
import { schema, type Db } from '@cogo/db';
import { DESIGN_SYNC_LIMITS } from '@cogo/types';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beforeKeyset, newestFirst, type KeysetPosition } from '../../lib/keyset-cursor';
import type { Tx } from './registry.repo';

export type OperationRow = typeof schema.syncOperations.$inferSelect;
export type UndoRow = typeof schema.undoStack.$inferSelect;
type Reader = Db | Tx;

const op = schema.syncOperations;
const undo = schema.undoStack;

export async function findOperation(db: Reader, projectId: string, id: string): Promise<OperationRow | undefined> {
  const [row] = await db.select().from(op).where(and(eq(op.projectId, projectId), eq(op.id, id)));
  return row;
}

/** Inserts an operation; undefined when one with the same id exists (a concurrent identical request won). */
export async function insertOperation(db: Reader, row: typeof op.$inferInsert): Promise<OperationRow | undefined> {
  const [written] = await db.insert(op).values(row).onConflictDoNothing({ target: op.id }).returning();
  return written;
}

/**
 * The newest operation that changed any of these mappings (applied, partly applied or since undone): a sync of the
 * same drift after it (an undo, a re-ingest bringing the old code back) is a new operation, not its replay.
 */
export async function latestAppliedOperation(db: Reader, projectId: string, mappingIds: readonly string[]): Promise<string | null> {
  if (mappingIds.length === 0) return null;
  const ids = sql.join(mappingIds.map((id) => sql`${id}`), sql`, `);
  const [row] = await db
    .select({ id: op.id })
    .from(op)
    .where(and(eq(op.projectId, projectId), inArray(op.status, ['succeeded', 'partial', 'undone']), sql`${op.mappingIds} ?| array[${ids}]::text[]`))
    .orderBy(desc(op.createdAt), desc(op.id))
    .limit(1);
  return row?.id ?? null;
}

export async function markOperationUndone(tx: Tx, projectId: string, id: string): Promise<void> {
  await tx.update(op).set({ status: 'undone', undoneAt: new Date() }).where(and(eq(op.projectId, projectId), eq(op.id, id)));
}

/** A page of operations, newest first. */
export function listOperations(db: Reader, projectId: string, limit: number, pos?: KeysetPosition): Promise<OperationRow[]> {
  return db
    .select()
    .from(op)
    .where(and(eq(op.projectId, projectId), beforeKeyset(op.createdAt, op.id, pos)))
    .orderBy(...newestFirst(op.createdAt, op.id))
    .limit(limit);
}

/**
 * Pushes an operation's undo entry and evicts what falls off the stack: entries past the newest
 * DESIGN_SYNC_LIMITS.undoDepth of the project. Returns how many were evicted.
 */
export async function pushUndo(tx: Tx, row: Omit<typeof undo.$inferInsert, 'id' | 'createdAt' | 'expiresAt'>): Promise<number> {
  await tx.insert(undo).values({ ...row, expiresAt: sql`now() + make_interval(hours => ${DESIGN_SYNC_LIMITS.undoWindowHours}::int)` });
  const keep = tx
    .select({ id: undo.id })
    .from(undo)
    .where(eq(undo.projectId, row.projectId))
    .orderBy(desc(undo.createdAt), desc(undo.id))
    .limit(DESIGN_SYNC_LIMITS.undoDepth);
  const evicted = await tx
    .delete(undo)
    .where(and(eq(undo.projectId, row.projectId), sql`${undo.id} not in (${keep})`))
    .returning({ id: undo.id });
  return evicted.length;
}

/** The undo entry of an operation (undefined: never pushed, or evicted). */
export async function findUndo(db: Reader, projectId: string, operationId: string): Promise<UndoRow | undefined> {
  const [row] = await db.select().from(undo).where(and(eq(undo.projectId, projectId), eq(undo.operationId, operationId)));
  return row;
}

/** The newest entry not yet undone. */
export async function latestUndoable(db: Reader, projectId: string): Promise<UndoRow | undefined> {
  const [row] = await db
    .select()
    .from(undo)
    .where(and(eq(undo.projectId, projectId), isNull(undo.undoneAt)))
    .orderBy(desc(undo.createdAt), desc(undo.id))
    .limit(1);
  return row;
}

/** Entries pushed after `entry`, not undone — an undo of `entry` must not pass over one touching the same mappings. */
export function laterEntries(db: Reader, projectId: string, entry: UndoRow): Promise<UndoRow[]> {
  return db
    .select()
    .from(undo)
    .where(and(eq(undo.projectId, projectId), isNull(undo.undoneAt), sql`(${undo.createdAt}, ${undo.id}) > (${entry.createdAt.toISOString()}::timestamptz, ${entry.id}::uuid)`));
}

export async function markUndone(tx: Tx, projectId: string, id: string): Promise<void> {
  await tx.update(undo).set({ undoneAt: new Date() }).where(and(eq(undo.projectId, projectId), eq(undo.id, id), isNull(undo.undoneAt)));
}
