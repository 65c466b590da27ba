// The nightly schedule of a project: when it runs next, and its public view.
import type { Schedule, ScheduleRun } from '@cogo/types';
import type { ActionScope } from '../action';
import { audited } from '../action';
import * as repo from './schedule.repo';

/** The next `hour`:00 UTC strictly after `now`. */
export function nextRunAt(hourUtc: number, now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

export function scheduleView(row: repo.ScheduleRow | undefined): Schedule {
  if (!row) return { enabled: false, hour_utc: 2, direction: null, on_file_update: true, next_run_at: null, last_run: null };
  return {
    enabled: row.enabled,
    hour_utc: row.hourUtc,
    direction: row.direction as Schedule['direction'],
    on_file_update: row.onFileUpdate,
    next_run_at: row.enabled && row.nextRunAt ? row.nextRunAt.toISOString() : null,
    last_run: (row.lastRun as ScheduleRun | null) ?? null,
  };
}

export interface ScheduleInput {
  enabled: boolean;
  hour_utc: number;
  direction: 'design_to_code' | 'code_to_design' | null;
  on_file_update: boolean;
}

/** POST /design-sync/schedule: saves the schedule; the next run is the coming `hour_utc`:00 UTC. */
export function setSchedule(scope: ActionScope, input: ScheduleInput, now = new Date()): Promise<Schedule> {
  return audited(scope, 'schedule.set', async () => {
    const row = await repo.upsertSchedule(scope.db(), scope.projectId, {
      enabled: input.enabled,
      hourUtc: input.hour_utc,
      direction: input.direction,
      onFileUpdate: input.on_file_update,
      nextRunAt: input.enabled ? nextRunAt(input.hour_utc, now) : null,
    });
    return { result: scheduleView(row), counts: { enabled: input.enabled ? 1 : 0 } };
  });
}
