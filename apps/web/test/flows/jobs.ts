// Jobs page: the extraction in the history; its trace as a waterfall (its requests arrive through the metrics queue
// within seconds); a rename of 1,000 long-named layers, whose result is over ARTIFACT_INLINE_MAX_BYTES and kept as an
// artifact, shown old → new from that artifact.
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

const LAYERS = 1_000;

/** Queues a rename through the API whose result (~300 KB: names of ~250 characters) goes to an artifact. */
async function bigRename(ctx: FlowContext): Promise<string> {
  const layers = Array.from({ length: LAYERS }, (_, i) => ({ id: `9:${i}`, name: `Layer ${i} ${'very long layer name '.repeat(11)}`.slice(0, 250), type: 'TEXT', path: `Page/Section ${Math.floor(i / 10)}`, text: `Label number ${i}` }));
  const res = await fetch(`${ctx.apiUrl}/api/rename-layers`, { method: 'POST', headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ layers }) });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { job_id: string }).job_id;
}

export async function jobsFlow(ctx: FlowContext) {
  const { page } = ctx;
  const renameId = await bigRename(ctx);
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect.poll(async () => (await page.getByTestId('job-row').allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/figma-context\s*done/);
  await page.getByTestId('job-row').filter({ hasText: 'figma-context' }).first().getByRole('link', { name: 'trace' }).click();
  await expect.poll(() => page.getByTestId('trace-summary').textContent().catch(() => ''), { timeout: 45_000 }).toMatch(/^[1-9]\d* requests?, /);
  expect(await page.locator('.waterfall li[data-kind="request"]').count()).toBeGreaterThan(0);
  expect(await page.locator('.waterfall').textContent()).toContain('/figma-context/start');
  await shot(ctx, 'trace');

  // the rename, once finished: its result is an artifact, and the page shows every name from it
  const poll = async () => (await (await fetch(`${ctx.apiUrl}/api/jobs/${renameId}`, { headers: { authorization: `Bearer ${ctx.apiKey}` } })).json()) as { status: string; result: unknown; result_artifact: { bytes: number } | null };
  await expect.poll(async () => (await poll()).status, { timeout: 60_000, interval: 500 }).toBe('completed');
  const job = await poll();
  expect(job.result).toBeNull();
  expect(job.result_artifact?.bytes).toBeGreaterThan(256 * 1024);
  await page.getByRole('link', { name: 'Jobs' }).click();
  const row = page.getByTestId('job-row').filter({ hasText: renameId.slice(0, 8) });
  await row.getByRole('button', { name: 'Show' }).click();
  await expect.poll(() => page.getByTestId('job-result-summary').textContent().catch(() => ''), { timeout: 15_000 }).toBe(`${LAYERS.toLocaleString('en-US')} layers renamed (read from its artifact)`);
  expect(await page.getByTestId('rename-result-row').count()).toBe(LAYERS);
  const first = page.getByTestId('rename-result-row').first().locator('td');
  expect(await first.allTextContents()).toEqual(['9:0', `Layer 0 ${'very long layer name '.repeat(11)}`.slice(0, 250), 'Label Number 0']);
  await shot(ctx, 'jobs-rename-result');
}
