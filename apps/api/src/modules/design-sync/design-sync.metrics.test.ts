// Seed 003's metrics through the Worker: a project's sync, undo and drift verdicts show in its /metrics/overview
// (design_sync) with the figures of its rows, and every seed-003 series is in the admin's Prometheus text, with
// values no smaller than this project's. POST /design-sync/drift/feedback: one verdict per item, replaced by a new one.
import { DriftFeedbackSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, createTestProject } from '../../../test/helpers';
import { ds } from './design-sync.test-helpers';
import { drift, errorOf, ok, sampleSync, sync } from './sync.test-helpers';

interface Overview {
  design_sync: {
    syncs: number;
    sync_p95_ms: number | null;
    components: { applied: number; unchanged: number; failed: number };
    undo_success: number;
    undo_refused: number;
    drift_feedback: number;
    false_positive_ratio: number | null;
    browser_sessions: number;
  };
}

const overview = async (key: string) => (await (await api('/metrics/overview?window=1h', { key })).json()) as Overview;
const feedback = (v: unknown) => DriftFeedbackSchema.parse(v);

describe('design-sync metrics', () => {
  it("shows a project's syncs, undos and drift verdicts in its overview, and every seed-003 series in /metrics", async () => {
    const { p } = await sampleSync();
    const fresh = await overview(p.key);
    expect(fresh.design_sync).toMatchObject({ syncs: 0, sync_p95_ms: null, undo_success: 0, drift_feedback: 0, false_positive_ratio: null, browser_sessions: 0 });

    const report = await drift(p);
    const items = report.mappings.flatMap((m) => m.items.map((i) => ({ mapping_id: m.mapping_id, kind: i.kind, subject: i.subject })));
    expect(items.length).toBeGreaterThanOrEqual(4);
    // three real, one false positive: ratio 0.25; judging one again replaces its verdict
    const verdicts = ['real', 'real', 'real', 'false_positive'] as const;
    let last;
    for (const [i, verdict] of verdicts.entries()) last = await ok(await ds(p, 'drift/feedback', { json: { ...items[i], verdict } }), 200, feedback);
    expect(last).toMatchObject({ ...items[3], verdict: 'false_positive', false_positive_ratio: 0.25 });
    const again = await ok(await ds(p, 'drift/feedback', { json: { ...items[0], verdict: 'false_positive' } }), 200, feedback);
    expect(again.false_positive_ratio).toBe(0.5);

    const op = await sync(p, { direction: 'code_to_design' });
    expect(op.counts.applied).toBe(3);
    expect((await ds(p, 'undo', { json: {} })).status).toBe(200);
    // nothing left to undo: refused
    expect((await ds(p, 'undo', { json: {} })).status).toBe(409);

    const o = await overview(p.key);
    expect(o.design_sync).toMatchObject({
      syncs: 1,
      components: { applied: 3, unchanged: 0, failed: 0 },
      undo_success: 1,
      undo_refused: 1,
      drift_feedback: 4,
      false_positive_ratio: 0.5,
    });
    expect(o.design_sync.sync_p95_ms).toBeGreaterThanOrEqual(0);

    const text = await (await api('/metrics', { key: env.ADMIN_TOKEN })).text();
    for (const series of ['design_sync_duration_ms', 'design_sync_components_count', 'design_drift_false_positive_ratio', 'design_undo_success_total', 'design_notifications_failed_total', 'browser_test_session_latency_ms']) {
      expect(text).toContain(`# TYPE ${series} `);
    }
    const value = (line: string) => Number(text.split('\n').find((l) => l.startsWith(`${line} `))!.slice(line.length + 1));
    expect(value('design_undo_success_total')).toBeGreaterThanOrEqual(1);
    expect(value('design_sync_components_count{outcome="applied"}')).toBeGreaterThanOrEqual(3);
    expect(value('design_drift_false_positive_ratio')).toBeGreaterThan(0);
    expect(value('design_drift_false_positive_ratio')).toBeLessThanOrEqual(1);
    expect(value('design_sync_duration_ms_count')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a verdict on a mapping of another project, and bad input', async () => {
    const { p, mappings } = await sampleSync();
    const other = await createTestProject();
    const item = { mapping_id: mappings.button, kind: 'default_differs', subject: 'Size', verdict: 'real' };
    await errorOf(await ds(other, 'drift/feedback', { json: item }), 404, 'NOT_FOUND');
    await errorOf(await ds(p, 'drift/feedback', { json: { ...item, verdict: 'maybe' } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'drift/feedback', { json: { ...item, kind: 'made_up' } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'drift/feedback', { json: { ...item, subject: 'a\u0000b' } }), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'drift/feedback', { json: { ...item, extra: 1 } }), 400, 'VALIDATION_FAILED');
    expect((await overview(other.key)).design_sync.drift_feedback).toBe(0);
  });
});
