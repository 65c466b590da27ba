// POST /figma-context/apply with a generated page (issue 14): stored whole in one transaction under file key
// `generated`, converted back to the same document by GET /pages/{id}/ui-json, idempotent (the same page again
// changes nothing), replace-mode (a node gone from the page is deleted), on the request's trace; unsafe content is
// a 422 with nothing written, duplicate ids a 400, a job_id with a generated page a 400.
import { schema } from '@cogo/db';
import { CogoUiJsonSchema, UuiJsonSchema, type CogoUiJson } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { api, createTestProject, runFigmaJob, testDb } from '../../../test/helpers';
import { busEventsOf, errorOf, newTrace } from '../figma-compat/figma-compat.bdd.test-helpers';
import { heroSection, modelPage } from '../figma-compat/figma-compat.ui.test-helpers';

const apply = (key: string, json: unknown) => api('/figma-context/apply', { method: 'POST', key, json });

/** A page of 3 sections × 120 text nodes (+ the hero): more than one 300-row statement. */
function bigPage(): CogoUiJson {
  const sections = ['features', 'pricing', 'faq'].map((type) => ({
    id: type,
    type,
    name: type,
    blocks: [{ id: `${type}-grid`, type: 'grid', layout: { columns: 3 }, components: Array.from({ length: 120 }, (_, i) => ({ id: `${type}-${i}`, type: 'text', text: `${type} item ${i}` })) }],
  }));
  return modelPage([heroSection(), ...sections]);
}

async function storedComponents(projectId: string, pageId: string) {
  const handle = testDb();
  try {
    const c = schema.components;
    return await handle.db.select().from(c).where(and(eq(c.projectId, projectId), eq(c.pageId, pageId)));
  } finally {
    await handle.close();
  }
}

