// POST /figma-compat/uui/actionflow/refine and GET /figma-compat/uui/actionflows through the Worker, on the
// package's sample prototype put on the Figma fake under a key of the test's own: every trigger and action kind
// becomes an edge, the report is the package's, the graph is stored as one action_flows row with its outbox row
// and the trace's action_flow_built event; the same build again changes nothing, a new file version updates the
// row; the stored rows read back, and never for another project.
import { schema } from '@cogo/db';
import { buildActionFlow, toMermaid } from '@cogo/figma-compat';
import { SAMPLE_FLOW_FILE, SAMPLE_FLOW_VARIABLES } from '@cogo/figma-compat/samples';
import { ActionFlowsResponseSchema, ErrorEnvelopeSchema, RefineActionFlowResponseSchema } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, eventually, testDb } from '../../../test/helpers';
import { actionFlowOutbox, actionFlowRows, flowFile, newFileKey, putFigmaFile } from './figma-compat.test-helpers';

const REFINE = '/figma-compat/uui/actionflow/refine';
const refine = (key: string, json: unknown) => api(REFINE, { method: 'POST', key, json });
const list = (key: string, query: string) => api(`/figma-compat/uui/actionflows?${query}`, { key });
const trace = () => crypto.randomUUID().replaceAll('-', '');

type Node = { id: string; type: string; name?: string; children?: Node[]; [k: string]: unknown };
const pages = (SAMPLE_FLOW_FILE.document as unknown as Node).children!;
const PROTOTYPE = pages[0]!;


/** The sample with the "Profile" screen linking back Home, so it is no longer a dead end. */
function withProfileLinked(): unknown {
  const doc = structuredClone(SAMPLE_FLOW_FILE.document) as unknown as Node;
  const profile = doc.children![0]!.children!.find((n) => n.id === '1:50')!;
  profile.children!.push({ id: '1:52', type: 'TEXT', name: 'Home link', interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '1:20', navigation: 'NAVIGATE', transition: null }] }] });
  return doc;
}

const rowsOf = actionFlowRows;

const outboxOf = actionFlowOutbox;

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorEnvelopeSchema.parse(await res.json()).error;
}

