// Mappings through the Worker, on the fake's sample file applied by figma-context and the sample Storybook build:
// an explicit mapping (by key or id) is confirmed with its props map and baseline, 404 naming the unknown side;
// filters, pages and `figma.name` null once the stored component is gone; confirm records the baseline, reject
// stores `rejected`; suggestions pair Button and Product Card as the package does and never offer a rejected pair
// again; confirmed mappings export as Code Connect files naming the node's URL.
import { schema } from '@cogo/db';
import { codeConnectFile, designComponentsFromRows, parseRegistry, suggestMappings } from '@cogo/design-sync';
import { SAMPLE_FIGMA_FILE_KEY, SAMPLE_FIGMA_NODES, sampleCodeConnect, sampleDesignRows, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';
import { CodeConnectExportSchema, ComponentMappingSchema, ErrorEnvelopeSchema, SuggestMappingsResponseSchema, pageOf } from '@cogo/types';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestProject, testDb, type TestProject } from '../../../test/helpers';
import { ds, seedSampleDesign } from './design-sync.test-helpers';

const service = testDb();
afterAll(() => service.close());

const F = SAMPLE_FIGMA_FILE_KEY;
const N = SAMPLE_FIGMA_NODES;
const registry = parseRegistry({ index: sampleStorybookIndex, docgen: sampleDocgen });
const designs = designComponentsFromRows(sampleDesignRows);

async function ok<T>(res: Response, status: number, parse: (v: unknown) => T): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return parse(await res.json());
}

async function errorOf(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const { error } = ErrorEnvelopeSchema.parse(await res.json());
  expect(error.code).toBe(code);
  return error;
}

const mapping = (v: unknown) => ComponentMappingSchema.parse(v);
const page = (v: unknown) => pageOf(ComponentMappingSchema).parse(v);
const m = schema.componentMappings;
const mappingsOf = (p: TestProject) => service.db.select().from(m).where(eq(m.projectId, p.id)).orderBy(asc(m.createdAt));
const auditOf = (p: TestProject) => service.db.select().from(schema.designSyncAudit).where(eq(schema.designSyncAudit.projectId, p.id)).orderBy(asc(schema.designSyncAudit.createdAt));

/** A project with the sample file stored and the sample build ingested (Code Connect only when asked). */
async function sampleProject(codeConnect = false) {
  const p = await createTestProject();
  await seedSampleDesign(p);
  const res = await ds(p, 'registry', { json: { index: sampleStorybookIndex, docgen: sampleDocgen, ...(codeConnect ? { code_connect: sampleCodeConnect } : {}) } });
  expect(res.status).toBe(200);
  return p;
}

describe('POST /design-sync/mappings', () => {
  it('confirms an explicit mapping with its props map and baseline; by id too; again keeps the baseline', async () => {
    const p = await sampleProject();
    const t = crypto.randomUUID().replaceAll('-', '');
    const res = await ds(p, 'mappings', { json: { code_component: 'Components/ProductCard', file_key: F, node_id: N.productCard, trace_id: t } });
    const body = await ok(res, 201, mapping);
    expect(res.headers.get('x-trace-id')).toBe(t);
    expect(body).toMatchObject({
      code_component: { key: 'Components/ProductCard', name: 'ProductCard' },
      figma: { file_key: F, node_id: N.productCard, name: 'Product Card' },
      status: 'confirmed',
      source: 'explicit',
      confidence: null,
      props: { Title: 'title', Price: 'price', 'Show badge': 'showBadge' },
      synced_at: null,
    });
    const [row] = await mappingsOf(p);
    expect(row).toMatchObject({ id: body.id, status: 'confirmed', source: 'explicit', props: body.props, baseline: { figmaName: 'Product Card', tokenValues: expect.any(Object) } });
    const [audit] = await auditOf(p).then((a) => a.filter((x) => x.action === 'mapping.create'));
    expect(audit).toMatchObject({ correlationId: t, subject: body.id, outcome: 'ok', counts: { inserted: 1, updated: 0, props: 3 } });

    // by id, with a pair given: the given pair wins, the rest is matched by name; the baseline is the first one's
    await service.db.update(m).set({ baseline: { figmaName: 'Old name', tokenValues: {} } }).where(eq(m.id, body.id));
    const again = await ok(await ds(p, 'mappings', { json: { code_component: body.code_component.id, file_key: F, node_id: N.productCard, props: { Title: 'price' } } }), 201, mapping);
    expect(again.id).toBe(body.id);
    expect(again.props.Title).toBe('price');
    expect(again.props['Show badge']).toBe('showBadge');
    expect((await mappingsOf(p))[0]!.baseline).toEqual({ figmaName: 'Old name', tokenValues: {} });
  });

  it('is a 404 naming the side that is not there, and writes nothing', async () => {
    const p = await sampleProject();
    const code = await errorOf(await ds(p, 'mappings', { json: { code_component: 'Components/Nope', file_key: F, node_id: N.button } }), 404, 'NOT_FOUND');
    expect(code.message).toContain('Components/Nope');
    const node = await errorOf(await ds(p, 'mappings', { json: { code_component: 'Components/Button', file_key: F, node_id: '99:99' } }), 404, 'NOT_FOUND');
    expect(node.message).toContain('99:99');
    const file = await errorOf(await ds(p, 'mappings', { json: { code_component: 'Components/Button', file_key: 'OtherFile123', node_id: N.button } }), 404, 'NOT_FOUND');
    expect(file.message).toContain('OtherFile123');
    // a variant is mapped through its set
    const variant = await errorOf(await ds(p, 'mappings', { json: { code_component: 'Components/Button', file_key: F, node_id: '10:6' } }), 404, 'NOT_FOUND');
    expect(variant.message).toContain(N.button);
    await errorOf(await ds(p, 'mappings', { json: { code_component: 'Components/Button', file_key: 'bad key!', node_id: N.button } }), 400, 'VALIDATION_FAILED');
    expect(await mappingsOf(p)).toEqual([]);
  });
});

