// POST/GET /design-sync/operations through the Worker on the sample: design→code rewrites the registry's props and
// stores story + test scaffolds as artifacts; code→design rewrites the stored Figma definitions (content hash as
// figma-context computes it); after either, drift is empty; the same request again is a new no-op; a request on
// unchanged drift is answered from the store (`replayed`); a failing component is isolated (`partial`); ids named
// must be known (404) and confirmed (409); one audit row per sync; pages newest first.
import { schema } from '@cogo/db';
import { canonicalJson, codePropsFromDesign, designComponentsFromRows, designDefinitionsFromCode, sha256Hex, storyScaffold, testScaffold, type CodeComponent } from '@cogo/design-sync';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, testDb } from '../../../test/helpers';
import { ds } from './design-sync.test-helpers';
import { drift, errorOf, ok, operation, operationsPage, sampleSync, storedRows, sync } from './sync.test-helpers';

const service = testDb();
afterAll(() => service.close());

const ops = schema.syncOperations;
const undo = schema.undoStack;
const cmp = schema.components;
const opsOf = (projectId: string) => service.db.select().from(ops).where(eq(ops.projectId, projectId)).orderBy(asc(ops.createdAt));
const undoOf = (projectId: string) => service.db.select().from(undo).where(eq(undo.projectId, projectId));

/** The registry row as the library reads it. */
const codeOfRow = (r: { key: string; name: string; importPath: string | null; componentPath: string | null; description: string | null; props: unknown[]; stories: unknown[] }): CodeComponent => ({
  key: r.key,
  name: r.name,
  ...(r.importPath ? { importPath: r.importPath } : {}),
  ...(r.componentPath ? { componentPath: r.componentPath } : {}),
  ...(r.description ? { description: r.description } : {}),
  props: r.props as CodeComponent['props'],
  stories: r.stories as CodeComponent['stories'],
});

describe('POST /design-sync/operations design_to_code', () => {
  it('rewrites each drifted component’s props from the design, stores its scaffolds, and leaves no drift', async () => {
    const { p, mappings } = await sampleSync();
    await drift(p); // the drift cache keeps the props map each component is synced with
    const before = await storedRows(service.db, p);
    const t = crypto.randomUUID().replaceAll('-', '');
    const res = await ds(p, 'operations', { json: { direction: 'design_to_code', trace_id: t } });
    const op = await ok(res, 200, operation);
    expect(res.headers.get('x-trace-id')).toBe(t);
    expect(op).toMatchObject({ direction: 'design_to_code', status: 'succeeded', replayed: false, trace_id: t, undone_at: null });
    expect(op.id).toMatch(/^op_[0-9a-f]{32}$/);
    expect(op.counts).toEqual({ components: 3, applied: 3, unchanged: 0, failed: 0, changes: 6 });
    expect(op.results.map((r) => [r.code_component, r.status, r.changes]).sort()).toEqual([
      ['Components/Badge', 'applied', 1],
      ['Components/Button', 'applied', 4],
      ['Components/ProductCard', 'applied', 1],
    ]);

    // the stored registry rows are what the library writes from the design (rows before the sync as its input)
    const after = await storedRows(service.db, p);
    const designs = designComponentsFromRows(before.design.map((d) => ({ fileKey: d.fileKey, nodeId: d.nodeId, name: d.name, type: d.type, props: d.props })));
    for (const mapping of before.mappings) {
      const code = before.code.find((c) => c.id === mapping.codeComponentId)!;
      const design = designs.find((d) => d.nodeId === mapping.nodeId)!;
      const stored = after.code.find((c) => c.id === code.id)!;
      const expected = codePropsFromDesign(codeOfRow(code), design, (mapping.driftCache as { report: { props: Record<string, string> } }).report.props);
      expect(stored.props).toEqual(expected);
      expect(stored.contentHash).toBe((await sha256Hex(canonicalJson({ ...codeOfRow(code), props: expected }))).slice(0, 32));
      const m = after.mappings.find((x) => x.id === mapping.id)!;
      expect(m.syncedAt).not.toBeNull();
      expect(m.baseline).toMatchObject({ figmaName: design.name });

      // its story and test scaffolds, served by /artifacts
      const result = op.results.find((r) => r.mapping_id === mapping.id)!;
      const props = (mapping.driftCache as { report: { props: Record<string, string> } }).report.props;
      const synced = codeOfRow(stored);
      const files = [storyScaffold(synced, design, props), testScaffold(synced, design, props)];
      expect(result.artifacts!.map((a) => [a.kind, a.path])).toEqual(files.map((f) => ['scaffold', f.path]));
      for (const [i, a] of result.artifacts!.entries()) {
        const got = await api(a.url, { key: p.key });
        expect(got.status).toBe(200);
        expect(await got.text()).toBe(files[i]!.content);
      }
    }
    const story = await api(op.results[0]!.artifacts![0]!.url, { key: p.key });
    expect(await story.text()).toContain('export default meta;');
    // the Figma side is untouched
    expect(after.design.map((d) => d.contentHash)).toEqual(before.design.map((d) => d.contentHash));

    const now = await drift(p);
    expect(now.counts).toMatchObject({ mappings: 3, drifted: 0, items: 0 });

    // one operation row, one undo entry with a component per applied mapping, one audit row
    const [stored] = await opsOf(p.id);
    expect(stored).toMatchObject({ id: op.id, status: 'succeeded', mappingIds: Object.values(mappings).sort(), actor: op.actor, traceId: t });
    const entries = await undoOf(p.id);
    expect(entries).toHaveLength(1);
    expect((entries[0]!.entries as Array<{ mapping_id: string }>).map((e) => e.mapping_id).sort()).toEqual(Object.values(mappings).sort());
    const audit = await service.db.select().from(schema.designSyncAudit).where(and(eq(schema.designSyncAudit.projectId, p.id), eq(schema.designSyncAudit.action, 'sync.run')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ correlationId: t, subject: op.id, outcome: 'ok', counts: { components: 3, applied: 3, failed: 0, changes: 6 } });
  });

  it('again on the now empty drift is a new no-op that writes nothing; that no-op again is replayed', async () => {
    const { p, mappings } = await sampleSync();
    const ids = [mappings.button, mappings.card];
    const first = await sync(p, { direction: 'design_to_code', mapping_ids: ids });
    expect(first.status).toBe('succeeded');
    const rows = await storedRows(service.db, p);

    const second = await sync(p, { direction: 'design_to_code', mapping_ids: [...ids].reverse() });
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ status: 'noop', replayed: false, counts: { components: 2, applied: 0, unchanged: 2, failed: 0, changes: 0 } });
    const unchanged = await storedRows(service.db, p);
    expect(unchanged.code).toEqual(rows.code);
    expect(unchanged.design).toEqual(rows.design);
    expect(unchanged.mappings.map(({ driftCache: _, updatedAt: __, ...x }) => x)).toEqual(rows.mappings.map(({ driftCache: _, updatedAt: __, ...x }) => x));
    expect(await undoOf(p.id)).toHaveLength(1);

    const third = await sync(p, { direction: 'design_to_code', mapping_ids: ids });
    expect(third).toMatchObject({ id: second.id, status: 'noop', replayed: true });
    expect((await opsOf(p.id)).map((o) => o.status)).toEqual(['succeeded', 'noop']);
  });
});

