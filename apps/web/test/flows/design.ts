// Design browser: a frame of the extraction drawn from its compact context, beside its text form.
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function designFlow(ctx: FlowContext) {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Design' }).click();
  await page.getByRole('button', { name: 'Home F', exact: true }).click();
  await expect.poll(() => page.getByTestId('selected-name').textContent(), { timeout: 15_000 }).toBe('Home');
  const drawing = page.getByTestId('drawing');
  expect(await drawing.locator('[data-node-id]').count()).toBeGreaterThan(10);
  expect(await drawing.textContent()).toContain('Summer collection');
  expect(await page.getByTestId('node-text').textContent()).toMatch(/F "Home" #20:29/);
  await shot(ctx, 'design-home');
}
