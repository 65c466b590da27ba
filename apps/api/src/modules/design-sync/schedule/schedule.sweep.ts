// The schedule's two triggers: the every-minute cron runs each project whose nightly hour has come (claimed first,
// so two overlapping crons never run one project twice), and figma-webhooks calls onFigmaFileChanged when Figma
// says a file changed.
import type { ScheduleRun } from '@cogo/types';
import { readConfig, type AppConfig, type Bindings } from '../../../env';
import { serviceDbFromConfig, tenantDb } from '../../../lib/db';
import { createLogger, describeError, type Logger } from '../../../lib/logger';
import { newTraceId } from '../../../lib/trace';
import { listMappings } from '../mappings.repo';
import { runSchedule } from './schedule.run';
import { claimRun, dueSchedules, findSchedule, recordRun } from './schedule.repo';
import { nextRunAt } from './schedule.service';

/** Projects run by one cron tick; the rest wait for the next minute. */
export const SCHEDULE_RUNS_PER_TICK = 10;

/** Runs one project's schedule in its own tenant connection and records the run. */
export async function runProjectSchedule(config: AppConfig, log: Logger, projectId: string, trigger: ScheduleRun['trigger'], now: Date, fileKey?: string): Promise<ScheduleRun | null> {
  const handle = tenantDb(config, projectId, 1);
  try {
    const row = await findSchedule(handle.db, projectId);
    if (trigger === 'file_update' && row && !row.onFileUpdate) return null;
    const run = await runSchedule(
      { db: handle.db, config, log, traceId: newTraceId() },
      projectId,
      { trigger, direction: (row?.direction as 'design_to_code' | 'code_to_design' | null) ?? null, ...(fileKey ? { fileKey } : {}), previous: (row?.lastRun as ScheduleRun | null) ?? null, now },
    );
    if (row) await recordRun(handle.db, projectId, run);
    return run;
  } finally {
    await handle.close();
  }
}

/** Cron: every schedule whose next run has come; answers how many ran. */
export async function runDueSchedules(env: Bindings, now: Date): Promise<number> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { cron: 'design-sync-schedule' });
  const service = serviceDbFromConfig(config, log, { reason: 'design-sync schedule: finds every project whose run is due', route: 'cron:design-sync-schedule' }, 1);
  let ran = 0;
  try {
    for (const row of await dueSchedules(service.db, now, SCHEDULE_RUNS_PER_TICK)) {
      if (!(await claimRun(service.db, row.projectId, row.nextRunAt!, nextRunAt(row.hourUtc, now)))) continue;
      try {
        await runProjectSchedule(config, log, row.projectId, 'schedule', now);
        ran++;
      } catch (err) {
        log.error('design sync schedule failed', { projectId: row.projectId, ...describeError(err) });
      }
    }
  } finally {
    await service.close();
  }
  return ran;
}

/** A Figma webhook said `fileKey` changed: a drift check (and its notification) when the project maps that file. */
export async function onFigmaFileChanged(config: AppConfig, log: Logger, projectId: string, fileKey: string, now = new Date()): Promise<ScheduleRun | null> {
  const handle = tenantDb(config, projectId, 1);
  let mapped: boolean;
  try {
    mapped = (await listMappings(handle.db, projectId, { fileKey, status: 'confirmed' }, 1)).length > 0;
  } finally {
    await handle.close();
  }
  return mapped ? runProjectSchedule(config, log, projectId, 'file_update', now, fileKey) : null;
}
