// One database round trip from inside the Worker, through the production driver (Neon over WebSockets).
import { createDb, deterministicUuid, schema } from '@cogo/db';
import { and, eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';

const handle = createDb({ url: env.DATABASE_URL, wsProxy: env.DATABASE_WS_PROXY });
afterAll(() => handle.close());

describe('database from inside workerd', () => {
  it('writes a project, page and component in one transaction and reads them back', async () => {
    const slug = `rt-${crypto.randomUUID()}`;
    const { projectId, pageId, componentId } = await handle.db.transaction(async (tx) => {
      const [project] = await tx.insert(schema.projects).values({ slug, name: 'Round trip' }).returning();
      const [page] = await tx
        .insert(schema.pages)
        .values({ projectId: project!.id, fileKey: 'FILE1', nodeId: '1:2', name: 'Home' })
        .returning();
      const id = await deterministicUuid(project!.id, 'FILE1', '3:4');
      await tx.insert(schema.components).values({
        id,
        projectId: project!.id,
        pageId: page!.id,
        fileKey: 'FILE1',
        nodeId: '3:4',
        name: 'Button',
        type: 'COMPONENT',
        props: { variant: 'primary' },
        contentHash: 'h1',
      });
      return { projectId: project!.id, pageId: page!.id, componentId: id };
    });

    const rows = await handle.db
      .select({ name: schema.components.name, props: schema.components.props, page: schema.pages.name })
      .from(schema.components)
      .innerJoin(schema.pages, eq(schema.pages.id, schema.components.pageId))
      .where(and(eq(schema.components.projectId, projectId), eq(schema.components.id, componentId)));
    expect(rows).toEqual([{ name: 'Button', props: { variant: 'primary' }, page: 'Home' }]);
    expect(pageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('enforces the unique index that makes component upserts idempotent', async () => {
    const [project] = await handle.db.insert(schema.projects).values({ slug: `uq-${crypto.randomUUID()}`, name: 'Uq' }).returning();
    const [page] = await handle.db
      .insert(schema.pages)
      .values({ projectId: project!.id, fileKey: 'F', nodeId: '0:1', name: 'P' })
      .returning();
    const row = (id: string, name: string) => ({
      id,
      projectId: project!.id,
      pageId: page!.id,
      fileKey: 'F',
      nodeId: '9:9',
      name,
      type: 'FRAME',
      contentHash: name,
    });
    const id = await deterministicUuid(project!.id, 'F', '9:9');
    await handle.db.insert(schema.components).values(row(id, 'first'));
    await handle.db
      .insert(schema.components)
      .values(row(id, 'second'))
      .onConflictDoUpdate({ target: schema.components.id, set: { name: 'second' } });
    const all = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, project!.id));
    expect(all.map((c) => c.name)).toEqual(['second']);
    // a different id for the same (project, file, node) is refused by the unique index
    await expect(handle.db.insert(schema.components).values(row(crypto.randomUUID(), 'dup'))).rejects.toThrow();
  });

  it('rolls back every write of a failed transaction', async () => {
    const slug = `rb-${crypto.randomUUID()}`;
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(schema.projects).values({ slug, name: 'Rolled back' });
        await tx.insert(schema.projects).values({ slug, name: 'duplicate slug' });
      }),
    ).rejects.toThrow();
    const left = await handle.db.select().from(schema.projects).where(eq(schema.projects.slug, slug));
    expect(left).toEqual([]);
  });

  it('has pgvector available for the RAG tables', async () => {
    const res = await handle.pool.query<{ d: number }>(`select '[1,2,3]'::vector <-> '[1,2,4]'::vector as d`);
    expect(Number(res.rows[0]?.d)).toBeCloseTo(1, 6);
  });
});
