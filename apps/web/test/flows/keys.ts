// Project page: a key created (shown once), rotated (a new one shown), then revoked after a confirmation; the tab's own
// key rotated (the tab goes on with its successor). Returns the revoked key for the refusal check at the end.
import { expect } from 'vitest';
import { type FlowContext, shot, WAIT } from './context';

export async function keysFlow(ctx: FlowContext): Promise<{ revoked: string }> {
  const { page } = ctx;
  // the list loads after the project: count its rows once it is there (at least the tab's own key)
  await page.getByTestId('key-row').first().waitFor();
  const rowsBefore = await page.getByTestId('key-row').count();
  await page.getByLabel('New key name').fill('e2e');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect.poll(() => page.getByTestId('new-key').textContent().catch(() => ''), WAIT).toMatch(/^cogo_/);
  const created = (await page.getByTestId('new-key').textContent())!;
  await expect.poll(() => page.getByTestId('key-row').count(), WAIT).toBe(rowsBefore + 1);
  await page.getByRole('button', { name: 'Rotate e2e' }).click();
  await expect.poll(() => page.getByTestId('new-key').textContent(), WAIT).not.toBe(created);
  const rotated = (await page.getByTestId('new-key').textContent())!;
  // the rotated key's row is revoked and its successor live, in the list shown with the new key
  const e2eRows = page.getByTestId('key-row').filter({ hasText: 'e2e' });
  expect((await e2eRows.allTextContents()).map((t) => (t.includes('revoked') ? 'revoked' : 'active')).sort()).toEqual(['active', 'revoked']);
  await page.getByRole('button', { name: 'Revoke e2e' }).click();
  await page.getByRole('button', { name: 'Confirm revoke e2e' }).click();
  await expect.poll(async () => (await page.getByTestId('key-row').filter({ hasText: 'e2e' }).allTextContents()).every((t) => t.includes('revoked')), WAIT).toBe(true);
  // rotating the tab's own key: the tab goes on with its successor (every later step uses it)
  const own = page.getByTestId('key-row').filter({ hasText: '(this tab)' });
  const ownName = (await own.locator('td').first().textContent())!;
  await own.getByRole('button', { name: `Rotate ${ownName}` }).click();
  await expect.poll(() => page.getByTestId('new-key').textContent(), WAIT).not.toBe(rotated);
  const successor = (await page.getByTestId('new-key').textContent())!;
  expect(await page.evaluate(() => sessionStorage.getItem('cogo.apiKey'))).toBe(successor);
  await expect.poll(async () => (await page.getByTestId('key-row').filter({ hasText: '(this tab)' }).allTextContents()).join('|'), WAIT).toMatch(/active/);
  expect(await page.getByTestId('project-name').textContent()).toBeTruthy();
  ctx.apiKey = successor;
  await shot(ctx, 'keys');
  return { revoked: rotated };
}
