// Chat page: the model's refused page shown with the API's error; then a design turn streamed live — its steps, sources from the sample the earlier flows applied (once the RAG
// index holds them), the model's text, the generated page drawn and beside its JSON — applied on the turn's trace;
// a second message refines that page; the trace shows the chat's steps and the apply.
import { expect } from 'vitest';
import { type FlowContext, shot } from './context';

export async function chatFlow(ctx: FlowContext) {
  const { page } = ctx;
  // the applied sample reaches the RAG index through the projection and embedding queues: wait until a search finds it
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const res = await fetch('/rag', { method: 'POST', headers: { authorization: `Bearer ${sessionStorage.getItem('cogo.apiKey')}`, 'content-type': 'application/json' }, body: JSON.stringify({ q: 'a pricing page with three plans and a FAQ', limit: 3 }) });
          return res.ok ? ((await res.json()) as { items: unknown[] }).items.length : -res.status;
        }),
      { timeout: 60_000, interval: 1_000 },
    )
    .toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Chat' }).click();
  // the dev stack's model is a fake that echoes: its "page" is refused with the API's envelope, shown on the turn
  await page.getByLabel('Message').fill('a pricing page with three plans and a FAQ');
  await page.getByRole('button', { name: 'Send' }).click();
  const failed = page.getByTestId('turn').first();
  await expect.poll(() => failed.getByRole('alert').textContent().catch(() => ''), { timeout: 60_000 }).toMatch(/^LLM_BAD_OUTPUT .*request id \S+/);
  expect(await failed.getByTestId('llm-text').textContent()).toContain('a pricing page');
  expect(await failed.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
  await shot(ctx, 'chat-model-refused');

  // the keyword generator makes the page offline
  await page.getByLabel('Generator').selectOption('keyword');
  await page.getByLabel('Message').fill('a pricing page with three plans and a FAQ');
  await page.getByRole('button', { name: 'Send' }).click();
  const first = page.getByTestId('turn').nth(1);
  await expect.poll(() => first.getByTestId('turn-done').count(), { timeout: 60_000 }).toBe(1);
  const steps = await first.getByTestId('step').allTextContents();
  expect(steps.some((s) => /^rag done/.test(s))).toBe(true);
  expect(steps.some((s) => /^ui done/.test(s))).toBe(true);
  expect(await first.getByTestId('rag-source').count()).toBeGreaterThan(0);
  expect(await first.getByTestId('preview-summary').textContent()).toMatch(/\S/);
  // the page drawn: its sections as labelled boxes, with the texts of its JSON
  const preview = first.getByTestId('ui-preview');
  expect(await preview.locator('.pv-section').count()).toBeGreaterThan(1);
  const json = JSON.parse((await first.getByLabel('UI JSON').textContent())!) as { page: { sections: Array<{ name: string; type: string }> } };
  const drawn = (await preview.textContent())!;
  for (const s of json.page.sections) expect(drawn).toContain(`${s.name} (${s.type})`);
  expect(json.page.sections.map((s) => s.type)).toContain('pricing');
  await shot(ctx, 'chat-turn');

  await first.getByRole('button', { name: 'Apply page 2' }).click();
  await expect.poll(() => first.getByTestId('applied').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/^Applied as page \w+: \d+ inserted/);

  // a second message refines the page made
  await page.getByLabel('Message').fill('make the pricing section darker, add a testimonials section and write its BDD scenarios');
  await page.getByRole('button', { name: 'Send' }).click();
  const second = page.getByTestId('turn').nth(2);
  await expect.poll(() => second.getByTestId('turn-done').count(), { timeout: 60_000 }).toBe(1);
  // the page sent along keeps its pricing section and gains the testimonials asked for
  const refined = (await second.getByTestId('ui-preview').textContent())!;
  expect(refined).toContain('(pricing)');
  expect(refined).toContain('(testimonials)');
  // the BDD asked for: its Gherkin, as many scenarios as the summary says, in a feature
  const gherkin = second.getByTestId('gherkin');
  const scenarios = Number(/^Gherkin: (\d+) scenarios?$/.exec((await gherkin.locator('summary').textContent())!)?.[1]);
  expect(scenarios).toBeGreaterThan(0);
  await gherkin.locator('summary').click();
  const feature = (await gherkin.getByLabel('Gherkin feature').textContent())!;
  expect(feature).toMatch(/^Feature: /m);
  expect(feature.match(/^\s*Scenario( Outline)?: /gm)).toHaveLength(scenarios);
  await shot(ctx, 'chat-refined');

  // the first turn's trace: the chat's steps and the apply on one timeline
  await first.getByRole('link', { name: 'trace of turn 2' }).click();
  await expect.poll(() => page.locator('.waterfall').textContent().catch(() => ''), { timeout: 45_000 }).toMatch(/ui_generate/);
  // the apply's events reach the trace through the events queue: reload until they are on it
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator('.waterfall').textContent({ timeout: 15_000 }).catch(() => '');
      },
      { timeout: 60_000, interval: 2_000 },
    )
    .toMatch(/figma_apply/);
  await shot(ctx, 'chat-trace');
}
