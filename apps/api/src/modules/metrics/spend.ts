// GET /metrics/spend: a project's LLM spend by UTC day and model, from cogo.llm_usage. Every day of the range is
// listed (a day without calls has no models and zero totals), so a chart needs no calendar of its own.
import type { Db } from '@cogo/db';
import type { SpendByDay, SpendDay } from '@cogo/types';
import * as repo from './metrics.repo';

const DAY_MS = 86_400_000;

/** The last `days` UTC dates, oldest first, today (of `now`) last. */
export function utcDays(days: number, now: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

export async function spendByDay(db: Db, projectId: string, days: number, now = Date.now()): Promise<SpendByDay> {
  const dates = utcDays(days, now);
  const since = new Date(`${dates[0]}T00:00:00.000Z`);
  const rows = await repo.spendByDayModel(db, since, projectId);
  const byDay = new Map<string, SpendDay>(dates.map((day) => [day, { day, calls: 0, cost_usd: 0, models: [] }]));
  for (const { day, ...model } of rows) {
    const d = byDay.get(day);
    // a row stamped after `now` (a clock ahead of ours) has no day in the range
    if (!d) continue;
    d.models.push(model);
    d.calls += model.calls;
    d.cost_usd += model.cost_usd;
  }
  const list = [...byDay.values()];
  for (const d of list) d.models.sort((a, b) => b.cost_usd - a.cost_usd || a.model.localeCompare(b.model));
  return {
    since: since.toISOString(),
    days: list,
    total: { calls: list.reduce((s, d) => s + d.calls, 0), cost_usd: list.reduce((s, d) => s + d.cost_usd, 0) },
  };
}
