// Issue 8 #2: a node-scoped job stores its components on the node's real page, and its apply replaces
// only within its scope — not a made-up `selection` page shared by every selection of the file.
import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY, storefrontFile } from '@cogo/fakes/samples';
import { and, eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, figmaFake, runFigmaJob, testDb, type StreamedEvent } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const URL_OF_SAMPLE = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;
const at = (nodeId: string) => `${URL_OF_SAMPLE}?node-id=${nodeId.replace(':', '-')}`;

interface StreamedPage {
  name: string;
  components: Array<{ node_id: string; name: string; type: string; props?: Record<string, unknown> }>;
}

/** Pages as the stream announces them (page.ready), with their chunks' components. */
function pagesOf(events: StreamedEvent[]): Map<string, StreamedPage> {
  const pages = new Map<string, StreamedPage>();
  for (const e of events) {
    if (e.event === 'page.ready') pages.set(e.data.page_id, { name: e.data.name, components: [] });
    if (e.event === 'page.chunk') pages.get(e.data.page_id)!.components.push(...e.data.components);
  }
  return pages;
}

/** Streams a job and applies each of its pages the way the CLI does; returns the apply results. */
async function extractAndApply(key: string, body: Record<string, unknown>, keep: (nodeId: string) => boolean = () => true) {
  const { job, events } = await runFigmaJob(key, body);
  const pages = pagesOf(events);
  const results = new Map<string, { inserted: number; updated: number; deleted: number; unchanged: number }>();
  for (const [pageId, page] of pages) {
    const res = await api('/figma-context/apply', { method: 'POST', key, json: { job_id: job.job_id, page: { node_id: pageId, name: page.name, components: page.components.filter((c) => keep(c.node_id)) } } });
    expect(res.status).toBe(200);
    results.set(pageId, (await res.json()) as never);
  }
  return { pages, results };
}

async function storedOf(projectId: string) {
  return handle.db
    .select({ nodeId: schema.components.nodeId, page: schema.pages.nodeId, pageName: schema.pages.name })
    .from(schema.components)
    .innerJoin(schema.pages, eq(schema.pages.id, schema.components.pageId))
    .where(and(eq(schema.components.projectId, projectId)));
}

const sum = (results: Map<string, Record<string, number>>, k: string) => [...results.values()].reduce((s, r) => s + (r[k] ?? 0), 0);

describe('figma-context: node-scoped jobs belong to their real page', () => {
  it('announces the scoped node’s real page in page.ready, and stores it there', async () => {
    const p = await createTestProject();
    const { pages } = await extractAndApply(p.key, { figma_url: at('10:15') }); // the Button set, on "Components"
    expect([...pages.keys()]).toEqual(['1:2']);
    expect(pages.get('1:2')!.name).toBe('Components');
    const rows = await storedOf(p.id);
    expect(rows.map((r) => r.nodeId).sort()).toEqual(['10:12', '10:15', '10:6', '10:9']);
    expect(new Set(rows.map((r) => `${r.page}|${r.pageName}`))).toEqual(new Set(['1:2|Components']));
  });

  it('finds the page from the paths Figma returns: one Tier-1 call for a top-level node, more only for deeper ones, none for a page', async () => {
    const p = await createTestProject();
    const key = 'SCOPESAMPLE0008'; // a file of its own: other tests scope nodes of the sample too
    await figmaFake.putFile(key, storefrontFile());
    const lookups = async (nodeId: string) => {
      const since = Date.now();
      await runFigmaJob(p.key, { file_key: key, node_id: nodeId });
      const calls = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Array<{ path: string; query: Record<string, string>; at: number }>;
      return { depths: calls.filter((c) => c.at >= since && c.path === `/v1/files/${key}` && c.query.ids === nodeId).map((c) => c.query.depth) };
    };
    expect((await lookups('20:29')).depths).toEqual(['2']); // a top-level frame
    expect((await lookups('10:9')).depths).toEqual(['2', '5']); // a variant in a set: level 3
    expect((await lookups('1:2')).depths).toEqual([]); // a page is its own page
  });

  it('selection A then selection B of the same file keeps both', async () => {
    const p = await createTestProject();
    const a = await extractAndApply(p.key, { figma_url: at('10:15') }); // Button set + 3 variants
    expect(a.results.get('1:2')).toMatchObject({ inserted: 4, deleted: 0 });
    const b = await extractAndApply(p.key, { file_key: SAMPLE_FILE_KEY, node_id: '10:19' }); // Product Card, same page
    expect(b.results.get('1:2')).toMatchObject({ inserted: 1, updated: 0, deleted: 0 });
    const rows = await storedOf(p.id);
    expect(rows.map((r) => r.nodeId).sort()).toEqual(['10:12', '10:15', '10:19', '10:6', '10:9']);
    expect(new Set(rows.map((r) => r.page))).toEqual(new Set(['1:2']));
  });

  it('a scoped apply then a whole-file apply changes nothing it stored (updated 0, deleted 0)', async () => {
    const p = await createTestProject();
    await extractAndApply(p.key, { figma_url: at('10:15') });
    await extractAndApply(p.key, { figma_url: at('20:29') }); // a top-level frame on "Storefront"
    await extractAndApply(p.key, { figma_url: at('10:9') }); // a variant, nested in its set
    const whole = await extractAndApply(p.key, { figma_url: URL_OF_SAMPLE });
    expect(sum(whole.results, 'updated')).toBe(0);
    expect(sum(whole.results, 'deleted')).toBe(0);
    expect(whole.results.get('1:2')).toMatchObject({ unchanged: 4, inserted: 3 }); // Icon/Cart, Badge, Product Card are new
    expect(whole.results.get('0:1')).toMatchObject({ unchanged: 1 });
  });

  it('a whole-file apply then a scoped apply leaves the rest of the page alone, and the scoped one the same', async () => {
    const p = await createTestProject();
    const whole = await extractAndApply(p.key, { figma_url: URL_OF_SAMPLE });
    const before = (await storedOf(p.id)).map((r) => `${r.nodeId}@${r.page}`).sort();
    const scoped = await extractAndApply(p.key, { figma_url: at('10:9') });
    expect(scoped.results.get('1:2')).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: 1 });
    const again = await extractAndApply(p.key, { figma_url: at('10:15') });
    expect(again.results.get('1:2')).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: 4 });
    expect((await storedOf(p.id)).map((r) => `${r.nodeId}@${r.page}`).sort()).toEqual(before);
    expect(sum(whole.results, 'inserted')).toBe(before.length);
  });

  it('replaces within its scope only: a component gone from the scope is deleted, nothing outside it', async () => {
    const p = await createTestProject();
    await extractAndApply(p.key, { figma_url: URL_OF_SAMPLE });
    const total = (await storedOf(p.id)).length;
    // as if variant 10:9 had been deleted in Figma: the scoped job no longer lists it
    const scoped = await extractAndApply(p.key, { figma_url: at('10:15') }, (id) => id !== '10:9');
    expect(scoped.results.get('1:2')).toMatchObject({ deleted: 1, unchanged: 3 });
    const left = (await storedOf(p.id)).map((r) => r.nodeId);
    expect(left).toHaveLength(total - 1);
    expect(left).not.toContain('10:9');
    expect(left).toEqual(expect.arrayContaining(['10:1', '10:16', '10:19', '10:15']));
  });
});
