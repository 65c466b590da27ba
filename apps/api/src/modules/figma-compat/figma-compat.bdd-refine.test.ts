// POST /figma-compat/uui/bdd/refine through the Worker and the LLM gateway (the project's own provider on the OpenAI
// fake, the page inline so no Figma token is needed): a valid fenced answer is taken as is; a broken one is
// repaired once with the parser's error in the second request; broken twice is a 422 with line and column; a
// `feature` in the body that does not parse is a 400 before any LLM request; usage rows carry the route's name and
// `bdd_refined` the body's trace; the gateway's own errors pass through.
import { BddRefineResponseSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { bddFile, busEventsOf, errorOf, newTrace, parsedScenarios } from './figma-compat.bdd.test-helpers';

afterEach(() => openaiFake.clear());

const REFINE = '/figma-compat/uui/bdd/refine';
const refine = (key: string, json: Record<string, unknown>) => api(REFINE, { method: 'POST', key, json: { source: { document: bddFile() }, ...json } });
const project = () => llmProject([{ name: 'p1', models: [{ name: 'm1', input: 1, output: 2 }] }], { allowedModels: ['m1'], fallbackOrder: ['m1'] });

const GOOD = `Feature: Login flow
  Scenario: Sign in with a registered account
    Given I am on the "Login" screen
    When I fill "Email" with "ada@example.com"
    And I press "Sign in"
    Then I see the "Dashboard" screen
`;
// line 4 is prose where a step belongs
const BROKEN = 'Feature: Login flow\n  Scenario: Sign in\n    Given I am on the "Login" screen\n  the user then signs in\n';
const fenced = (text: string) => `Here is the refined feature:\n\n\`\`\`gherkin\n${text}\`\`\`\n`;

type Requests = Awaited<ReturnType<typeof openaiFake.requests>>;
const contentOf = (r: Requests[number]) => (r.body as { messages: Array<{ role: string; content: string }> }).messages.map((m) => m.content).join('\n');

describe('POST /figma-compat/uui/bdd/refine', () => {
  it('takes a valid fenced answer as is: repaired false, one attempt, usage on the route, bdd_refined on the trace', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), [fenced(GOOD)]);
    const trace = newTrace();
    const res = await refine(p.key, { instructions: 'Name scenarios after what the user wants.', trace_id: trace });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    const body = BddRefineResponseSchema.parse(json);
    expect(res.headers.get('x-trace-id')).toBe(trace);
    expect(body).toMatchObject({ feature: GOOD, repaired: false, attempts: 1, model: 'm1', provider: 'p1', trace_id: trace, origin: { kind: 'inline', node_id: '0:1' } });
    expect(body.scenarios).toEqual(parsedScenarios(GOOD));
    // `generated` is bdd/generate's text for the same source
    const generated = (await (await api('/figma-compat/uui/bdd/generate', { method: 'POST', key: p.key, json: { source: { document: bddFile() } } })).json()) as { feature: string };
    expect(body.generated).toBe(generated.feature);
    expect(body.usage.input_tokens).toBeGreaterThan(0);

    const requests = await openaiFake.requests(p.prefix('p1'));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toMatchObject({ model: 'm1', temperature: 0.2 });
    // the model is given the generated feature, the page's summary and the user's instructions
    const prompt = contentOf(requests[0]!);
    for (const part of ['Feature: Login flow', '"screens":', 'Name scenarios after what the user wants.']) expect(prompt).toContain(part);

    const usage = await eventually(async () => ((await usageRows(p.id)).length ? usageRows(p.id) : undefined));
    expect(usage.map((u) => [u.route, u.traceId])).toEqual([['figma-compat/bdd/refine', trace]]);
    const [event] = await busEventsOf(p.id, trace, 'bdd_refined');
    expect(event!.payload).toMatchObject({ node_id: '0:1', repaired: false, attempts: 1, model: 'm1', provider: 'p1', scenarios: 1 });
  });

  it('repairs a broken answer once: the second request holds the parser line and column; usage summed over both', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), [fenced(BROKEN), fenced(GOOD)]);
    const res = await refine(p.key, {});
    const body = BddRefineResponseSchema.parse(await res.json());
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ feature: GOOD, repaired: true, attempts: 2 });
    const requests = await openaiFake.requests(p.prefix('p1'));
    expect(requests).toHaveLength(2);
    const repair = contentOf(requests[1]!);
    expect(repair).toContain('The parser says: line 4, column 3:');
    expect(repair).toContain('   4:   the user then signs in');
    const usage = await eventually(async () => {
      const rows = await usageRows(p.id);
      return rows.length === 2 ? rows : undefined;
    });
    expect(usage.every((u) => u.route === 'figma-compat/bdd/refine')).toBe(true);
    expect(body.usage.input_tokens).toBe(usage.reduce((n, u) => n + u.tokensIn, 0));
    expect(body.usage.output_tokens).toBe(usage.reduce((n, u) => n + u.tokensOut, 0));
  });

  it('refuses an answer broken twice with 422 and the parser position; bdd_refine_refused on the trace', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), [fenced(BROKEN), `Sorry:\n${BROKEN}`]);
    const trace = newTrace();
    const err = await errorOf(await refine(p.key, { trace_id: trace }), 422);
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toContain('line 4, column 3');
    expect(err.details).toMatchObject({ code: 'BDD_GHERKIN_INVALID', line: 4, column: 3, text: BROKEN, attempts: 2, model: 'm1' });
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(2);
    const [event] = await busEventsOf(p.id, trace, 'bdd_refine_refused');
    expect(event!.payload).toMatchObject({ attempts: 2, line: 4, column: 3 });
  });

  it('a feature in the body that does not parse is a 400 naming line and column, and no LLM request is made', async () => {
    const p = await project();
    const err = await errorOf(await refine(p.key, { feature: BROKEN }), 400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toMatchObject({ code: 'BDD_GHERKIN_INVALID', line: 4, column: 3, issues: [{ path: 'json.feature' }] });
    // a language header the parser would trip on is a 400 too, not a 500
    const lang = await errorOf(await refine(p.key, { feature: `# language: __proto__\n${GOOD}` }), 400);
    expect(lang.details).toMatchObject({ line: 1, message: 'Language not supported: __proto__' });
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(0);
  });

  it('refines a feature given in the body (it is what the model is asked about) against the source summary', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), [fenced(GOOD)]);
    const mine = 'Feature: Login flow\n  Scenario: Mine\n    Given I am on the "Login" screen\n';
    const body = BddRefineResponseSchema.parse(await (await refine(p.key, { feature: mine })).json());
    expect(body.feature).toBe(GOOD);
    expect(contentOf((await openaiFake.requests(p.prefix('p1')))[0]!)).toContain('Scenario: Mine');
  });

  it('a page that gives no scenarios and no feature is a 422 before any LLM request', async () => {
    const p = await project();
    const empty = { id: '0:1', type: 'CANVAS', name: 'Notes', children: [] };
    const err = await errorOf(await refine(p.key, { source: { document: bddFile([empty]) } }), 422);
    expect(err.details).toMatchObject({ code: 'BDD_NOTHING_TO_REFINE', warnings: ['no screens: the page has no top-level frames'] });
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(0);
  });

  it("the gateway's errors pass through as it answers them: an unknown model 422, a spent budget 402 with Retry-After", async () => {
    const p = await project();
    const unknown = await errorOf(await refine(p.key, { model: 'other' }), 422);
    expect(unknown).toMatchObject({ code: 'UNPROCESSABLE', details: { model: 'other' } });
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(0);

    const poor = await llmProject([{ name: 'p1', models: [{ name: 'm1', input: 1000, output: 1000 }] }], { dailyBudgetUsd: 0.0001 });
    const res = await refine(poor.key, { model: 'm1' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const budget = await errorOf(res, 402);
    expect(budget).toMatchObject({ code: 'BUDGET_EXCEEDED', details: { budget: 'daily', limit_usd: 0.0001 } });
    expect(await openaiFake.requests(poor.prefix('p1'))).toHaveLength(0);
  });

  it('bad bodies are 400s: instructions over 4,000 characters, an empty feature, a bad model name', async () => {
    const p = await project();
    for (const json of [{ instructions: 'x'.repeat(4001) }, { feature: '' }, { model: ' spaces ' }]) {
      expect((await errorOf(await refine(p.key, json), 400)).code).toBe('VALIDATION_FAILED');
    }
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(0);
  });
});
