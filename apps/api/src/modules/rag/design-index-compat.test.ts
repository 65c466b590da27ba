// The design index over figma-compat's storage: a derived tokens version becomes one document per collection of its
// file, a newer version of the file replaces them (a collection it no longer has loses its document), and a stored
// action flow becomes one document, deleted with its row — all through the outbox, as pages and components are.
import { buildActionFlow, toMermaid } from '@cogo/figma-compat';
import { SAMPLE_FLOW_FILE } from '@cogo/figma-compat/samples';
import { schema } from '@cogo/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, testDb } from '../../../test/helpers';
import { newFileKey, putFigmaFile, sampleFile, sampleVariables, SPACE } from '../figma-compat/figma-compat.test-helpers';
import { recordUpdates } from '../updates/updates.repo';
import { deliverUpdates, designDocs } from './design-index.test-helpers';

const derive = (key: string, fileKey: string) => api('/figma-compat/uui/variables/derive', { method: 'POST', key, json: { file_key: fileKey } });

/** The sample variables without `spacing/1`, so a collection keeps only colours. */
function withoutSpacing() {
  const v = sampleVariables();
  delete (v.variables as Record<string, unknown>)[SPACE];
  for (const c of Object.values(v.variableCollections)) c.variableIds = c.variableIds.filter((id) => id !== SPACE);
  return v;
}

describe('design index: tokens and action flows', () => {
  it('indexes the latest tokens version of a file, one document per collection, and replaces them with the next version', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Brand'), sampleVariables());
    expect((await derive(p.key, k)).status).toBe(200);
    const handle = testDb();
    try {
      const first = await deliverUpdates(handle.db, p.id);
      expect(first.result.explicitAcks).toHaveLength(first.ids.length);
      let { docs, chunks } = await designDocs(handle.db, p.id);
      const tokens = docs.filter((d) => d.source === 'token');
      expect(tokens.map((d) => d.externalId)).toEqual([`tokens:${k}:Primitives`, `tokens:${k}:Theme`]);
      const theme = tokens.find((d) => d.externalId.endsWith(':Theme'))!;
      expect(theme.title).toBe('Design tokens: Theme (Brand)');
      expect(theme.text).toContain('- Theme.color.primary (color): {Primitives.color.blue.500}; theme/Dark: #8fb0ff');
      expect(tokens.find((d) => d.externalId.endsWith(':Primitives'))!.text).toContain('- Primitives.spacing.1 (dimension): 4px');
      expect(theme.metadata).toMatchObject({ kind: 'tokens', figma_file_key: k, group: 'Theme' });
      // their chunks wait for the embedding queue, sent after the commit
      const tokenChunks = chunks.filter((c) => tokens.some((d) => d.id === c.documentId));
      expect(tokenChunks.length).toBeGreaterThan(0);
      expect(first.sent.flatMap((m) => m.chunk_ids)).toEqual(expect.arrayContaining(tokenChunks.map((c) => c.id)));

      // a new version: blue changed, spacing gone → Primitives re-rendered, no stale line; Theme unchanged in place
      await putFigmaFile(k, { ...sampleFile('Brand'), version: '101' }, withoutSpacing());
      const v2 = await derive(p.key, k);
      expect(v2.status).toBe(200);
      expect(((await v2.json()) as { version: string }).version).toBe('101');
      await deliverUpdates(handle.db, p.id);
      ({ docs, chunks } = await designDocs(handle.db, p.id));
      const after = docs.filter((d) => d.source === 'token');
      expect(after.map((d) => d.externalId)).toEqual([`tokens:${k}:Primitives`, `tokens:${k}:Theme`]);
      const primitives = after.find((d) => d.externalId.endsWith(':Primitives'))!;
      expect(primitives.text).not.toContain('spacing');
      expect(primitives.metadata).toMatchObject({ figma_version: '101' });
    } finally {
      await handle.close();
    }
  });

  it('indexes a stored action flow as one document naming its screens and transitions, and drops it when the row is deleted', async () => {
    const p = await createTestProject();
    const flow = buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '0:1' });
    const handle = testDb();
    try {
      const f = schema.actionFlows;
      const id = await handle.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(f)
          .values({ projectId: p.id, fileKey: 'FLOWFILE01', pageId: flow.page.id, pageName: flow.page.name, fileVersion: '1', version: flow.version, graph: flow as never, mermaid: toMermaid(flow), contentHash: 'h1', traceId: 't'.repeat(32) })
          .returning({ id: f.id });
        await recordUpdates(tx, [{ projectId: p.id, entity: 'action_flow', entityId: row!.id, operation: 'insert', contentHash: 'h1', traceId: null }]);
        return row!.id;
      });
      await deliverUpdates(handle.db, p.id);
      let { docs } = await designDocs(handle.db, p.id);
      const doc = docs.find((d) => d.source === 'flow');
      expect(doc).toMatchObject({ externalId: id, title: `Prototype flow: ${flow.page.name}` });
      for (const s of flow.screens) expect(doc!.text).toContain(`"${s.name}"`);
      expect(doc!.text).toContain(`${flow.edges.length} interactions`);
      expect(flow.report.unreachable.length).toBeGreaterThan(0);
      const unreachable = flow.report.unreachable.map((u) => `"${flow.screens.find((s) => s.id === u)!.name}"`).join(', ');
      expect(doc!.text).toContain(`Unreachable screens: ${unreachable}.`);
      expect(doc!.text).toMatch(/- On "[^"]+", on click "[^"]+": navigate to "[^"]+"/);

      await handle.db.transaction(async (tx) => {
        await tx.delete(f).where(and(eq(f.projectId, p.id), eq(f.id, id)));
        await recordUpdates(tx, [{ projectId: p.id, entity: 'action_flow', entityId: id, operation: 'delete', contentHash: 'h1', traceId: null }]);
      });
      await deliverUpdates(handle.db, p.id);
      ({ docs } = await designDocs(handle.db, p.id));
      expect(docs.filter((d) => d.source === 'flow')).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
