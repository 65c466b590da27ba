// POST /design-sync/registry/storybook through the Worker: the sample Storybook build read from the project's
// Storybook URL (index.json, Storybook 10's manifests/components.json, docgen.json, code-connect.json) and ingested as
// POST /registry does — the same rows, the Code Connect mapping confirmed, the same build again unchanged; a plain
// Storybook 10 build (its manifest, nothing published beside it) gives the same props; no Storybook URL is a 422
// and writes nothing.
import { schema } from '@cogo/db';
import { SAMPLE_FIGMA_NODES, sampleCodeConnect, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';
import { StorybookIngestResponseSchema } from '@cogo/types';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestProject, testDb } from '../../../test/helpers';
import { ds, seedSampleDesign } from './design-sync.test-helpers';
import { errorOf, ok } from './sync.test-helpers';

const service = testDb();
afterAll(() => service.close());

const rowsOf = (projectId: string) =>
  service.db.select().from(schema.codeComponents).where(eq(schema.codeComponents.projectId, projectId)).orderBy(asc(schema.codeComponents.key));
const parse = (v: unknown) => StorybookIngestResponseSchema.parse(v);

describe('POST /design-sync/registry/storybook', () => {
  it("ingests the build at the project's Storybook URL with its docgen and Code Connect, once", async () => {
    const p = await createTestProject();
    await seedSampleDesign(p);
    const stored = await ok(await ds(p, 'credentials', { json: { kind: 'storybook', value: inject('storybookUrl') } }), 200, (v) => v);
    expect(stored).toMatchObject({ kind: 'storybook', check: { ok: true } });

    const first = await ok(await ds(p, 'registry/storybook', { json: {} }), 200, parse);
    expect(first).toMatchObject({
      components: { inserted: 3, updated: 0, unchanged: 0, deleted: 0 },
      stories: 6,
      mappings: { inserted: 1, updated: 0, unchanged: 0, deleted: 0 },
      warnings: [],
      documents: ['index.json', 'manifests/components.json', 'docgen.json', 'code-connect.json'],
    });
    // the same rows as the documents posted by hand
    const other = await createTestProject();
    await seedSampleDesign(other);
    await ok(await ds(other, 'registry', { json: { index: sampleStorybookIndex, docgen: sampleDocgen, code_connect: sampleCodeConnect } }), 200, (v) => v);
    const pick = (rows: Awaited<ReturnType<typeof rowsOf>>) => rows.map((r) => ({ key: r.key, props: r.props, stories: r.stories, hash: r.contentHash }));
    expect(pick(await rowsOf(p.id))).toEqual(pick(await rowsOf(other.id)));
    const mappings = await service.db.select().from(schema.componentMappings).where(eq(schema.componentMappings.projectId, p.id));
    expect(mappings.map((m) => ({ node: m.nodeId, status: m.status, source: m.source }))).toEqual([{ node: SAMPLE_FIGMA_NODES.button, status: 'confirmed', source: 'code_connect' }]);

    const again = await ok(await ds(p, 'registry/storybook', { json: {} }), 200, parse);
    expect(again.components).toEqual({ inserted: 0, updated: 0, unchanged: 3, deleted: 0 });
    expect(again.mappings).toEqual({ inserted: 0, updated: 0, unchanged: 1, deleted: 0 });
  });

  it("reads a plain Storybook 10 build's components manifest for the props: the same rows as its docgen", async () => {
    const p = await createTestProject();
    await seedSampleDesign(p);
    // the sample build as Storybook 10 publishes it by itself: index.json and manifests/components.json, no side files
    await ok(await ds(p, 'credentials', { json: { kind: 'storybook', value: `${inject('storybookUrl')}/storybook-10` } }), 200, (v) => v);
    const res = await ok(await ds(p, 'registry/storybook', { json: {} }), 200, parse);
    expect(res.documents).toEqual(['index.json', 'manifests/components.json']);
    expect(res.components).toEqual({ inserted: 3, updated: 0, unchanged: 0, deleted: 0 });
    // no docgen.json is no loss when the manifest gave the props; no code-connect.json is said
    expect(res.warnings).toEqual([{ path: 'code-connect.json', message: expect.stringContaining('no Code Connect mappings') }]);
    const byHand = await createTestProject();
    await seedSampleDesign(byHand);
    await ok(await ds(byHand, 'registry', { json: { index: sampleStorybookIndex, docgen: sampleDocgen } }), 200, (v) => v);
    const pick = (rows: Awaited<ReturnType<typeof rowsOf>>) => rows.map((r) => ({ key: r.key, props: r.props, stories: r.stories, hash: r.contentHash }));
    const rows = await rowsOf(p.id);
    expect(rows.every((r) => (r.props as unknown[]).length > 0)).toBe(true);
    expect(pick(rows)).toEqual(pick(await rowsOf(byHand.id)));
  });

  it('is a 422 without a Storybook URL, and a 400 for an unknown field', async () => {
    const p = await createTestProject();
    const e = await errorOf(await ds(p, 'registry/storybook', { json: {} }), 422, 'UNPROCESSABLE');
    expect(e.message).toContain('no Storybook URL');
    expect(await rowsOf(p.id)).toEqual([]);
    await errorOf(await ds(p, 'registry/storybook', { json: { url: 'https://x.chromatic.com' } }), 400, 'VALIDATION_FAILED');
  });
});