describe('GET and PATCH /design-sync/mappings', () => {
  it('filters by status and file, pages, and shows figma.name null once the stored component is gone', async () => {
    const p = await sampleProject(true);
    await ok(await ds(p, 'mappings', { json: { code_component: 'Components/ProductCard', file_key: F, node_id: N.productCard } }), 201, mapping);
    await ok(await ds(p, 'mappings', { json: { code_component: 'Components/Badge', file_key: F, node_id: N.badge } }), 201, mapping);

    const all = await ok(await ds(p, 'mappings'), 200, page);
    expect(all.items.map((i) => [i.code_component.key, i.figma.name, i.source])).toEqual([
      ['Components/Button', 'Button', 'code_connect'],
      ['Components/ProductCard', 'Product Card', 'explicit'],
      ['Components/Badge', 'Badge', 'explicit'],
    ]);
    const first = await ok(await ds(p, 'mappings?limit=2'), 200, page);
    const rest = await ok(await ds(p, `mappings?limit=2&cursor=${first.nextCursor}`), 200, page);
    expect([...first.items, ...rest.items]).toEqual(all.items);
    expect(rest.nextCursor).toBeNull();
    expect((await ok(await ds(p, 'mappings?status=suggested'), 200, page)).items).toEqual([]);
    expect((await ok(await ds(p, `mappings?status=confirmed&file_key=${F}`), 200, page)).items).toHaveLength(3);
    expect((await ok(await ds(p, 'mappings?file_key=OtherFile123'), 200, page)).items).toEqual([]);
    await errorOf(await ds(p, 'mappings?status=maybe'), 400, 'VALIDATION_FAILED');

    await service.db.delete(schema.components).where(and(eq(schema.components.projectId, p.id), eq(schema.components.nodeId, N.badge)));
    const after = await ok(await ds(p, 'mappings'), 200, page);
    expect(after.items.map((i) => i.figma.name)).toEqual(['Button', 'Product Card', null]);
  });

  it('confirm records the baseline, reject stores rejected; unknown ids and a Figma side gone are 404s', async () => {
    const p = await sampleProject();
    const { suggested } = await ok(await ds(p, 'mappings/suggest', { json: {} }), 200, (v) => SuggestMappingsResponseSchema.parse(v));
    const button = suggested.find((s) => s.code_component.key === 'Components/Button')!;
    const card = suggested.find((s) => s.code_component.key === 'Components/ProductCard')!;
    expect((await mappingsOf(p)).find((r) => r.id === button.id)!.baseline).toBeNull();

    const confirmed = await ok(await ds(p, `mappings/${button.id}`, { method: 'PATCH', json: { status: 'confirmed' } }), 200, mapping);
    expect(confirmed).toMatchObject({ id: button.id, status: 'confirmed', source: 'suggested', props: button.props, figma: { name: 'Button' } });
    const stored = (await mappingsOf(p)).find((r) => r.id === button.id)!;
    expect(stored).toMatchObject({ status: 'confirmed', baseline: { figmaName: 'Button', tokenValues: expect.any(Object) } });

    const rejected = await ok(await ds(p, `mappings/${card.id}`, { method: 'PATCH', json: { status: 'rejected' } }), 200, mapping);
    expect(rejected.status).toBe('rejected');
    expect((await mappingsOf(p)).find((r) => r.id === card.id)).toMatchObject({ status: 'rejected', baseline: null });
    expect((await auditOf(p)).map((a) => [a.action, a.subject, a.outcome]).slice(-2)).toEqual([
      ['mapping.confirm', button.id, 'ok'],
      ['mapping.reject', card.id, 'ok'],
    ]);

    await errorOf(await ds(p, `mappings/${crypto.randomUUID()}`, { method: 'PATCH', json: { status: 'confirmed' } }), 404, 'NOT_FOUND');
    await errorOf(await ds(p, 'mappings/not-a-uuid', { method: 'PATCH', json: { status: 'confirmed' } }), 400, 'VALIDATION_FAILED');
    await service.db.delete(schema.components).where(and(eq(schema.components.projectId, p.id), eq(schema.components.nodeId, N.productCard)));
    const gone = await errorOf(await ds(p, `mappings/${card.id}`, { method: 'PATCH', json: { status: 'confirmed' } }), 404, 'NOT_FOUND');
    expect(gone.message).toContain(N.productCard);
    expect((await mappingsOf(p)).find((r) => r.id === card.id)!.status).toBe('rejected');
  });
});

