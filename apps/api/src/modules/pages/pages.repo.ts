import { schema, type Db } from '@cogo/db';
import { and, desc, eq } from 'drizzle-orm';
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

/** A page's components (at most `limit`), in node id order. */
export async function pageComponents(db: Db, projectId: string, pageId: string, limit: number) {
  const cmp = schema.components;
  return db
    .select({ id: cmp.id, node_id: cmp.nodeId, name: cmp.name, type: cmp.type, props: cmp.props })
    .from(cmp)
    .where(and(eq(cmp.projectId, projectId), eq(cmp.pageId, pageId)))
    .orderBy(cmp.nodeId)
    .limit(limit);
}

/** The project's most recently changed page of a file (`generated`: the last applied generated page), or null. */
export async function latestPageOf(db: Db, projectId: string, fileKey: string): Promise<PageRow | null> {
  const p = schema.pages;
  const rows = await db
    .select()
    .from(p)
    .where(and(eq(p.projectId, projectId), eq(p.fileKey, fileKey)))
    .orderBy(desc(p.updatedAt), desc(p.id))
    .limit(1);
  return rows[0] ?? null;
}
