// POST/GET /design-sync/registry through the Worker: the sample Storybook build (index, docgen, Code Connect) is
// stored one row per title with its canonical hash, Code Connect confirmed against the stored Figma set with its
// baseline; the same input again changes nothing, a changed component is updated, prune deletes what the input no
// longer names (with its mappings); a Code Connect node that is not stored is a warning; hostile input (NUL, a
// `__proto__` key, 10k-deep nesting, an unknown index version) is a 400 and writes nothing; keyset pages.
import { schema } from '@cogo/db';
import { canonicalJson, parseRegistry, sha256Hex } from '@cogo/design-sync';
import { SAMPLE_FIGMA_FILE_KEY, SAMPLE_FIGMA_NODES, sampleCodeConnect, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';
import { CodeComponentSchema, ErrorEnvelopeSchema, RegistryIngestResponseSchema, pageOf } from '@cogo/types';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, testDb, type TestProject } from '../../../test/helpers';
import { ds, seedSampleDesign } from './design-sync.test-helpers';

const service = testDb();
afterAll(() => service.close());

const trace = () => crypto.randomUUID().replaceAll('-', '');
const sample = { index: sampleStorybookIndex, docgen: sampleDocgen, code_connect: sampleCodeConnect };

async function ingest(p: TestProject, body: Record<string, unknown>) {
  const res = await ds(p, 'registry', { json: body });
  expect(res.status, await res.clone().text()).toBe(200);
  return RegistryIngestResponseSchema.parse(await res.json());
}

async function errorOf(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const { error } = ErrorEnvelopeSchema.parse(await res.json());
  expect(error.code).toBe(code);
  return error;
}

const rowsOf = (p: TestProject) => service.db.select().from(schema.codeComponents).where(eq(schema.codeComponents.projectId, p.id)).orderBy(asc(schema.codeComponents.key));
const mappingsOf = (p: TestProject) => service.db.select().from(schema.componentMappings).where(eq(schema.componentMappings.projectId, p.id));
const auditOf = (p: TestProject) => service.db.select().from(schema.designSyncAudit).where(eq(schema.designSyncAudit.projectId, p.id)).orderBy(asc(schema.designSyncAudit.createdAt));
const hashOf = async (c: unknown) => (await sha256Hex(canonicalJson(c))).slice(0, 32);

