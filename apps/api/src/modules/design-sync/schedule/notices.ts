// What design-sync tells a project's Slack: drift found, a sync done or failed, coverage dropped. Only ids, names of
// the project's own components and counts; the message layout is the notifications module's.
import type { SyncOperation } from '@cogo/types';
import { canonicalJson } from '@cogo/types';
import { sha256Hex } from '../../../lib/crypto';
import type { MappingDrift } from '../drift.service';
import { notify, type NotifyDeps } from '../notifications/notify';

/** Mappings named in one message; the rest are counted. */
const LISTED = 20;

/** drift_found, once per distinct drift (the same drift found again nightly is not sent twice). */
export async function noticeDrift(deps: NotifyDeps, projectId: string, drifted: readonly MappingDrift[], traceId: string) {
  if (drifted.length === 0) return 'off' as const;
  const key = (await sha256Hex(canonicalJson(drifted.map((d) => d.diffHash).sort()))).slice(0, 32);
  const lines = drifted.slice(0, LISTED).map(({ m, items }) => {
    const kinds = [...new Set(items.map((i) => i.kind))].sort().join(', ');
    return `*${m.code.name}* ↔ ${m.design?.name ?? 'a removed Figma component'}: ${items.length} difference${items.length === 1 ? '' : 's'} (${kinds})`;
  });
  if (drifted.length > LISTED) lines.push(`…and ${drifted.length - LISTED} more`);
  const items = drifted.reduce((n, d) => n + d.items.length, 0);
  return notify(deps, projectId, {
    category: 'drift_found',
    dedupeKey: `drift:${key}`,
    title: `Design drift in ${drifted.length} component${drifted.length === 1 ? '' : 's'}`,
    lines,
    fields: { Components: String(drifted.length), Differences: String(items) },
    traceId,
  });
}

/** sync_done for a succeeded operation, sync_failed for a partial or failed one; a no-op or replay says nothing. */
export async function noticeSync(deps: NotifyDeps, projectId: string, op: SyncOperation) {
  if (op.replayed || op.status === 'noop' || op.status === 'undone') return 'off' as const;
  const ok = op.status === 'succeeded';
  const failed = op.results.filter((r) => r.status === 'failed');
  const lines = ok
    ? [`${op.counts.applied} component${op.counts.applied === 1 ? '' : 's'} synced ${op.direction.replace('_to_', ' → ')}, ${op.counts.changes} changes.`]
    : [`${op.counts.failed} of ${op.counts.components} components failed; ${op.counts.applied} applied.`, ...failed.slice(0, LISTED).map((r) => `*${r.code_component}*: ${r.error?.message ?? 'failed'}`)];
  return notify(deps, projectId, {
    category: ok ? 'sync_done' : 'sync_failed',
    dedupeKey: `sync:${op.id}`,
    title: ok ? `Design sync done (${op.direction.replace('_to_', ' → ')})` : `Design sync ${op.status}: ${op.counts.failed} failed`,
    lines,
    fields: { Operation: op.id, Applied: String(op.counts.applied), Failed: String(op.counts.failed) },
    traceId: op.trace_id,
  });
}

/** coverage_dropped when the share of covered variants fell since the last run. */
export async function noticeCoverage(deps: NotifyDeps, projectId: string, before: number, now: number, day: string, traceId: string) {
  if (!(now < before)) return 'off' as const;
  const pct = (r: number) => `${Math.round(r * 1000) / 10} %`;
  return notify(deps, projectId, {
    category: 'coverage_dropped',
    dedupeKey: `coverage:${day}:${now}`,
    title: `Story coverage dropped to ${pct(now)}`,
    lines: [`Variants covered by stories: ${pct(before)} → ${pct(now)}.`],
    fields: { Before: pct(before), Now: pct(now) },
    traceId,
  });
}
