// One run of a project's design-sync schedule (nightly, or a Figma FILE_UPDATE/LIBRARY_PUBLISH for a mapped file):
// re-ingest the Storybook build from the project's Storybook URL (nightly only: index, props, Code Connect), measure drift of the confirmed
// mappings, sync what drifted when the schedule names a direction (nightly only), measure coverage, and tell Slack
// (drift found, sync done/failed, coverage dropped) through notify(). A failing step is recorded and the next runs.
import type { Db } from '@cogo/db';
import type { ScheduleRun } from '@cogo/types';
import type { AppConfig } from '../../../env';
import { describeError, type Logger } from '../../../lib/logger';
import type { ActionScope } from '../action';
import { coverage } from '../coverage.service';
import { confirmedMappings, driftOfMappings } from '../drift.service';
import { runOperation } from '../operations.service';
import { ingestRegistry } from '../registry.service';
import { readStorybookBuild } from '../registry-storybook.service';
import { resolveCredential } from '../credentials/credentials.resolve';
import { noticeCoverage, noticeDrift, noticeSync } from './notices';

export const SCHEDULE_ACTOR = 'service:design-sync-schedule';

export interface RunDeps {
  /** The project's tenant database. */
  db: Db;
  config: AppConfig;
  log: Logger;
  traceId: string;
}

export interface RunOptions {
  trigger: ScheduleRun['trigger'];
  direction: 'design_to_code' | 'code_to_design' | null;
  fileKey?: string;
  previous: ScheduleRun | null;
  now: Date;
}

async function ingestStorybook(deps: RunDeps, scope: ActionScope): Promise<ScheduleRun['storybook']> {
  const url = await resolveCredential({ db: deps.db, config: deps.config, actor: SCHEDULE_ACTOR, traceId: deps.traceId }, scope.projectId, 'storybook');
  if (!url) return 'not_configured';
  // the same documents as the one-click ingest: props (components manifest, docgen) and Code Connect too, so a
  // props change in code is drift tonight
  const read = await readStorybookBuild(deps.config, url, deps.traceId);
  if (!read.ok) throw new Error(read.message);
  const res = await ingestRegistry(scope, { ...read.build.input, storybook_url: url, prune: false });
  return res.components.inserted + res.components.updated + res.components.deleted > 0 ? 'ingested' : 'unchanged';
}

/** Runs the schedule for one project; answers what it found (stored by the caller as the schedule's last run). */
export async function runSchedule(deps: RunDeps, projectId: string, o: RunOptions): Promise<ScheduleRun> {
  const scope: ActionScope = { db: () => deps.db, projectId, actor: SCHEDULE_ACTOR, traceId: deps.traceId, log: deps.log };
  const notifyDeps = { db: deps.db, queue: deps.config.NOTIFY_QUEUE };
  const errors: string[] = [];
  const step = async <T>(name: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      const described = describeError(err);
      errors.push(`${name}: ${String(described.message ?? described.name ?? 'failed')}`);
      deps.log.warn('design sync schedule step failed', { step: name, projectId, correlationId: deps.traceId, ...described });
      return fallback;
    }
  };

  const storybook = o.trigger === 'schedule' ? await step('storybook', () => ingestStorybook(deps, scope), 'failed' as const) : ('unchanged' as const);
  const mappings = await step('drift', () => confirmedMappings(deps.db, projectId, o.fileKey ? { file_key: o.fileKey } : {}), []);
  const drifts = await step('drift', () => driftOfMappings(deps.db, projectId, mappings), []);
  const drifted = drifts.filter((d) => d.items.length > 0);
  await step('notify', () => noticeDrift(notifyDeps, projectId, drifted, deps.traceId), 'off');

  let operationId: string | null = null;
  if (o.trigger === 'schedule' && o.direction && drifted.length > 0) {
    const target = { bucket: deps.config.ARTIFACTS, ttlDays: deps.config.ARTIFACT_TTL_DAYS };
    const op = await step('sync', () => runOperation(scope, target, { direction: o.direction!, mapping_ids: drifted.map((d) => d.m.mapping.id).slice(0, 500) }), null);
    if (op) {
      operationId = op.id;
      await step('notify', () => noticeSync(notifyDeps, projectId, op), 'off');
    }
  }

  // coverage is the project's, measured nightly; a file update keeps the last nightly figure as the baseline
  const before = o.previous?.coverage_ratio ?? null;
  const cov = o.trigger === 'schedule' ? await step('coverage', () => coverage(deps.db, projectId, deps.traceId), null) : null;
  const ratio = cov ? cov.totals.ratio : before;
  if (cov && before !== null) {
    await step('notify', () => noticeCoverage(notifyDeps, projectId, before, cov.totals.ratio, o.now.toISOString().slice(0, 10), deps.traceId), 'off');
  }
  const run: ScheduleRun = {
    at: o.now.toISOString(),
    trigger: o.trigger,
    mappings: drifts.length,
    drifted: drifted.length,
    operation_id: operationId,
    coverage_ratio: ratio,
    storybook,
    error: errors.length ? errors.join('; ').slice(0, 1_000) : null,
  };
  deps.log.info('design sync schedule', { action: 'schedule.run', projectId, correlationId: deps.traceId, trigger: o.trigger, mappings: run.mappings, drifted: run.drifted, operation: operationId, storybook });
  return run;
}
