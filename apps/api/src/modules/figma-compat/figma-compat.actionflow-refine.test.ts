// POST /figma-compat/uui/actionflow/refine with `refine`: the LLM step after the deterministic graph, through the
// gateway (the project's own provider on the OpenAI fake, the sample prototype on the Figma fake under a key of the
// test's own). Valid annotations are answered and stored beside the graph (its hash unchanged); unknown ids are
// dropped with warnings; nothing valid left → one repair, then a 422 naming them; without `refine` no model is
// asked; a changed graph clears the annotations; usage rows and bus events carry the route and trace; a gateway
// error is the answer while the deterministic row stays stored.
import { schema } from '@cogo/db';
import { SAMPLE_FLOW_FILE } from '@cogo/figma-compat/samples';
import { ActionFlowsResponseSchema, RefineActionFlowResponseSchema } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, testDb } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { busEventsOf, errorOf, newTrace } from './figma-compat.bdd.test-helpers';
import { actionFlowOutbox, actionFlowRows, flowFile, newFileKey, putFigmaFile } from './figma-compat.test-helpers';

afterEach(() => openaiFake.clear());

const refine = (key: string, json: Record<string, unknown>) => api('/figma-compat/uui/actionflow/refine', { method: 'POST', key, json });
const project = () => llmProject([{ name: 'p1', models: [{ name: 'm1', input: 1, output: 2 }] }], { allowedModels: ['m1'], fallbackOrder: ['m1'] });

type Node = { id: string; type: string; name?: string; children?: Node[]; [k: string]: unknown };

/** The sample on the Figma fake under a fresh key; the source that reads its prototype page. */
async function sampleSource(document?: unknown) {
  const k = newFileKey();
  await putFigmaFile(k, flowFile(document));
  return { k, source: { file_key: k, node_id: '0:1' } };
}

/** The sample with the "Profile" screen linking back Home: another graph. */
function withProfileLinked(): unknown {
  const doc = structuredClone(SAMPLE_FLOW_FILE.document) as unknown as Node;
  const profile = doc.children![0]!.children!.find((n) => n.id === '1:50')!;
  profile.children!.push({ id: '1:52', type: 'TEXT', name: 'Home link', interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '1:20', navigation: 'NAVIGATE', transition: null }] }] });
  return doc;
}

const GOOD = {
  screens: [
    { id: '1:1', purpose: 'Welcomes a new shopper' },
    { id: '1:50', purpose: 'Shows the shopper their profile' },
  ],
  flows: [{ name: 'Onboarding', summary: 'From the welcome screen through sign in to home' }],
  suggestions: [{ screen_id: '1:50', kind: 'dead_end', text: 'Add a link back to Home' }],
};
const ALL_UNKNOWN = { screens: [{ id: '9:9', purpose: 'x' }], flows: [{ name: 'Returns', summary: 'y' }], suggestions: [{ screen_id: '8:8', kind: 'other', text: 'z' }] };

