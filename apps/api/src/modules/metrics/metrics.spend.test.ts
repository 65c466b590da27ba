// GET /metrics/spend: a project's stored llm_usage rows summed by UTC day and model, every day of the range listed,
// another project's rows and rows older than the range left out; bad input is a 400.
import { schema } from '@cogo/db';
import type { SpendByDay } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, testDb } from '../../../test/helpers';
import { utcDays } from './spend';

type Usage = typeof schema.llmUsage.$inferInsert;
const DAY = 86_400_000;

async function spend(key: string, query = ''): Promise<SpendByDay> {
  const res = await api(`/metrics/spend${query}`, { key });
  expect(res.status).toBe(200);
  return (await res.json()) as SpendByDay;
}

describe('GET /metrics/spend', () => {
  it('sums the stored rows by UTC day and model, lists every day of the range, and shows only the caller’s project', async () => {
    const [mine, theirs] = [await createTestProject(), await createTestProject()];
    // now, a day ago and 10 days ago: today, yesterday and 10 days back in UTC dates
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const row = (projectId: string, daysAgo: number, model: string, costUsd: number, tokensIn: number, tokensOut: number, outcome = 'ok'): Usage => ({
      projectId,
      traceId: crypto.randomUUID().replaceAll('-', ''),
      route: 'chat',
      model,
      upstreamModel: `up-${model}`,
      provider: 'fake-openai',
      tokensIn,
      tokensOut,
      costUsd,
      latencyMs: 50,
      outcome,
      createdAt: at(daysAgo),
    });
    const handle = testDb();
    try {
      await handle.db.insert(schema.llmUsage).values([
        row(mine.id, 0, 'm-big', 0.25, 100, 40),
        row(mine.id, 0, 'm-big', 0.5, 200, 60, 'failed'),
        row(mine.id, 0, 'm-small', 0.125, 10, 5),
        row(mine.id, 1, 'm-small', 0.0625, 7, 3),
        row(mine.id, 10, 'm-big', 4, 1, 1),
        row(theirs.id, 0, 'm-big', 9, 999, 999),
      ]);
    } finally {
      await handle.close();
    }
    const dayOf = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);

    const week = await spend(mine.key);
    expect(week.days.map((d) => d.day)).toEqual(utcDays(7, now));
    expect(week.since).toBe(`${week.days[0]!.day}T00:00:00.000Z`);
    const today = week.days.at(-1)!;
    expect(today.day).toBe(dayOf(0));
    // costliest model first; failed calls are billed rows too
    expect(today.models).toEqual([
      { model: 'm-big', calls: 2, tokens_in: 300, tokens_out: 100, cost_usd: 0.75 },
      { model: 'm-small', calls: 1, tokens_in: 10, tokens_out: 5, cost_usd: 0.125 },
    ]);
    expect(today).toMatchObject({ calls: 3, cost_usd: 0.875 });
    expect(week.days.at(-2)).toEqual({ day: dayOf(1), calls: 1, cost_usd: 0.0625, models: [{ model: 'm-small', calls: 1, tokens_in: 7, tokens_out: 3, cost_usd: 0.0625 }] });
    // the other days of the week: listed, empty
    expect(week.days.slice(0, 5).every((d) => d.calls === 0 && d.cost_usd === 0 && d.models.length === 0)).toBe(true);
    expect(week.total).toEqual({ calls: 4, cost_usd: 0.9375 });

    // a range of 11 days reaches the row of 10 days ago
    const longer = await spend(mine.key, '?days=11');
    expect(longer.days).toHaveLength(11);
    expect(longer.days[0]).toEqual({ day: dayOf(10), calls: 1, cost_usd: 4, models: [{ model: 'm-big', calls: 1, tokens_in: 1, tokens_out: 1, cost_usd: 4 }] });
    expect(longer.total).toEqual({ calls: 5, cost_usd: 4.9375 });

    // the other project sees its own row only
    const other = await spend(theirs.key, '?days=1');
    expect(other.days).toEqual([{ day: dayOf(0), calls: 1, cost_usd: 9, models: [{ model: 'm-big', calls: 1, tokens_in: 999, tokens_out: 999, cost_usd: 9 }] }]);
  });

  it('answers 400 for a range outside 1–31 days and 401 without a key', async () => {
    const p = await createTestProject();
    for (const q of ['?days=0', '?days=32', '?days=two']) expect((await api(`/metrics/spend${q}`, { key: p.key })).status).toBe(400);
    expect((await api('/metrics/spend')).status).toBe(401);
  });
});
