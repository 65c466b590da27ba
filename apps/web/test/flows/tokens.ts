// Tokens page: the sample's tokens with colour swatches in the default modes, then Dark resolved.
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function tokensFlow(ctx: FlowContext) {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Tokens' }).click();
  await page.getByRole('button', { name: 'Derive tokens' }).click();
  await expect.poll(() => page.getByTestId('tokens-summary').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/^\d+ tokens from \d+ variables/);
  const swatches = await page.getByTestId('swatch').count();
  expect(swatches).toBeGreaterThan(0);
  const light = await page.locator('table').first().textContent();
  await page.getByLabel('Mode').selectOption('Dark');
  await expect.poll(() => page.locator('table').first().textContent()).not.toBe(light);
  expect(await page.getByTestId('swatch').count()).toBe(swatches);
  await shot(ctx, 'tokens-dark');
}
