import { schema, type Db } from '@cogo/db';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';

export type SecretRow = typeof schema.secureKeys.$inferSelect;
export type AuditRow = typeof schema.secureKeysAudit.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

/** Highest version ever stored for an alias (0 when none). */
export async function latestVersion(db: Queryable, projectId: string, alias: string): Promise<number> {
  const rows = await db
    .select({ v: sql<number>`coalesce(max(${schema.secureKeys.version}), 0)::int` })
    .from(schema.secureKeys)
    .where(and(eq(schema.secureKeys.projectId, projectId), eq(schema.secureKeys.alias, alias)));
  return Number(rows[0]?.v ?? 0);
}

/** The active version of an alias, if any. */
export async function activeSecret(db: Queryable, projectId: string, alias: string): Promise<SecretRow | null> {
  const rows = await db
    .select()
    .from(schema.secureKeys)
    .where(and(eq(schema.secureKeys.projectId, projectId), eq(schema.secureKeys.alias, alias), eq(schema.secureKeys.status, 'active')))
    .orderBy(desc(schema.secureKeys.version))
    .limit(1);
  return rows[0] ?? null;
}

/** Marks every active version of an alias with a new status. */
export async function retire(db: Queryable, projectId: string, alias: string, status: 'rotated' | 'revoked', at = new Date()): Promise<SecretRow[]> {
  return db
    .update(schema.secureKeys)
    .set({ status, updatedAt: at, ...(status === 'revoked' ? { revokedAt: at } : {}) })
    .where(
      and(
        eq(schema.secureKeys.projectId, projectId),
        eq(schema.secureKeys.alias, alias),
        status === 'revoked' ? ne(schema.secureKeys.status, 'revoked') : eq(schema.secureKeys.status, 'active'),
      ),
    )
    .returning();
}

/** Stores a new version. */
export async function insertSecret(db: Queryable, values: typeof schema.secureKeys.$inferInsert): Promise<SecretRow> {
  const rows = await db.insert(schema.secureKeys).values(values).returning();
  return rows[0]!;
}

/** Every alias of a project with its versions, newest first. */
export async function listSecrets(db: Queryable, projectId: string): Promise<SecretRow[]> {
  return db.select().from(schema.secureKeys).where(eq(schema.secureKeys.projectId, projectId)).orderBy(asc(schema.secureKeys.alias), desc(schema.secureKeys.version));
}

/** Appends audit rows. */
export async function audit(db: Queryable, rows: Array<typeof schema.secureKeysAudit.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(schema.secureKeysAudit).values(rows);
}

/** The audit trail of an alias, oldest first. */
export async function auditTrail(db: Queryable, projectId: string, alias: string, actions?: string[]): Promise<AuditRow[]> {
  return db
    .select()
    .from(schema.secureKeysAudit)
    .where(
      and(
        eq(schema.secureKeysAudit.projectId, projectId),
        eq(schema.secureKeysAudit.alias, alias),
        actions ? inArray(schema.secureKeysAudit.action, actions) : undefined,
      ),
    )
    .orderBy(asc(schema.secureKeysAudit.id));
}