describe('POST /design-sync/registry', () => {
  it('stores the sample build: a row per title with its canonical hash, Code Connect confirmed with its baseline, an audit row', async () => {
    const p = await createTestProject();
    const { fileKey, nodes } = await seedSampleDesign(p);
    // the package's copy of the fake's ids still agrees with the fake
    expect(fileKey).toBe(SAMPLE_FIGMA_FILE_KEY);
    expect(nodes.Button).toBe(SAMPLE_FIGMA_NODES.button);
    const t = trace();
    const res = await ds(p, 'registry', { json: { ...sample, trace_id: t } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-trace-id')).toBe(t);
    const body = RegistryIngestResponseSchema.parse(await res.json());
    expect(body).toEqual({
      components: { inserted: 3, updated: 0, unchanged: 0, deleted: 0 },
      stories: 6, // Button 4, Badge 1, ProductCard 1 (its docs entry is no story)
      mappings: { inserted: 1, updated: 0, unchanged: 0, deleted: 0 },
      warnings: [],
      trace_id: t,
    });

    const parsed = parseRegistry({ index: sampleStorybookIndex, docgen: sampleDocgen, codeConnect: sampleCodeConnect });
    const rows = await rowsOf(p);
    expect(rows.map((r) => r.key)).toEqual(['Components/Badge', 'Components/Button', 'Components/ProductCard']);
    for (const [i, c] of parsed.components.entries()) {
      const row = rows[i]!;
      expect({ key: row.key, name: row.name, props: row.props, stories: row.stories }).toEqual({ key: c.key, name: c.name, props: c.props, stories: c.stories });
      expect(row.importPath).toBe(c.importPath ?? null);
      expect(row.componentPath).toBe(c.componentPath ?? null);
      expect(row.contentHash).toBe(await hashOf(c));
      expect(row.contentHash).toMatch(/^[0-9a-f]{32}$/);
    }
    expect((rows[1]!.props as Array<{ name: string }>).map((x) => x.name)).toEqual(['className', 'disabled', 'label', 'onClick', 'size', 'variant']);

    const [mapping, ...more] = await mappingsOf(p);
    expect(more).toEqual([]);
    expect(mapping).toMatchObject({ codeComponentId: rows[1]!.id, fileKey, nodeId: SAMPLE_FIGMA_NODES.button, status: 'confirmed', source: 'code_connect', confidence: null, syncedAt: null });
    expect(mapping!.props).toMatchObject({ Variant: 'variant', Size: 'size', Label: 'label' });
    expect(mapping!.baseline).toEqual({ figmaName: 'Button', tokenValues: expect.any(Object) });

    const audit = await auditOf(p);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'registry.ingest', correlationId: t, actor: expect.stringMatching(/^key:/), outcome: 'ok' });
    expect(audit[0]!.counts).toMatchObject({ components_inserted: 3, mappings_inserted: 1, stories: 6, warnings: 0 });
  });

  it('changes nothing on a re-ingest of the same input, and updates only a component whose props changed', async () => {
    const p = await createTestProject();
    await seedSampleDesign(p);
    await ingest(p, sample);
    const [rowsBefore, mappingsBefore] = await Promise.all([rowsOf(p), mappingsOf(p)]);

    const again = await ingest(p, sample);
    expect(again.components).toEqual({ inserted: 0, updated: 0, unchanged: 3, deleted: 0 });
    expect(again.mappings).toEqual({ inserted: 0, updated: 0, unchanged: 1, deleted: 0 });
    expect(await rowsOf(p)).toEqual(rowsBefore);
    expect(await mappingsOf(p)).toEqual(mappingsBefore);

    const [button, ...others] = sampleDocgen;
    const loading = { ...button!.props.className, name: 'loading', description: 'Shows a spinner.', type: { name: 'boolean' } };
    const changed = [{ ...button!, props: { ...button!.props, loading } }, ...others];
    const res = await ingest(p, { ...sample, docgen: changed });
    expect(res.components).toEqual({ inserted: 0, updated: 1, unchanged: 2, deleted: 0 });
    expect(res.mappings).toEqual({ inserted: 0, updated: 0, unchanged: 1, deleted: 0 });
    const after = await rowsOf(p);
    const expected = parseRegistry({ index: sampleStorybookIndex, docgen: changed }).components.find((c) => c.key === 'Components/Button')!;
    expect(after[1]!.props).toEqual(expected.props);
    expect((after[1]!.props as Array<{ name: string; kind: string }>).find((x) => x.name === 'loading')).toMatchObject({ kind: 'boolean' });
    expect(after[1]!.contentHash).toBe(await hashOf(expected));
    expect(after[1]!.contentHash).not.toBe(rowsBefore[1]!.contentHash);
    expect([after[0], after[2]]).toEqual([rowsBefore[0], rowsBefore[2]]);
    // the confirmed mapping keeps the baseline of its confirmation
    expect((await mappingsOf(p))[0]!.baseline).toEqual(mappingsBefore[0]!.baseline);
  });

  it('keeps the stored props when an ingest brings no props document (the index alone, as the nightly run reads it)', async () => {
    const p = await createTestProject();
    await ingest(p, sample);
    const before = await rowsOf(p);
    const indexOnly = await ingest(p, { index: sampleStorybookIndex });
    expect(indexOnly.components).toEqual({ inserted: 0, updated: 0, unchanged: 3, deleted: 0 });
    expect(await rowsOf(p)).toEqual(before);
    // a new story still lands, with the props kept
    const entries = { ...sampleStorybookIndex.entries, 'components-badge--large': { ...sampleStorybookIndex.entries['components-badge--default'], id: 'components-badge--large', name: 'Large' } };
    const res = await ingest(p, { index: { v: 5, entries } });
    expect(res.components).toEqual({ inserted: 0, updated: 1, unchanged: 2, deleted: 0 });
    const badge = (await rowsOf(p)).find((r) => r.key === 'Components/Badge')!;
    expect(badge.props).toEqual(before.find((r) => r.key === 'Components/Badge')!.props);
    expect((badge.stories as Array<{ id: string }>).map((s) => s.id)).toContain('components-badge--large');
  });

  it('keeps components the input no longer names, unless prune: then they go with their mappings', async () => {
    const p = await createTestProject();
    await seedSampleDesign(p);
    await ingest(p, sample);
    const withoutButton = { v: 5, entries: Object.fromEntries(Object.entries(sampleStorybookIndex.entries).filter(([, e]) => e.title !== 'Components/Button')) };

    const kept = await ingest(p, { index: withoutButton, docgen: sampleDocgen });
    expect(kept.components).toEqual({ inserted: 0, updated: 0, unchanged: 2, deleted: 0 });
    expect((await rowsOf(p)).map((r) => r.key)).toEqual(['Components/Badge', 'Components/Button', 'Components/ProductCard']);

    // Code Connect alone names no component: pruning on it would empty the registry
    await errorOf(await ds(p, 'registry', { json: { code_connect: sampleCodeConnect, prune: true } }), 400, 'VALIDATION_FAILED');
    expect(await rowsOf(p)).toHaveLength(3);

    const pruned = await ingest(p, { index: withoutButton, docgen: sampleDocgen, prune: true });
    expect(pruned.components).toEqual({ inserted: 0, updated: 0, unchanged: 2, deleted: 1 });
    expect(pruned.mappings).toEqual({ inserted: 0, updated: 0, unchanged: 0, deleted: 1 });
    expect((await rowsOf(p)).map((r) => r.key)).toEqual(['Components/Badge', 'Components/ProductCard']);
    expect(await mappingsOf(p)).toEqual([]);
  });

  it('skips, with a warning, a Code Connect mapping whose Figma node is not stored or whose component is unknown', async () => {
    const p = await createTestProject();
    const strange = { ...sampleCodeConnect[0]!, component: 'NoSuchComponent' };
    const body = await ingest(p, { ...sample, code_connect: [...sampleCodeConnect, strange] });
    expect(body.components.inserted).toBe(3);
    expect(body.mappings).toEqual({ inserted: 0, updated: 0, unchanged: 0, deleted: 0 });
    expect(body.warnings).toHaveLength(2);
    expect(body.warnings.every((w) => w.path === 'code_connect')).toBe(true);
    expect(body.warnings.some((w) => w.message.includes('NoSuchComponent'))).toBe(true);
    expect(body.warnings.some((w) => w.message.includes(`node ${SAMPLE_FIGMA_NODES.button} of file ${SAMPLE_FIGMA_FILE_KEY}`))).toBe(true);
    expect(await mappingsOf(p)).toEqual([]);
  });

  it('refuses hostile or unreadable input with a 400 naming the place, and writes nothing', async () => {
    const p = await createTestProject();
    await seedSampleDesign(p);
    const [firstId, first] = Object.entries(sampleStorybookIndex.entries)[0]!;

    const nul = { v: 5, entries: { ...sampleStorybookIndex.entries, [firstId]: { ...first, title: 'Compo\u0000nents/Badge' } } };
    const nulError = await errorOf(await ds(p, 'registry', { json: { ...sample, index: nul } }), 400, 'VALIDATION_FAILED');
    expect(nulError.message).toContain('U+0000');
    expect(JSON.stringify(nulError.details)).toContain(`json.index.entries.${firstId}.title`);

    const nulKey = await errorOf(await ds(p, 'registry', { json: { ...sample, code_connect: [{ ...sampleCodeConnect[0]!, component: 'But\u0000ton' }] } }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(nulKey.details)).toContain('json.code_connect.0.component');

    const protoText = JSON.stringify({ ...sample, index: { v: 5, entries: { ...sampleStorybookIndex.entries } } }).replace('"entries":{', '"entries":{"__proto__":{"id":"x--y","title":"Polluted","name":"Y","type":"story","tags":[]},');
    const proto = await errorOf(await api('/design-sync/registry', { method: 'POST', key: p.key, headers: { 'content-type': 'application/json' }, body: protoText }), 400, 'VALIDATION_FAILED');
    expect(proto.details).toMatchObject({ issues: [{ path: 'json.index.entries.__proto__' }] });

    const deep = `{"index":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    await errorOf(await api('/design-sync/registry', { method: 'POST', key: p.key, headers: { 'content-type': 'application/json' }, body: deep }), 400, 'BAD_REQUEST');

    const version = await errorOf(await ds(p, 'registry', { json: { ...sample, index: { v: 3, entries: {} } } }), 400, 'VALIDATION_FAILED');
    expect(version.details).toMatchObject({ issues: [{ path: 'json.index.v' }] });

    const cc = await errorOf(await ds(p, 'registry', { json: { ...sample, code_connect: { nothing: true } } }), 400, 'VALIDATION_FAILED');
    expect(cc.details).toMatchObject({ issues: [{ path: 'json.code_connect' }] });

    await errorOf(await ds(p, 'registry', { json: { prune: true } }), 400, 'VALIDATION_FAILED');

    expect(await rowsOf(p)).toEqual([]);
    expect(await mappingsOf(p)).toEqual([]);
    // the refusals that reached the service are audited as such; none reached a write
    expect((await auditOf(p)).map((a) => [a.action, a.outcome])).toEqual([
      ['registry.ingest', 'refused'],
      ['registry.ingest', 'refused'],
      ['registry.ingest', 'refused'],
    ]);
  });
});

describe('GET /design-sync/registry', () => {
  it('pages the registry oldest first with the contract view; a forged cursor is a 400; other projects see nothing', async () => {
    const [p, other] = await Promise.all([createTestProject(), createTestProject()]);
    await ingest(p, { index: sampleStorybookIndex, docgen: sampleDocgen });
    const page = pageOf(CodeComponentSchema);
    const first = await ds(p, 'registry?limit=2');
    expect(first.status).toBe(200);
    const one = page.parse(await first.json());
    expect(one.items).toHaveLength(2);
    expect(one.nextCursor).toEqual(expect.any(String));
    const two = page.parse(await (await ds(p, `registry?limit=2&cursor=${one.nextCursor}`)).json());
    expect(two.nextCursor).toBeNull();
    const items = [...one.items, ...two.items];
    const rows = await rowsOf(p);
    expect(items.map((i) => i.key).sort()).toEqual(rows.map((r) => r.key));
    const button = items.find((i) => i.key === 'Components/Button')!;
    const row = rows.find((r) => r.key === 'Components/Button')!;
    expect(button).toEqual({
      id: row.id,
      key: row.key,
      name: 'Button',
      import_path: row.importPath,
      component_path: row.componentPath,
      description: row.description,
      props: row.props,
      stories: row.stories,
      content_hash: row.contentHash,
      updated_at: row.updatedAt.toISOString(),
    });

    await errorOf(await ds(p, 'registry?cursor=bm90LWEtY3Vyc29y'), 400, 'VALIDATION_FAILED');
    const theirs = page.parse(await (await ds(other, 'registry')).json());
    expect(theirs).toEqual({ items: [], nextCursor: null });
  });
});
