// POST /figma-compat/uui/generate (keyword) and /generate/llm through the Worker: the project's own components and
// tokens are used, the answer validates, hostile model output is pruned (never stored or answered as is), a second
// invalid answer is a typed 422, and an oversized page is offloaded to an artifact fetched back byte for byte.
import { CogoUiJsonSchema, UiGenerateResponseSchema, UuiJsonSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { api, artifactBytes, createTestProject, eventually } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { busEventsOf, errorOf, newTrace } from './figma-compat.bdd.test-helpers';
import { heroSection, modelPage, seedLibrary } from './figma-compat.ui.test-helpers';

afterEach(() => openaiFake.clear());

const post = (path: string, key: string, json: unknown) => api(path, { method: 'POST', key, json });
const project = () => llmProject([{ name: 'p1', models: [{ name: 'm1', input: 1, output: 2 }] }], { allowedModels: ['m1'], fallbackOrder: ['m1'] });

describe('POST /figma-compat/uui/generate (keyword)', () => {
  it("builds the prompt's sections in order from the project's components and tokens, the same page every time", async () => {
    const p = await createTestProject();
    const ids = await seedLibrary(p.id);
    const trace = newTrace();
    const prompt = 'Generate a landing page for Acme with hero, CTA and features';
    const res = await post('/figma-compat/uui/generate', p.key, { prompt, trace_id: trace });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    const body = UiGenerateResponseSchema.parse(json);
    expect(res.headers.get('x-trace-id')).toBe(trace);
    expect(body.sections.map((s) => s.type)).toEqual(['hero', 'cta', 'features']);
    const doc = CogoUiJsonSchema.parse(body.cogo_ui_json);
    UuiJsonSchema.parse(body.uui_json);
    expect(doc.page.source).toEqual({ kind: 'generated', generator: 'keyword', prompt });
    // the library's button is used (by id), and the brand colour
    const matched = body.sections.flatMap((s) => s.matched.map((m) => m.component_id));
    expect(matched).toContain(ids['Button/Primary']);
    expect(body.tokens_used).toContain('color.brand.primary');
    expect(JSON.stringify(doc)).toContain('Acme');
    expect(body.report).toMatchObject({ pruned: [], unknown_components: [], unknown_tokens: [] });
    expect(body.artifact).toBeUndefined();

    const again = UiGenerateResponseSchema.parse(await (await post('/figma-compat/uui/generate', p.key, { prompt })).json());
    expect(again.cogo_ui_json).toEqual(doc);
    const [done] = await busEventsOf(p.id, trace, 'ui_generate_succeeded');
    expect(done!.payload).toMatchObject({ generator: 'keyword', sections: ['hero', 'cta', 'features'], nodes: body.report.nodes });
  });

  it('uses generic blocks for a project with no library, and 400s an empty prompt', async () => {
    const p = await createTestProject();
    const body = UiGenerateResponseSchema.parse(await (await post('/figma-compat/uui/generate', p.key, { prompt: 'a login form' })).json());
    expect(body.sections.map((s) => [s.type, s.generic])).toEqual([['login_form', true]]);
    expect(body.tokens_used).toEqual([]);
    const bad = await errorOf(await post('/figma-compat/uui/generate', p.key, { prompt: '   ' }), 400);
    expect(bad.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /figma-compat/uui/generate/llm', () => {
  it('prunes __proto__ keys, script URLs and handler code, drops unknown components, reports unknown tokens', async () => {
    const p = await project();
    const ids = await seedLibrary(p.id);
    const page = modelPage([heroSection()]);
    // what a hostile or careless model writes, as raw JSON text (JSON.parse makes `__proto__` an own key)
    const raw = JSON.stringify(page)
      .replace('"text":"Start free"', '"text":"Start free","props":{"href":"JaVaScRiPt:alert(1)","__proto__":{"polluted":true},"onclick":"alert(1)"}')
      .replace('"type":"heading"', '"type":"heading","component":{"name":"Fancy Widget"}')
      .replace('{color.text.default}', '{color.nope}');
    expect(raw).toContain('__proto__');
    await openaiFake.replies(p.chatPath('p1'), [raw]);
    const trace = newTrace();
    const res = await post('/figma-compat/uui/generate/llm', p.key, { prompt: 'A hero for Acme', trace_id: trace });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    const body = UiGenerateResponseSchema.parse(json);
    expect(body.llm).toMatchObject({ provider: 'p1', model: 'm1', repaired: false });
    // the model called its page `page-1`, as models do: the id comes from the request, so pages do not collide
    expect(body.cogo_ui_json!.page.id).toMatch(/^page-[0-9a-f]{16}$/);
    const reasons = body.report.pruned.map((x) => x.reason).sort();
    expect(reasons).toEqual(expect.arrayContaining(['unsafe_key', 'unsafe_url', 'event_handler']));
    expect(body.report.unknown_components).toEqual([expect.objectContaining({ name: 'Fancy Widget' })]);
    expect(body.report.unknown_tokens).toEqual([expect.objectContaining({ token: 'color.nope' })]);
    const text = JSON.stringify(body.cogo_ui_json);
    for (const cut of ['__proto__', 'polluted', 'alert(', 'Fancy Widget']) expect(text).not.toContain(cut);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // the known component is matched to the stored one
    const cta = body.cogo_ui_json!.page.sections[0]!.blocks[0]!.components[1]!;
    expect(cta.component).toEqual({ name: 'Button/Primary', component_id: ids['Button/Primary'], node_id: '1:1' });
    expect(body.cogo_ui_json!.page.sections[0]!.blocks[0]!.components).toHaveLength(2);
    // the prompt named the library and the tokens; usage is on the route
    const [request] = await openaiFake.requests(p.prefix('p1'));
    expect(request!.body).toMatchObject({ model: 'm1', response_format: { type: 'json_object' } });
    expect(JSON.stringify(request!.body)).toContain('Button/Primary');
    const usage = await eventually(async () => ((await usageRows(p.id)).length ? usageRows(p.id) : undefined));
    expect(usage.map((u) => [u.route, u.traceId])).toEqual([['figma-compat/uui/generate/llm', trace]]);
  });

  it('repairs an invalid answer once, and refuses a second with a typed 422 naming the problem', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), ['not json at all', JSON.stringify(modelPage([heroSection()]))]);
    const ok = UiGenerateResponseSchema.parse(await (await post('/figma-compat/uui/generate/llm', p.key, { prompt: 'A hero' })).json());
    expect(ok.llm?.repaired).toBe(true);
    const requests = await openaiFake.requests(p.prefix('p1'));
    expect(requests).toHaveLength(2);
    expect(JSON.stringify(requests[1]!.body)).toContain('not JSON');

    const broken = { ...modelPage([heroSection()]), page: { id: 'p', name: 'x', sections: [{ id: 's', type: 'Hero!', name: 'x', blocks: [] }] } };
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(broken), JSON.stringify(broken)]);
    const trace = newTrace();
    const err = await errorOf(await post('/figma-compat/uui/generate/llm', p.key, { prompt: 'A hero', trace_id: trace }), 422);
    expect(err.code).toBe('LLM_BAD_OUTPUT');
    expect(err.details).toMatchObject({ code: 'UI_JSON_INVALID', attempts: 2 });
    expect(JSON.stringify(err.details!.issues)).toContain('page.sections');
    const [failed] = await busEventsOf(p.id, trace, 'ui_generate_failed');
    expect(failed!.payload).toMatchObject({ generator: 'llm', code: 'LLM_BAD_OUTPUT' });
  });

  it('refuses a 5 MB answer with a typed error, storing nothing', async () => {
    const p = await project();
    const huge = JSON.stringify(modelPage([{ ...heroSection(), name: 'x'.repeat(5 * 1024 * 1024) }]));
    await openaiFake.replies(p.chatPath('p1'), [huge, huge]);
    const err = await errorOf(await post('/figma-compat/uui/generate/llm', p.key, { prompt: 'A hero' }), 422);
    expect(err.code).toBe('LLM_BAD_OUTPUT');
    expect(err.details).toMatchObject({ code: 'UI_JSON_TOO_LARGE', attempts: 2 });
    expect(JSON.stringify(err).length).toBeLessThan(20_000);
    const list = (await (await api('/artifacts', { key: p.key })).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('offloads a page over ARTIFACT_INLINE_MAX_BYTES to an artifact fetched back byte for byte; another project gets 404', async () => {
    const p = await project();
    const filler = 'Acme keeps every plan simple. '.repeat(8);
    const components = Array.from({ length: 1_500 }, (_, i) => ({ id: `t-${i}`, type: 'text', text: `${i}: ${filler}` }));
    const big = modelPage([{ id: 'features', type: 'features', name: 'Features', blocks: [{ id: 'grid', type: 'grid', components }] }]);
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(big)]);
    const trace = newTrace();
    const body = UiGenerateResponseSchema.parse(await (await post('/figma-compat/uui/generate/llm', p.key, { prompt: 'Many features', trace_id: trace })).json());
    expect(body.cogo_ui_json).toBeUndefined();
    expect(body.uui_json).toBeUndefined();
    const a = body.artifact!;
    expect(a).toMatchObject({ kind: 'ui_json', content_type: 'application/json', url: `/artifacts/${a.artifact_id}` });
    expect(a.bytes).toBeGreaterThan(256 * 1024);

    const bytes = await artifactBytes(a, p.key);
    const stored = JSON.parse(new TextDecoder().decode(bytes)) as { cogo_ui_json: unknown; uui_json: unknown };
    expect(CogoUiJsonSchema.parse(stored.cogo_ui_json).page.sections[0]!.blocks[0]!.components).toHaveLength(1_500);
    UuiJsonSchema.parse(stored.uui_json);

    const other = await createTestProject();
    expect((await errorOf(await api(a.url, { key: other.key }), 404)).code).toBe('NOT_FOUND');
    const [done] = await busEventsOf(p.id, trace, 'ui_generate_succeeded');
    expect(done!.payload).toMatchObject({ generator: 'llm', artifact_id: a.artifact_id });
  });
});
