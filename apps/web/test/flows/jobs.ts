// Jobs page: the extraction in the history; its trace as a waterfall (its requests arrive through the metrics queue
// within seconds).
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function jobsFlow(ctx: FlowContext) {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect.poll(async () => (await page.getByTestId('job-row').allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/figma-context\s*done/);
  await page.getByTestId('job-row').filter({ hasText: 'figma-context' }).first().getByRole('link', { name: 'trace' }).click();
  await expect.poll(() => page.getByTestId('trace-summary').textContent().catch(() => ''), { timeout: 45_000 }).toMatch(/^[1-9]\d* requests?, /);
  expect(await page.locator('.waterfall li[data-kind="request"]').count()).toBeGreaterThan(0);
  expect(await page.locator('.waterfall').textContent()).toContain('/figma-context/start');
  await shot(ctx, 'trace');
}
