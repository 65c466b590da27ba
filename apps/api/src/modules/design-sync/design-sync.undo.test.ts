// POST /design-sync/undo through the Worker on the sample: an undo restores the exact state before the operation
// (hash and stored rows field by field, both directions) and marks it undone; refusals are 409 with their reason —
// already_undone, later_operation, changed_since, expired (past 24 h), not_undoable (no-op, failed, evicted from the
// 50-deep stack); an unknown or other project's operation is a 404. Each undo writes one audit row.
import { schema } from '@cogo/db';
import { DESIGN_SYNC_LIMITS, UndoResponseSchema } from '@cogo/types';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestProject, testDb, type TestProject } from '../../../test/helpers';
import { ds } from './design-sync.test-helpers';
import { drift, errorOf, ok, reingest, sampleSync, storedRows, sync } from './sync.test-helpers';

const service = testDb();
afterAll(() => service.close());

const ops = schema.syncOperations;
const undo = schema.undoStack;
const cmp = schema.components;

const undoBody = (v: unknown) => UndoResponseSchema.parse(v);
const undoOf = (p: TestProject, json: Record<string, unknown> = {}) => ds(p, 'undo', { json });

/** Asserts a 409 refusal with `reason`. */
async function refused(res: Response, reason: string) {
  const e = await errorOf(res, 409, 'CONFLICT');
  expect(e.details).toMatchObject({ reason });
  return e;
}

/** What the state of a sync is made of, without what a write or a drift request stamps. */
async function stateRows(p: TestProject) {
  const rows = await storedRows(service.db, p);
  return {
    mappings: rows.mappings.map(({ driftCache: _, updatedAt: __, ...m }) => m),
    code: rows.code.map(({ updatedAt: _, ...c }) => c),
    design: rows.design.map(({ updatedAt: _, ...d }) => d),
  };
}