describe('POST /figma-context/apply with a generated page', () => {
  it('stores it whole, converts back to the same document, changes nothing the second time, and is on the trace', async () => {
    const p = await createTestProject();
    const doc = bigPage();
    const trace = newTrace();
    const first = await apply(p.key, { page: doc, trace_id: trace });
    const counts = (await first.json()) as { page_id: string; inserted: number; updated: number; deleted: number; unchanged: number };
    expect(first.status, JSON.stringify(counts)).toBe(200);
    // 4 sections, 4 blocks, 2 + 360 components
    expect(counts).toMatchObject({ inserted: 370, updated: 0, deleted: 0, unchanged: 0 });
    expect(first.headers.get('x-trace-id')).toBe(trace);
    const rows = await storedComponents(p.id, counts.page_id);
    expect(rows).toHaveLength(370);
    expect(new Set(rows.map((r) => r.fileKey))).toEqual(new Set(['generated']));

    const read = await api(`/pages/${counts.page_id}/ui-json`, { key: p.key });
    expect(read.status).toBe(200);
    const back = (await read.json()) as { cogo_ui_json: unknown };
    expect(CogoUiJsonSchema.parse(back.cogo_ui_json)).toEqual(doc);

    const second = (await (await apply(p.key, { page: doc })).json()) as typeof counts;
    expect(second).toEqual({ ...counts, inserted: 0, unchanged: 370 });
    const [done] = await busEventsOf(p.id, trace, 'figma_apply_done');
    expect(done!.payload).toMatchObject({ page: 'page-1', file_key: 'generated', inserted: 370 });
    await busEventsOf(p.id, trace, 'figma_apply_started');
  });

  it('replaces by page: a section removed from the document is deleted, a changed text updated', async () => {
    const p = await createTestProject();
    const doc = modelPage([heroSection('hero'), heroSection('second')]);
    const first = (await (await apply(p.key, { page: doc })).json()) as { page_id: string; inserted: number };
    expect(first.inserted).toBe(8);
    const changed = modelPage([{ ...heroSection('hero'), name: 'Hero v2' }]);
    const res = await apply(p.key, { page: changed });
    expect(await res.json()).toMatchObject({ page_id: first.page_id, inserted: 0, updated: 1, deleted: 4, unchanged: 3 });
    const back = (await (await api(`/pages/${first.page_id}/ui-json`, { key: p.key })).json()) as { cogo_ui_json: unknown };
    expect(back.cogo_ui_json).toEqual(changed);
  });

  it('refuses unsafe content (422), duplicate ids (400) and a job_id (400), writing nothing', async () => {
    const p = await createTestProject();
    const unsafe = modelPage([heroSection()]);
    unsafe.page.sections[0]!.blocks[0]!.components[1]!.props = { href: 'javascript:alert(1)' };
    const e1 = await errorOf(await apply(p.key, { page: unsafe }), 422);
    expect(e1.details).toMatchObject({ code: 'UI_JSON_UNSAFE', pruned: [expect.objectContaining({ reason: 'unsafe_url' })] });

    const dup = modelPage([heroSection('x'), heroSection('x')]);
    expect((await errorOf(await apply(p.key, { page: dup }), 400)).message).toContain('appears twice');

    const withJob = await errorOf(await apply(p.key, { page: modelPage([heroSection()]), job_id: crypto.randomUUID() }), 400);
    expect(JSON.stringify(withJob.details)).toContain('job_id');
    const figmaWithoutJob = await errorOf(await apply(p.key, { page: { node_id: '1:2', name: 'x', components: [] } }), 400);
    expect(JSON.stringify(figmaWithoutJob.details)).toContain('required for a Figma page');

    const handle = testDb();
    try {
      expect(await handle.db.select().from(schema.pages).where(eq(schema.pages.projectId, p.id))).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});

describe('GET /pages/{id}/ui-json of an extracted Figma page', () => {
  it('is a cogo_ui_json of the same kind: a section per top-level frame, components referencing the stored rows', async () => {
    const p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront` });
    // the sample's page with the most components (not only frames)
    const pages = events.filter((e) => e.event === 'page.ready').map((e) => e.data as { page_id: string; name: string });
    const componentsOf = (pageId: string) => events.filter((e) => e.event === 'page.chunk' && e.data.page_id === pageId).flatMap((e) => e.data.components as Array<{ type: string }>);
    const ready = pages.sort((a, b) => componentsOf(b.page_id).filter((c) => c.type !== 'FRAME').length - componentsOf(a.page_id).filter((c) => c.type !== 'FRAME').length)[0]!;
    const components = componentsOf(ready.page_id);
    const applied = (await (await apply(p.key, { job_id: job.job_id, page: { node_id: ready.page_id, name: ready.name, components } })).json()) as { page_id: string };
    const res = await api(`/pages/${applied.page_id}/ui-json`, { key: p.key });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cogo_ui_json: unknown; uui_json: unknown };
    const doc = CogoUiJsonSchema.parse(body.cogo_ui_json);
    UuiJsonSchema.parse(body.uui_json);
    expect(doc.page).toMatchObject({ name: ready.name, source: { kind: 'figma', file_key: SAMPLE_FILE_KEY, node_id: ready.page_id, page_id: applied.page_id } });
    const rows = await storedComponents(p.id, applied.page_id);
    const refs: string[] = [];
    const walk = (nodes: CogoUiJson['page']['sections'][number]['blocks'][number]['components']) => {
      for (const n of nodes) {
        if (n.component?.component_id) refs.push(n.component.component_id);
        if (n.children) walk(n.children);
      }
    };
    for (const section of doc.page.sections) for (const block of section.blocks) walk(block.components);
    const componentRows = rows.filter((r) => r.type !== 'FRAME').map((r) => r.id);
    expect(componentRows.length).toBeGreaterThan(0);
    expect(new Set(refs)).toEqual(new Set(componentRows));
    // another project's page is a 404
    const other = await createTestProject();
    expect((await api(`/pages/${applied.page_id}/ui-json`, { key: other.key })).status).toBe(404);
  });
});
