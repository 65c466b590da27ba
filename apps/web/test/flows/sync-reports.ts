// Design-sync page, the reports after a sync (called by syncFlow): coverage of the sample's stories, the credentials
// card (the Storybook URL stored by its last 4 characters and check; a URL whose check fails is a 422, nothing
// stored), a browser session rendering every story (ProductCard's Default throws: failed) with its screenshots,
// listed among the past sessions and opened again from there after a reload, and
// the whole page at 400 px with no horizontal scroll.
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function syncReports(ctx: FlowContext, view: (id: string, name: string) => Promise<unknown>) {
  const { page } = ctx;
  const text = (testId: string) => page.getByTestId(testId).first().textContent().catch(() => '');
  // coverage: every component has stories and tests; the Figma variant options its stories cover
  await expect.poll(() => page.getByTestId('coverage-row').count(), { timeout: 15_000 }).toBe(3);
  expect(await text('coverage-totals')).toMatch(/Components with stories\s*100 % of 3[\s\S]*Components with tests\s*100 %[\s\S]*Figma variants covered\s*75 % \(3 of 4 Figma variant options\)/);
  // Button's stories cover 3 of its 4 Figma variant options: no story shows Size=Medium
  expect(await page.getByTestId('coverage-row').filter({ hasText: 'Button' }).textContent()).toMatch(/3\/4 \(75 %\)Size=Medium$/);
  expect(await page.getByTestId('coverage-row').filter({ hasText: 'Button' }).locator('td').first().textContent()).toBe('4');
  await view('coverage', 'sync-coverage');

  // credentials: the Storybook URL stored above by its last 4 characters and its check; a failing check is a 422
  const storybook = page.getByTestId('credential').filter({ hasText: 'Storybook URL' });
  await expect.poll(() => storybook.textContent(), { timeout: 15_000 }).toMatch(/active[\s\S]*passed \(200\)[\s\S]*no expiry[\s\S]*…\d{4}/);
  expect(await page.getByTestId('credential').filter({ hasText: 'Slack webhook' }).textContent()).toContain('not set');
  await page.getByLabel('Kind').selectOption('storybook');
  await page.getByLabel('Value').fill(`${ctx.storybookUrl}/nowhere`);
  await page.getByRole('button', { name: 'Save credential' }).click();
  await expect.poll(() => page.locator('section#credentials [role=alert]').textContent().catch(() => ''), { timeout: 15_000 }).toMatch(/^UNPROCESSABLE .*Storybook answered 404.*request id \S+/);
  expect(await storybook.textContent()).toMatch(/…\d{4}/);
  await view('credentials', 'sync-credentials');

  // a browser session: every story rendered; ProductCard's Default throws; screenshots shown from the artifacts
  await page.getByRole('button', { name: 'Run every story' }).click();
  await expect.poll(() => text('session-status'), { timeout: 120_000, interval: 1_000 }).toMatch(/^Session done: /);
  expect(await text('session-status')).toMatch(/^Session done: 5 passed, 1 failed of 6/);
  const failed = page.getByTestId('story-result').filter({ hasText: 'components-productcard--default' });
  expect(await failed.locator('.badge').textContent()).toBe('failed');
  expect(await failed.locator('.console').count()).toBe(1);
  const shots = page.getByTestId('story-screenshot');
  await expect.poll(() => shots.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => shots.first().evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(100);
  // the session is listed among the past ones; after a reload (nothing shown) Open brings it back with its results
  const past = page.getByTestId('past-session');
  await expect.poll(() => past.first().textContent(), { timeout: 15_000 }).toMatch(/done5 passed, 1 failed of 6\d+\.\d s/);
  expect(await past.count()).toBe(1);
  expect(await past.first().getAttribute('aria-current')).toBe('true');
  await page.reload();
  await expect.poll(() => past.count(), { timeout: 15_000 }).toBe(1);
  expect(await page.getByTestId('session-status').count()).toBe(0);
  await past.first().getByRole('button', { name: /^Open session of / }).click();
  await expect.poll(() => text('session-status'), { timeout: 15_000 }).toMatch(/^Session done: 5 passed, 1 failed of 6/);
  expect(await page.getByTestId('story-result').count()).toBe(6);
  await view('browser', 'sync-browser');
  await shot(ctx, 'sync');

  // plugin-sized: no horizontal scroll of the document
  await page.setViewportSize({ width: 400, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await shot(ctx, 'sync-400px');
  await page.setViewportSize({ width: 1200, height: 900 });
}
