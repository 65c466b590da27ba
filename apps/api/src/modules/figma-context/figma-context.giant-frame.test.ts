// Issue 8 "any file size": one top-level frame larger than FIGMA_MAX_RESPONSE_BYTES is no longer
// FIGMA_TOO_LARGE. The producer descends (the node at depth=1, then its children in groups, recursively)
// until each Figma answer fits, and the stitched context equals the one an unlimited fetch gives. Scaled
// down for the suite (a few thousand nodes, a budget of a few KiB); the 100k-node / 12 MiB run is a bench
// (bench/load-memory.ts --giant).
import { fromJson, mergeChunks, toJson, type ChunkOutput, type CompactJson, type CompactNode } from '@cogo/figma-context';
import { generateLargeFile } from '@cogo/fakes/samples';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestProject, figmaFake, runFigmaJob, type StreamedEvent, type TestProject, figmaAnswerBytes } from '../../../test/helpers';

const KEY = 'GIANTFRAME08';
/** FIGMA_EVENT_MAX_BYTES of the descent run: far below the stitched board's compact JSON. */
const EVENT_BOUND = 32 * 1024;
const enc = new TextEncoder();
const file = generateLargeFile({ nodes: 3_000, frames: 'board', seed: 11 });
const page = file.document.children[1]!;
const boardId = page.children[0]!.id;
const screens = (page.children[0] as unknown as { children: Array<{ id: string }> }).children;

interface Recorded {
  path: string;
  query: Record<string, string>;
  at: number;
}

/** The merged context of a stream's `page.chunk` events (what a client rebuilds). */
function contextOf(events: StreamedEvent[]) {
  const chunks = events.filter((e) => e.event === 'page.chunk').map((e, index) => ({ ...fromJson(e.data.context as CompactJson), index }) as ChunkOutput);
  return mergeChunks(chunks);
}

function walk(nodes: CompactNode[], out: { ids: string[]; texts: string[] }) {
  for (const n of nodes) {
    out.ids.push(n.id);
    if (n.tx !== undefined) out.texts.push(n.tx);
    if (n.ch) walk(n.ch, out);
  }
  return out;
}

describe('figma-context: a top-level frame larger than one Figma answer', () => {
  let p: TestProject;
  let reference: ReturnType<typeof contextOf>;
  let boardBytes: number;
  let budget: number;
  beforeAll(async () => {
    p = await createTestProject();
    await figmaFake.putFile(KEY, file);
    boardBytes = await figmaAnswerBytes(`/v1/files/${KEY}/nodes?ids=${encodeURIComponent(boardId)}`);
    const screenBytes = await Promise.all(screens.map((s) => figmaAnswerBytes(`/v1/files/${KEY}/nodes?ids=${encodeURIComponent(s.id)}`)));
    // smaller than every screen: the descent goes two levels and more below the board
    budget = Math.max(1024, Math.floor(Math.min(...screenBytes) / 2));
    const unlimited = await runFigmaJob(p.key, { file_key: KEY }, createApp(), { ...env, FIGMA_VERSION_CACHE: 'false', FIGMA_MAX_RESPONSE_BYTES: String(64 * 1024 * 1024) });
    expect(unlimited.events.at(-1)?.event).toBe('done');
    reference = contextOf(unlimited.events);
  });

  it('streams completely, every Figma answer within the budget, and stitches the context an unlimited fetch gives', async () => {
    expect(boardBytes).toBeGreaterThan(budget * 20);
    const since = Date.now();
    const { events } = await runFigmaJob(p.key, { file_key: KEY }, createApp(), {
      ...env,
      FIGMA_MAX_RESPONSE_BYTES: String(budget),
      FIGMA_VERSION_CACHE: 'false',
      STREAM_BUDGET_MS: '60000',
      STREAM_HARD_LIMIT_MS: '120000',
      FIGMA_EVENT_MAX_BYTES: String(EVENT_BOUND),
    });
    const last = events.at(-1)!;
    expect(last.event, JSON.stringify(last.data)).toBe('done');
    // the stitched board is far over the event bound: it goes out in parts, none over the bound (issue 8 v2)
    const chunkEvents = events.filter((e) => e.event === 'page.chunk');
    for (const e of chunkEvents) expect(enc.encode(JSON.stringify(e.data)).length).toBeLessThanOrEqual(EVENT_BOUND);
    expect(chunkEvents.some((e) => e.data.parts > 1 && e.data.context.under === boardId)).toBe(true);
    const got = contextOf(events);
    const refWalk = walk(reference.nodes, { ids: [], texts: [] });
    expect(refWalk.ids.length).toBeGreaterThan(2_000);
    expect(walk(got.nodes, { ids: [], texts: [] })).toEqual(refWalk);
    expect(JSON.stringify(toJson(got))).toBe(JSON.stringify(toJson(reference)));
    expect(last.data.counts).toMatchObject({ nodes: reference.counts.nodes, texts: reference.counts.texts, instances: reference.counts.instances });

    // the descent really happened: depth-limited reads of the board, and no read of it whole succeeded
    const calls = ((await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[]).filter((r) => r.at >= since && r.path === `/v1/files/${KEY}/nodes`);
    expect(calls.some((c) => c.query.ids === boardId && c.query.depth === '1')).toBe(true);
    // every answer the producer kept (all but the ones it found too large and split) fits the budget
    const kept = [];
    for (const c of calls) {
      const bytes = await figmaAnswerBytes(`${c.path}?ids=${encodeURIComponent(c.query.ids!)}${c.query.depth ? `&depth=${c.query.depth}` : ''}`);
      if (bytes <= budget) kept.push(c);
    }
    expect(kept.length).toBeGreaterThan(screens.length);
    expect(calls.length - kept.length).toBeLessThan(kept.length); // splits waste fewer calls than they make
  });
});
