// Extract page, a cancel: the sample's node reads slowed in the Figma fake (4 s each), its extraction started and
// cancelled while it streams — the page says cancelled and the job is cancelled in the history (the API's own
// state). Runs before the extraction flow: on a fresh cache the stream has node reads to wait on.
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function cancelFlow(ctx: FlowContext) {
  const { page } = ctx;
  if (!ctx.figmaFakeUrl) throw new Error('the cancel flow slows the Figma fake: the dev stack must run it');
  const faults = (method: 'PUT' | 'DELETE', body?: unknown) => fetch(`${ctx.figmaFakeUrl}/__fake/faults`, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
  expect((await faults('PUT', [{ fault: { kind: 'latency', ms: 4_000 }, times: null, path: `/v1/files/${SAMPLE_FILE_KEY}/nodes` }])).ok).toBe(true);
  try {
    await page.getByRole('link', { name: 'Extract' }).click();
    await page.getByRole('button', { name: 'Extract the sample' }).click();
    await expect.poll(() => page.getByTestId('job-phase').textContent().catch(() => ''), { timeout: 30_000 }).toBe('streaming');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('job-phase').textContent(), { timeout: 15_000 }).toBe('cancelled');
    // a job that ended meanwhile (409) is no error to show either
    expect(await page.locator('div.error[role=alert]').count()).toBe(0);
    await shot(ctx, 'extract-cancelled');
  } finally {
    await faults('DELETE');
  }
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect.poll(async () => (await page.getByTestId('job-row').allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/figma-context\s*cancelled/);
}
