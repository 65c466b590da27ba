// GET /figma-context/context through the public API: a job's whole compact context, paged by bytes.
// The oracle is the library's own rendering of the merged chunks: toText (plain, no templates) / toJson of mergeChunks.
import { SAMPLE_FILE_KEY, storefrontFile } from '@cogo/fakes/samples';
import { fromJson, mergeChunks, toJson, toText, type CompactContext, type CompactJson } from '@cogo/figma-context';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { chunkCache } from './context-cache';
import { api, createTestProject, figmaFake, projectWithOwnFigmaToken, readSse, runFigmaJob, type StreamedEvent, type TestProject } from '../../../test/helpers';

afterEach(() => figmaFake.clear());

interface Page {
  job_id: string;
  format: 'text' | 'json';
  job_status: string;
  partial: boolean;
  through_event_id: number;
  content: string;
  bytes: number;
  next_cursor: string | null;
}

const enc = new TextEncoder();
const SAMPLE = { file_key: SAMPLE_FILE_KEY, options: { max_nodes_per_chunk: 2 } };

/** Top-level nodes per chunk (a part under an earlier part's node adds none): the runs the text's templates are chosen over. */
function chunkSizes(events: StreamedEvent[]): number[] {
  const sizes = new Map<number, number>();
  for (const e of events.filter((x) => x.event === 'page.chunk')) {
    const ctx = fromJson(e.data.context as CompactJson) as CompactContext & { under?: string };
    const k = e.data.chunk_index as number;
    sizes.set(k, (sizes.get(k) ?? 0) + (ctx.under === undefined ? ctx.nodes.length : 0));
  }
  return [...sizes.values()];
}

/** The whole text context of a stream's events, as the paged rendering must give it. */
const wholeText = (events: StreamedEvent[]) => `${toText(merged(events), { dedupePer: chunkSizes(events) })}\n`;

/** What a client does with the stream: merge every page.chunk's context. */
function merged(events: StreamedEvent[]) {
  return mergeChunks(events.filter((e) => e.event === 'page.chunk').map((e) => ({ ...fromJson(e.data.context as CompactJson), index: e.data.chunk_index as number })));
}