describe('POST /design-sync/operations code_to_design', () => {
  it('rewrites the stored Figma definitions from the code, hashed as figma-context hashes them; drift empty after', async () => {
    const { p, mappings } = await sampleSync();
    await drift(p);
    const before = await storedRows(service.db, p);
    const op = await sync(p, { direction: 'code_to_design', mapping_ids: [mappings.button] });
    expect(op).toMatchObject({ status: 'succeeded', counts: { components: 1, applied: 1, changes: 4 } });
    expect(op.results[0]!.artifacts).toBeUndefined();

    const after = await storedRows(service.db, p);
    const mapping = before.mappings.find((m) => m.id === mappings.button)!;
    const setRow = before.design.find((d) => d.nodeId === mapping.nodeId)!;
    const design = designComponentsFromRows([{ fileKey: setRow.fileKey, nodeId: setRow.nodeId, name: setRow.name, type: setRow.type, props: setRow.props }])[0]!;
    const code = before.code.find((c) => c.id === mapping.codeComponentId)!;
    const definitions = designDefinitionsFromCode(codeOfRow(code), design, (mapping.driftCache as { report: { props: Record<string, string> } }).report.props);
    const stored = after.design.find((d) => d.id === setRow.id)!;
    expect(stored.props).toEqual({ ...setRow.props, definitions });
    expect(stored.contentHash).toBe((await sha256Hex(canonicalJson({ name: stored.name, type: stored.type, props: stored.props }))).slice(0, 32));
    // nothing else of the file, and no registry row, changed
    expect(after.design.filter((d) => d.id !== setRow.id)).toEqual(before.design.filter((d) => d.id !== setRow.id));
    expect(after.code).toEqual(before.code);

    const now = await drift(p, `?mapping_id=${mappings.button}`);
    expect(now.mappings[0]!.items).toEqual([]);
  });
});

