// Queries of `public.artifacts`. Tenant paths run on the tenant database (row-level security shows one project's
// rows; the explicit project filter is belt and braces); the retention sweep runs on the service database.
import { schema, type Db } from '@cogo/db';
import type { ArtifactKind } from '@cogo/types';
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { beforeKeyset, newestFirst, type KeysetPosition } from '../../lib/keyset-cursor';

export type ArtifactRow = typeof schema.artifacts.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const a = schema.artifacts;

/** What a new row holds; created_at is the database's now(), expires_at that plus `ttlDays`. */
export interface NewArtifact {
  id: string;
  projectId: string;
  kind: ArtifactKind;
  contentType: string;
  bytes: number;
  sha256: string;
  traceId: string | null;
  ttlDays: number;
}

/** Inserts an artifact's row (its object is already in R2) and returns it. */
export async function insertArtifact(db: Db, row: NewArtifact): Promise<ArtifactRow> {
  const { ttlDays, ...values } = row;
  const [inserted] = await db
    .insert(a)
    .values({ ...values, expiresAt: sql`now() + make_interval(days => ${ttlDays}::int)` })
    .returning();
  return inserted!;
}

/** A live (unexpired) artifact of the project, or undefined — another project's id reads as unknown. */
export async function findLiveArtifact(db: Db, projectId: string, id: string): Promise<ArtifactRow | undefined> {
  const [row] = await db
    .select()
    .from(a)
    .where(and(eq(a.id, id), eq(a.projectId, projectId), gt(a.expiresAt, sql`now()`)));
  return row;
}

/** A live artifact of the project of this kind with these bytes (by sha256), or undefined: what a repeated answer reuses. */
export async function findLiveArtifactByContent(db: Db, projectId: string, kind: ArtifactKind, sha256: string): Promise<ArtifactRow | undefined> {
  const [row] = await db
    .select()
    .from(a)
    .where(and(eq(a.projectId, projectId), eq(a.kind, kind), eq(a.sha256, sha256), gt(a.expiresAt, sql`now()`)))
    .orderBy(desc(a.expiresAt))
    .limit(1);
  return row;
}

/** Expires the project's artifacts now: nothing serves them; the retention sweep removes each row, then its object. */
export async function expireArtifacts(db: Db, projectId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db
    .update(a)
    .set({ expiresAt: sql`now()` })
    .where(and(eq(a.projectId, projectId), inArray(a.id, ids), gt(a.expiresAt, sql`now()`)));
}

/** Filters of a listing. */
export interface ArtifactFilter {
  kind?: ArtifactKind;
  traceId?: string;
}

/** Up to `limit` live artifacts of the project, newest first, after a keyset position. */
export async function listLiveArtifacts(db: Db, projectId: string, filter: ArtifactFilter, limit: number, pos?: KeysetPosition): Promise<ArtifactRow[]> {
  return db
    .select()
    .from(a)
    .where(
      and(
        eq(a.projectId, projectId),
        gt(a.expiresAt, sql`now()`),
        filter.kind ? eq(a.kind, filter.kind) : undefined,
        filter.traceId ? eq(a.traceId, filter.traceId) : undefined,
        beforeKeyset(a.createdAt, a.id, pos),
      ),
    )
    .orderBy(...newestFirst(a.createdAt, a.id))
    .limit(limit);
}

/**
 * Deletes up to `limit` rows expired before `now`, in the caller's transaction, and returns what their objects
 * are: the rows stay locked (SKIP LOCKED: two sweeps never take the same rows) until that transaction ends.
 */
export async function deleteExpired(tx: Tx, now: Date, limit: number): Promise<Array<{ id: string; projectId: string }>> {
  const result = await tx.execute<{ id: string; project_id: string }>(sql`
    delete from ${a} where ${a.id} in (
      select ${a.id} from ${a} where ${lt(a.expiresAt, now)} order by ${a.expiresAt} limit ${limit} for update skip locked
    )
    returning ${a.id} as id, ${a.projectId} as project_id`);
  return result.rows.map((r) => ({ id: r.id, projectId: r.project_id }));
}
