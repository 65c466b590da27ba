// The nightly schedule through the Worker on the sample (Figma fake's file applied, sample Storybook ingested, three
// components mapped, each with deliberate drift): saving it sets the next run; a run finds the drift and records a
// drift_found notification once per distinct drift; with a direction it syncs what drifted (sync_done recorded) and a
// second run finds nothing; the cron runs a due schedule exactly once; a Figma file update checks drift of that file.
import { schema } from '@cogo/db';
import { sampleStorybookIndex } from '@cogo/design-sync/samples';
import { ScheduleRunSchema, ScheduleSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestProject, testDb, type TestProject } from '../../../../test/helpers';
import { ds } from '../design-sync.test-helpers';
import { drift, errorOf, ok, sampleSync } from '../sync.test-helpers';
import { nextRunAt } from './schedule.service';
import { onFigmaFileChanged, runDueSchedules } from './schedule.sweep';
import { readConfig } from '../../../env';
import { createLogger } from '../../../lib/logger';

const service = testDb();
afterAll(() => service.close());

const ev = schema.notificationEvents;
const events = (projectId: string) => service.db.select().from(ev).where(eq(ev.projectId, projectId)).orderBy(asc(ev.createdAt));
const schedule = async (p: TestProject, json: Record<string, unknown>) => ok(await ds(p, 'schedule', { json }), 200, (v) => ScheduleSchema.parse(v));
const runNow = async (p: TestProject) => ok(await ds(p, 'schedule/run', { json: {} }), 200, (v) => ScheduleRunSchema.parse(v));

