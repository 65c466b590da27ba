// Issue 13's round trip (seed acceptance checklist): a Figma file is streamed and applied by figma-context, then —
// under ONE trace — its file gives variables (DTCG tokens), its stored page BDD scenarios, and the job's
// output the action flow; every step's bus event carries the trace, the action flow row stores it, the page is read
// from Figma once for its version (the later reads replay the version cache), and the design index picks up the
// tokens and the flow through the outbox.
import { schema } from '@cogo/db';
import { LOGIN_PAGE, SAMPLE_COMPONENT_INDEX } from '@cogo/figma-compat/samples';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { createApp } from '../../app';
import { eventually, projectWithOwnFigmaToken, runFigmaJob, testDb } from '../../../test/helpers';
import { deliverUpdates, designDocs } from '../rag/design-index.test-helpers';
import { figmaRequestsFor, newFileKey, putFigmaFile, sampleFile, sampleVariables } from './figma-compat.test-helpers';

// the test pool's bindings turn the version cache off (other tests inject faults on Figma calls): this one runs on
// a deployment's defaults, the cache on
const app = createApp();
const CACHE_ON = { ...env, FIGMA_VERSION_CACHE: 'true' };
const call = (key: string, path: string, json: unknown) =>
  Promise.resolve(app.request(path, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } }, CACHE_ON));
const post = (key: string, path: string, json: unknown) => call(key, `/figma-compat/uui/${path}`, json);

describe('figma-compat round trip: page → variables, BDD, action flow under one trace', () => {
  it('derives everything from a stored page and a job, with the trace in bus_events and the outputs indexed', async () => {
    const p = await projectWithOwnFigmaToken();
    const k = newFileKey();
    const file = { ...sampleFile('Shop'), document: { id: '0:0', name: 'Document', type: 'DOCUMENT', children: [LOGIN_PAGE] }, ...SAMPLE_COMPONENT_INDEX };
    await putFigmaFile(k, file, sampleVariables());

    // figma-context: stream the file and apply its page
    const { job, events } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${k}/Shop` }, app, CACHE_ON);
    const components = events.filter((e) => e.event === 'page.chunk').flatMap((e) => e.data.components);
    const applied = await call(p.key, '/figma-context/apply', { job_id: job.job_id, page: { node_id: LOGIN_PAGE.id, name: LOGIN_PAGE.name, components } });
    expect(applied.status).toBe(200);
    const pageId = ((await applied.json()) as { page_id: string }).page_id;
    const before = (await figmaRequestsFor(k)).length;

    const trace = crypto.randomUUID().replaceAll('-', '');
    const tokens = await post(p.key, 'variables/derive', { file_key: k, trace_id: trace });
    expect(tokens.status).toBe(200);
    expect(((await tokens.json()) as { report: { tokens: { total: number } } }).report.tokens.total).toBeGreaterThan(0);

    const bdd = await post(p.key, 'bdd/generate', { source: { page_id: pageId }, trace_id: trace });
    expect(bdd.status).toBe(200);
    const feature = (await bdd.json()) as { feature: string; scenarios: unknown[]; origin: { kind: string; node_id: string; figma_calls: { tier1: number } }; trace_id: string };
    expect(feature).toMatchObject({ trace_id: trace, origin: { kind: 'figma', node_id: LOGIN_PAGE.id } });
    expect(feature.feature).toMatch(/^Feature: /m);
    expect(feature.scenarios.length).toBeGreaterThan(0);
    expect(bdd.headers.get('x-trace-id')).toBe(trace);

    const flow = await post(p.key, 'actionflow/refine', { source: { job_id: job.job_id }, trace_id: trace });
    expect(flow.status).toBe(200);
    const built = (await flow.json()) as { action_flow: { page: { id: string }; flows: Array<{ name: string }>; edges: unknown[] }; mermaid: string; stored: { id: string; status: string }; origin: { figma_calls: { tier1: number; cached: number } } };
    expect(built.action_flow.page.id).toBe(LOGIN_PAGE.id);
    expect(built.action_flow.flows.map((f) => f.name)).toEqual(['Sign-in flow']);
    expect(built.mermaid).toMatch(/^flowchart /);
    expect(built.stored.status).toBe('created');
    // the page was read from Figma by bdd/generate; the job's version replays it from the cache
    expect(built.origin.figma_calls).toMatchObject({ tier1: 0 });
    expect(built.origin.figma_calls.cached).toBeGreaterThan(0);

    // Figma after the job: /meta for each read that proves the version (derive, bdd/generate — a job's read relies
    // on its start's proof), the page's /nodes once, the file at depth 1 once (derive; the job's read
    // replays it), /variables/local not again (the job's start fetched it for this version)
    const after = (await figmaRequestsFor(k)).slice(before);
    expect(after).toEqual([`/v1/files/${k}/meta`, `/v1/files/${k}?depth=1`, `/v1/files/${k}/meta`, `/v1/files/${k}/nodes?ids=0%3A1`]);

    const handle = testDb();
    try {
      const bus = schema.busEvents;
      const seen = await eventually(async () => {
        const rows = await handle.db.select({ type: bus.type }).from(bus).where(and(eq(bus.projectId, p.id), eq(bus.traceId, trace)));
        const types = new Set(rows.map((r) => r.type));
        return ['tokens_derived', 'bdd_generated', 'action_flow_built'].every((t) => types.has(t)) ? types : null;
      });
      expect([...seen]).toEqual(expect.arrayContaining(['tokens_derived', 'bdd_generated', 'action_flow_built']));
      const [row] = await handle.db.select().from(schema.actionFlows).where(and(eq(schema.actionFlows.projectId, p.id), eq(schema.actionFlows.fileKey, k)));
      expect(row).toMatchObject({ id: built.stored.id, pageId: LOGIN_PAGE.id, traceId: trace });

      // the design index: the file's tokens and the page's flow become documents through the outbox
      await deliverUpdates(handle.db, p.id);
      const { docs } = await designDocs(handle.db, p.id);
      expect(docs.filter((d) => d.source === 'token').map((d) => d.externalId)).toEqual([`tokens:${k}:Primitives`, `tokens:${k}:Theme`]);
      expect(docs.find((d) => d.source === 'flow')).toMatchObject({ externalId: built.stored.id, title: `Prototype flow: ${LOGIN_PAGE.name}` });
    } finally {
      await handle.close();
    }
  });
});