async function page(key: string, query: Record<string, string | number>): Promise<Page> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await api(`/figma-context/context?${qs}`, { key });
  if (res.status !== 200) throw new Error(`context failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Page;
}

/** Every page of a job's context at `maxBytes`. */
async function allPages(key: string, jobId: string, format: 'text' | 'json', maxBytes: number): Promise<Page[]> {
  const pages = [await page(key, { job_id: jobId, format, max_bytes: maxBytes })];
  while (pages.at(-1)!.next_cursor !== null) {
    pages.push(await page(key, { cursor: pages.at(-1)!.next_cursor!, max_bytes: maxBytes }));
    if (pages.length > 500) throw new Error('too many pages');
  }
  return pages;
}

function expectWithinBudget(pages: Page[], maxBytes: number) {
  for (const p of pages) {
    expect(p.bytes).toBe(enc.encode(p.content).length);
    expect(p.bytes).toBeLessThanOrEqual(maxBytes);
    expect(p.bytes).toBeGreaterThan(0);
  }
}

async function errorOf(res: Response) {
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; requestId: string; details?: { issues?: { path: string }[] } } } };
}

describe('GET /figma-context/context', () => {
  let p: TestProject;

  it('pages the whole text context: concatenated, the pages are toText of the merged chunks; each page within max_bytes, whole lines', async () => {
    p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, SAMPLE);
    const whole = wholeText(events);
    expect(enc.encode(whole).length).toBeGreaterThan(3 * 1024);

    const pages = await allPages(p.key, job.job_id, 'text', 1024);
    expect(pages.length).toBeGreaterThan(3);
    expectWithinBudget(pages, 1024);
    expect(pages.map((pg) => pg.content).join('')).toBe(whole);
    // no line of this file is longer than a page: every page ends at a line's end
    for (const pg of pages) expect(pg.content.endsWith('\n')).toBe(true);
    // a top-level node with its subtree that fits a page is never cut across two
    const all = merged(events);
    const blocks = all.nodes.map((n) => `${toText({ v: 1, nodes: [n], defs: mergeChunks([]).defs, components: {}, counts: all.counts }, { dedupe: false })}\n`);
    const fitting = blocks.filter((b) => enc.encode(b).length <= 1024);
    expect(fitting.length).toBeGreaterThan(3);
    for (const b of fitting) expect(pages.some((pg) => pg.content.includes(b))).toBe(true);
    expect(pages.filter((pg) => pg.content.startsWith(' ')).length).toBeLessThan(pages.length);
    expect(pages.every((pg) => pg.job_status === 'done' && pg.partial === false && pg.format === 'text' && pg.job_id === job.job_id)).toBe(true);

    // the whole context at once is the same bytes
    const once = await page(p.key, { job_id: job.job_id });
    expect(once).toMatchObject({ format: 'text', next_cursor: null, partial: false });
    expect(once.content).toBe(whole);
    // every kept node, its text, and the dictionaries are there
    expect(whole).toContain('@p');
    expect(whole).toContain('@t');
    expect(whole).toContain('@l');
  });

  it('pages the whole JSON context: concatenated, the pages are toJson of the merged chunks', async () => {
    p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, SAMPLE);
    const whole = JSON.stringify(toJson(merged(events)));

    const pages = await allPages(p.key, job.job_id, 'json', 1024);
    expect(pages.length).toBeGreaterThan(3);
    expectWithinBudget(pages, 1024);
    expect(pages.every((pg) => pg.format === 'json')).toBe(true);
    expect(pages.map((pg) => pg.content).join('')).toBe(whole);
    const once = await page(p.key, { job_id: job.job_id, format: 'json', max_bytes: 4 * 1024 * 1024 });
    expect(once.next_cursor).toBeNull();
    expect(once.content).toBe(whole);
    const parsed = JSON.parse(once.content) as CompactJson;
    expect(parsed.nodes.length).toBeGreaterThan(0);
    expect(Object.keys(parsed.defs ?? {})).toEqual(expect.arrayContaining(['paints', 'text', 'layouts']));
    expect(Object.keys(parsed.components ?? {}).length).toBeGreaterThan(0);
  });

  it("pages a job read before from the isolate's chunk cache: the same pages and cursors, no chunk read from the log again", async () => {
    p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, SAMPLE);
    const expected = { text: wholeText(events), json: JSON.stringify(toJson(merged(events))) };
    for (const format of ['text', 'json'] as const) {
      chunkCache.clear();
      const cold = await allPages(p.key, job.job_id, format, 1024);
      expect(cold.map((pg) => pg.content).join('')).toBe(expected[format]);
      expect(chunkCache.bytes).toBeGreaterThan(0);
      const misses = chunkCache.stats.misses;
      const hits = chunkCache.stats.hits;
      const warm = await allPages(p.key, job.job_id, format, 1024);
      expect(warm).toEqual(cold);
      // every chunk group found kept: nothing was looked for in vain, so nothing was read from the log
      expect(chunkCache.stats.misses).toBe(misses);
      expect(chunkCache.stats.hits).toBeGreaterThan(hits);
    }
  });

  it('cuts a line longer than a page between characters (never inside one), and only such a line', async () => {
    const file = storefrontFile();
    const long = `${'Lorem ipsum é ß 😀 '.repeat(200)}end`;
    const text = findText(file.document as unknown as Node);
    Object.assign(text, { characters: long, characterStyleOverrides: [], styleOverrideTable: {} });
    const key = `CTXLONG${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await figmaFake.putFile(key, file);
    p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, { file_key: key });
    const whole = wholeText(events);
    expect(whole).toContain(JSON.stringify(long));

    for (const maxBytes of [1024, 1500]) {
      const pages = await allPages(p.key, job.job_id, 'text', maxBytes);
      expectWithinBudget(pages, maxBytes);
      expect(pages.map((pg) => pg.content).join('')).toBe(whole);
      // a page that does not end a line holds part of the long line, and a full one
      const cut = pages.filter((pg) => !pg.content.endsWith('\n'));
      expect(cut.length).toBeGreaterThan(0);
      for (const pg of cut) expect(pg.bytes).toBeGreaterThan(maxBytes - 4);
      // no surrogate pair is split
      for (const pg of pages) expect(/[\uD800-\uDBFF]$/.test(pg.content) || /^[\uDC00-\uDFFF]/.test(pg.content)).toBe(false);
    }
    const json = JSON.stringify(toJson(merged(events)));
    const jsonPages = await allPages(p.key, job.job_id, 'json', 1024);
    expectWithinBudget(jsonPages, 1024);
    expect(jsonPages.map((pg) => pg.content).join('')).toBe(json);
  });

  it('answers 400 for a cursor it did not issue, or issued for another job or format', async () => {
    p = await createTestProject();
    const a = await runFigmaJob(p.key, SAMPLE);
    const b = await runFigmaJob(p.key, SAMPLE);
    const first = await page(p.key, { job_id: a.job.job_id, max_bytes: 1024 });
    const cursor = first.next_cursor!;
    const [payload, tag] = cursor.split('.') as [string, string];
    const decoded = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as unknown[];
    const b64 = (v: unknown) => btoa(JSON.stringify(v)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
    const moved = decoded.map((v, i) => (i === decoded.length - 3 ? Number(v) + 1 : v));
    const forged = [
      'garbage',
      `${payload}.0000000000000000`,
      `${b64(moved)}.${tag}`,
      `${payload.slice(0, -2)}.${tag}`,
      `${cursor}x`,
      '%00',
    ];
    for (const c of forged) {
      const { status, body } = await errorOf(await api(`/figma-context/context?job_id=${a.job.job_id}&cursor=${encodeURIComponent(c)}`, { key: p.key }));
      expect(status, c).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details?.issues?.[0]?.path).toBe('query.cursor');
    }
    // a real cursor of job a, given with job b, or with the other format
    expect((await api(`/figma-context/context?job_id=${b.job.job_id}&cursor=${cursor}`, { key: p.key })).status).toBe(400);
    expect((await api(`/figma-context/context?cursor=${cursor}&format=json`, { key: p.key })).status).toBe(400);
    // the real one still works, with or without job_id
    expect((await page(p.key, { cursor, job_id: a.job.job_id, max_bytes: 1024 })).content).toBe((await page(p.key, { cursor, max_bytes: 1024 })).content);
    // bad parameters
    for (const q of ['', 'job_id=nope', `job_id=${a.job.job_id}&format=xml`, `job_id=${a.job.job_id}&max_bytes=10`, `job_id=${a.job.job_id}&max_bytes=99999999`]) {
      const { status, body } = await errorOf(await api(`/figma-context/context?${q}`, { key: p.key }));
      expect(status, q).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it("answers 404 for another project's job, by job_id or by cursor; 401 without a key", async () => {
    const owner = await createTestProject();
    const other = await createTestProject();
    const { job } = await runFigmaJob(owner.key, SAMPLE);
    const first = await page(owner.key, { job_id: job.job_id, max_bytes: 1024 });
    for (const q of [`job_id=${job.job_id}`, `cursor=${first.next_cursor}`]) {
      const { status, body } = await errorOf(await api(`/figma-context/context?${q}`, { key: other.key }));
      expect(status).toBe(404);
      expect(body.error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(body)).not.toContain('Storefront');
    }
    expect((await api(`/figma-context/context?job_id=${job.job_id}`)).status).toBe(401);
  });

  it('says a job that has not finished is partial: its pages hold what was logged when the first page was read', async () => {
    p = await createTestProject();
    const res = await api('/figma-context/start', { method: 'POST', key: p.key, json: SAMPLE });
    const job = (await res.json()) as { job_id: string };
    const text = await page(p.key, { job_id: job.job_id });
    expect(text).toMatchObject({ job_status: 'pending', partial: true, through_event_id: 0, content: '', bytes: 0, next_cursor: null });
    const json = await page(p.key, { job_id: job.job_id, format: 'json' });
    expect(JSON.parse(json.content)).toEqual(toJson(mergeChunks([])));
    expect(json.partial).toBe(true);
  });

  it('reads a running job up to what it has logged; its cursors keep that view after the job goes on; a new sequence is whole', async () => {
    p = await projectWithOwnFigmaToken(); // its slow pacing stays with its own token
    // 300 ms between Figma calls and a 500 ms budget: the first stream call ends with the job still running
    const tight = { ...env, STREAM_BUDGET_MS: '500', FIGMA_REQUESTS_PER_MIN: '200' };
    const app = createApp();
    const call = (path: string, json: unknown) =>
      Promise.resolve(app.request(path, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, tight));
    const job = (await (await call('/figma-context/start', { file_key: SAMPLE_FILE_KEY, options: { max_nodes_per_chunk: 1 } })).json()) as { job_id: string };
    const firstCall = await readSse(await call('/figma-context/stream', { job_id: job.job_id, cursor: '0' }));
    expect(firstCall.at(-1)).toMatchObject({ event: 'progress', id: null });
    const lastId = firstCall.filter((e) => e.id !== null).at(-1)!.id!;

    const partial = await allPages(p.key, job.job_id, 'text', 1024);
    expect(partial.every((pg) => pg.job_status === 'running' && pg.partial && pg.through_event_id === lastId)).toBe(true);
    const partialText = wholeText(firstCall);
    expect(partial.map((pg) => pg.content).join('')).toBe(partialText);
    const held = await page(p.key, { job_id: job.job_id, max_bytes: 1024 });
    expect(held.next_cursor).not.toBeNull();

    // the job goes on to its end
    const rest: StreamedEvent[] = [];
    for (let cursor = String(lastId), n = 0; n < 100; n++) {
      const batch = await readSse(await call('/figma-context/stream', { job_id: job.job_id, cursor }));
      rest.push(...batch);
      const last = batch.filter((e) => e.id !== null).at(-1);
      if (!last || last.event === 'done') break;
      cursor = String(last.id);
    }
    expect(rest.at(-1)?.event).toBe('done');
    // a cursor of the earlier sequence still reads the earlier view, and says it is partial
    let text = held.content;
    for (let cursor = held.next_cursor; cursor !== null; ) {
      const next = await page(p.key, { cursor, max_bytes: 1024 });
      expect(next).toMatchObject({ job_status: 'done', partial: true, through_event_id: lastId });
      text += next.content;
      cursor = next.next_cursor;
    }
    expect(text).toBe(partialText);
    // a new sequence reads the whole job
    const whole = await page(p.key, { job_id: job.job_id });
    expect(whole).toMatchObject({ job_status: 'done', partial: false, next_cursor: null });
    expect(whole.content).toBe(wholeText([...firstCall, ...rest]));
    expect(whole.content.length).toBeGreaterThan(partialText.length);
  });
});

interface Node {
  type: string;
  children?: Node[];
}

function findText(n: Node): Node {
  if (n.type === 'TEXT') return n;
  for (const c of n.children ?? []) {
    try {
      return findText(c);
    } catch {
      // not in this subtree
    }
  }
  throw new Error('no TEXT node');
}
