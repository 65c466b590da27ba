// Pages in a figma-context job: every planned page is reported — a `page.ready` with `chunks: 0` for
// a page with nothing to fetch, in plan order — and `done.counts` counts them (`pages`, `empty_pages`).
import { SAMPLE_FILE_KEY, storefrontFile } from '@cogo/fakes/samples';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { api, createTestProject, figmaFake, readSse, runFigmaJob, type StreamedEvent } from '../helpers';

afterEach(() => figmaFake.clear());

const URL_OF_SAMPLE = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;
const page = (id: string, name: string, children: unknown[] = []) => ({ id, name, type: 'CANVAS', scrollBehavior: 'SCROLLS', backgroundColor: { r: 1, g: 1, b: 1, a: 1 }, children });
const hiddenRect = { id: '901:9', name: 'old sketch', type: 'RECTANGLE', visible: false, scrollBehavior: 'SCROLLS', blendMode: 'PASS_THROUGH', fills: [], strokes: [], strokeWeight: 0, strokeAlign: 'INSIDE', effects: [] };

/** The storefront sample with three empty pages around its three: one first, one (only hidden layers) between, one last. */
async function fileWithEmptyPages(): Promise<{ key: string; planned: Array<[string, string]>; empty: string[] }> {
  const file = storefrontFile();
  const [screens, components, archive] = file.document.children;
  file.document.children = [page('900:1', 'Cover'), screens!, page('900:2', 'Notes', [hiddenRect]), components!, archive!, page('900:3', 'Trash')] as never;
  const key = `EMPTYPAGES${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await figmaFake.putFile(key, file);
  return {
    key,
    planned: file.document.children.map((pg) => [pg.id, pg.name]),
    empty: ['900:1', '900:2', '900:3'],
  };
}

const pageReady = (events: StreamedEvent[]) => events.filter((e) => e.event === 'page.ready').map((e) => e.data as { page_id: string; name: string; chunks: number });

describe('figma-context: pages of a job', () => {
  it('counts the pages of a whole-file job in done.counts.pages (and in its status)', async () => {
    const p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const plan = job.plan as unknown as { pages: unknown[] };
    expect(plan.pages).toHaveLength(3);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.counts).toMatchObject({ pages: 3, empty_pages: 0 });
    const status = (await (await api(`/figma-context/status?job_id=${job.job_id}`, { key: p.key })).json()) as { counts: Record<string, number> };
    expect(status.counts).toMatchObject({ pages: 3, empty_pages: 0 });
  });

  it('reports every planned page: page.ready with chunks 0 for an empty one, in plan order, and counts them in done', async () => {
    const p = await createTestProject();
    const file = await fileWithEmptyPages();
    const { job, events } = await runFigmaJob(p.key, { file_key: file.key });
    const plan = job.plan as unknown as { pages: Array<{ id: string; name: string }> };
    expect(plan.pages.map((pg) => [pg.id, pg.name])).toEqual(file.planned);

    const ready = pageReady(events);
    expect(ready.map((r) => [r.page_id, r.name])).toEqual(file.planned);
    for (const r of ready) {
      const chunks = events.filter((e) => e.event === 'page.chunk' && e.data.page_id === r.page_id && e.data.part === 0).length;
      expect(r.chunks, r.name).toBe(chunks);
      expect(r.chunks > 0, r.name).toBe(!file.empty.includes(r.page_id));
    }
    // a page.ready comes before its page's chunks, and pages do not interleave
    const order = events.filter((e) => e.event === 'page.ready' || e.event === 'page.chunk').map((e) => e.data.page_id as string);
    expect(order.filter((id, i) => id !== order[i - 1])).toEqual(file.planned.map(([id]) => id));
    expect(events.at(-1)!.data.counts).toMatchObject({ pages: 6, empty_pages: 3 });
  });

  it('reports each empty page exactly once, in plan order, when the job spans many stream calls', async () => {
    const p = await createTestProject();
    const file = await fileWithEmptyPages();
    const tight = { ...env, STREAM_BUDGET_MS: '500' };
    // every nodes call takes 200 ms, so the job spans calls whatever the pacing
    await figmaFake.faults([{ fault: { kind: 'latency', ms: 200 }, times: null, path: `/v1/files/${file.key}/nodes` }]);
    const { events, calls } = await runFigmaJob(p.key, { file_key: file.key, options: { max_nodes_per_chunk: 1 } }, createApp(), tight);
    expect(calls).toBeGreaterThan(1);
    const logged = events.filter((e) => e.id !== null);
    expect(logged.map((e) => e.id)).toEqual(Array.from({ length: logged.length }, (_, i) => i + 1));
    expect(pageReady(logged).map((r) => [r.page_id, r.chunks === 0])).toEqual(file.planned.map(([id]) => [id, file.empty.includes(id)]));
    expect(logged.at(-1)!.data.counts).toMatchObject({ pages: 6, empty_pages: 3 });
  });

  it('reports each empty page once when the client leaves after every chunk and resumes from its last id', async () => {
    const p = await createTestProject();
    const file = await fileWithEmptyPages();
    const started = (await (await api('/figma-context/start', { method: 'POST', key: p.key, json: { file_key: file.key, options: { max_nodes_per_chunk: 1 } } })).json()) as { job_id: string };
    const held: StreamedEvent[] = [];
    let calls = 0;
    while (held.at(-1)?.event !== 'done' && calls++ < 100) {
      const cursor = String(held.at(-1)?.id ?? 0);
      const res = await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor } });
      held.push(...(await readSse(res, (e) => e.event === 'page.chunk' || e.event === 'done')).filter((e) => e.id !== null));
    }
    expect(calls).toBeGreaterThan(file.planned.length);
    expect(held.map((e) => e.id)).toEqual(Array.from({ length: held.length }, (_, i) => i + 1));
    expect(pageReady(held).map((r) => [r.page_id, r.chunks === 0])).toEqual(file.planned.map(([id]) => [id, file.empty.includes(id)]));
    expect(held.at(-1)!.data.counts).toMatchObject({ pages: 6, empty_pages: 3 });
  });

  it('reports the pages of a file whose every page is empty, and ends done', async () => {
    const p = await createTestProject();
    const key = `ALLEMPTY${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const file = storefrontFile();
    file.document.children = [page('900:1', 'One'), page('900:2', 'Two')] as never;
    await figmaFake.putFile(key, file);
    const { job, events } = await runFigmaJob(p.key, { file_key: key });
    expect(job.plan.chunks).toBe(0);
    expect(events.filter((e) => e.id !== null).map((e) => e.event)).toEqual(['ready', 'page.ready', 'page.ready', 'done']);
    expect(pageReady(events)).toEqual([
      { page_id: '900:1', name: 'One', chunks: 0 },
      { page_id: '900:2', name: 'Two', chunks: 0 },
    ]);
    expect(events.at(-1)!.data.counts).toMatchObject({ pages: 2, empty_pages: 2 });
  });
});
