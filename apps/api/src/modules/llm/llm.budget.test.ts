// Budgets of the routing policy: refused with 402 before a call whose projected cost does not fit, an expensive
// model skipped for a cheaper fallback that fits, a stream stopped with `error` when it would cross the budget,
// and actual spend (the provider's usage) counted so the next call is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, readSse } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';

afterEach(() => openaiFake.clear());

const ask = (key: string, json: Record<string, unknown>) => api('/llm/completions', { method: 'POST', key, json });

describe('LLM budgets', () => {
  it('answers 402 BUDGET_EXCEEDED before calling any provider when the projected cost does not fit', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', input: 1000, output: 1000 }] }], { dailyBudgetUsd: 0.0001 });
    const res = await ask(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'a question of some length' }] });
    expect(res.status).toBe(402);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { code: string; details: Record<string, unknown> } };
    expect(body.error.code).toBe('BUDGET_EXCEEDED');
    expect(body.error.details).toMatchObject({ budget: 'daily', limit_usd: 0.0001, spent_usd: 0 });
    expect(Date.parse(String(body.error.details.resets_at))).toBeGreaterThan(Date.now());
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(0);
  });

  it('skips a model whose projected cost exceeds the budget left and uses the fallback that fits', async () => {
    const p = await llmProject(
      [
        { name: 'alpha', models: [{ name: 'm-dear', output: 100_000 }] },
        { name: 'beta', models: [{ name: 'm-cheap', output: 0 }] },
      ],
      { dailyBudgetUsd: 0.01, fallbackOrder: ['m-cheap'] },
    );
    const res = await ask(p.key, { model: 'm-dear', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ provider: 'beta', model: 'm-cheap' });
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(0);
  });

  it('stops a stream that would cross the budget with one error event, and bills what it produced', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', output: 1000 }] }], { dailyBudgetUsd: 0.02 });
    await openaiFake.replies(p.chatPath('alpha'), [Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')]);
    const res = await ask(p.key, { model: 'm-alpha', stream: true, max_tokens: 5, messages: [{ role: 'user', content: 'write a lot' }] });
    expect(res.status).toBe(200);
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    expect(events.filter((e) => e.event === 'llm.done' || e.event === 'error')).toHaveLength(1);
    expect(events.at(-1)!.event).toBe('error');
    expect(events.at(-1)!.data.error.code).toBe('BUDGET_EXCEEDED');
    expect(events.filter((e) => e.event === 'llm.delta').length).toBeGreaterThan(0);
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    expect(rows[0]).toMatchObject({ outcome: 'budget_stopped' });
    expect(rows[0]!.costUsd).toBeGreaterThan(0);
  });

  it('counts the actual cost from the provider’s usage, so the next call is refused once it is spent', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', output: 100 }] }], { dailyBudgetUsd: 0.0006 });
    // ten one-letter words: about 5 tokens by length, 10 by the provider's count (it bills 0.001)
    await openaiFake.replies(p.chatPath('alpha'), ['a a a a a a a a a a']);
    const first = await ask(p.key, { model: 'm-alpha', max_tokens: 1, messages: [{ role: 'user', content: 'x' }] });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { usage: { output_tokens: number; cost_usd: number; estimated: boolean } };
    expect(body.usage).toMatchObject({ output_tokens: 10, estimated: false });
    expect(body.usage.cost_usd).toBeCloseTo(0.001, 12);
    const second = await eventually(async () => {
      const res = await ask(p.key, { model: 'm-alpha', max_tokens: 1, messages: [{ role: 'user', content: 'x' }] });
      return res.status === 402 ? res : undefined;
    });
    const refused = (await second.json()) as { error: { details: { spent_usd: number } } };
    expect(refused.error.details.spent_usd).toBeCloseTo(0.001, 12);
    const inspected = (await (await api('/llm/router-select', { method: 'POST', key: p.key, json: { model: 'm-alpha' } })).json()) as { budgets: Array<{ period: string; spent_usd: number; limit_usd: number }> };
    expect(inspected.budgets).toEqual([
      expect.objectContaining({ period: 'daily', limit_usd: 0.0006, spent_usd: expect.closeTo(0.001, 12) }),
      expect.objectContaining({ period: 'monthly', limit_usd: null, spent_usd: expect.closeTo(0.001, 12) }),
    ]);
  });
});
