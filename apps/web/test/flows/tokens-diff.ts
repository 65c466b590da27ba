// Tokens page, two versions compared: the sample's brand colour is changed in the Figma fake (an edit in Figma: the
// file's version moves), the tokens derived again, and the two stored versions compared — the colour's change shown
// old → new with swatches, in the mode it changed in. Runs last: it edits the sample file.
import { SAMPLE_FILE_KEY, SAMPLE_VARIABLE_IDS, sampleVariables, storefrontFile } from '@cogo/fakes/samples';
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

async function editSampleInFigma(figma: string) {
  const meta = sampleVariables()[SAMPLE_FILE_KEY]!;
  const brand = Object.values(meta.variables).find((v) => v.id === SAMPLE_VARIABLE_IDS.brandPrimary)!;
  const light = Object.keys(brand.valuesByMode)[0]!;
  brand.valuesByMode[light] = { r: 1, g: 0, b: 0.4, a: 1 };
  const put = (path: string, body: unknown) => fetch(`${figma}/__fake/${path}`, { method: 'PUT', body: JSON.stringify(body) });
  expect((await put(`variables/${SAMPLE_FILE_KEY}`, meta)).status).toBe(204);
  expect((await put(`files/${SAMPLE_FILE_KEY}`, storefrontFile())).ok).toBe(true);
}

export async function tokensDiffFlow(ctx: FlowContext) {
  const { page } = ctx;
  if (!ctx.figmaFakeUrl) throw new Error('the token diff flow edits the Figma fake: the dev stack must run it');
  await page.getByRole('link', { name: 'Tokens' }).click();
  await page.getByRole('button', { name: 'Derive tokens' }).click();
  const summary = page.getByTestId('tokens-summary');
  await expect.poll(() => summary.textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/version \S+/);
  const before = (await summary.textContent())!;

  await editSampleInFigma(ctx.figmaFakeUrl);
  await page.getByRole('button', { name: 'Derive tokens' }).click();
  await expect.poll(() => summary.textContent(), { timeout: 30_000 }).not.toBe(before);
  await expect.poll(() => page.getByLabel('From').locator('option').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect.poll(() => page.getByTestId('diff-summary').textContent().catch(() => ''), { timeout: 15_000 }).toMatch(/^[1-9]\d* changed, 0 added, 0 removed, 0 renamed, \d+ unchanged$/);
  const changed = page.getByTestId('diff-row').filter({ hasText: /brand.*primary/ });
  expect(await changed.count()).toBeGreaterThan(0);
  const text = (await changed.first().textContent())!;
  expect(text).toMatch(/#2f5bea/i);
  expect(text).toMatch(/#ff0066/i);
  expect(await changed.first().locator('.swatch').count()).toBe(2);
  await shot(ctx, 'tokens-diff');
}
