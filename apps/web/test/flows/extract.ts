// Extract page: the sample extracted live to done (progress at 100 %, its pages listed), then its pages applied and
// the change announced in the navigation (the project's change feed).
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function extractFlow(ctx: FlowContext) {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Extract' }).click();
  await page.getByRole('button', { name: 'Extract the sample' }).click();
  await expect.poll(() => page.getByTestId('job-phase').textContent(), { timeout: 60_000 }).toBe('done');
  expect(await page.locator('progress#chunks').getAttribute('value')).toBe('100');
  expect(await page.locator('table tbody tr').count()).toBeGreaterThan(1);
  await shot(ctx, 'extract-done');

  await page.getByRole('button', { name: /^Apply \d+ pages$/ }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/pages applied: \d+ components written/);
  await shot(ctx, 'applied');
  // the apply reached the project's change feed: the navigation says what changed since the dashboard opened
  await expect.poll(() => page.getByTestId('project-changes').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/^Changes: (?=.*[1-9]\d* components added)(?=.*[1-9]\d* pages? added)/);
}
