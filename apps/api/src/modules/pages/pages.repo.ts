import { schema, type Db } from '@cogo/db';
import { and, eq } from 'drizzle-orm';
import { afterKeyset, keysetOrder } from '../../lib/keyset-cursor';

export type PageRow = typeof schema.pages.$inferSelect;

/** A project's page (null for another project's). */
export async function findPage(db: Db, projectId: string, id: string): Promise<PageRow | null> {
  const rows = await db.select().from(schema.pages).where(and(eq(schema.pages.projectId, projectId), eq(schema.pages.id, id)));
  return rows[0] ?? null;
}

/** A project's pages after a (created_at, id) keyset position, oldest first. */
export async function listPages(db: Db, projectId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<PageRow[]> {
  const p = schema.pages;
  return db
    .select()
    .from(p)
    .where(and(eq(p.projectId, projectId), afterKeyset(p.createdAt, p.id, after)))
    .orderBy(...keysetOrder(p.createdAt, p.id))
    .limit(limit);
}
