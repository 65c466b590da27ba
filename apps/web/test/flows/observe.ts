// Observability page: the routes the earlier flows called, as p50/p95 bars against their SLO (each with its text
// alternative) and as a table; the error-rate chart; the LLM providers the chat used, with today's calls and spend;
// the spend by day and model: seven UTC days, today's bar holding the chat's model calls, the same in the table.
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function observeFlow(ctx: FlowContext) {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Observability' }).click();
  await page.getByLabel('Window').selectOption('24h');
  // request metrics arrive through the events queue: refresh until the extraction's start is among the routes
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return (await page.getByTestId('route-row').allTextContents()).join('\n');
      },
      { timeout: 45_000, interval: 2_000 },
    )
    .toMatch(/POST \/figma-context\/start/);
  // read in one task: the page reloads its figures every 10 s, and a reload between two reads may add a route
  const counted = await page.evaluate(() => ({
    rows: document.querySelectorAll('[data-testid="route-row"]').length,
    bars: document.querySelectorAll('[data-testid="latency-bar"]').length,
    errorTitles: document.querySelectorAll('[data-testid="error-chart"] title').length,
    alts: [...document.querySelectorAll('[data-testid="latency-chart"] title')].map((t) => t.textContent ?? ''),
  }));
  expect(counted.rows).toBeGreaterThan(0);
  expect([counted.bars, counted.errorTitles]).toEqual([counted.rows, counted.rows]);
  expect(counted.alts.some((a) => /^POST \/figma-context\/start: p50 \d+(\.\d+)? ms, p95 \d+(\.\d+)? ms \(target \d+ ms, (met|missed)\) over \d+ requests$/.test(a))).toBe(true);
  expect(await page.getByTestId('slo-gate').textContent()).toMatch(/SLO gate: (pass|fail) · \d+ routes/);
  // the chat's model calls: the dev stack's provider with calls today
  await expect.poll(async () => (await page.getByTestId('provider-row').allTextContents()).join('\n'), { timeout: 30_000 }).toMatch(/[1-9]\d* calls · \$/);
  expect(await page.getByTestId('spend-today').textContent()).toMatch(/^Spend today: \$\d+\.\d+ over [1-9]\d* calls$/);
  // spend by day: the week's bars (each with its text alternative), today's with the chat's calls
  const bars = page.getByTestId('spend-day-chart').locator('title');
  await expect.poll(() => bars.count(), { timeout: 30_000 }).toBe(7);
  const today = new Date().toISOString().slice(0, 10);
  await expect.poll(async () => (await bars.allTextContents()).at(-1), { timeout: 30_000 }).toMatch(new RegExp(`^${today}: \\$\\d+\\.\\d+ over [1-9]\\d* calls? — \\S+ \\$`));
  const modelRows = await page.getByTestId('spend-model-row').allTextContents();
  expect(modelRows.some((r) => r.startsWith(today))).toBe(true);
  expect(await page.getByTestId('spend-total').textContent()).toMatch(/^\$\d+\.\d+ over [1-9]\d* calls? since \d{4}-\d{2}-\d{2} \(UTC days\)$/);
  await shot(ctx, 'observability');
  // plugin-sized: charts scale down, tables scroll inside their box, the document does not scroll sideways
  await page.setViewportSize({ width: 400, height: 800 });
  await page.getByTestId('spend-day-chart').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await shot(ctx, 'observability-400px');
  await page.setViewportSize({ width: 1200, height: 900 });
}