describe('design-sync schedule', () => {
  it('is off until set; saving it sets the next run at the coming hour, UTC', async () => {
    const p = await createTestProject();
    expect(await ok(await ds(p, 'schedule'), 200, (v) => ScheduleSchema.parse(v))).toEqual({ enabled: false, hour_utc: 2, direction: null, on_file_update: true, next_run_at: null, last_run: null });
    const before = Date.now();
    const saved = await schedule(p, { enabled: true, hour_utc: 3 });
    const next = new Date(saved.next_run_at!);
    expect(next.getUTCHours()).toBe(3);
    expect(next.getUTCMinutes()).toBe(0);
    expect(next.getTime()).toBeGreaterThan(before);
    expect(next.getTime() - before).toBeLessThanOrEqual(24 * 3600_000);
    expect(saved).toMatchObject({ enabled: true, direction: null, on_file_update: true, last_run: null });
    expect(await ok(await ds(p, 'schedule'), 200, (v) => ScheduleSchema.parse(v))).toEqual(saved);
    const off = await schedule(p, { enabled: false });
    expect(off.next_run_at).toBeNull();
  });

  it('refuses bad input with the error envelope', async () => {
    const p = await createTestProject();
    await errorOf(await ds(p, 'schedule', { json: { enabled: true, hour_utc: 24 } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'schedule', { json: { enabled: true, direction: 'sideways' } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'schedule', { json: { enabled: true, every: 'minute' } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'schedule', { json: { hour_utc: 1 } }), 400, 'VALIDATION_FAILED');
  });

  it('nextRunAt is strictly after now', () => {
    expect(nextRunAt(3, new Date('2026-12-02T02:59:59Z')).toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(nextRunAt(3, new Date('2026-12-02T03:00:00Z')).toISOString()).toBe('2026-12-03T03:00:00.000Z');
    expect(nextRunAt(0, new Date('2026-12-31T23:30:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('a run finds the drift and records drift_found once per distinct drift; without a direction nothing is synced', async () => {
    const { p } = await sampleSync();
    await schedule(p, { enabled: true, hour_utc: 4 });
    const run = await runNow(p);
    expect(run).toMatchObject({ trigger: 'schedule', mappings: 3, drifted: 3, operation_id: null, storybook: 'not_configured', error: null });
    expect(run.coverage_ratio).toBeGreaterThan(0);
    const found = (await events(p.id)).filter((e) => e.category === 'drift_found');
    expect(found).toHaveLength(1);
    // the default mode of drift_found is the digest
    expect(found[0]).toMatchObject({ status: 'digest', title: 'Design drift in 3 components' });
    const text = JSON.stringify(found[0]!.message);
    for (const name of ['Button', 'Badge', 'Product Card']) expect(text).toContain(name);
    // the same drift the next night: no second notification; the run is the schedule's last run
    await runNow(p);
    expect((await events(p.id)).filter((e) => e.category === 'drift_found')).toHaveLength(1);
    const stored = await ok(await ds(p, 'schedule'), 200, (v) => ScheduleSchema.parse(v));
    expect(stored.last_run).toMatchObject({ trigger: 'schedule', drifted: 3 });
    expect((await drift(p)).counts.drifted).toBe(3);
  });

  it('with a direction it syncs what drifted, records sync_done, and the next run finds nothing', async () => {
    const { p } = await sampleSync();
    await schedule(p, { enabled: true, hour_utc: 5, direction: 'code_to_design' });
    const run = await runNow(p);
    expect(run.drifted).toBe(3);
    expect(run.operation_id).toMatch(/^op_[0-9a-f]{32}$/);
    const op = await ok(await ds(p, `operations/${run.operation_id}`), 200, (v) => v as { status: string; counts: { applied: number } });
    expect(op).toMatchObject({ status: 'succeeded', counts: { applied: 3 } });
    expect((await drift(p)).counts.drifted).toBe(0);
    const done = (await events(p.id)).filter((e) => e.category === 'sync_done');
    expect(done).toHaveLength(1);
    expect(done[0]!.dedupeKey).toBe(`sync:${run.operation_id}`);
    const again = await runNow(p);
    expect(again).toMatchObject({ drifted: 0, operation_id: null });
  });

  it('the cron runs a due schedule once and moves it to the next night', async () => {
    const { p } = await sampleSync();
    const saved = await schedule(p, { enabled: true, hour_utc: 6 });
    const due = new Date(saved.next_run_at!);
    const at = new Date(due.getTime() + 30_000);
    expect(await runDueSchedules(env as never, at)).toBeGreaterThanOrEqual(1);
    const after = await ok(await ds(p, 'schedule'), 200, (v) => ScheduleSchema.parse(v));
    expect(after.last_run).toMatchObject({ trigger: 'schedule', drifted: 3, at: at.toISOString() });
    expect(new Date(after.next_run_at!).getTime()).toBe(due.getTime() + 24 * 3600_000);
    // the same minute again (a second cron, overlapping): already claimed, not run twice
    await runDueSchedules(env as never, at);
    const rows = await service.db.select().from(schema.designSyncSchedules).where(eq(schema.designSyncSchedules.projectId, p.id));
    expect(rows[0]!.lastRun).toMatchObject({ at: at.toISOString() });
    expect(rows[0]!.nextRunAt!.getTime()).toBe(due.getTime() + 24 * 3600_000);
  });

  it('a Figma file update checks drift of the mapped file, unless the schedule turned it off', async () => {
    const { p, fileKey } = await sampleSync();
    const config = readConfig(env);
    const log = createLogger('error');
    const run = await onFigmaFileChanged(config, log, p.id, fileKey);
    expect(run).toMatchObject({ trigger: 'file_update', mappings: 3, drifted: 3, storybook: 'unchanged', operation_id: null });
    expect((await events(p.id)).filter((e) => e.category === 'drift_found')).toHaveLength(1);
    // a file the project does not map: nothing to check
    expect(await onFigmaFileChanged(config, log, p.id, 'UnmappedFile123')).toBeNull();
    await schedule(p, { enabled: true, hour_utc: 7, on_file_update: false });
    expect(await onFigmaFileChanged(config, log, p.id, fileKey)).toBeNull();
  });

  it('a run ingests the registry from the Storybook URL credential, then finds it unchanged', async () => {
    const p = await createTestProject();
    expect((await ds(p, 'credentials', { json: { kind: 'storybook', value: inject('storybookUrl') } })).status).toBe(200);
    expect(await runNow(p)).toMatchObject({ storybook: 'ingested', mappings: 0, drifted: 0, error: null });
    const registry = await ok(await ds(p, 'registry'), 200, (v) => v as { items: Array<{ key: string }> });
    expect(registry.items.map((c) => c.key).sort()).toEqual(['Components/Badge', 'Components/Button', 'Components/ProductCard']);
    expect(await runNow(p)).toMatchObject({ storybook: 'unchanged' });
  });

  it("a run reads the build's props as the one-click ingest does (Storybook 10's manifest), so a props change in code is seen", async () => {
    const p = await createTestProject();
    // the registry ingested by hand from the index alone: no props known
    expect((await ds(p, 'registry', { json: { index: sampleStorybookIndex } })).status).toBe(200);
    const propsOf = async () => Object.fromEntries((await ok(await ds(p, 'registry'), 200, (v) => v as { items: Array<{ key: string; props: unknown[] }> })).items.map((c) => [c.key, c.props.length]));
    expect(await propsOf()).toEqual({ 'Components/Badge': 0, 'Components/Button': 0, 'Components/ProductCard': 0 });
    // the build as Storybook 10 publishes it: its index and components manifest
    expect((await ds(p, 'credentials', { json: { kind: 'storybook', value: `${inject('storybookUrl')}/storybook-10` } })).status).toBe(200);
    expect(await runNow(p)).toMatchObject({ storybook: 'ingested', error: null });
    expect(await propsOf()).toEqual({ 'Components/Badge': 3, 'Components/Button': 6, 'Components/ProductCard': 5 });
    expect(await runNow(p)).toMatchObject({ storybook: 'unchanged' });
  });

  it("a run's notifications and schedule belong to its project only", async () => {
    const { p } = await sampleSync();
    const other = await createTestProject();
    await schedule(p, { enabled: true, hour_utc: 8 });
    await runNow(p);
    expect(await ok(await ds(other, 'schedule'), 200, (v) => ScheduleSchema.parse(v))).toMatchObject({ enabled: false, last_run: null });
    expect(await service.db.select().from(ev).where(and(eq(ev.projectId, other.id)))).toHaveLength(0);
  });
});
