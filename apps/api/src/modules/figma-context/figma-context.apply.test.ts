import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, eventually, readSse, runFigmaJob, testDb } from '../../../test/helpers';
import { componentDocument } from '../rag/design-documents';

const handle = testDb();
afterAll(() => handle.close());
const URL_OF_SAMPLE = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;

const apply = (key: string, body: unknown, idem?: string) =>
  api('/figma-context/apply', { method: 'POST', key, json: body, ...(idem ? { headers: { 'idempotency-key': idem } } : {}) });

function comps(n: number, prefix = 'c') {
  return Array.from({ length: n }, (_, i) => ({ node_id: `${prefix}${i}:1`, name: `Comp ${i}`, type: 'COMPONENT', props: { variant: { size: i % 2 ? 'lg' : 'sm' } } }));
}

describe('figma-context apply', () => {
  it('stores the streamed components; applying the same data again changes no row', async () => {
    const p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const byPage = new Map<string, { name: string; components: Array<Record<string, unknown>> }>();
    for (const e of events) {
      if (e.event === 'page.ready') byPage.set(e.data.page_id, { name: e.data.name, components: [] });
      if (e.event === 'page.chunk') byPage.get(e.data.page_id)!.components.push(...e.data.components);
    }
    let total = 0;
    const first = [];
    for (const [pageId, page] of byPage) {
      const res = await apply(p.key, { job_id: job.job_id, page: { node_id: pageId, name: page.name, components: page.components } });
      expect(res.status).toBe(200);
      first.push(await res.json());
      total += page.components.length;
    }
    expect(total).toBeGreaterThan(0);
    expect(first.reduce((s, r: any) => s + r.inserted, 0)).toBe(total);
    const rows = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id));
    expect(rows).toHaveLength(total);
    const stamps = new Map(rows.map((r) => [r.id, r.updatedAt.getTime()]));

    for (const [pageId, page] of byPage) {
      const again = (await (await apply(p.key, { job_id: job.job_id, page: { node_id: pageId, name: page.name, components: page.components } })).json()) as any;
      expect(again).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: page.components.length });
    }
    const after = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id));
    expect(after.map((r) => [r.id, r.updatedAt.getTime()]).sort()).toEqual([...stamps.entries()].sort());
    // deterministic ids: the same node always maps to the same row
    expect(new Set(after.map((r) => r.id)).size).toBe(total);
  });

  // issue 12: the design index renders a component's description and bound tokens, so apply must store them
  it('stores a component’s description and the names of the variables bound in it; its design document names them', async () => {
    const p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const pages = new Map<string, { name: string; components: Array<Record<string, unknown>> }>();
    for (const e of events) {
      if (e.event === 'page.ready') pages.set(e.data.page_id, { name: e.data.name, components: [] });
      if (e.event === 'page.chunk') pages.get(e.data.page_id)!.components.push(...e.data.components);
    }
    for (const [pageId, page] of pages) expect((await apply(p.key, { job_id: job.job_id, page: { node_id: pageId, ...page } })).status).toBe(200);
    const rows = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id));
    const named = (name: string, type = 'COMPONENT') => rows.find((r) => r.name === name && r.type === type)!;

    // what the compact nodes bind (their `bv`): Badge's radius; its children bind colours on their paints only
    const badge = named('Badge');
    expect(badge.props).toMatchObject({ description: 'Small status label', bound_variables: ['radius/pill'] });
    // a set: its own description, the union of its variants' bindings (sorted); a variant: its own bindings
    const button = named('Button', 'COMPONENT_SET');
    expect(button.props).toMatchObject({
      description: 'Primary and secondary actions',
      bound_variables: ['color/brand/primary', 'color/surface/default', 'radius/md', 'space/sm'],
    });
    const primary = rows.find((r) => r.props.set_id === button.nodeId && (r.props.variant as Record<string, string>).Variant === 'Primary')!;
    expect(primary.props.bound_variables).toEqual(['color/brand/primary', 'radius/md', 'space/sm']);
    expect(primary.props).not.toHaveProperty('description'); // no description in Figma: none stored
    // frames bind variables too, but are not components: their props are what they were
    const frames = rows.filter((r) => r.type === 'FRAME');
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) expect(Object.keys(f.props).filter((k) => k === 'bound_variables' || k === 'description')).toEqual([]);

    // what chat reads of Badge: its purpose and its tokens
    const doc = componentDocument(badge, { pageName: 'Components', setName: null });
    expect(doc.text).toContain('Description: Small status label');
    expect(doc.text).toContain('Design tokens:\n- radius/pill\n');
    expect(componentDocument(button, { pageName: 'Components', setName: null }).text).toContain('Design tokens:\n- color/brand/primary\n- color/surface/default\n- radius/md\n- space/sm\n');
  });

  it('replaces by page: an update changes, a removal deletes, others stay', async () => {
    const p = await createTestProject();
    const { job } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const base = comps(5);
    await apply(p.key, { job_id: job.job_id, page: { node_id: '9:1', name: 'P', components: base } });
    const next = [{ ...base[0]!, name: 'Renamed' }, ...base.slice(1, 4)];
    const res = (await (await apply(p.key, { job_id: job.job_id, page: { node_id: '9:1', name: 'P', components: next } })).json()) as any;
    expect(res).toMatchObject({ inserted: 0, updated: 1, deleted: 1, unchanged: 3 });
    const rows = await handle.db.select({ nodeId: schema.components.nodeId, name: schema.components.name }).from(schema.components).where(eq(schema.components.projectId, p.id));
    expect(rows.map((r) => r.nodeId).sort()).toEqual(['c0:1', 'c1:1', 'c2:1', 'c3:1']);
    expect(rows.find((r) => r.nodeId === 'c0:1')?.name).toBe('Renamed');
  });

  it('refuses 301 components with 413, writing nothing, and takes them in batches', async () => {
    const p = await createTestProject();
    const { job } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const many = comps(301);
    const res = await apply(p.key, { job_id: job.job_id, page: { node_id: '8:1', name: 'Big', components: many } });
    expect(res.status).toBe(413);
    const err = ErrorEnvelopeSchema.parse(await res.json()).error;
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.message).toContain('300');
    expect(await handle.db.select().from(schema.pages).where(and(eq(schema.pages.projectId, p.id), eq(schema.pages.nodeId, '8:1')))).toEqual([]);

    const parts = [many.slice(0, 300), many.slice(300)];
    const results = [];
    for (let i = 0; i < parts.length; i++) {
      results.push(await (await apply(p.key, { job_id: job.job_id, page: { node_id: '8:1', name: 'Big', components: parts[i] }, batch: { index: i, count: 2 } })).json());
    }
    expect(results.map((r: any) => r.inserted)).toEqual([300, 1]);
    expect(results.map((r: any) => r.deleted)).toEqual([0, 0]);
    expect(await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id))).toHaveLength(301);
    // a later two-batch apply without the last 101 removes them after its final batch
    const smaller = many.slice(0, 200);
    await apply(p.key, { job_id: job.job_id, page: { node_id: '8:1', name: 'Big', components: smaller.slice(0, 100) }, batch: { index: 0, count: 2 } });
    const last = (await (await apply(p.key, { job_id: job.job_id, page: { node_id: '8:1', name: 'Big', components: smaller.slice(100) }, batch: { index: 1, count: 2 } })).json()) as any;
    expect(last.deleted).toBe(101);
  });

  it('is safe to retry with an Idempotency-Key', async () => {
    const p = await createTestProject();
    const { job } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const body = { job_id: job.job_id, page: { node_id: '7:1', name: 'P', components: comps(3, 'k') } };
    const a = await apply(p.key, body, `apply-${job.job_id}-7:1`);
    const b = await apply(p.key, body, `apply-${job.job_id}-7:1`);
    expect(await b.text()).toBe(await a.text());
    expect(b.headers.get('idempotent-replayed')).toBe('true');
  });

  it('records start, chunk, done and apply events on the trace of each request', async () => {
    const p = await createTestProject();
    const trace = crypto.randomUUID().replaceAll('-', '');
    const start = await api('/figma-context/start', { method: 'POST', key: p.key, json: { figma_url: URL_OF_SAMPLE }, headers: { 'x-trace-id': trace } });
    const { job_id } = (await start.json()) as { job_id: string };
    await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id, cursor: '0' }, headers: { 'x-trace-id': trace } }));
    await apply(p.key, { job_id, page: { node_id: '6:1', name: 'P', components: comps(1, 'e') } });
    const types = await eventually(async () => {
      const rows = await handle.db.select({ type: schema.busEvents.type }).from(schema.busEvents).where(eq(schema.busEvents.traceId, trace)).orderBy(schema.busEvents.createdAt, schema.busEvents.id);
      const t = rows.map((r) => r.type);
      return t.includes('figma_job_done') ? t : undefined;
    });
    expect(types[0]).toBe('figma_job_started');
    expect(types).toContain('figma_job_chunk_done');
    expect(types.at(-1)).toBe('figma_job_done');
  });

  it('cancels a running job: one terminal error CANCELLED, and the stream stops', async () => {
    const p = await createTestProject();
    const started = (await (await api('/figma-context/start', { method: 'POST', key: p.key, json: { figma_url: URL_OF_SAMPLE } })).json()) as { job_id: string };
    const res = await api('/figma-context/cancel', { method: 'POST', key: p.key, json: { job_id: started.job_id } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('cancelled');
    const events = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' } }));
    expect(events.map((e) => e.event)).toEqual(['error']);
    expect(events[0]!.data.error.code).toBe('CANCELLED');
    expect((await api('/figma-context/cancel', { method: 'POST', key: p.key, json: { job_id: started.job_id } })).status).toBe(409);
  });

  it('cancels once under concurrent cancels: one 200, every other a 409 in the envelope — never a 500', async () => {
    const p = await createTestProject();
    const started = (await (await api('/figma-context/start', { method: 'POST', key: p.key, json: { figma_url: URL_OF_SAMPLE } })).json()) as { job_id: string };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api('/figma-context/cancel', { method: 'POST', key: p.key, json: { job_id: started.job_id } })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.status === 409)) expect(ErrorEnvelopeSchema.parse(await r.json()).error.code).toBe('CONFLICT');
    const events = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' } }));
    expect(events.map((e) => e.event)).toEqual(['error']);
  });

  it('uses the project vault FIGMA_API_KEY before the deployment token, and answers 422 with neither', async () => {
    const p = await createTestProject();
    const noFallback = { ...env, FIGMA_API_KEY: undefined };
    const app = createApp();
    const start = () =>
      app.request('/figma-context/start', { method: 'POST', body: JSON.stringify({ figma_url: URL_OF_SAMPLE }), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, noFallback);
    const none = await start();
    expect(none.status).toBe(422);
    expect(ErrorEnvelopeSchema.parse(await none.json()).error.message).toContain('FIGMA_API_KEY');
    await api('/vault/secrets/FIGMA_API_KEY', { method: 'PUT', key: p.key, json: { value: env.FIGMA_API_KEY } });
    const withVault = await start();
    expect(withVault.status).toBe(201);
    const audit = (await (await api('/vault/secrets/FIGMA_API_KEY/audit', { key: p.key })).json()) as { items: Array<{ action: string; actor: string }> };
    expect(audit.items.some((a) => a.action === 'use' && a.actor === 'service:figma-context')).toBe(true);
    expect(await withVault.text()).not.toContain(env.FIGMA_API_KEY);
  });
});
