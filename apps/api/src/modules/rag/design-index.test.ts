// The design knowledge index (issue 12): pages and components applied through POST /figma-context/apply become RAG
// documents when the projection worker delivers their outbox rows; the chunks to embed go to the embedding queue
// only after the delivery commits. Driven by hand: the apply route, then worker.queue for the projection.
import { schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../env';
import { api, createTestProject, testDb } from '../../../test/helpers';
import { llmProject } from '../../../test/llm-helpers';
import { currentEmbeddingModel } from './rag-plan';
import { recordUpdates } from '../updates/updates.repo';
import { asTenant } from './design-index.repo';
import { applyPage, designDocs, deliverUpdates, recordingQueue, samplePages } from './design-index.test-helpers';

const handle = testDb();
afterAll(() => handle.close());

const sentIds = (sent: Array<{ chunk_ids: string[] }>) => sent.flatMap((m) => m.chunk_ids).sort();

async function appliedSample() {
  const p = await createTestProject();
  const { jobId, pages } = await samplePages(p.key);
  for (const page of pages) await applyPage(p.key, jobId, page);
  const components = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id));
  const pageRows = await handle.db.select().from(schema.pages).where(eq(schema.pages.projectId, p.id));
  return { p, jobId, pages, components, pageRows };
}

describe('design knowledge index', () => {
  it('indexes every applied page and component once, and sends their chunks to the embedding queue after the commit', async () => {
    const { p, components, pageRows } = await appliedSample();
    expect(components.length).toBeGreaterThan(3);
    const { result, sent } = await deliverUpdates(handle.db, p.id);
    expect(result.retryMessages).toEqual([]);
    const { docs, chunks } = await designDocs(handle.db, p.id);
    // one document per row, keyed by the row's id
    expect(docs.filter((d) => d.source === 'component').map((d) => d.externalId).sort()).toEqual(components.map((c) => c.id).sort());
    expect(docs.filter((d) => d.source === 'page').map((d) => d.externalId).sort()).toEqual(pageRows.map((r) => r.id).sort());
    // every chunk waits for its vector, and was sent exactly once (the many deliveries of one apply stage each document once)
    expect(chunks.length).toBeGreaterThanOrEqual(docs.length);
    expect(chunks.every((c) => c.embedded === null && c.model === null)).toBe(true);
    expect(sentIds(sent)).toEqual(chunks.map((c) => c.id).sort());
    expect(sent.every((m) => m.project_id === p.id && m.job_id === null)).toBe(true);

    const set = components.find((c) => c.type === 'COMPONENT_SET' && c.name === 'Button')!;
    const setDoc = docs.find((d) => d.externalId === set.id)!;
    expect(setDoc).toMatchObject({ source: 'component', title: 'Button', metadata: { kind: 'component_set', figma_file_key: set.fileKey, figma_node_id: set.nodeId, page_id: set.pageId, component_id: set.id } });
    expect(setDoc.text).toMatch(/Variant \(variant\): options Primary, Secondary; default Primary/);
    expect(setDoc.text).toContain(`Figma: file ${set.fileKey}, node ${set.nodeId}`);
    const variant = components.find((c) => (c.props as { set_id?: string }).set_id === set.nodeId)!;
    expect(docs.find((d) => d.externalId === variant.id)!.title).toMatch(/^Button \(Size = \w+, Variant = \w+\)$/);
    const pageDoc = docs.find((d) => d.externalId === set.pageId)!;
    expect(pageDoc.text).toContain(`- Button (component set, 3 variants; node ${set.nodeId})`);

    // a duplicate delivery (the queue, the sweep or a replay) changes nothing and sends nothing
    const again = await deliverUpdates(handle.db, p.id);
    expect(again.ids).toEqual([]);
    expect(await designDocs(handle.db, p.id)).toEqual({ docs, chunks });
  });

  it('follows changes: unchanged re-apply stages nothing, a change re-stages only what names it, a removal deletes', async () => {
    const { p, jobId, pages, components } = await appliedSample();
    await deliverUpdates(handle.db, p.id);
    const before = await designDocs(handle.db, p.id);
    const stamp = (docs: typeof before.docs) => new Map(docs.map((d) => [d.externalId, `${d.contentHash}@${d.updatedAt.getTime()}`]));
    const page = pages.find((pg) => pg.components.some((c) => c.name === 'Badge'))!;

    // the same page again: no outbox row, so no delivery, no document or chunk written, nothing sent
    for (const pg of pages) expect(await applyPage(p.key, jobId, pg)).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    const same = await deliverUpdates(handle.db, p.id);
    expect(same.ids).toEqual([]);
    expect(same.sent).toEqual([]);
    expect(await designDocs(handle.db, p.id)).toEqual(before);

    // a new description on Badge (the sample's own is stored already): its document only (the page lists names, which did not change)
    const badge = components.find((c) => c.name === 'Badge')!;
    const described = { ...page, components: page.components.map((c) => (c.name === 'Badge' ? { ...c, props: { ...c.props, description: 'Marks new and discounted products' } } : c)) };
    expect(await applyPage(p.key, jobId, described)).toMatchObject({ updated: 1 });
    const changed = await deliverUpdates(handle.db, p.id);
    const afterChange = await designDocs(handle.db, p.id);
    const moved = [...stamp(afterChange.docs)].filter(([id, s]) => stamp(before.docs).get(id) !== s).map(([id]) => id);
    expect(moved).toEqual([badge.id]);
    const badgeDoc = afterChange.docs.find((d) => d.externalId === badge.id)!;
    expect(badgeDoc.text).toContain('Description: Marks new and discounted products');
    expect(sentIds(changed.sent)).toEqual(afterChange.chunks.filter((c) => c.documentId === badgeDoc.id).map((c) => c.id).sort());

    // renaming the Button set: its document, its variants' (their titles name it) and its page's (it lists it)
    const set = components.find((c) => c.type === 'COMPONENT_SET' && c.name === 'Button')!;
    const variants = components.filter((c) => (c.props as { set_id?: string }).set_id === set.nodeId).map((c) => c.id);
    const renamed = { ...described, components: described.components.map((c) => (c.node_id === set.nodeId ? { ...c, name: 'Action Button' } : c)) };
    expect(await applyPage(p.key, jobId, renamed)).toMatchObject({ updated: 1 });
    await deliverUpdates(handle.db, p.id);
    const afterRename = await designDocs(handle.db, p.id);
    const renamedIds = [...stamp(afterRename.docs)].filter(([id, s]) => stamp(afterChange.docs).get(id) !== s).map(([id]) => id);
    expect(renamedIds.sort()).toEqual([set.id, set.pageId, ...variants].sort());
    expect(afterRename.docs.find((d) => d.externalId === variants[0])!.title).toMatch(/^Action Button \(/);

    // Badge removed from the page: its document and chunks are gone, the page no longer lists it
    const without = { ...renamed, components: renamed.components.filter((c) => c.name !== 'Badge') };
    expect(await applyPage(p.key, jobId, without)).toMatchObject({ deleted: 1 });
    await deliverUpdates(handle.db, p.id);
    const afterDelete = await designDocs(handle.db, p.id);
    expect(afterDelete.docs.find((d) => d.externalId === badge.id)).toBeUndefined();
    expect(afterDelete.chunks.filter((c) => c.documentId === badgeDoc.id)).toEqual([]);
    expect(afterDelete.docs.find((d) => d.externalId === badge.pageId)!.text).not.toContain('Badge');
    expect(afterDelete.docs).toHaveLength(afterRename.docs.length - 1);
  });

  it('drops a deleted page with its components\' documents (a page delete cascades to its components, with no row of theirs)', async () => {
    const { p, components } = await appliedSample();
    await deliverUpdates(handle.db, p.id);
    const page = components.find((c) => c.name === 'Badge')!.pageId;
    const onPage = components.filter((c) => c.pageId === page).map((c) => c.id);
    const before = await designDocs(handle.db, p.id);
    // no route deletes a page yet: the write path a future one will have (the row and its outbox row, one transaction)
    await handle.db.transaction(async (tx) => {
      await tx.delete(schema.pages).where(eq(schema.pages.id, page));
      await recordUpdates(tx, [{ projectId: p.id, entity: 'page', entityId: page, operation: 'delete', contentHash: null, traceId: null }]);
    });
    const { result, sent } = await deliverUpdates(handle.db, p.id);
    expect(result.retryMessages).toEqual([]);
    expect(sent).toEqual([]);
    const after = await designDocs(handle.db, p.id);
    const gone = new Set([page, ...onPage]);
    expect(after.docs.map((d) => d.externalId).sort()).toEqual(before.docs.map((d) => d.externalId).filter((id) => !gone.has(id)).sort());
    const goneDocs = new Set(before.docs.filter((d) => gone.has(d.externalId)).map((d) => d.id));
    expect(after.chunks.filter((c) => goneDocs.has(c.documentId))).toEqual([]);
    expect(after.chunks.length).toBeLessThan(before.chunks.length);
  });

  it('keeps projects apart: another project indexes its own rows and finds none of the first one', async () => {
    const a = await appliedSample();
    await deliverUpdates(handle.db, a.p.id);
    const aDocs = (await designDocs(handle.db, a.p.id)).docs;
    const b = await appliedSample();
    await deliverUpdates(handle.db, b.p.id);
    const bDocs = (await designDocs(handle.db, b.p.id)).docs;
    expect(bDocs).toHaveLength(aDocs.length);
    // the same sample, other rows (ids are per project): no document of one names a row of the other
    expect(bDocs.filter((d) => aDocs.some((x) => x.externalId === d.externalId || x.id === d.id))).toEqual([]);
    expect((await designDocs(handle.db, a.p.id)).docs).toEqual(aDocs);
    // retrieval as B sees only B's documents; a project with nothing indexed sees nothing
    const rag = async (key: string) => {
      const res = await api('/rag', { method: 'POST', key, json: { q: 'Button', limit: 50 } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Array<{ document_id: string }> }).items;
    };
    const found = await rag(b.p.key);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((i) => bDocs.some((d) => d.id === i.document_id))).toBe(true);
    expect(await rag((await createTestProject()).key)).toEqual([]);
  });

  it('still delivers when the embedding queue refuses the send: the chunks wait, pending, for the sweep', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { p } = await appliedSample();
    const { ids, result } = await deliverUpdates(handle.db, p.id, { EMBED_QUEUE: recordingQueue(true).queue });
    expect(result.explicitAcks).toHaveLength(ids.length);
    expect(result.retryMessages).toEqual([]);
    const u = schema.projectUpdates;
    expect(await handle.db.select({ id: u.id }).from(u).where(and(eq(u.projectId, p.id), isNull(u.deliveredAt)))).toEqual([]);
    const { docs, chunks } = await designDocs(handle.db, p.id);
    expect(docs.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.embedded === null)).toBe(true);
  });

  it('reads the routing catalogue as the tenant inside the service transaction, then acts as the service again', async () => {
    const only = { allowedModels: ['a-only-embed'], fallbackOrder: ['a-only-embed'] };
    const a = await llmProject([{ name: 'own-embed', models: [{ name: 'a-only-embed', kind: 'embedding' }] }], only);
    // B asks for a model only A has: B's routing must not find it (unscoped, A's provider and key would serve B)
    const b = await createTestProject();
    await handle.db.insert(schema.routingPolicies).values({ projectId: b.id, ...only });
    const plain = await createTestProject();
    const config = readConfig(env);
    await handle.db.transaction(async (tx) => {
      expect(await asTenant(tx, a.id, (db) => currentEmbeddingModel(() => db, a.id, config))).toBe('a-only-embed');
      expect(await asTenant(tx, b.id, (db) => currentEmbeddingModel(() => db, b.id, config))).toBeNull();
      expect(await asTenant(tx, plain.id, (db) => currentEmbeddingModel(() => db, plain.id, config))).toBe(config.EMBEDDING_MODEL_DEFAULT);
      // back to the service role: every project's rows are visible again
      const models = await tx.select({ name: schema.llmModels.name }).from(schema.llmModels).where(eq(schema.llmModels.name, 'a-only-embed'));
      expect(models.length).toBeGreaterThanOrEqual(1);
      const role = await tx.execute<{ role: string; project: string | null }>(sql`select current_user as role, nullif(current_setting('app.project_id', true), '') as project`);
      expect(role.rows[0]).toMatchObject({ project: null });
      expect(role.rows[0]!.role).not.toBe('cogo_app');
    });
  });
});
