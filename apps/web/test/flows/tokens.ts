// Tokens page: the sample's tokens with colour swatches in the default modes, a format downloaded, then Dark resolved.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function tokensFlow(ctx: FlowContext) {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Tokens' }).click();
  await page.getByRole('button', { name: 'Derive tokens' }).click();
  await expect.poll(() => page.getByTestId('tokens-summary').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/^\d+ tokens from \d+ variables/);
  // every format downloads as the file its name says: the CSS custom properties here
  expect(await page.getByTestId('tokens-downloads').textContent()).toBe('Download: tokens.json · tokens.resolver.json · tokens.css · tailwind.css');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'tokens.css' }).click()]);
  expect(download.suggestedFilename()).toBe('tokens.css');
  const css = readFileSync((await download.path())!, 'utf8');
  expect(css).toMatch(/^\/\* Design tokens \(W3C DTCG 2025\.10\) as CSS custom properties/);
  expect(css).toContain('--color-brand-primary: #');
  const swatches = await page.getByTestId('swatch').count();
  expect(swatches).toBeGreaterThan(0);
  const light = await page.locator('table').first().textContent();
  await page.getByLabel('Mode').selectOption('Dark');
  await expect.poll(() => page.locator('table').first().textContent()).not.toBe(light);
  expect(await page.getByTestId('swatch').count()).toBe(swatches);
  await shot(ctx, 'tokens-dark');
}
