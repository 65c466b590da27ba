// Issue 8 "quota forecast": the job asks Figma for as many ids per /nodes call as the response budget allows,
// learning answer sizes as it goes (the depth=2 skeleton holds none): small chunks are fetched together, a chunk
// larger than the budget is cut into pieces instead of being asked for whole and refused. The content is exactly
// what one call per chunk gives; a replay from the version cache, resumed at other places, asks Figma nothing.
import { mergeChunks, fromJson, toJson, type ChunkOutput, type CompactJson } from '@cogo/figma-context';
import { generateLargeFile } from '@cogo/fakes/samples';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestProject, figmaAnswerBytes, figmaFake, runFigmaJob, type StreamedEvent, type TestProject } from '../../../test/helpers';

interface Recorded {
  path: string;
  query: Record<string, string>;
  at: number;
}

const NO_CACHE = { ...env, FIGMA_VERSION_CACHE: 'false' };

/** The /nodes calls the fake received for `key` since `since`. */
async function nodesCalls(key: string, since: number): Promise<Recorded[]> {
  const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[];
  return all.filter((r) => r.at >= since && r.path === `/v1/files/${key}/nodes`);
}

const contextOf = (events: StreamedEvent[]) =>
  JSON.stringify(toJson(mergeChunks(events.filter((e) => e.event === 'page.chunk').map((e) => fromJson(e.data.context as CompactJson) as ChunkOutput))));
const chunkIds = (events: StreamedEvent[]) => events.filter((e) => e.event === 'page.includes').map((e) => e.data.node_ids as string[]);
/** Each page's chunks (their node ids), in order. */
function byPage(events: StreamedEvent[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const e of events.filter((x) => x.event === 'page.includes')) {
    const list = out.get(e.data.page_id as string) ?? [];
    list.push(e.data.node_ids as string[]);
    out.set(e.data.page_id as string, list);
  }
  return out;
}

