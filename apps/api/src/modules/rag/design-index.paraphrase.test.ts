// Issue 12, "the design index finds a sample component by a paraphrase": the sample file applied through the real
// route, indexed by the projection worker, embedded by the embedding queue's consumer with REAL word vectors
// (glove-100d-mean: GloVe 6B 100-d from the registry package, which global-setup prepares and the OpenAI fake
// serves), then found through POST /rag by wording that shares no word with the component's document — so only
// the vector can have found it.
import { schema } from '@cogo/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { api, testDb } from '../../../test/helpers';
import { llmProject, openaiFake } from '../../../test/llm-helpers';
import { applyPage, deliverEmbeds, deliverUpdates, designDocs, samplePages } from './design-index.test-helpers';

const handle = testDb();
afterAll(() => handle.close());

const MODEL = 'glove-100d-mean';
const sentIdsOf = (sent: Array<{ chunk_ids: string[] }>) => sent.flatMap((m) => m.chunk_ids).sort();

interface Item {
  document_id: string;
  source: string;
  title: string;
  text_rank: number | null;
  vector_rank: number | null;
  metadata: Record<string, unknown>;
}

describe('design index: retrieval by a paraphrase', () => {
  it('finds the Button by "main clickable control" and the cart icon by "grocery basket symbol", with their Figma ids; re-embeds only what changed', async () => {
    expect(inject('wordVectors'), 'the OpenAI fake serves no real word vectors (global-setup could not prepare them)').toBe(MODEL);
    // the project embeds with the word-vector model, through its own provider on the fake
    const only = { allowedModels: [MODEL], fallbackOrder: [MODEL] };
    const p = await llmProject([{ name: 'glove', models: [{ name: MODEL, kind: 'embedding' }] }], only);
    const { jobId, pages } = await samplePages(p.key);
    for (const page of pages) await applyPage(p.key, jobId, page);
    const { sent } = await deliverUpdates(handle.db, p.id);
    expect((await deliverEmbeds(sent)).retryMessages).toEqual([]);
    const { docs, chunks } = await designDocs(handle.db, p.id);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.model === MODEL && c.embedded !== null)).toBe(true);

    const components = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id));
    const set = components.find((c) => c.type === 'COMPONENT_SET' && c.name === 'Button')!;
    const buttons = components.filter((c) => c.id === set.id || (c.props as { set_id?: string }).set_id === set.nodeId);
    const cart = components.filter((c) => c.name === 'Icon/Cart');
    expect(cart).toHaveLength(1);

    /** Asks POST /rag among the components; the first item must be one of `targets`, found by its vector alone. */
    const findsByVector = async (q: string, targets: typeof components) => {
      const targetDocs = docs.filter((d) => targets.some((t) => t.id === d.externalId));
      // the paraphrase shares no word with any target document: full text cannot match it
      const overlap = await handle.db.execute<{ hit: boolean }>(sql`
        select bool_or(to_tsvector('english', coalesce(title, '') || ' ' || text) @@ to_tsquery('english', ${q.split(' ').join(' | ')})) as hit
        from public.documents where id in (select jsonb_array_elements_text(${JSON.stringify(targetDocs.map((d) => d.id))}::jsonb)::uuid)`);
      expect(overlap.rows[0]!.hit).toBe(false);
      const res = await api('/rag', { method: 'POST', key: p.key, json: { q, limit: 3, filter: { source: ['component'] } } });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: Item[] };
      const top = items[0]!;
      expect(targetDocs.map((d) => d.id), `"${q}" → ${items.map((i) => i.title).join(' | ')}`).toContain(top.document_id);
      expect(top).toMatchObject({ text_rank: null, vector_rank: 1 });
      // what chat needs to act on it: the Figma file and node
      const row = targets.find((t) => targetDocs.find((d) => d.id === top.document_id)!.externalId === t.id)!;
      expect(top.metadata).toMatchObject({ figma_file_key: row.fileKey, figma_node_id: row.nodeId, page_id: row.pageId, component_id: row.id });
    };
    // (not "main call to action" or "shopping basket": the sample's descriptions, now stored, say "actions" and "Shopping cart")
    await findsByVector('main clickable control', buttons);
    // not "the button always wins": another wording finds another component
    await findsByVector('grocery basket symbol', cart);

    // the query went to the project's word-vector provider, as did the chunks
    const calls = (await openaiFake.requests(p.prefix('glove'))).filter((r) => r.path.endsWith('/embeddings'));
    expect(calls.every((r) => r.body?.model === MODEL)).toBe(true);
    expect(calls.some((r) => JSON.stringify(r.body?.input).includes('main clickable control'))).toBe(true);

    // re-applying the unchanged file embeds nothing; a changed component re-embeds its own chunks only
    for (const page of pages) expect(await applyPage(p.key, jobId, page)).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect((await deliverUpdates(handle.db, p.id)).sent).toEqual([]);
    const badge = components.find((c) => c.name === 'Badge')!;
    const page = pages.find((pg) => pg.components.some((c) => c.node_id === badge.nodeId))!;
    const described = { ...page, components: page.components.map((c) => (c.node_id === badge.nodeId ? { ...c, props: { ...c.props, description: 'Marks new and discounted products' } } : c)) };
    expect(await applyPage(p.key, jobId, described)).toMatchObject({ updated: 1 });
    const restaged = await deliverUpdates(handle.db, p.id);
    const seen = calls.length;
    expect((await deliverEmbeds(restaged.sent)).retryMessages).toEqual([]);
    const after = await designDocs(handle.db, p.id);
    const badgeDoc = after.docs.find((d) => d.externalId === badge.id)!;
    const badgeChunks = after.chunks.filter((c) => c.documentId === badgeDoc.id);
    expect(sentIdsOf(restaged.sent)).toEqual(badgeChunks.map((c) => c.id).sort());
    const newCalls = (await openaiFake.requests(p.prefix('glove'))).filter((r) => r.path.endsWith('/embeddings')).slice(seen);
    expect(newCalls).toHaveLength(1);
    expect(JSON.stringify(newCalls[0]!.body?.input)).toContain('Marks new and discounted products');
    // every other chunk kept its vector from the first embedding
    const firstAt = new Map(chunks.map((c) => [c.id, c.embedded?.getTime()]));
    expect(after.chunks.filter((c) => c.documentId !== badgeDoc.id).every((c) => firstAt.get(c.id) === c.embedded?.getTime())).toBe(true);
    expect(after.chunks.every((c) => c.model === MODEL && c.embedded !== null)).toBe(true);
  });
});
