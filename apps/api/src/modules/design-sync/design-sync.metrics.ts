// Seed 003's design-sync metrics, read from the rows every action already writes (sync_operations, the audit,
// notification_events, test_sessions, drift_feedback): GET /metrics (every project, Prometheus text) and
// GET /metrics/overview (the caller's project, JSON) — one query, no counters kept in memory.
import type { Db } from '@cogo/db';
import { sql } from 'drizzle-orm';

export interface DesignSyncMetrics {
  syncs: number;
  sync_p50_ms: number | null;
  sync_p95_ms: number | null;
  components: { applied: number; unchanged: number; failed: number };
  undo_success: number;
  undo_refused: number;
  notifications_failed: number;
  notifications_sent: number;
  drift_feedback: number;
  /** false_positive verdicts / all verdicts; null without feedback. */
  false_positive_ratio: number | null;
  browser_sessions: number;
  browser_initiation_p50_ms: number | null;
  browser_initiation_p95_ms: number | null;
}

const num = (v: unknown): number => Number(v ?? 0);
const opt = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);

/** Syncs, undos, sessions since `since`; counts of failed notifications and feedback over all time. `projectId` null: every project. */
export async function designSyncMetrics(db: Db, since: Date, projectId: string | null): Promise<DesignSyncMetrics> {
  const p = (col: string) => (projectId ? sql`and ${sql.raw(col)} = ${projectId}` : sql``);
  const at = since.toISOString();
  const res = await db.execute(sql`
    select
      (select count(*) from sync_operations where created_at >= ${at} and status <> 'noop' ${p('project_id')}) as syncs,
      (select percentile_cont(0.5) within group (order by duration_ms) from sync_operations where created_at >= ${at} and status <> 'noop' ${p('project_id')}) as sync_p50,
      (select percentile_cont(0.95) within group (order by duration_ms) from sync_operations where created_at >= ${at} and status <> 'noop' ${p('project_id')}) as sync_p95,
      (select coalesce(sum((counts->>'applied')::int), 0) from sync_operations where created_at >= ${at} ${p('project_id')}) as applied,
      (select coalesce(sum((counts->>'unchanged')::int), 0) from sync_operations where created_at >= ${at} ${p('project_id')}) as unchanged,
      (select coalesce(sum((counts->>'failed')::int), 0) from sync_operations where created_at >= ${at} ${p('project_id')}) as failed,
      (select count(*) from cogo.design_sync_audit where action = 'sync.undo' and outcome = 'ok' and created_at >= ${at} ${p('project_id')}) as undo_ok,
      (select count(*) from cogo.design_sync_audit where action = 'sync.undo' and outcome <> 'ok' and created_at >= ${at} ${p('project_id')}) as undo_refused,
      (select count(*) from notification_events where status = 'failed' ${p('project_id')}) as notify_failed,
      (select count(*) from notification_events where status = 'sent' ${p('project_id')}) as notify_sent,
      (select count(*) from drift_feedback where true ${p('project_id')}) as feedback,
      (select count(*) from drift_feedback where verdict = 'false_positive' ${p('project_id')}) as false_positives,
      (select count(*) from test_sessions where created_at >= ${at} ${p('project_id')}) as sessions,
      (select percentile_cont(0.5) within group (order by initiation_ms) from test_sessions where created_at >= ${at} and initiation_ms is not null ${p('project_id')}) as init_p50,
      (select percentile_cont(0.95) within group (order by initiation_ms) from test_sessions where created_at >= ${at} and initiation_ms is not null ${p('project_id')}) as init_p95
  `);
  const r = (res.rows[0] ?? {}) as Record<string, unknown>;
  const feedback = num(r.feedback);
  return {
    syncs: num(r.syncs),
    sync_p50_ms: opt(r.sync_p50),
    sync_p95_ms: opt(r.sync_p95),
    components: { applied: num(r.applied), unchanged: num(r.unchanged), failed: num(r.failed) },
    undo_success: num(r.undo_ok),
    undo_refused: num(r.undo_refused),
    notifications_failed: num(r.notify_failed),
    notifications_sent: num(r.notify_sent),
    drift_feedback: feedback,
    false_positive_ratio: feedback ? Math.round((num(r.false_positives) / feedback) * 10_000) / 10_000 : null,
    browser_sessions: num(r.sessions),
    browser_initiation_p50_ms: opt(r.init_p50),
    browser_initiation_p95_ms: opt(r.init_p95),
  };
}

/** The Prometheus lines (windowed figures are gauges, whatever their seed names say, as the LLM series are). */
export function designSyncLines(m: DesignSyncMetrics): string[] {
  const lines = [
    '# HELP design_sync_duration_ms Duration of sync operations of the last 24 hours (no-ops left out).',
    '# TYPE design_sync_duration_ms summary',
  ];
  if (m.sync_p50_ms !== null) lines.push(`design_sync_duration_ms{quantile="0.5"} ${m.sync_p50_ms}`);
  if (m.sync_p95_ms !== null) lines.push(`design_sync_duration_ms{quantile="0.95"} ${m.sync_p95_ms}`);
  lines.push(
    `design_sync_duration_ms_count ${m.syncs}`,
    '# HELP design_sync_components_count Components in sync operations of the last 24 hours, by outcome.',
    '# TYPE design_sync_components_count gauge',
    `design_sync_components_count{outcome="applied"} ${m.components.applied}`,
    `design_sync_components_count{outcome="unchanged"} ${m.components.unchanged}`,
    `design_sync_components_count{outcome="failed"} ${m.components.failed}`,
    '# HELP design_drift_false_positive_ratio Drift items users marked false positive, of all they judged (POST /design-sync/drift/feedback).',
    '# TYPE design_drift_false_positive_ratio gauge',
  );
  if (m.false_positive_ratio !== null) lines.push(`design_drift_false_positive_ratio ${m.false_positive_ratio}`);
  lines.push(
    '# HELP design_undo_success_total Undos that restored their pre-state in the last 24 hours.',
    '# TYPE design_undo_success_total gauge',
    `design_undo_success_total ${m.undo_success}`,
    '# HELP design_undo_refused_total Undos refused (window passed, a later operation depends on it) in the last 24 hours.',
    '# TYPE design_undo_refused_total gauge',
    `design_undo_refused_total ${m.undo_refused}`,
    '# HELP design_notifications_failed_total Slack notifications that failed for good.',
    '# TYPE design_notifications_failed_total counter',
    `design_notifications_failed_total ${m.notifications_failed}`,
    '# HELP browser_test_session_latency_ms Browser test session initiation (request to browser ready) over the last 24 hours.',
    '# TYPE browser_test_session_latency_ms summary',
  );
  if (m.browser_initiation_p50_ms !== null) lines.push(`browser_test_session_latency_ms{quantile="0.5"} ${m.browser_initiation_p50_ms}`);
  if (m.browser_initiation_p95_ms !== null) lines.push(`browser_test_session_latency_ms{quantile="0.95"} ${m.browser_initiation_p95_ms}`);
  lines.push(`browser_test_session_latency_ms_count ${m.browser_sessions}`);
  return lines;
}
