// Design-sync page, from what the earlier flows left (the sample Figma file extracted and applied): connect the dev
// stack's sample Storybook and ingest it (Button comes mapped through Code Connect), suggest mappings and confirm
// Badge, reject Product Card; the sample's deliberate drift (Button's variant/size values, "Show icon" and
// `disabled`; Badge's `tone`) listed and Button's diff previewed; a code → design sync reviewed, confirmed and
// applied (no drift left), undone (drift back), undone again and refused (409 already_undone, shown in words); then
// the reports (sync-reports.ts: coverage, credentials, a browser session, 400 px). Each view gets its screenshot.
import { join } from 'node:path';
import { expect } from 'vitest';
import { type FlowContext, WAIT } from './context';
import { syncReports } from './sync-reports';

export async function syncFlow(ctx: FlowContext) {
  const { page } = ctx;
  const view = (id: string, name: string) => page.locator(`section#${id}`).screenshot({ path: join(ctx.out, `${name}.png`) });
  const text = (testId: string) => page.getByTestId(testId).first().textContent().catch(() => '');
  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect.poll(() => text('registry-status'), { timeout: 15_000 }).toMatch(/^No coded components yet\. No Storybook connected\./);

  // get started: one URL and one click ingest the build; then suggestions to confirm or reject
  await page.getByRole('textbox', { name: 'Storybook URL', exact: true }).fill(ctx.storybookUrl);
  await page.getByRole('button', { name: 'Connect and ingest' }).click();
  await expect.poll(() => text('start-note'), { timeout: 30_000 }).toMatch(/^Ingested 3 components \(3 new, 0 updated, 0 unchanged\), 6 stories, 1 Code Connect mapping — read index\.json, manifests\/components\.json, docgen\.json, code-connect\.json/);
  await expect.poll(() => text('registry-status'), WAIT).toMatch(/^3 coded components in the registry\. Storybook connected/);
  await expect.poll(() => text('mapping-status'), WAIT).toBe('1 confirmed mapping, 0 waiting for you.');
  await page.getByRole('button', { name: 'Suggest mappings' }).click();
  await expect.poll(async () => (await page.getByTestId('suggestion').allTextContents()).map((t) => t.split(/\d+ %/)[0]).sort(), { timeout: 15_000 }).toEqual(['BadgeBadge', 'ProductCardProduct Card']);
  await view('start', 'sync-start');
  await page.getByRole('button', { name: 'Confirm Badge' }).click();
  await expect.poll(() => text('mapping-status'), { timeout: 15_000 }).toBe('2 confirmed mappings, 1 waiting for you.');
  await page.getByRole('button', { name: 'Reject ProductCard' }).click();
  await expect.poll(() => text('mapping-status'), { timeout: 15_000 }).toBe('2 confirmed mappings, 0 waiting for you.');

  // drift: Button's four items and Badge's one, as the sample was made
  await expect.poll(() => text('drift-summary'), { timeout: 15_000 }).toMatch(/^2 drifted mappings, 5 drift items/);
  const drift = page.locator('section#drift');
  expect((await drift.getByRole('article', { name: 'Drift of Button' }).textContent())!).toMatch(/disabled[\s\S]*Show icon[\s\S]*Size[\s\S]*Variant/);
  expect(await drift.getByRole('article', { name: 'Drift of Badge' }).textContent()).toContain('tone');
  await page.getByRole('button', { name: 'Not drift: Button disabled' }).click();
  await expect.poll(() => text('feedback-done'), { timeout: 15_000 }).toMatch(/^marked not drift \(false positives so far: \d+ %\)/);
  await view('drift', 'sync-drift');

  // the diff of Button: Figma side against code side
  await page.getByRole('button', { name: 'Preview diff of Button' }).click();
  await expect.poll(() => text('diff-summary'), { timeout: 15_000 }).toMatch(/^Components\/Button against Figma “Button” .*: 4 differences, 1 unchanged$/);
  const diff = page.locator('section#diff');
  expect(await diff.getByRole('row', { name: /^Show icon/ }).textContent()).toMatch(/BOOLEAN.*—only in Figma/);
  expect(await diff.getByRole('row', { name: /^disabled/ }).textContent()).toMatch(/—boolean \(boolean\), default false\s*only in code/);
  expect(await diff.getByRole('row', { name: /^Size/ }).textContent()).toContain('lg');
  await view('diff', 'sync-diff');

  // sync code → design with its confirmation; no drift after; undo brings it back; a second undo is refused
  await page.getByLabel(/^Code → design/).check();
  await page.getByRole('button', { name: 'Review sync' }).click();
  await expect.poll(() => page.getByTestId('sync-plan').locator('h3').textContent().catch(() => ''), { timeout: 15_000 }).toBe('2 components will change (5 drift items), code → design');
  expect(await page.getByTestId('sync-plan').textContent()).toContain('Figma “Badge” takes Badge’s tone');
  await view('sync', 'sync-confirm');
  await page.getByRole('button', { name: 'Confirm sync' }).click();
  await expect.poll(() => text('sync-result'), { timeout: 30_000 }).toMatch(/^applied — Applied: every component synced\. 2 applied, 0 unchanged, 0 failed/);
  await expect.poll(() => text('drift-summary'), { timeout: 15_000 }).toMatch(/^0 drifted mappings, 0 drift items/);
  await expect.poll(() => page.getByTestId('operation-row').count(), WAIT).toBe(1);
  await view('sync', 'sync-applied');
  await page.getByRole('button', { name: 'Undo latest sync' }).click();
  await expect.poll(() => text('undo-result'), { timeout: 15_000 }).toMatch(/^Undid op_[0-9a-f]+: 2 components restored \(restored state checked/);
  await expect.poll(() => text('drift-summary'), { timeout: 15_000 }).toMatch(/^2 drifted mappings, 5 drift items/);
  await expect.poll(() => page.getByTestId('operation-row').first().textContent(), WAIT).toContain('undone');
  await page.getByTestId('operation-row').first().getByRole('button', { name: /^Undo op_/ }).click();
  await expect.poll(() => text('undo-refusal'), { timeout: 15_000 }).toBe('Undo refused (already undone). It has already been undone.');
  expect(await page.locator('section#sync .error').textContent()).toMatch(/^CONFLICT operation op_\S+ is already undone\s*request id \S+/);
  await view('sync', 'sync-undo-refused');

  await syncReports(ctx, view);
}