describe('POST /design-sync/undo', () => {
  it('restores the exact state before a design→code sync, field by field, and marks it undone', async () => {
    const { p } = await sampleSync();
    const driftBefore = await drift(p);
    const before = await stateRows(p);
    const op = await sync(p, { direction: 'design_to_code' });
    expect(op.status).toBe('succeeded');
    expect(await stateRows(p)).not.toEqual(before);

    const t = crypto.randomUUID().replaceAll('-', '');
    const res = await undoOf(p, { operation_id: op.id, trace_id: t });
    const body = await ok(res, 200, undoBody);
    expect(res.headers.get('x-trace-id')).toBe(t);
    expect(body).toMatchObject({ operation_id: op.id, restored: 3, trace_id: t });
    expect(body.restored_hash).toBe(body.pre_hash);
    expect(await stateRows(p)).toEqual(before);

    const [entry] = await service.db.select().from(undo).where(eq(undo.projectId, p.id));
    expect(entry!.preHash).toBe(body.pre_hash);
    expect(entry!.undoneAt).not.toBeNull();
    const [stored] = await service.db.select().from(ops).where(eq(ops.id, op.id));
    expect(stored).toMatchObject({ status: 'undone' });
    expect(stored!.undoneAt).not.toBeNull();
    const shown = await ok(await ds(p, `operations/${op.id}`), 200, (v) => v as { status: string; undone_at: string | null });
    expect(shown.status).toBe('undone');
    expect(shown.undone_at).not.toBeNull();

    // the drift is back as it was; the same sync again runs anew (it is no replay of the undone one)
    const driftAfter = await drift(p);
    expect(driftAfter.mappings.map((m) => [m.mapping_id, m.diff_hash])).toEqual(driftBefore.mappings.map((m) => [m.mapping_id, m.diff_hash]));
    await refused(await undoOf(p, { operation_id: op.id }), 'already_undone');
    const redo = await sync(p, { direction: 'design_to_code' });
    expect(redo).toMatchObject({ status: 'succeeded', replayed: false });
    expect(redo.id).not.toBe(op.id);

    const audit = await service.db.select().from(schema.designSyncAudit).where(and(eq(schema.designSyncAudit.projectId, p.id), eq(schema.designSyncAudit.action, 'sync.undo'))).orderBy(asc(schema.designSyncAudit.createdAt));
    expect(audit.map((a) => [a.correlationId, a.subject, a.outcome])).toEqual([
      [t, op.id, 'ok'],
      [expect.any(String), null, 'refused'],
    ]);
    expect(audit[0]!.counts).toEqual({ restored: 3 });
  });

  it('restores the stored Figma definitions after a code→design sync; without an id, the latest undoable one', async () => {
    const { p, mappings } = await sampleSync();
    const before = await stateRows(p);
    const op = await sync(p, { direction: 'code_to_design', mapping_ids: [mappings.button, mappings.card] });
    expect(op.counts.applied).toBe(2);
    const body = await ok(await undoOf(p), 200, undoBody);
    expect(body).toMatchObject({ operation_id: op.id, restored: 2 });
    expect(await stateRows(p)).toEqual(before);
    await refused(await undoOf(p), 'not_undoable');
  });

  it('refuses an undo past a later operation on the same component, then one whose component changed since', async () => {
    const { p, mappings } = await sampleSync();
    const first = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.button] });
    // the original code comes back with a new ingest, and is synced again
    await reingest(p);
    const second = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.button] });
    expect(second).toMatchObject({ status: 'succeeded', replayed: false });
    expect(second.id).not.toBe(first.id);
    // another component's later operation does not stand in the way of the first; Button's does
    await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.card] });

    const later = await refused(await undoOf(p, { operation_id: first.id }), 'later_operation');
    expect(later.details).toMatchObject({ later_operation_ids: [second.id] });
    expect(await ok(await undoOf(p, { operation_id: second.id }), 200, undoBody)).toMatchObject({ restored: 1 });
    // Button is back to the re-ingested code, not to what the first operation left: undoing it would lose that
    const rows = await stateRows(p);
    const changed = await refused(await undoOf(p, { operation_id: first.id }), 'changed_since');
    expect(changed.details).toMatchObject({ mapping_id: mappings.button });
    expect(await stateRows(p)).toEqual(rows);
  });

  it('refuses when a component changed after the operation, and writes nothing', async () => {
    const { p, fileKey, nodes, mappings } = await sampleSync();
    const op = await sync(p, { direction: 'code_to_design', mapping_ids: [mappings.card, mappings.badge] });
    expect(op.counts.applied).toBe(2);
    // figma-context stores a new version of the Badge component
    await service.db
      .update(cmp)
      .set({ name: 'Badge v2', contentHash: 'x'.repeat(32) })
      .where(and(eq(cmp.projectId, p.id), eq(cmp.fileKey, fileKey), eq(cmp.nodeId, nodes.Badge!)));
    const rows = await stateRows(p);
    const e = await refused(await undoOf(p, { operation_id: op.id }), 'changed_since');
    expect(e.details).toMatchObject({ mapping_id: mappings.badge });
    expect(await stateRows(p)).toEqual(rows);
    const [entry] = await service.db.select().from(undo).where(eq(undo.projectId, p.id));
    expect(entry!.undoneAt).toBeNull();
  });

  it('refuses after 24 h (expired), a no-op and a failed operation (not_undoable); 404 for unknown or another project’s', async () => {
    const { p, fileKey, nodes, mappings } = await sampleSync();
    const op = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.button] });
    await service.db
      .update(undo)
      .set({ createdAt: sql`${undo.createdAt} - interval '25 hours'`, expiresAt: sql`${undo.expiresAt} - interval '25 hours'` })
      .where(eq(undo.operationId, op.id));
    await refused(await undoOf(p, { operation_id: op.id }), 'expired');
    await refused(await undoOf(p), 'expired');

    const noop = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.button] });
    expect(noop.status).toBe('noop');
    const e = await refused(await undoOf(p, { operation_id: noop.id }), 'not_undoable');
    expect(e.message).toContain('no-op');

    await service.db.delete(cmp).where(and(eq(cmp.projectId, p.id), eq(cmp.fileKey, fileKey), eq(cmp.nodeId, nodes.Badge!)));
    const failed = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.badge] });
    expect(failed.status).toBe('failed');
    await refused(await undoOf(p, { operation_id: failed.id }), 'not_undoable');

    await errorOf(await undoOf(p, { operation_id: `op_${'a'.repeat(32)}` }), 404, 'NOT_FOUND');
    await errorOf(await undoOf(p, { operation_id: 'nope' }), 400, 'VALIDATION_FAILED');
    const other = await createTestProject();
    await errorOf(await undoOf(other, { operation_id: op.id }), 404, 'NOT_FOUND');
    await refused(await undoOf(other), 'not_undoable');
  });

  it(`keeps ${DESIGN_SYNC_LIMITS.undoDepth} entries: the operation after them evicts the oldest, whose undo is refused`, async () => {
    const { p, mappings } = await sampleSync();
    const oldest = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.button] });
    // 49 later operations of another component, stored as a sync stores them
    const [{ createdAt: base }] = (await service.db.select({ createdAt: undo.createdAt }).from(undo).where(eq(undo.operationId, oldest.id))) as [{ createdAt: Date }];
    for (let i = 1; i < DESIGN_SYNC_LIMITS.undoDepth; i++) {
      const id = `op_${i.toString(16).padStart(32, '0')}`;
      const at = new Date(base.getTime() + i);
      await service.db.insert(ops).values({ id, projectId: p.id, direction: 'design_to_code', mappingIds: [mappings.card], diffHash: 'd', status: 'succeeded', results: [], counts: {}, actor: 'test', traceId: 't', durationMs: 0, createdAt: at });
      await service.db.insert(undo).values({ projectId: p.id, operationId: id, entries: [], preHash: 'a', postHash: 'b', createdAt: at, expiresAt: new Date(base.getTime() + 86_400_000) });
    }
    expect(await service.db.select().from(undo).where(eq(undo.projectId, p.id))).toHaveLength(DESIGN_SYNC_LIMITS.undoDepth);

    const newest = await sync(p, { direction: 'design_to_code', mapping_ids: [mappings.badge] });
    expect(newest.status).toBe('succeeded');
    const left = await service.db.select().from(undo).where(eq(undo.projectId, p.id));
    expect(left).toHaveLength(DESIGN_SYNC_LIMITS.undoDepth);
    expect(left.map((e) => e.operationId)).not.toContain(oldest.id);
    expect(left.map((e) => e.operationId)).toContain(newest.id);
    const e = await refused(await undoOf(p, { operation_id: oldest.id }), 'not_undoable');
    expect(e.message).toContain('undo stack');
    expect(await ok(await undoOf(p, { operation_id: newest.id }), 200, undoBody)).toMatchObject({ restored: 1 });
  });
});