describe('POST /figma-compat/uui/actionflow/refine from a Figma file', () => {
  it('builds the page graph with every action kind, the package report and Mermaid text; stores the row, its outbox row and the event', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, flowFile());
    const t = trace();
    const res = await refine(p.key, { source: { file_key: k, node_id: '0:1' }, variable_names: SAMPLE_FLOW_VARIABLES, trace_id: t });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-trace-id')).toBe(t);
    const body = RefineActionFlowResponseSchema.parse(await res.json());
    const flow = body.action_flow;
    expect(body).toMatchObject({ trace_id: t, origin: { kind: 'figma', file_key: k, version: '1001', node_id: '0:1', node_name: 'Prototype' } });

    // every trigger and action kind the sample holds is an edge
    expect(new Set(flow.edges.map((e) => e.action))).toEqual(new Set(['NODE', 'BACK', 'CLOSE', 'URL', 'SET_VARIABLE', 'SET_VARIABLE_MODE', 'UPDATE_MEDIA_RUNTIME']));
    expect(new Set(flow.edges.map((e) => e.navigation).filter(Boolean))).toEqual(new Set(['NAVIGATE', 'SWAP', 'OVERLAY', 'SCROLL_TO', 'CHANGE_TO']));
    expect(flow.edges.map((e) => e.trigger.type)).toEqual(expect.arrayContaining(['ON_CLICK', 'ON_HOVER', 'AFTER_TIMEOUT', 'ON_KEY_DOWN', 'ON_DRAG', 'ON_PRESS', 'MOUSE_ENTER', 'MOUSE_LEAVE', 'ON_MEDIA_HIT', 'ON_MEDIA_END']));
    // CONDITIONAL flattened into both branches, with the variable names given
    const branches = flow.edges.filter((e) => e.branch);
    expect(branches.map((e) => e.branch![0]!.condition)).toEqual(expect.arrayContaining(['{isValid} == true', 'else']));
    expect(flow.edges.find((e) => e.action === 'SET_VARIABLE' && e.branch)!.variable).toEqual({ variableId: 'VariableID:1:2', name: 'loggedIn', value: 'true' });
    // the legacy transitionNodeID, alone and filling a null destination
    expect(new Set(flow.edges.map((e) => e.legacy).filter(Boolean))).toEqual(new Set(['transitionNodeID', 'destinationFromTransitionNodeID']));
    expect(flow.flows.map((f) => [f.name, f.startScreenId, f.source])).toEqual([
      ['Onboarding', '1:1', 'flowStartingPoints'],
      ['Checkout', '2:1', 'flowStartingPoints'],
    ]);

    // exactly what the package builds from the page read (a CHANGE_TO into the Components page is missing: only the page is read)
    const expected = buildActionFlow(PROTOTYPE, { variableNames: SAMPLE_FLOW_VARIABLES });
    expect(flow).toEqual(expected);
    expect(flow.report).toMatchObject({ entry: 'flowStartingPoints', unreachable: ['3:1'], deadEnds: ['1:50'], flowEnds: ['2:10'] });
    expect(flow.report.missing.map((m) => [m.destinationId, m.reason])).toEqual(expect.arrayContaining([['9:999', 'not-in-input'], [null, 'null-destination'], ['5:2', 'not-in-input']]));
    expect(body.mermaid).toBe(toMermaid(expected));
    expect(body.mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(body.mermaid).toContain('"Payment success"');

    // one row per (project, file, page), its outbox row, the event on the trace
    expect(body.stored).toMatchObject({ status: 'created', file_key: k, page_id: '0:1' });
    const rows = await rowsOf(p.id, k);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: body.stored!.id, pageId: '0:1', pageName: 'Prototype', fileVersion: '1001', version: 1, graph: flow, mermaid: body.mermaid, contentHash: body.stored!.content_hash, traceId: t });
    const outbox = await outboxOf(p.id, body.stored!.id);
    expect(outbox.map((u) => [u.operation, u.version, u.contentHash, u.traceId])).toEqual([['insert', 1, body.stored!.content_hash, t]]);
    const handle = testDb();
    try {
      const events = await eventually(async () => {
        const found = await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.traceId, t), eq(schema.busEvents.type, 'action_flow_built')));
        return found.length ? found : undefined;
      });
      expect(events[0]!.payload).toMatchObject({ file_key: k, page_id: '0:1', screens: flow.counts.screens, edges: flow.counts.edges, unreachable: 1, dead_ends: 1, stored: 'created' });
    } finally {
      await handle.close();
    }
  });

  it('changes nothing on a rebuild of the same version, and updates the row when the file changes', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, flowFile());
    const first = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source: { file_key: k, node_id: '0:1' } })).json());
    const [before] = await rowsOf(p.id, k);

    const again = await refine(p.key, { source: { file_key: k, node_id: '0:1' }, trace_id: trace() });
    expect(again.status).toBe(200);
    const second = RefineActionFlowResponseSchema.parse(await again.json());
    expect(second.stored).toEqual({ ...first.stored, status: 'unchanged' });
    const [kept] = await rowsOf(p.id, k);
    expect(kept!.updatedAt.toISOString()).toBe(before!.updatedAt.toISOString());
    expect(kept!.traceId).toBe(before!.traceId);
    expect(await outboxOf(p.id, first.stored!.id)).toHaveLength(1);

    // a new version where Profile links back Home: the same row, updated; Profile is no dead end any more
    await putFigmaFile(k, flowFile(withProfileLinked()));
    const t = trace();
    const third = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source: { file_key: k, node_id: '0:1' }, trace_id: t })).json());
    expect(third.origin.version).toBe('1002');
    expect(third.stored).toMatchObject({ id: first.stored!.id, status: 'updated' });
    expect(third.stored!.content_hash).not.toBe(first.stored!.content_hash);
    expect(third.action_flow.report.deadEnds).toEqual([]);
    const rows = await rowsOf(p.id, k);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fileVersion: '1002', traceId: t, contentHash: third.stored!.content_hash });
    expect(rows[0]!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
    expect((await outboxOf(p.id, first.stored!.id)).map((u) => [u.operation, u.version])).toEqual([
      ['insert', 1],
      ['update', 2],
    ]);
  });
});

describe('GET /figma-compat/uui/actionflows', () => {
  it("returns the project's stored rows of a file or page, 404 when none, and nothing of another project's", async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, flowFile());
    const built = RefineActionFlowResponseSchema.parse(await (await refine(p.key, { source: { file_key: k, node_id: '0:1' } })).json());

    for (const query of [`file_key=${k}`, `file_key=${k}&page_id=0:1`]) {
      const res = await list(p.key, query);
      expect(res.status).toBe(200);
      const body = ActionFlowsResponseSchema.parse(await res.json());
      expect(body.action_flows).toHaveLength(1);
      expect(body.action_flows[0]).toMatchObject({ id: built.stored!.id, file_key: k, page_id: '0:1', page_name: 'Prototype', file_version: '1001', mermaid: built.mermaid, content_hash: built.stored!.content_hash });
      expect(body.action_flows[0]!.action_flow).toEqual(built.action_flow);
    }
    expect((await errorOf(await list(p.key, `file_key=${k}&page_id=0:2`), 404)).message).toContain(`page 0:2 of file ${k}`);
    // row-level security: the other project sees no row of this one
    const err = await errorOf(await list(other.key, `file_key=${k}`), 404);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain(`file ${k}`);
    // bad queries are 400s naming the field
    for (const [query, field] of [
      ['', 'file_key'],
      ['file_key=no-such!', 'file_key'],
      [`file_key=${k}&page_id=page`, 'page_id'],
    ] as const) {
      expect(JSON.stringify((await errorOf(await list(p.key, query), 400)).details)).toContain(field);
    }
  });
});
