import { emptyCounts, fromJson, mergeChunks, toJson, type ChunkOutput, type CompactJson, type CompactNode } from '@cogo/figma-context';
import { describe, expect, it } from 'vitest';
import { chunkEvents, commitBatches } from './chunk-events';

const enc = new TextEncoder();
const WHERE = { page_id: '0:1', chunk_index: 4 };

const text = (id: string): CompactNode => ({ id, t: 'T', tx: `Label ${id} — ünïcode 🌍`, wh: [120, 16] });
const frame = (id: string, kids: number): CompactNode => ({ id, t: 'F', n: `Screen ${id}`, ch: Array.from({ length: kids }, (_, i) => text(`${id}.${i}`)) });
const output = (nodes: CompactNode[], index = 4): ChunkOutput => ({
  v: 1,
  index,
  name: 'Shop',
  nodes,
  defs: { paints: { p1: { v: ['#fff'] } }, effects: {}, text: {}, layouts: {}, vars: {} },
  components: {},
  counts: { ...emptyCounts(), frames: nodes.length, nodes: 1 + nodes.length },
});
const component = (id: string) => ({ node_id: id, name: `Card ${id}`, type: 'FRAME', props: { ancestors: ['9:1', '9:2'], key: id.repeat(8) } });

type Data = { page_id: string; chunk_index: number; part: number; parts: number; context: CompactJson; components: Array<{ node_id: string }> };
const parse = (events: Array<{ data: string }>) => events.map((e) => JSON.parse(e.data) as Data);
const merged = (events: Array<{ data: string }>) => JSON.stringify(toJson(mergeChunks(parse(events).map((d) => fromJson(d.context)))));

describe('chunkEvents', () => {
  it('writes a chunk within the bound as it always was: one event per output', () => {
    const outputs = [output([frame('1:1', 3)]), output([frame('1:2', 2)])].map((out, i) => ({ out, components: [component(`1:${i + 1}`)] }));
    const events = chunkEvents(outputs, WHERE, 1_048_576);
    expect(events.map((e) => e.data)).toEqual(outputs.map(({ out, components }, part) => JSON.stringify({ ...WHERE, part, parts: 2, context: toJson(out), components })));
    expect(events.every((e) => e.type === 'page.chunk')).toBe(true);
  });

  it('cuts an output over the bound into parts numbered over the whole chunk; they merge to the chunk', () => {
    const outputs = [output([frame('1:1', 300)]), output([frame('1:2', 2)]), output([frame('1:3', 200), frame('1:4', 1)])].map((out) => ({ out, components: [] }));
    const events = chunkEvents(outputs, WHERE, 4_096);
    const data = parse(events);
    for (const e of events) expect(enc.encode(e.data).length).toBeLessThanOrEqual(4_096);
    expect(data.map((d) => d.part)).toEqual(data.map((_, i) => i));
    expect(new Set(data.map((d) => d.parts))).toEqual(new Set([data.length]));
    expect(data.some((d) => d.context.under === '1:1')).toBe(true);
    expect(merged(events)).toBe(JSON.stringify(toJson(mergeChunks(outputs.map((o) => o.out)))));
  });

  it('spreads components over the parts in order, in parts of their own when the contexts leave no room', () => {
    const components = Array.from({ length: 120 }, (_, i) => component(`5:${i}`));
    const out = output([frame('1:1', 20)]);
    const events = chunkEvents([{ out, components }], WHERE, 4_096);
    const data = parse(events);
    for (const e of events) expect(enc.encode(e.data).length).toBeLessThanOrEqual(4_096);
    expect(data.flatMap((d) => d.components)).toEqual(components);
    expect(data.filter((d) => d.context.nodes.length === 0).length).toBeGreaterThan(0);
    expect(merged(events)).toBe(JSON.stringify(toJson(mergeChunks([out]))));
  });
});

describe('commitBatches', () => {
  it('cuts events into consecutive batches of at most the bound, a larger event alone', () => {
    const ev = (n: number) => ({ type: 'page.chunk', data: 'x'.repeat(n) });
    const events = [ev(400), ev(500), ev(200), ev(1_500), ev(100), ev(900)];
    const batches = commitBatches(events, 1_000);
    expect(batches.map((b) => b.map((e) => e.data.length))).toEqual([[400, 500], [200], [1_500], [100, 900]]);
    expect(commitBatches([ev(10)], 1_000)).toEqual([[ev(10)]]);
  });
});