describe('figma-context: fewest Tier-1 calls', () => {
  let p: TestProject;
  beforeAll(async () => {
    p = await createTestProject();
  });

  it('fetches small chunks together: fewer /nodes calls than chunks, the same content as one call per chunk', async () => {
    const key = 'FEWERCALLS01';
    await figmaFake.putFile(key, generateLargeFile({ nodes: 4_000, pages: 2, frames: 'cards', seed: 3 }));
    // one call per chunk: no request may take more ids than one chunk holds
    const one = await runFigmaJob(p.key, { file_key: key, options: { max_ids_per_call: 100 } }, createApp(), NO_CACHE);
    const since = Date.now();
    const grouped = await runFigmaJob(p.key, { file_key: key }, createApp(), NO_CACHE);
    expect(grouped.events.at(-1)?.event).toBe('done');
    const chunks = chunkIds(grouped.events);
    expect(chunks.length).toBeGreaterThan(5);
    const calls = await nodesCalls(key, since);
    // per page: its first chunk alone (nothing learned of the page yet), then the rest in requests of up to 500 ids
    const pages = byPage(grouped.events);
    expect(pages.size).toBe(3);
    let expected = 0;
    for (const list of pages.values()) expected += 1 + Math.ceil(list.slice(1).flat().length / 500);
    expect(calls).toHaveLength(expected);
    expect(expected).toBeLessThan(chunks.length);
    expect(calls[0]!.query.ids!.split(',')).toEqual(chunks[0]);
    expect(contextOf(grouped.events)).toBe(contextOf(one.events));
    expect(chunkIds(one.events)).toEqual(chunks);
    expect(grouped.events.at(-1)!.data.counts).toEqual(one.events.at(-1)!.data.counts);
  });

  it('cuts chunks over the budget into pieces once it knows the sizes: only a page\'s first chunk is ever refused', async () => {
    const key = 'FEWERCALLS02';
    const file = generateLargeFile({ nodes: 8_000, pages: 1, frames: 'screens', seed: 4 });
    await figmaFake.putFile(key, file);
    const screens = file.document.children.find((pg) => pg.name !== 'Components' && (pg as { children?: unknown[] }).children?.length)! as unknown as { children: Array<{ id: string }> };
    const all = screens.children.map((s) => s.id);
    expect(all.length).toBeGreaterThan(16);
    const total = await figmaAnswerBytes(`/v1/files/${key}/nodes?ids=${encodeURIComponent(all.join(','))}`);
    // about four screens per answer; a chunk of eight is twice that
    const budget = Math.floor((total / all.length) * 4);
    const bindings = { ...NO_CACHE, FIGMA_MAX_RESPONSE_BYTES: String(budget), STREAM_BUDGET_MS: '60000', STREAM_HARD_LIMIT_MS: '120000' };
    const one = await runFigmaJob(p.key, { file_key: key, options: { max_ids_per_call: 8, max_nodes_per_chunk: 8 } }, createApp(), { ...bindings, FIGMA_MAX_RESPONSE_BYTES: String(total * 2) });
    const since = Date.now();
    const cut = await runFigmaJob(p.key, { file_key: key, options: { max_nodes_per_chunk: 8 } }, createApp(), bindings);
    expect(cut.events.at(-1)?.event, JSON.stringify(cut.events.at(-1)?.data)).toBe('done');
    expect(contextOf(cut.events)).toBe(contextOf(one.events));
    // a page's first chunk is sized before anything is known of the page: only it may be refused
    const firsts = new Set([...byPage(cut.events).values()].flatMap((list) => list[0]!));
    const calls = await nodesCalls(key, since);
    const refused: Recorded[] = [];
    for (const c of calls) if ((await figmaAnswerBytes(`${c.path}?ids=${encodeURIComponent(c.query.ids!)}`)) > budget) refused.push(c);
    expect(refused.length).toBeGreaterThan(0);
    for (const c of refused) for (const id of c.query.ids!.split(',')) expect(firsts.has(id), `refused call outside a page's first chunk: ${c.query.ids}`).toBe(true);
    // the first screens chunk (8) refused, then at most its two halves; nothing after it
    expect(refused.length).toBeLessThanOrEqual(3);
    // every later chunk costs the pieces its size needs (~3 screens each at 75 % of the budget); the components
    // page and the first screens chunk's halves (up to 4 answers) come on top
    expect(calls.length - refused.length).toBeLessThanOrEqual(Math.ceil(all.length / 3) + 5);
  });

  it('a job whose calls end between requests asks what an uninterrupted one asks: its replay from the version cache calls Figma for nothing', async () => {
    const key = 'FEWERCALLS03';
    await figmaFake.putFile(key, generateLargeFile({ nodes: 4_000, pages: 2, frames: 'cards', seed: 5 }));
    const cacheOn = { ...env, FIGMA_VERSION_CACHE: 'true' };
    // 300 ms per /nodes answer against a 500 ms budget: the first job's calls end after a request or two
    await figmaFake.faults([{ fault: { kind: 'latency', ms: 300 }, path: `/v1/files/${key}/nodes`, times: null }]);
    let first;
    try {
      first = await runFigmaJob(p.key, { file_key: key }, createApp(), { ...cacheOn, STREAM_BUDGET_MS: '500' });
    } finally {
      await figmaFake.clear();
    }
    expect(first.events.at(-1)?.event).toBe('done');
    expect(first.calls).toBeGreaterThan(2);
    const since = Date.now();
    const replay = await runFigmaJob(p.key, { file_key: key }, createApp(), cacheOn);
    expect((replay.job as unknown as { cache: string }).cache).toBe('hit');
    expect(replay.events.at(-1)?.event).toBe('done');
    const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[];
    expect(all.filter((r) => r.at >= since && r.path.startsWith(`/v1/files/${key}`) && !r.path.endsWith('/meta'))).toEqual([]);
    expect(contextOf(replay.events)).toBe(contextOf(first.events));
  });
});
