import { describe, expect, it } from 'vitest';
import type { ChunkOutput, CompactNode, Counts } from './compact-types';
import { emptyCounts, mergeChunks } from './context-builder';
import { fromJson, toJson, type CompactJson } from './render-json';
import { splitOutput } from './split-output';

const enc = new TextEncoder();
const bytes = (part: ChunkOutput) => enc.encode(JSON.stringify(toJson(part))).length;
const rendered = (ctx: ReturnType<typeof mergeChunks>) => JSON.stringify(toJson(ctx));

/** A seeded generator (mulberry32): the same trees on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ['Buy now', 'héllo wörld', 'emoji 🌍🚀 here', '价格 ¥99', 'a much longer paragraph of body text that goes on for a while'];

function generator(seed: number) {
  const rand = rng(seed);
  let next = 0;
  const leaf = (): CompactNode => {
    const id = `1:${next++}`;
    const r = rand();
    if (r < 0.4) return { id, t: 'T', tx: TEXTS[Math.floor(rand() * TEXTS.length)]!, ts: 't1', wh: [120, 16] };
    if (r < 0.7) return { id, t: 'R', f: 'p1', wh: [Math.round(rand() * 400), 40], r: 4 };
    return { id, t: 'I', c: '5:1', props: { Label: 'Go', Disabled: false }, xy: [8, 8] };
  };
  /** A random subtree of about `count` nodes, up to `fan` children per node. */
  const tree = (count: number, fan: number): CompactNode => {
    const node: CompactNode = { id: `1:${next++}`, t: 'F', n: `Frame ${next}`, wh: [1440, 900], l: 'l1' };
    let left = count - 1;
    const ch: CompactNode[] = [];
    while (left > 0 && ch.length < fan) {
      const size = Math.min(left, 1 + Math.floor(rand() * Math.max(1, left / 2)));
      ch.push(size === 1 ? leaf() : tree(size, fan));
      left -= size;
    }
    if (ch.length > 0) node.ch = ch;
    return node;
  };
  const chain = (depth: number): CompactNode => {
    const root: CompactNode = { id: `1:${next++}`, t: 'G', n: 'deep' };
    let at = root;
    for (let i = 1; i < depth; i++) {
      const c: CompactNode = { id: `1:${next++}`, t: 'F', n: `level ${i} ü` };
      at.ch = [c, leaf()];
      at = c;
    }
    return root;
  };
  const wide = (kids: number): CompactNode => ({ id: `1:${next++}`, t: 'F', n: 'wide', ch: Array.from({ length: kids }, leaf) });
  return { leaf, tree, chain, wide };
}

const counts = (): Counts => ({ ...emptyCounts(), frames: 3, nodes: 812, texts: 300, instances: 9, hidden: 2 });

function chunk(nodes: CompactNode[], dict = { paints: 2, components: 1 }): ChunkOutput {
  const paints = Object.fromEntries(Array.from({ length: dict.paints }, (_, i) => [`p${i + 1}`, { v: [`#${(i * 2654435761) % 0xffffff}`], name: `Brand/Colour ${i}` }]));
  const components = Object.fromEntries(Array.from({ length: dict.components }, (_, i) => [`5:${i + 1}`, { name: `Button ${i}`, key: `k${i}`.padEnd(40, 'x') }]));
  return {
    v: 1,
    index: 7,
    name: 'Shop — ✓',
    nodes,
    defs: { paints, effects: {}, text: { t1: { font: 'Inter', size: 14 } }, layouts: { l1: { mode: 'row', gap: 8 } }, vars: {} },
    components,
    counts: counts(),
    missing: ['9:9'],
  };
}

/** A node with more fields of its own, `ch` still last (as the compactor writes it). */
const withOwn = ({ ch, ...node }: CompactNode, extra: Partial<CompactNode>): CompactNode => ({ ...node, ...extra, ...(ch ? { ch } : {}) });

const g = generator(42);
const CASES: Record<string, ChunkOutput> = {
  'random forest': chunk([g.tree(300, 6), g.tree(200, 12), g.leaf(), g.tree(250, 4)]),
  'deep chain': chunk([g.chain(120)]),
  'wide node': chunk([g.leaf(), g.wide(900), g.leaf()]),
  'nodes larger than the bound': chunk([g.tree(60, 5), withOwn(g.tree(40, 4), { tx: 'x'.repeat(5_000) }), withOwn(g.leaf(), { tx: '🌍'.repeat(3_000) })]),
  'dictionaries larger than the bound': chunk([g.tree(80, 6)], { paints: 400, components: 300 }),
};
const BOUNDS = [300, 700, 2_048, 8_192, 65_536];

/** Whether a part over the bound is one the JSDoc allows: one item that cannot be split further. */
function allowedOversize(part: ChunkOutput): boolean {
  const items = part.nodes.length + Object.values(part.defs).reduce((n, d) => n + Object.keys(d).length, 0) + Object.keys(part.components).length;
  return items === 1 && part.nodes.every((n) => n.ch === undefined);
}

