// POST /figma-compat/uui/actionflow/refine on inputs other than a Figma page: an inline document (answered, never
// stored), the legacy transitionNodeID prototype, a frame read alone, variable names from a plugin-style export,
// the flow-end options; and bad input — an unknown node, several pages and no node_id, a malformed document, a bad
// body — each a 4xx in the envelope with nothing stored.
import { schema } from '@cogo/db';
import { buildActionFlow } from '@cogo/figma-compat';
import { SAMPLE_FLOW_FILE, SAMPLE_FLOW_VARIABLES, SAMPLE_LEGACY_FLOW_PAGE } from '@cogo/figma-compat/samples';
import { ErrorEnvelopeSchema, RefineActionFlowResponseSchema } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, testDb } from '../../../test/helpers';
import { figmaRequestsFor, flowFile, newFileKey, putFigmaFile, uploadExport } from './figma-compat.test-helpers';

const refine = (key: string, json: unknown) => api('/figma-compat/uui/actionflow/refine', { method: 'POST', key, json });

async function flowRows(projectId: string) {
  const handle = testDb();
  try {
    return await handle.db.select().from(schema.actionFlows).where(eq(schema.actionFlows.projectId, projectId));
  } finally {
    await handle.close();
  }
}

async function ok(res: Response) {
  expect(res.status).toBe(200);
  return RefineActionFlowResponseSchema.parse(await res.json());
}

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorEnvelopeSchema.parse(await res.json()).error;
}


describe('actionflow/refine: inline documents and options', () => {
  it('reads the legacy transitionNodeID prototype inline: answered, never stored', async () => {
    const p = await createTestProject();
    // a JSON_REST_V1 export of the page: `{ document: <node> }`
    const body = await ok(await refine(p.key, { source: { document: { document: SAMPLE_LEGACY_FLOW_PAGE } } }));
    expect(body.stored).toBeNull();
    expect(body.origin).toMatchObject({ kind: 'inline', file_key: null, version: null, node_id: '0:1' });
    const flow = body.action_flow;
    expect(flow).toEqual(buildActionFlow(SAMPLE_LEGACY_FLOW_PAGE));
    expect(flow.edges.map((e) => [e.from, e.legacy, e.trigger.type, e.navigation, e.destination])).toEqual([
      ['10:1', 'transitionNodeID', 'ON_CLICK', 'NAVIGATE', { kind: 'screen', screenId: '10:5', nodeId: '10:5' }],
      ['10:5', 'transitionNodeID', 'ON_CLICK', 'NAVIGATE', { kind: 'screen', screenId: '10:1', nodeId: '10:1' }],
    ]);
    expect(flow.report).toMatchObject({ entry: 'prototypeStartNodeID', unreachable: ['10:9'], deadEnds: [] });
    expect(body.mermaid).toContain('flowchart LR');
    expect(await flowRows(p.id)).toEqual([]);
  });

  it("names variables from an inline export's `variables`, reads a frame alone as its own page, and applies the flow-end options", async () => {
    const p = await createTestProject();
    const variables = Object.entries(SAMPLE_FLOW_VARIABLES).map(([id, name]) => ({ id, name, resolvedType: 'BOOLEAN' }));
    const named = await ok(await refine(p.key, { source: { document: { ...SAMPLE_FLOW_FILE, variables }, node_id: '0:1' } }));
    expect(named.action_flow.edges.filter((e) => e.branch).map((e) => e.branch![0]!.condition)).toContain('{isValid} == true');
    // without names, the ids stay
    const bare = await ok(await refine(p.key, { source: { document: SAMPLE_FLOW_FILE, node_id: '0:1' } }));
    expect(bare.action_flow.edges.filter((e) => e.branch).map((e) => e.branch![0]!.condition)).toContain('{VariableID:1:1} == true');

    // a frame alone: one screen on a page of its own, its links to other frames missing (not read)
    const cart = await ok(await refine(p.key, { source: { document: SAMPLE_FLOW_FILE, node_id: '2:1' }, mermaid: { direction: 'TB' } }));
    expect(cart.action_flow.page).toEqual({ id: '2:1', name: 'Cart' });
    expect(cart.action_flow.screens.map((s) => s.id)).toEqual(['2:1']);
    expect(cart.action_flow.report.missing.map((m) => m.destinationId)).toEqual(expect.arrayContaining(['2:10', '9:999']));
    expect(cart.mermaid.startsWith('flowchart TB\n')).toBe(true);

    // Profile listed as a flow end; no end words: "Payment success" becomes a dead end
    const opts = await ok(await refine(p.key, { source: { document: SAMPLE_FLOW_FILE, node_id: '0:1' }, flow_ends: ['Profile'], flow_end_words: [] }));
    expect(opts.action_flow.report).toMatchObject({ deadEnds: ['2:10'], flowEnds: ['1:50'] });
    const words = await ok(await refine(p.key, { source: { document: SAMPLE_FLOW_FILE, node_id: '0:1' }, flow_end_words: ['prof*le', 'profile'] }));
    expect(words.action_flow.report).toMatchObject({ deadEnds: ['2:10'], flowEnds: ['1:50'] });
    expect(await flowRows(p.id)).toEqual([]);
  });
});