describe('POST /design-sync/operations failures', () => {
  it('isolates a component whose Figma component is gone: the others apply, the operation is partial', async () => {
    const { p, fileKey, nodes, mappings } = await sampleSync();
    await drift(p);
    await service.db.delete(cmp).where(and(eq(cmp.projectId, p.id), eq(cmp.fileKey, fileKey), eq(cmp.nodeId, nodes.Badge!)));
    const before = await storedRows(service.db, p);
    const op = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.button, mappings.badge, mappings.card] });
    expect(op.status).toBe('partial');
    const badge = op.results.find((r) => r.mapping_id === mappings.badge)!;
    expect(badge).toMatchObject({ status: 'failed', changes: 0, error: { code: 'DESIGN_REMOVED' } });
    expect(badge.error!.message).toContain('no longer stored');
    expect(badge.artifacts).toBeUndefined();
    expect(op.results.filter((r) => r.status === 'applied').map((r) => r.mapping_id).sort()).toEqual([mappings.button, mappings.card].sort());
    expect(op.counts).toMatchObject({ components: 3, applied: 2, failed: 1 });

    const after = await storedRows(service.db, p);
    const badgeCode = before.mappings.find((m) => m.id === mappings.badge)!.codeComponentId;
    expect(after.code.find((c) => c.id === badgeCode)).toEqual(before.code.find((c) => c.id === badgeCode));
    expect(after.code.filter((c) => c.id !== badgeCode).every((c, i) => c.contentHash !== before.code.filter((x) => x.id !== badgeCode)[i]!.contentHash)).toBe(true);
    const [entry] = await undoOf(p.id);
    expect((entry!.entries as Array<{ mapping_id: string }>).map((e) => e.mapping_id).sort()).toEqual([mappings.button, mappings.card].sort());
  });

  it('answers the stored operation for the same request on unchanged drift (replayed), and stores it once', async () => {
    const { p, fileKey, nodes, mappings } = await sampleSync();
    await service.db.delete(cmp).where(and(eq(cmp.projectId, p.id), eq(cmp.fileKey, fileKey), eq(cmp.nodeId, nodes.Badge!)));
    const first = await sync(p, { direction: 'code_to_design', mapping_ids: [mappings.badge] });
    expect(first).toMatchObject({ status: 'failed', replayed: false, counts: { components: 1, applied: 0, failed: 1 } });
    const second = await sync(p, { direction: 'code_to_design', mapping_ids: [mappings.badge] });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await opsOf(p.id)).toHaveLength(1);
    expect(await undoOf(p.id)).toHaveLength(0);
    // the other direction is another operation
    const other = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.badge] });
    expect(other.id).not.toBe(first.id);
    const audit = await service.db.select().from(schema.designSyncAudit).where(and(eq(schema.designSyncAudit.projectId, p.id), eq(schema.designSyncAudit.action, 'sync.run')));
    expect(audit.map((a) => a.counts.replayed ?? 0).sort()).toEqual([0, 0, 1]);
  });

  it('is a 404 for an unknown mapping, a 409 for one not confirmed, a 400 for a bad body — and writes nothing', async () => {
    const { p, mappings } = await sampleSync();
    const unknown = crypto.randomUUID();
    const e404 = await errorOf(await ds(p, 'operations', { json: { direction: 'design_to_code', mapping_ids: [mappings.button, unknown] } }), 404, 'NOT_FOUND');
    expect(e404.details).toMatchObject({ mapping_ids: [unknown] });

    const rejected = await ds(p, `mappings/${mappings.card}`, { method: 'PATCH', json: { status: 'rejected' } });
    expect(rejected.status).toBe(200);
    const e409 = await errorOf(await ds(p, 'operations', { json: { direction: 'design_to_code', mapping_ids: [mappings.card] } }), 409, 'CONFLICT');
    expect(e409.details).toMatchObject({ mappings: [{ id: mappings.card, status: 'rejected' }] });

    await errorOf(await ds(p, 'operations', { json: { direction: 'sideways' } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'operations', { json: { direction: 'design_to_code', mapping_ids: [] } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'operations', { json: { direction: 'design_to_code', mapping_ids: ['x'] } }), 400, 'VALIDATION_FAILED');
    expect(await opsOf(p.id)).toHaveLength(0);
    const audit = await service.db.select().from(schema.designSyncAudit).where(and(eq(schema.designSyncAudit.projectId, p.id), eq(schema.designSyncAudit.action, 'sync.run')));
    expect(audit.map((a) => a.outcome)).toEqual(['refused', 'refused']);
  });
});

describe('GET /design-sync/operations', () => {
  it('pages newest first, answers one by id, 404 for an unknown or another project’s, 400 for a forged cursor', async () => {
    const { p, mappings } = await sampleSync();
    const a = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.button] });
    const b = await sync(p, { direction: 'code_to_design', mapping_ids: [mappings.card] });
    const c = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.badge] });

    const first = await ok(await ds(p, 'operations?limit=2'), 200, operationsPage);
    expect(first.items.map((o) => o.id)).toEqual([c.id, b.id]);
    const second = await ok(await ds(p, `operations?limit=2&cursor=${first.nextCursor}`), 200, operationsPage);
    expect(second.items.map((o) => o.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();

    expect(await ok(await ds(p, `operations/${b.id}`), 200, operation)).toEqual(b);
    await errorOf(await ds(p, `operations/op_${'0'.repeat(32)}`), 404, 'NOT_FOUND');
    await errorOf(await ds(p, 'operations/nope'), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'operations?cursor=Zm9yZ2Vk'), 400, 'VALIDATION_FAILED');
    const forged = btoa(JSON.stringify([new Date().toISOString(), crypto.randomUUID()])).replaceAll('=', '');
    await errorOf(await ds(p, `operations?cursor=${forged}`), 400, 'VALIDATION_FAILED');

    const other = await createTestProject();
    await errorOf(await ds(other, `operations/${a.id}`), 404, 'NOT_FOUND');
    expect((await ok(await ds(other, 'operations'), 200, operationsPage)).items).toEqual([]);
  });
});
