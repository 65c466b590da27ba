// POST /chat/design through the Worker, the LLM gateway (the project's own provider on the OpenAI fake) and RAG
// (the deployment's embedding provider on the fake): the three chat commands of seed 000 §14 end to end, every step
// on one trace — SSE events in order with exactly one terminal event, the timeline's bus events in order, usage
// rows on the trace — and the previewed page applied on the same trace.
import { CogoUiJsonSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, readSse, type StreamedEvent } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows, type LlmProject } from '../../../test/llm-helpers';
import { newTrace } from '../figma-compat/figma-compat.bdd.test-helpers';
import { heroSection, modelPage, seedLibrary } from '../figma-compat/figma-compat.ui.test-helpers';

afterEach(() => openaiFake.clear());

// the chat model on the project's own provider; retrieval embeds with the deployment's provider (the fake too)
const project = () => llmProject([{ name: 'p1', models: [{ name: 'm1', input: 1, output: 2 }] }], { allowedModels: ['m1', 'text-embedding-3-small'], fallbackOrder: ['m1'] });
const design = (key: string, json: Record<string, unknown>) => api('/chat/design', { method: 'POST', key, json });
const names = (events: StreamedEvent[]) => events.filter((e) => e.event !== 'keepalive').map((e) => (e.event === 'progress' ? `progress:${e.data.step}:${e.data.status}` : e.event));

/** The trace's timeline once `last` has been written (the events queue is asynchronous). */
async function timeline(key: string, trace: string, last: string) {
  return eventually(async () => {
    const body = (await (await api(`/metrics/trace/${trace}`, { key })).json()) as { events: Array<{ type: string; payload: Record<string, unknown> }> };
    return body.events.some((e) => e.type === last) ? body.events : undefined;
  });
}

const PRICING = modelPage(
  [
    {
      id: 'pricing',
      type: 'pricing',
      name: 'Pricing',
      blocks: [
        {
          id: 'plans',
          type: 'grid',
          layout: { columns: 2 },
          components: [
            { id: 'starter', type: 'card', component: { name: 'Card' }, children: [{ id: 'starter-price', type: 'text', text: 'Starter — $9 / month' }] },
            { id: 'pro', type: 'card', component: { name: 'Card' }, children: [{ id: 'pro-price', type: 'text', text: 'Pro — $29 / month' }] },
          ],
        },
      ],
    },
  ],
  'Acme Cloud pricing',
);

