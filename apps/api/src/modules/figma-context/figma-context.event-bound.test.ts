// Issue 8 v2: no `page.chunk` event larger than FIGMA_EVENT_MAX_BYTES. A Durable Object's SQLite value is
// capped at 2 MB in production (locally it is not), so a chunk whose compact output is larger goes in parts:
// whole subtrees while they fit, a subtree too large as a shell whose children follow `under` it. Whatever
// the bound, a client's mergeChunks, GET /figma-context/context, done.counts and the apply components are
// those of the job logged whole. Scaled down for the suite: a 3,000-node board against a 16 KiB bound.
import { fromJson, mergeChunks, toJson, type CompactJson } from '@cogo/figma-context';
import { generateLargeFile } from '@cogo/fakes/samples';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, figmaFake, readSse, runFigmaJob, type StreamedEvent, type TestProject } from '../../../test/helpers';
import { stageBatchBytes } from './chunk-events';

const KEY = 'EVENTBOUND08';
const BOUND = 16 * 1024;
const file = generateLargeFile({ nodes: 3_000, frames: 'board', seed: 11 });
const boardId = file.document.children[1]!.children[0]!.id;
const enc = new TextEncoder();

const chunksOf = (events: StreamedEvent[]) => events.filter((e) => e.event === 'page.chunk');
/** What a client rebuilds from the stream: every page.chunk context merged, in order. */
const mergedOf = (events: StreamedEvent[]) => mergeChunks(chunksOf(events).map((e) => ({ ...fromJson(e.data.context as CompactJson), index: e.data.chunk_index as number })));

/** Every page of GET /figma-context/context, concatenated. */
async function contextOf(key: string, jobId: string, format: 'text' | 'json'): Promise<string> {
  const pages: string[] = [];
  let query = `job_id=${jobId}&format=${format}&max_bytes=32768`;
  for (;;) {
    const res = await api(`/figma-context/context?${query}`, { key });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { content: string; next_cursor: string | null; partial: boolean };
    expect(page.partial).toBe(false);
    pages.push(page.content);
    if (page.next_cursor === null) return pages.join('');
    query = `cursor=${encodeURIComponent(page.next_cursor)}&max_bytes=32768`;
    if (pages.length > 500) throw new Error('too many pages');
  }
}

describe('figma-context: page.chunk events within FIGMA_EVENT_MAX_BYTES', () => {
  let p: TestProject;
  let whole: Awaited<ReturnType<typeof runFigmaJob>>;
  let split: Awaited<ReturnType<typeof runFigmaJob>>;
  beforeAll(async () => {
    p = await createTestProject();
    await figmaFake.putFile(KEY, file);
    const bindings = { ...env, FIGMA_VERSION_CACHE: 'false', STREAM_BUDGET_MS: '60000', STREAM_HARD_LIMIT_MS: '120000' };
    whole = await runFigmaJob(p.key, { file_key: KEY }, createApp(), bindings);
    split = await runFigmaJob(p.key, { file_key: KEY }, createApp(), { ...bindings, FIGMA_EVENT_MAX_BYTES: String(BOUND) });
    expect(whole.events.at(-1)?.event).toBe('done');
    expect(split.events.at(-1)?.event).toBe('done');
  });

  it('logs a chunk within the default bound as one event, as always', () => {
    for (const e of chunksOf(whole.events)) {
      expect(e.data).toMatchObject({ part: 0, parts: 1 });
      expect(e.data.context.under).toBeUndefined();
    }
    // the board alone is far over the small bound: the next test's parts are not a formality
    const board = chunksOf(whole.events).find((e) => e.data.context.nodes.some((n: { id: string }) => n.id === boardId))!;
    expect(enc.encode(JSON.stringify(board.data)).length).toBeGreaterThan(BOUND * 10);
  });

  it('sends no page.chunk larger than the bound; the board goes in numbered parts under it, and merges to the same context', () => {
    const events = chunksOf(split.events);
    // no exception was needed for this file: every event, the node shells included, is within the bound
    for (const e of events) expect(enc.encode(JSON.stringify(e.data)).length).toBeLessThanOrEqual(BOUND);
    const byChunk = new Map<string, StreamedEvent[]>();
    for (const e of events) {
      const key = `${e.data.page_id}/${e.data.chunk_index}`;
      byChunk.set(key, [...(byChunk.get(key) ?? []), e]);
    }
    for (const parts of byChunk.values()) {
      expect(parts.map((e) => e.data.part)).toEqual(parts.map((_, i) => i));
      for (const e of parts) expect(e.data.parts).toBe(parts.length);
    }
    const board = [...byChunk.values()].find((parts) => parts[0]!.data.context.nodes.some((n: { id: string }) => n.id === boardId))!;
    expect(board.length).toBeGreaterThan(10);
    expect(board.filter((e) => e.data.context.under === boardId).length).toBeGreaterThan(1);
    // parts come in the order they merge: each `under` names a node sent before it in the chunk
    expect(JSON.stringify(toJson(mergedOf(split.events)))).toBe(JSON.stringify(toJson(mergedOf(whole.events))));
    expect(split.events.at(-1)!.data.counts).toEqual(whole.events.at(-1)!.data.counts);
  });

  it('logs a chunk larger than one staging batch with the ids it was streamed with: a replay of the log is the live stream', async () => {
    const board = chunksOf(split.events).filter((e) => e.data.chunk_index === chunksOf(split.events).find((c) => c.data.context.under === boardId)!.data.chunk_index);
    // the board's parts were committed in several JobCursor calls: staged batches, then the append
    expect(board.reduce((n, e) => n + enc.encode(JSON.stringify(e.data)).length, 0)).toBeGreaterThan(stageBatchBytes(BOUND));
    const logged = split.events.filter((e) => e.id !== null);
    expect(logged.map((e) => e.id)).toEqual(logged.map((_, i) => i + 1));
    const res = await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: split.job.job_id, cursor: '0' } });
    expect(res.status).toBe(200);
    expect((await readSse(res)).filter((e) => e.id !== null)).toEqual(logged);
  });

  it('serves the same GET /figma-context/context, text and JSON, as the job logged whole', async () => {
    for (const format of ['text', 'json'] as const) {
      const got = await contextOf(p.key, split.job.job_id, format);
      // text writes repeated subtrees once (templates), so it is the smaller of the two
      expect(got.length).toBeGreaterThan(format === 'text' ? 50_000 : 100_000);
      expect(got).toBe(await contextOf(p.key, whole.job.job_id, format));
    }
    expect(JSON.parse(await contextOf(p.key, split.job.job_id, 'json'))).toEqual(toJson(mergedOf(whole.events)));
  });

  it('carries the same apply components, in the same order, spread over the parts', () => {
    const components = (events: StreamedEvent[]) => chunksOf(events).flatMap((e) => e.data.components as Array<{ node_id: string }>);
    expect(components(whole.events).map((c) => c.node_id)).toContain(boardId);
    expect(components(split.events)).toEqual(components(whole.events));
  });
});