async function rowOf(projectId: string, fileKey: string) {
  const rows = await actionFlowRows(projectId, fileKey);
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

const outboxOf = actionFlowOutbox;

type Requests = Awaited<ReturnType<typeof openaiFake.requests>>;
const messagesOf = (r: Requests[number]) => (r.body as { messages: Array<{ role: string; content: string }> }).messages;

describe('actionflow/refine with refine: annotations from the LLM gateway', () => {
  it('answers and stores valid annotations beside the unchanged graph; usage, outbox and action_flow_refined on the trace', async () => {
    const p = await project();
    const { k, source } = await sampleSource();
    // without `refine`: no model asked, no annotations
    const plainRes = await refine(p.key, { source });
    const plain = RefineActionFlowResponseSchema.parse(await plainRes.json());
    expect(plain).toMatchObject({ annotations: null, annotation_warnings: [] });
    expect(plain.llm).toBeUndefined();
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(0);

    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(GOOD)]);
    const t = newTrace();
    const res = await refine(p.key, { source, refine: { instructions: 'Mind the checkout.' }, trace_id: t });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    expect(res.headers.get('x-trace-id')).toBe(t);
    const body = RefineActionFlowResponseSchema.parse(json);
    expect(body.annotations).toMatchObject({ ...GOOD, model: 'm1', provider: 'p1' });
    expect(body.annotation_warnings).toEqual([]);
    expect(body.llm).toMatchObject({ model: 'm1', provider: 'p1', repaired: false });
    expect(body.llm!.usage.input_tokens).toBeGreaterThan(0);
    // the graph is the deterministic one, its hash unchanged: annotations are not part of it
    expect(body.action_flow).toEqual(plain.action_flow);
    expect(body.stored).toMatchObject({ id: plain.stored!.id, status: 'unchanged', content_hash: plain.stored!.content_hash });

    const row = await rowOf(p.id, k);
    expect(row).toMatchObject({ contentHash: plain.stored!.content_hash, traceId: t, annotations: body.annotations });
    expect(row!.updatedAt.toISOString()).toBe(body.stored!.updated_at);
    // the annotation write is a change of the row: its outbox row, the graph's hash
    expect((await outboxOf(p.id, row!.id)).map((u) => [u.operation, u.version, u.contentHash, u.traceId])).toEqual([
      ['insert', 1, plain.stored!.content_hash, plain.trace_id],
      ['update', 2, plain.stored!.content_hash, t],
    ]);

    // one structured call: the schema for the gateway, the graph as compact text, the instructions
    const requests = await openaiFake.requests(p.prefix('p1'));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toMatchObject({ model: 'm1', response_format: { type: 'json_schema', json_schema: { name: 'action_flow_annotations' } } });
    const prompt = messagesOf(requests[0]!).map((m) => m.content).join('\n');
    for (const part of ['1:1 "Welcome" frame', '1:1 --AFTER_TIMEOUT/NAVIGATE--> 1:10', '1:10 --ON_CLICK/BACK--> back', '"Onboarding": 1:1 →', 'unreachable: 3:1; dead ends: 1:50', 'Mind the checkout.']) {
      expect(prompt).toContain(part);
    }

    const usage = await eventually(async () => ((await usageRows(p.id)).length ? usageRows(p.id) : undefined));
    expect(usage.map((u) => [u.route, u.traceId])).toEqual([['figma-compat/actionflow/refine', t]]);
    const [event] = await busEventsOf(p.id, t, 'action_flow_refined');
    expect(event!.payload).toMatchObject({ file_key: k, page_id: '0:1', model: 'm1', provider: 'p1', repaired: false, screens: 2, flows: 1, suggestions: 1, dropped: 0, stored: true });
    await busEventsOf(p.id, t, 'action_flow_built');

    // the stored annotations read back; an unchanged rebuild without `refine` keeps and answers them, asking no model
    const listed = ActionFlowsResponseSchema.parse(await (await api(`/figma-compat/uui/actionflows?file_key=${k}`, { key: p.key })).json());
    expect(listed.action_flows[0]!.annotations).toEqual(body.annotations);
    const again = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source })).json());
    expect(again).toMatchObject({ stored: { status: 'unchanged' }, annotations: body.annotations, annotation_warnings: [] });
    expect((await rowOf(p.id, k))!.annotations).toEqual(body.annotations);
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(1);
  });

  it('drops annotations naming unknown screens or flows and lists them in annotation_warnings', async () => {
    const p = await project();
    const { k, source } = await sampleSource();
    const answer = {
      screens: [GOOD.screens[0], { id: '9:9', purpose: 'not a screen' }, { id: '1:1', purpose: 'again' }],
      flows: [{ name: 'Returns', summary: 'no such flow' }, GOOD.flows[0]],
      suggestions: [{ screen_id: '7:7', kind: 'other', text: 'nowhere' }, { screen_id: '3:1', kind: 'unreachable', text: 'Link it from Welcome' }],
    };
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(answer)]);
    const res = await refine(p.key, { source, refine: {} });
    expect(res.status).toBe(200);
    const body = RefineActionFlowResponseSchema.parse(await res.json());
    expect(body.annotations).toMatchObject({ screens: [GOOD.screens[0]], flows: [GOOD.flows[0]], suggestions: [answer.suggestions[1]] });
    expect(body.annotation_warnings).toEqual([
      { path: 'screens[1].id', value: '9:9', message: 'unknown screen id: not in the graph, dropped' },
      { path: 'screens[2].id', value: '1:1', message: 'screen id annotated twice: the first kept' },
      { path: 'flows[0].name', value: 'Returns', message: 'unknown flow name: not in the graph, dropped' },
      { path: 'suggestions[0].screen_id', value: '7:7', message: 'unknown screen id: not in the graph, dropped' },
    ]);
    expect(body.llm!.repaired).toBe(false);
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(1);
    expect((await rowOf(p.id, k))!.annotations).toEqual(body.annotations);
  });

  it('repairs once when nothing valid is left: the repair names the unknown ids; a second such answer is a 422 naming them, the row stored', async () => {
    const p = await project();
    // repaired by the second call
    const first = await sampleSource();
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(ALL_UNKNOWN), JSON.stringify(GOOD)]);
    const fixed = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source: first.source, refine: {} })).json());
    expect(fixed.annotations).toMatchObject(GOOD);
    expect(fixed.llm!.repaired).toBe(true);
    const repairCall = (await openaiFake.requests(p.prefix('p1')))[1]!;
    expect(messagesOf(repairCall).at(-2)).toEqual({ role: 'assistant', content: JSON.stringify(ALL_UNKNOWN) });
    expect(messagesOf(repairCall).at(-1)!.content).toContain('screen ids "9:9", "8:8"; flow names "Returns"');
    const usage = await eventually(async () => ((await usageRows(p.id)).length === 2 ? usageRows(p.id) : undefined));
    expect(fixed.llm!.usage.input_tokens).toBe(usage.reduce((n, u) => n + u.tokensIn, 0));

    // unknown twice: 422 naming them, two requests, the deterministic row stored without annotations
    await openaiFake.clear();
    const { k, source } = await sampleSource();
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(ALL_UNKNOWN), JSON.stringify({ ...ALL_UNKNOWN, flows: [] })]);
    const before = (await openaiFake.requests(p.prefix('p1'))).length;
    const t = newTrace();
    const err = await errorOf(await refine(p.key, { source, refine: {}, trace_id: t }), 422);
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toContain('"9:9", "8:8"');
    expect(err.details).toMatchObject({ code: 'ACTION_FLOW_ANNOTATIONS_UNKNOWN', unknown_screen_ids: ['9:9', '8:8'], unknown_flow_names: [], attempts: 2, model: 'm1' });
    expect((await openaiFake.requests(p.prefix('p1'))).length - before).toBe(2);
    expect(await rowOf(p.id, k)).toMatchObject({ annotations: null, traceId: t });
    const [refused] = await busEventsOf(p.id, t, 'action_flow_refine_refused');
    expect(refused!.payload).toMatchObject({ file_key: k, unknown_screen_ids: ['9:9', '8:8'], attempts: 2 });
  });

  it("takes the gateway's own JSON repair: an answer that breaks the schema is fixed inside the one call", async () => {
    const p = await project();
    const { source } = await sampleSource();
    await openaiFake.replies(p.chatPath('p1'), ['{"screens": "all of them"}', JSON.stringify(GOOD)]);
    const body = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source, refine: {} })).json());
    expect(body.annotations).toMatchObject(GOOD);
    expect(body.llm!.repaired).toBe(true);
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(2);
  });

  it('clears the annotations when the graph changes, keeps them when only the file version does', async () => {
    const p = await project();
    const { k, source } = await sampleSource();
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(GOOD)]);
    const refined = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source, refine: {} })).json());
    expect(refined.annotations).not.toBeNull();

    // the same graph in a new file version: the row is updated, its annotations still name its ids
    await putFigmaFile(k, flowFile());
    const sameGraph = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source })).json());
    expect(sameGraph.origin.version).toBe('1002');
    expect(sameGraph).toMatchObject({ stored: { status: 'updated', content_hash: refined.stored!.content_hash }, annotations: refined.annotations });

    // another graph: annotations cleared, in the answer and the row
    await putFigmaFile(k, flowFile(withProfileLinked()));
    const changed = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source })).json());
    expect(changed.stored!.status).toBe('updated');
    expect(changed.stored!.content_hash).not.toBe(refined.stored!.content_hash);
    expect(changed.annotations).toBeNull();
    expect(await rowOf(p.id, k)).toMatchObject({ annotations: null, contentHash: changed.stored!.content_hash });
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(1);
  });

  it("passes the gateway's errors through (402 budget, 422 unknown model) with the deterministic row stored", async () => {
    const poor = await llmProject([{ name: 'p1', models: [{ name: 'm1', input: 1000, output: 1000 }] }], { dailyBudgetUsd: 0.0001 });
    const { k, source } = await sampleSource();
    const t = newTrace();
    const res = await refine(poor.key, { source, refine: { model: 'm1' }, trace_id: t });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const budget = await errorOf(res, 402);
    expect(budget).toMatchObject({ code: 'BUDGET_EXCEEDED', details: { budget: 'daily', limit_usd: 0.0001 } });
    expect(await openaiFake.requests(poor.prefix('p1'))).toHaveLength(0);
    const row = await rowOf(poor.id, k);
    expect(row).toMatchObject({ pageId: '0:1', annotations: null, traceId: t });
    const [built] = await busEventsOf(poor.id, t, 'action_flow_built');
    expect(built!.payload).toMatchObject({ stored: 'created', content_hash: row!.contentHash });

    const p = await project();
    const other = await sampleSource();
    expect(await errorOf(await refine(p.key, { source: other.source, refine: { model: 'other' } }), 422)).toMatchObject({ code: 'UNPROCESSABLE', details: { model: 'other' } });
    expect(await rowOf(p.id, other.k)).toMatchObject({ annotations: null });
  });

  it('annotates an inline document without storing it; a page without screens is a 422 before any call; bad refine bodies are 400s', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(GOOD)]);
    const inline = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source: { document: SAMPLE_FLOW_FILE, node_id: '0:1' }, refine: {} })).json());
    expect(inline).toMatchObject({ stored: null, annotations: { ...GOOD, model: 'm1' }, llm: { model: 'm1' } });
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(1);

    const empty = { id: '0:1', type: 'CANVAS', name: 'Notes', children: [] };
    const none = await errorOf(await refine(p.key, { source: { document: { document: empty } }, refine: {} }), 422);
    expect(none.details).toMatchObject({ code: 'ACTION_FLOW_NOTHING_TO_REFINE', page_id: '0:1' });

    const { k, source } = await sampleSource();
    for (const [json, field] of [
      [{ refine: { instructions: 'x'.repeat(4001) } }, 'instructions'],
      [{ refine: { model: ' spaces ' } }, 'model'],
      [{ refine: 'yes' }, 'refine'],
    ] as const) {
      const err = await errorOf(await refine(p.key, { source, ...json }), 400);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(err.details)).toContain(field);
    }
    expect(await openaiFake.requests(p.prefix('p1'))).toHaveLength(1);
    expect(await rowOf(p.id, k)).toBeUndefined();
  });
});
