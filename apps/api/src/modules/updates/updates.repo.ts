// Queries of the outbox `cogo.project_updates`: the one helper every write path of user-owned data calls inside its
// transaction (recordUpdates), the change feed, and what the projection worker and the cron sweep need.
import { schema, type Db } from '@cogo/db';
import { and, asc, desc, eq, gt, gte, isNull, lt, or, sql, notLike } from 'drizzle-orm';

export type ProjectUpdateRow = typeof schema.projectUpdates.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

/** One change to record: the row of `public.*` it names and what happened to it. */
export interface UpdateRecord {
  projectId: string;
  entity: schema.ProjectUpdateEntity;
  entityId: string;
  operation: schema.ProjectUpdateOperation;
  contentHash: string | null;
  traceId: string | null;
}

/** Prefix of `last_error` once the dead-letter consumer has seen an update: the sweep leaves it to a replay. */
export const DEAD_LETTERED = 'dead-lettered';

/**
 * Writes one outbox row per change, in the caller's transaction, and returns their ids in the given order.
 * Each row's version is one above the entity's last; the write paths hold the entity's row lock by then, so two
 * transactions of the same entity take turns (and the unique (entity, entity_id, version) index backs that up).
 */
export async function recordUpdates(tx: Tx, rows: UpdateRecord[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const u = schema.projectUpdates;
  const payload = JSON.stringify(
    rows.map((r, ord) => ({ ord, project_id: r.projectId, entity: r.entity, entity_id: r.entityId, operation: r.operation, content_hash: r.contentHash, trace_id: r.traceId })),
  );
  const result = await tx.execute<{ id: string | number }>(sql`
    insert into ${u} (project_id, entity, entity_id, operation, content_hash, trace_id, version)
    select v.project_id, v.entity, v.entity_id, v.operation, v.content_hash, v.trace_id,
           coalesce((select max(p.version) from ${u} p where p.entity = v.entity and p.entity_id = v.entity_id), 0) + 1
    from jsonb_to_recordset(${payload}::jsonb) as v(ord int, project_id uuid, entity text, entity_id uuid, operation text, content_hash text, trace_id text)
    order by v.ord
    returning id`);
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** A project's updates with an id above `after`, oldest first. */
export async function listUpdates(db: Queryable, projectId: string, after: number, limit: number): Promise<ProjectUpdateRow[]> {
  const u = schema.projectUpdates;
  return db.select().from(u).where(and(eq(u.projectId, projectId), gt(u.id, after))).orderBy(asc(u.id)).limit(limit);
}

/** The project's newest update id (0 when it has none): where a follower starting now follows from. */
export async function latestUpdateId(db: Queryable, projectId: string): Promise<number> {
  const u = schema.projectUpdates;
  const [row] = await db.select({ id: u.id }).from(u).where(eq(u.projectId, projectId)).orderBy(desc(u.id)).limit(1);
  return row?.id ?? 0;
}

/** Ids of updates still undelivered since `olderThan` (the sweep), never those parked by the dead-letter queue. */
export async function staleUndeliveredIds(db: Queryable, olderThan: Date, limit: number, afterId = 0): Promise<number[]> {
  const u = schema.projectUpdates;
  const rows = await db
    .select({ id: u.id })
    .from(u)
    .where(and(gt(u.id, afterId), isNull(u.deliveredAt), lt(u.createdAt, olderThan), or(isNull(u.lastError), notLike(u.lastError, `${DEAD_LETTERED}%`))))
    .orderBy(asc(u.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Ids of undelivered updates for a replay: optionally one project's, optionally created since a time. */
export async function undeliveredIds(db: Queryable, filter: { projectId?: string; since?: Date }, limit: number): Promise<number[]> {
  const u = schema.projectUpdates;
  const rows = await db
    .select({ id: u.id })
    .from(u)
    .where(and(isNull(u.deliveredAt), filter.projectId ? eq(u.projectId, filter.projectId) : undefined, filter.since ? gte(u.createdAt, filter.since) : undefined))
    .orderBy(asc(u.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Locks, in version order, the undelivered updates of `id`'s entity up to and including `id` (older versions first,
 * so a newer one is never delivered before them). Empty when `id` is unknown or already delivered.
 */
export async function lockPendingUpTo(tx: Tx, id: number): Promise<ProjectUpdateRow[]> {
  const u = schema.projectUpdates;
  const [target] = await tx.select().from(u).where(eq(u.id, id));
  if (!target || target.deliveredAt) return [];
  return tx
    .select()
    .from(u)
    .where(and(eq(u.entity, target.entity), eq(u.entityId, target.entityId), sql`${u.version} <= ${target.version}`, isNull(u.deliveredAt)))
    .orderBy(asc(u.version))
    .for('update');
}

/** Marks updates delivered (one more attempt each). */
export async function markDelivered(tx: Tx, ids: number[], at = new Date()): Promise<void> {
  const u = schema.projectUpdates;
  for (const id of ids) await tx.update(u).set({ deliveredAt: at, attempts: sql`${u.attempts} + 1`, lastError: null }).where(eq(u.id, id));
}

/** Records a failed attempt on an undelivered update. */
export async function markFailed(db: Queryable, id: number, error: string): Promise<void> {
  const u = schema.projectUpdates;
  await db.update(u).set({ attempts: sql`${u.attempts} + 1`, lastError: error.slice(0, 500) }).where(and(eq(u.id, id), isNull(u.deliveredAt)));
}

/** Records that the queue gave up on an update (the dead-letter consumer); a replay sends it again. */
export async function markDeadLettered(db: Queryable, id: number, attempts: number): Promise<void> {
  const u = schema.projectUpdates;
  await db
    .update(u)
    .set({ attempts: sql`greatest(${u.attempts}, ${attempts})`, lastError: sql`${`${DEAD_LETTERED} after ${attempts} attempts: `} || coalesce(${u.lastError}, 'unknown error')` })
    .where(and(eq(u.id, id), isNull(u.deliveredAt)));
}