describe('splitOutput', () => {
  it('returns a chunk within the bound as is', () => {
    const out = CASES['random forest']!;
    const parts = splitOutput(out, bytes(out));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toBe(out);
  });

  for (const [name, out] of Object.entries(CASES)) {
    it(`${name}: parts within every bound merge back to the chunk, through JSON too`, () => {
      const whole = rendered(mergeChunks([out]));
      for (const max of BOUNDS) {
        const parts = splitOutput(out, max);
        if (bytes(out) <= max) {
          expect(parts).toEqual([out]);
          continue;
        }
        expect(parts.length, `max ${max}`).toBeGreaterThan(1);
        for (const part of parts) if (bytes(part) > max) expect(allowedOversize(part), `max ${max}: ${JSON.stringify(toJson(part)).slice(0, 200)}`).toBe(true);
        expect(rendered(mergeChunks(parts)), `max ${max}`).toBe(whole);
        expect(mergeChunks(parts)).toEqual(mergeChunks([out]));
        // as a client gets them: JSON text, read back with fromJson
        const wire = parts.map((p) => fromJson(JSON.parse(JSON.stringify(toJson(p))) as CompactJson));
        expect(rendered(mergeChunks(wire)), `max ${max}`).toBe(whole);
        // part 0 carries name, missing and counts; every part its chunk's index; the parts sum to the whole
        expect(parts[0]).toMatchObject({ name: out.name, missing: out.missing, counts: out.counts });
        for (const part of parts.slice(1)) {
          expect(part.counts).toEqual(emptyCounts());
          expect(part.name).toBeUndefined();
          expect(part.missing).toBeUndefined();
        }
        expect(new Set(parts.map((p) => p.index))).toEqual(new Set([out.index]));
        // merging did not change the parts: a second merge gives the same
        expect(rendered(mergeChunks(parts))).toBe(whole);
      }
    });
  }

  it('writes a subtree too large as a shell, its children under it in later parts, then its siblings', () => {
    const out = CASES['wide node']!;
    const wide = out.nodes[1]!;
    const parts = splitOutput(out, 2_048);
    const shellAt = parts.findIndex((p) => p.nodes.some((n) => n.id === wide.id));
    expect(parts[shellAt]!.nodes.find((n) => n.id === wide.id)!.ch).toBeUndefined();
    const under = parts.filter((p) => p.under === wide.id);
    expect(under.length).toBeGreaterThan(1);
    expect(parts.indexOf(under[0]!)).toBeGreaterThan(shellAt);
    expect(under.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(wide.ch!.map((n) => n.id));
    // the last top-level sibling comes after all of them, at the top level again
    const last = parts.at(-1)!;
    expect(last.under).toBeUndefined();
    expect(last.nodes.map((n) => n.id)).toEqual([out.nodes[2]!.id]);
  });

  it('goes over the bound only for a node whose own fields are larger, alone in its part', () => {
    const out = CASES['nodes larger than the bound']!;
    const over = splitOutput(out, 2_048).filter((p) => bytes(p) > 2_048);
    expect(over.map((p) => p.nodes.map((n) => n.id))).toEqual([[out.nodes[1]!.id], [out.nodes[2]!.id]]);
    // the large frame goes as its own fields only: its children follow under it
    expect(over[0]!.nodes[0]!.ch).toBeUndefined();
  });

  it('slices dictionaries larger than the bound over the leading parts', () => {
    const out = CASES['dictionaries larger than the bound']!;
    const parts = splitOutput(out, 8_192);
    for (const part of parts) expect(bytes(part)).toBeLessThanOrEqual(8_192);
    const withDicts = parts.map((p) => Object.keys(p.defs.paints).length + Object.keys(p.components).length > 0);
    const firstNodes = parts.findIndex((p) => p.nodes.length > 0);
    expect(withDicts.indexOf(true)).toBe(0);
    expect(withDicts.lastIndexOf(true)).toBeLessThanOrEqual(firstNodes);
    expect(firstNodes).toBeGreaterThan(1);
  });

  it('merges a split chunk among whole ones as the whole chunk', () => {
    const [a, b, c] = [CASES['wide node']!, CASES['deep chain']!, CASES['random forest']!].map((x, index) => ({ ...x, index }));
    expect(rendered(mergeChunks([a!, ...splitOutput(b!, 700), c!]))).toBe(rendered(mergeChunks([a!, b!, c!])));
  });
});

describe('mergeChunks with parts', () => {
  it('throws a clear error for a part under a node no earlier part holds', () => {
    const top: ChunkOutput = { v: 1, index: 0, nodes: [{ id: '1:1', t: 'F' }], defs: chunk([]).defs, components: {}, counts: emptyCounts() };
    expect(() => mergeChunks([top, { ...top, nodes: [{ id: '1:3', t: 'T' }], under: '1:2' }])).toThrow(/under node 1:2, which no part before it holds/);
    expect(mergeChunks([top, { ...top, nodes: [{ id: '1:3', t: 'T' }], under: '1:1' }]).nodes).toEqual([{ id: '1:1', t: 'F', ch: [{ id: '1:3', t: 'T' }] }]);
    // the part given is unchanged
    expect(top.nodes).toEqual([{ id: '1:1', t: 'F' }]);
  });
});