async function ingestKnowledge(p: LlmProject) {
  const res = await api('/rag/ingest/upsert', {
    method: 'POST',
    key: p.key,
    json: { items: [{ id: 'acme-cloud-plans', title: 'Acme Cloud plans', text: 'Acme Cloud has two plans. Starter costs $9 per month. Pro costs $29 per month and adds SSO.' }] },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('POST /chat/design', () => {
  it('"Generate a landing page …": meta, rag, llm.delta…, llm.done, ui.preview, done — one trace, timeline in order', async () => {
    const p = await project();
    const ids = await seedLibrary(p.id);
    const answer = JSON.stringify(modelPage([heroSection()]));
    await openaiFake.replies(p.chatPath('p1'), [answer]);
    const trace = newTrace();
    const res = await design(p.key, { prompt: 'Generate a landing page for Acme with hero, CTA and features', trace_id: trace });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('x-trace-id')).toBe(trace);
    const events = await readSse(res);
    const seq = names(events);
    expect(seq[0]).toBe('meta');
    expect(events[0]!.data).toEqual({ trace_id: trace, intents: ['generate'] });
    // retrieval runs first (this project has no documents yet: it finds nothing, and says so)
    expect(seq.slice(1, 2)).toEqual(['progress:rag:started']);
    const ragDone = seq.indexOf('rag.done');
    expect(seq.slice(ragDone, ragDone + 3)).toEqual(['rag.done', 'progress:rag:done', 'progress:plan:started']);
    const deltas = events.filter((e) => e.event === 'llm.delta').map((e) => e.data.text as string);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(answer);
    const tail = seq.slice(seq.indexOf('llm.done'));
    expect(tail).toEqual(['llm.done', 'progress:plan:done', 'progress:ui:started', 'ui.preview', 'progress:ui:done', 'done']);
    expect(seq.filter((s) => s === 'done' || s === 'error')).toEqual(['done']);

    const preview = events.find((e) => e.event === 'ui.preview')!.data;
    const doc = CogoUiJsonSchema.parse(preview.cogo_ui_json);
    expect(doc.page.source).toMatchObject({ kind: 'generated', generator: 'llm' });
    expect(preview.sections[0].matched).toEqual([{ name: 'Button/Primary', component_id: ids['Button/Primary'] }]);
    expect(preview.summary).toContain('1 from your library');
    const done = events.at(-1)!.data;
    expect(done).toMatchObject({ trace_id: trace, intents: ['generate'], usage: { input_tokens: expect.any(Number) } });
    expect(done.timings.total_ms).toBeGreaterThanOrEqual(done.timings.llm_ms);

    // approve: apply on the same trace
    const applied = await api('/figma-context/apply', { method: 'POST', key: p.key, json: { page: doc, trace_id: trace } });
    expect(applied.status).toBe(200);

    const types = (await timeline(p.key, trace, 'figma_apply_done')).map((e) => e.type);
    const order = ['gen_plan_scheduled', 'rag_query_started', 'rag_query_succeeded', 'gen_plan_started', 'gen_plan_succeeded', 'ui_generate_started', 'ui_generate_succeeded', 'figma_apply_started', 'figma_apply_done'];
    expect(types.filter((t) => order.includes(t))).toEqual(order);
    const usage = await eventually(async () => ((await usageRows(p.id)).some((u) => u.route === 'chat/design') ? usageRows(p.id) : undefined));
    expect(usage.filter((u) => u.route === 'chat/design').map((u) => u.traceId)).toEqual([trace]);
  });

  it('"Use knowledge about <product> to create pricing section": the retrieved knowledge is streamed and given to the model', async () => {
    const p = await project();
    await seedLibrary(p.id);
    await ingestKnowledge(p);
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(PRICING)]);
    const res = await design(p.key, { messages: [{ role: 'user', content: 'Use knowledge about Acme Cloud to create a pricing section' }], rag: { limit: 3, filter: { source: ['doc'] } } });
    const events = await readSse(res);
    const items = events.filter((e) => e.event === 'rag.item').map((e) => e.data);
    expect(items.map((i) => i.external_id)).toContain('acme-cloud-plans');
    expect(events.find((e) => e.event === 'rag.done')!.data).toEqual({ count: items.length });
    const [request] = await openaiFake.requests(p.prefix('p1'));
    expect(JSON.stringify(request!.body)).toContain('Pro costs $29 per month');
    const preview = events.find((e) => e.event === 'ui.preview')!.data as { cogo_ui_json: unknown; sections: Array<{ type: string }> };
    expect(preview.sections.map((s) => s.type)).toEqual(['pricing']);
    expect(JSON.stringify(CogoUiJsonSchema.parse(preview.cogo_ui_json))).toContain('Pro — $29 / month');
    expect(events.at(-1)!.event).toBe('done');
  });

  it('"Refine button styles and add login flow BDD": refines the page given, then Gherkin for it', async () => {
    const p = await project();
    await seedLibrary(p.id);
    const login = modelPage(
      [
        {
          id: 'login',
          type: 'login_form',
          name: 'Login',
          blocks: [
            {
              id: 'form',
              type: 'form',
              components: [
                { id: 'email', type: 'input', props: { label: 'Email', placeholder: 'you@example.com', input_type: 'email' } },
                { id: 'password', type: 'input', props: { label: 'Password', input_type: 'password' } },
                { id: 'submit', type: 'button', text: 'Sign in', actions: [{ on: 'click', type: 'navigate', target: 'dashboard' }] },
              ],
            },
          ],
        },
        { id: 'dashboard', type: 'generic', name: 'Dashboard', blocks: [{ id: 'welcome', type: 'stack', components: [{ id: 'hello', type: 'heading', text: 'Welcome back' }] }] },
      ],
      'Login',
    );
    const refined = structuredClone(login);
    refined.page.sections[0]!.blocks[0]!.components[2]!.style = { background: '{color.brand.primary}', borderRadius: '{radius.md}' };
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(refined)]);
    const trace = newTrace();
    const events = await readSse(await design(p.key, { prompt: 'Refine button styles and add login flow BDD', cogo_ui_json: login, rag: { limit: 0 }, trace_id: trace }));
    const seq = names(events);
    expect(events[0]!.data.intents).toEqual(['refine', 'bdd']);
    expect(seq).toContain('progress:rag:skipped');
    // the model was given the page to refine
    const [request] = await openaiFake.requests(p.prefix('p1'));
    expect(JSON.stringify(request!.body)).toContain('you@example.com');
    const preview = events.find((e) => e.event === 'ui.preview')!.data;
    // a refinement is the same page: applying it replaces the one refined
    expect(preview.cogo_ui_json.page.id).toBe(login.page.id);
    expect(preview.tokens_used).toEqual(expect.arrayContaining(['color.brand.primary', 'radius.md']));
    const bdd = events.find((e) => e.event === 'bdd.done')!.data as { feature: string; scenarios: number };
    expect(bdd.scenarios).toBeGreaterThan(0);
    expect(bdd.feature).toContain('Sign in');
    expect(seq.slice(-3)).toEqual(['bdd.done', 'progress:bdd:done', 'done']);
    const types = (await timeline(p.key, trace, 'bdd_generated')).map((e) => e.type);
    expect(types.indexOf('ui_generate_succeeded')).toBeLessThan(types.indexOf('bdd_generated'));
  });

  it('ends with one error event when the model answers nothing valid twice; 400 before any event without a message', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), ['{"page": 1}', 'still not a page']);
    const trace = newTrace();
    const events = await readSse(await design(p.key, { prompt: 'Generate a landing page', rag: { limit: 0 }, trace_id: trace }));
    const seq = names(events);
    expect(seq.at(-1)).toBe('error');
    expect(seq.filter((s) => s === 'done' || s === 'error' || s === 'ui.preview')).toEqual(['error']);
    expect(events.at(-1)!.data.error).toMatchObject({ code: 'LLM_BAD_OUTPUT' });
    const types = (await timeline(p.key, trace, 'gen_plan_failed')).map((e) => e.type);
    expect(types).toContain('gen_plan_scheduled');

    const bad = await design(p.key, { messages: [{ role: 'system', content: 'no user here' }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('generator "keyword": the offline generator makes the page — no model asked, no llm events, nothing spent', async () => {
    const p = await project();
    await seedLibrary(p.id);
    const trace = newTrace();
    const events = await readSse(await design(p.key, { prompt: 'Generate a landing page for Acme with hero, CTA and features', generator: 'keyword', rag: { limit: 0 }, trace_id: trace }));
    const seq = names(events);
    expect(seq.filter((s) => s.startsWith('llm.'))).toEqual([]);
    expect(seq.slice(-5)).toEqual(['progress:plan:done', 'progress:ui:started', 'ui.preview', 'progress:ui:done', 'done']);
    const preview = events.find((e) => e.event === 'ui.preview')!.data;
    expect(CogoUiJsonSchema.parse(preview.cogo_ui_json).page.source).toMatchObject({ kind: 'generated', generator: 'keyword' });
    expect(events.at(-1)!.data.usage).toEqual({ input_tokens: 0, output_tokens: 0, cost_usd: 0, estimated: false });
    expect(await openaiFake.requests(p.prefix('p1'))).toEqual([]);
    const timelineEvents = await timeline(p.key, trace, 'ui_generate_succeeded');
    expect(timelineEvents.find((e) => e.type === 'gen_plan_succeeded')!.payload).toMatchObject({ generator: 'keyword', sections: ['hero', 'cta', 'features'] });
  });

  it('is reachable as /chat-gateway with mode "design"', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(modelPage([heroSection()]))]);
    const res = await api('/chat-gateway', { method: 'POST', key: p.key, json: { messages: [{ role: 'user', content: 'Generate a hero for Acme' }], mode: 'design' } });
    const seq = names(await readSse(res));
    expect(seq[0]).toBe('meta');
    expect(seq).toContain('ui.preview');
    expect(seq.at(-1)).toBe('done');
  });
});
