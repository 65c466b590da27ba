// Tokens page, two versions compared: the sample's brand colour is changed in the Figma fake (an edit in Figma: the
// file's version moves), the tokens derived again, and the two stored versions compared — the colour's change shown
// old → new with swatches, in the mode it changed in; then a palette of 2,500 colours added, a diff large enough to come
// as an artifact, which the page fetches and lists. Runs last: it edits the sample file.
import { SAMPLE_FILE_KEY, SAMPLE_VARIABLE_IDS, sampleVariables, storefrontFile } from '@cogo/fakes/samples';
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

/** The sample's variables with its brand colour changed; `added` more colours in its first collection (a new palette). */
async function editSampleInFigma(figma: string, added = 0) {
  const meta = sampleVariables()[SAMPLE_FILE_KEY]!;
  const brand = Object.values(meta.variables).find((v) => v.id === SAMPLE_VARIABLE_IDS.brandPrimary)!;
  const light = Object.keys(brand.valuesByMode)[0]!;
  brand.valuesByMode[light] = { r: 1, g: 0, b: 0.4, a: 1 };
  const collection = Object.values(meta.variableCollections)[0]!;
  for (let i = 0; i < added; i++) {
    const id = `VariableID:900:${i}`;
    const value = { r: (i % 256) / 255, g: ((i * 3) % 256) / 255, b: ((i * 7) % 256) / 255, a: 1 };
    const template = Object.values(meta.variables).find((v) => v.variableCollectionId === collection.id && v.resolvedType === 'COLOR')!;
    meta.variables[id] = { ...template, id, key: `palette${i}`, name: `palette/p${i}`, valuesByMode: Object.fromEntries(collection.modes.map((m) => [m.modeId, value])) };
    collection.variableIds.push(id);
  }
  const put = (path: string, body: unknown) => fetch(`${figma}/__fake/${path}`, { method: 'PUT', body: JSON.stringify(body) });
  expect((await put(`variables/${SAMPLE_FILE_KEY}`, meta)).status).toBe(204);
  // the sample's body names its version: a later edit names one of its own, else the fake would take that one back
  const file = added ? { ...storefrontFile(), version: `palette${added}` } : storefrontFile();
  expect((await put(`files/${SAMPLE_FILE_KEY}`, file)).ok).toBe(true);
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

  // a palette of 2,500 colours added: the diff is over ARTIFACT_INLINE_MAX_BYTES, so the answer points at an artifact
  // and the page fetches the whole diff from it
  const beforePalette = (await summary.textContent())!;
  await editSampleInFigma(ctx.figmaFakeUrl, 2_500);
  await page.getByRole('button', { name: 'Derive tokens' }).click();
  await expect.poll(() => summary.textContent(), { timeout: 30_000 }).not.toBe(beforePalette);
  await expect.poll(() => page.getByLabel('From').locator('option').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect.poll(() => page.getByTestId('diff-summary').textContent().catch(() => ''), { timeout: 15_000 }).toMatch(/^0 changed, (2500|5000) added, 0 removed, 0 renamed, \d+ unchanged$/); // once, or once per mode
  expect(await page.getByTestId('diff-row').filter({ hasText: 'palette' }).count()).toBeGreaterThan(0);
}