describe('actionflow/refine from a plugin upload', () => {
  it("stores the graph under the upload's file key, with the variable names the export carries", async () => {
    const p = await createTestProject();
    const variables = Object.entries(SAMPLE_FLOW_VARIABLES).map(([id, name]) => ({ id, name, resolvedType: 'BOOLEAN' }));
    const uploadId = await uploadExport(p.key, { ...SAMPLE_FLOW_FILE, variables });
    const fileKey = `upload${uploadId.replaceAll('-', '')}`;
    const body = await ok(await refine(p.key, { source: { upload_id: uploadId, node_id: '0:1' } }));
    expect(body.origin).toMatchObject({ kind: 'upload', file_key: fileKey, version: null });
    expect(body.action_flow).toEqual(buildActionFlow((SAMPLE_FLOW_FILE.document as { children: unknown[] }).children[0], { variableNames: SAMPLE_FLOW_VARIABLES }));
    expect(body.stored).toMatchObject({ status: 'created', file_key: fileKey, page_id: '0:1' });
    const rows = await flowRows(p.id);
    expect(rows.map((r) => [r.fileKey, r.pageId, r.fileVersion])).toEqual([[fileKey, '0:1', null]]);
    const listed = await api(`/figma-compat/uui/actionflows?file_key=${fileKey}`, { key: p.key });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { action_flows: Array<{ id: string }> }).action_flows.map((f) => f.id)).toEqual([body.stored!.id]);
  });
});

describe('actionflow/refine: bad input is a 4xx, nothing stored', () => {
  it('answers 404 for an unknown node and 400 listing the pages of a file with several and no node_id', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, flowFile(SAMPLE_FLOW_FILE.document));
    const unknown = await errorOf(await refine(p.key, { source: { file_key: k, node_id: '77:77' } }), 404);
    expect(unknown.message).toContain('77:77');
    const several = await errorOf(await refine(p.key, { source: { file_key: k } }), 400);
    expect(several.code).toBe('VALIDATION_FAILED');
    expect(several.details).toMatchObject({ pages: [{ id: '0:1', name: 'Prototype' }, { id: '0:2', name: 'Components' }] });
    const inline = await errorOf(await refine(p.key, { source: { document: SAMPLE_FLOW_FILE } }), 400);
    expect(JSON.stringify(inline.details)).toContain('source.node_id');
    expect(await flowRows(p.id)).toEqual([]);
  });

  it('answers 422 naming the node for a malformed prototype (inline or from Figma), and 400 for a bad body', async () => {
    const p = await createTestProject();
    const broken = { id: '0:1', type: 'CANVAS', name: 'Broken', children: [{ id: '1:1', type: 'FRAME', name: 'A', interactions: 'click me' }] };
    const inline = await errorOf(await refine(p.key, { source: { document: { document: broken } } }), 422);
    expect(inline.code).toBe('UNPROCESSABLE');
    expect(inline.message).toContain('node 1:1');
    expect(inline.details).toMatchObject({ code: 'ACTION_FLOW_BAD_INPUT', nodeId: '1:1' });
    const k = newFileKey();
    await putFigmaFile(k, flowFile({ id: '0:0', type: 'DOCUMENT', name: 'Document', children: [broken] }));
    expect((await errorOf(await refine(p.key, { source: { file_key: k } }), 422)).details).toMatchObject({ code: 'ACTION_FLOW_BAD_INPUT' });
    // not a design at all
    expect((await errorOf(await refine(p.key, { source: { document: 42 } }), 422)).code).toBe('UNPROCESSABLE');
    expect((await errorOf(await refine(p.key, { source: { document: { nothing: true } } }), 422)).message).toMatch(/no `document` or `nodes`/);
    const before = (await figmaRequestsFor(k)).length;
    for (const [json, field] of [
      [{}, 'source'],
      [{ source: { file_key: k, document: broken } }, 'page_id'],
      [{ source: { file_key: k, node_id: '0:1' }, flow_end_words: 'done' }, 'flow_end_words'],
      [{ source: { file_key: k, node_id: '0:1' }, mermaid: { direction: 'UP' } }, 'mermaid'],
      [{ source: { file_key: k, node_id: '0:1' }, trace_id: 'nope' }, 'trace_id'],
    ] as const) {
      const err = await errorOf(await refine(p.key, json), 400);
      expect(JSON.stringify(err.details)).toContain(field);
    }
    expect((await figmaRequestsFor(k)).length).toBe(before);
    expect(await flowRows(p.id)).toEqual([]);
  });
});