describe('POST /design-sync/mappings/suggest', () => {
  it('suggests Button and Product Card as the package does, stores them, and never offers a rejected pair again', async () => {
    const p = await sampleProject();
    const expected = suggestMappings(registry.components, designs, { minConfidence: 0.6 });
    const res = await ok(await ds(p, 'mappings/suggest', { json: {} }), 200, (v) => SuggestMappingsResponseSchema.parse(v));
    expect(res.suggested.map((s) => ({ component: s.code_component.key, fileKey: s.figma.file_key, nodeId: s.figma.node_id, confidence: s.confidence, props: s.props }))).toEqual(
      expected.map((e) => ({ component: e.component, fileKey: e.fileKey, nodeId: e.nodeId, confidence: expect.closeTo(e.confidence, 5), props: e.props })),
    );
    const button = res.suggested.find((s) => s.code_component.key === 'Components/Button')!;
    const card = res.suggested.find((s) => s.code_component.key === 'Components/ProductCard')!;
    expect(button).toMatchObject({ figma: { node_id: N.button, name: 'Button' }, status: 'suggested', source: 'suggested' });
    expect(card).toMatchObject({ figma: { node_id: N.productCard, name: 'Product Card' }, status: 'suggested', source: 'suggested' });
    expect(button.confidence).toBeGreaterThanOrEqual(0.6);
    expect(card.confidence).toBeGreaterThanOrEqual(0.6);
    expect(res.counts).toEqual({ code_components: 3, figma_components: 4, suggested: expected.length, already_mapped: 0, rejected: 0 });
    const rows = await mappingsOf(p);
    expect(rows.map((r) => [r.id, r.status, r.source, r.confidence]).sort()).toEqual(res.suggested.map((s) => [s.id, 'suggested', 'suggested', expect.closeTo(s.confidence!, 5)]).sort());

    await ok(await ds(p, `mappings/${button.id}`, { method: 'PATCH', json: { status: 'rejected' } }), 200, mapping);
    const again = await ok(await ds(p, 'mappings/suggest', { json: {} }), 200, (v) => SuggestMappingsResponseSchema.parse(v));
    expect(again.suggested.find((s) => s.code_component.key === 'Components/Button')).toBeUndefined();
    expect(again.counts).toMatchObject({ code_components: 3 - (expected.length - 1), rejected: 1, already_mapped: expected.length - 1 });
    expect((await mappingsOf(p)).find((r) => r.id === button.id)!.status).toBe('rejected');
    expect((await auditOf(p)).filter((a) => a.action === 'mapping.suggest').map((a) => a.counts.suggested)).toEqual([expected.length, again.suggested.length]);
  });
});

describe('GET /design-sync/mappings/code-connect', () => {
  it('exports a Code Connect file per confirmed mapping, naming the node by its URL', async () => {
    const p = await sampleProject(true);
    const card = await ok(await ds(p, 'mappings', { json: { code_component: 'Components/ProductCard', file_key: F, node_id: N.productCard } }), 201, mapping);
    const out = await ok(await ds(p, 'mappings/code-connect'), 200, (v) => CodeConnectExportSchema.parse(v));
    const all = await ok(await ds(p, 'mappings'), 200, page);
    const button = all.items.find((i) => i.code_component.key === 'Components/Button')!;
    const expectedFile = (key: string, nodeId: string, props: Record<string, string>) =>
      codeConnectFile(registry.components.find((c) => c.key === key)!, designs.find((d) => d.nodeId === nodeId)!, props, `https://www.figma.com/design/${F}/?node-id=${nodeId.replace(':', '-')}`);
    expect(out.files).toEqual([
      { ...expectedFile('Components/Button', N.button, button.props), mapping_id: button.id },
      { ...expectedFile('Components/ProductCard', N.productCard, card.props), mapping_id: card.id },
    ]);
    expect(out.files[0]!.content).toContain(`node-id=${N.button.replace(':', '-')}`);
    expect((await ok(await ds(p, 'mappings/code-connect?status=suggested'), 200, (v) => CodeConnectExportSchema.parse(v))).files).toEqual([]);
    await errorOf(await ds(p, 'mappings/code-connect?status=rejected'), 400, 'VALIDATION_FAILED');
  });
});
