// The design browser's drawing of a compact context (lib/draw.ts): a known context laid out exactly (padding, gap,
// alignment, absolute children), the sample file's boxes where its own geometry puts them, fills, text in its style,
// and instances labelled.
import { compact, type CompactContext, type CompactNode } from '@cogo/figma-context';
import { SAMPLE_FILE_KEY, sampleFiles } from '@cogo/fakes/samples';
import { describe, expect, it } from 'vitest';
import { boxesOf, nodeIndex, padding } from '../lib/draw';

type Raw = { id: string; name?: string; type: string; absoluteBoundingBox?: { x: number; y: number; width: number; height: number }; children?: Raw[] };

const file = sampleFiles()[SAMPLE_FILE_KEY]!;
const ctx = compact(file as never);
const rawIndex = new Map<string, Raw>();
const walk = (n: Raw) => {
  rawIndex.set(n.id, n);
  n.children?.forEach(walk);
};
walk(file.document as unknown as Raw);

describe('drawing a compact context', () => {
  it('lays out a known context exactly: padding, gap, main and cross alignment, absolute children, xy', () => {
    const known: CompactContext = {
      v: 1,
      nodes: [
        {
          id: '1:1',
          t: 'F',
          n: 'Bar',
          wh: [200, 100],
          l: 'l1',
          f: 'p1',
          ch: [
            { id: '1:2', t: 'R', wh: [20, 10] },
            { id: '1:3', t: 'T', wh: [40, 20], tx: 'Hi', ts: 't1', f: 'p2' },
            { id: '1:4', t: 'R', wh: [30, 30], abs: 1, xy: [5, 6] },
            { id: '1:5', t: 'F', wh: [60, 40], l: 'l2', ch: [{ id: '1:6', t: 'E', wh: [10, 10] }, { id: '1:7', t: 'E', wh: [10, 10] }] },
          ],
        },
      ],
      defs: {
        paints: { p1: { v: ['#ffffff'] }, p2: { v: ['#112233'] } },
        effects: {},
        text: { t1: { font: 'Inter', weight: 600, size: 12, lh: 16 } },
        layouts: { l1: { mode: 'row', gap: 8, pad: [10, 20], main: 'between', cross: 'center' }, l2: { mode: 'col', gap: 4, pad: [2], main: 'center', cross: 'max' } },
        vars: {},
      },
      components: {},
      counts: { pages: 0, frames: 1, components: 0, instances: 0, texts: 1, icons: 0, nodes: 7, folded: 0, hidden: 0 },
    };
    const at = Object.fromEntries(boxesOf(known, known.nodes[0]!).map((b) => [b.id, [b.x, b.y, b.w, b.h, b.depth]]));
    // row: inner width 160, items 20 + 40 + 60 = 120, between: two spacings of 20; cross centre in an inner height of 80
    expect(at).toEqual({
      '1:1': [0, 0, 200, 100, 0],
      '1:2': [20, 45, 20, 10, 1],
      '1:3': [60, 40, 40, 20, 1],
      '1:4': [5, 6, 30, 30, 1],
      '1:5': [120, 30, 60, 40, 1],
      // col in 60×40, padding 2: inner 56×36, items 10 + 4 + 10 = 24 centred (6 down), pushed to the right (cross max: 56 - 10)
      '1:6': [168, 38, 10, 10, 2],
      '1:7': [168, 52, 10, 10, 2],
    });
    const text = boxesOf(known, known.nodes[0]!).find((b) => b.id === '1:3')!;
    expect(text).toMatchObject({ text: 'Hi', color: '#112233', fill: null, font: { family: 'Inter', weight: 600, size: 12, lineHeight: 16 } });
  });

  for (const name of ['Home', 'Product', 'Checkout']) {
    it(`${name} of the sample: every box of a plainly stacked parent where the file places its node, at its size`, () => {
      const frame = [...nodeIndex(ctx.nodes).values()].find((n) => n.n === name && n.t === 'F')!;
      const boxes = boxesOf(ctx, frame);
      const origin = rawIndex.get(frame.id)!.absoluteBoundingBox!;
      expect(boxes[0]).toMatchObject({ id: frame.id, x: 0, y: 0, w: origin.width, h: origin.height });
      // the sample's own geometry (tooling/fakes' layout pass) stacks children with padding and gaps but does not
      // align them: compare the nodes whose every ancestor stacks plainly
      const plain = new Set<string>();
      const mark = (n: CompactNode, ok: boolean) => {
        if (ok) plain.add(n.id);
        const layout = n.l ? ctx.defs.layouts[n.l] : undefined;
        const stacks = !layout || (layout.main === undefined && layout.cross === undefined);
        n.ch?.forEach((c) => mark(c, ok && stacks));
      };
      mark(frame, true);
      let compared = 0;
      for (const b of boxes) {
        const raw = rawIndex.get(b.id)?.absoluteBoundingBox;
        if (!raw || !plain.has(b.id)) continue;
        expect([b.id, Math.round(b.x), Math.round(b.y)]).toEqual([b.id, Math.round(raw.x - origin.x), Math.round(raw.y - origin.y)]);
        expect([b.id, b.w, b.h]).toEqual([b.id, Math.round(raw.width * 10) / 10, Math.round(raw.height * 10) / 10]);
        compared++;
      }
      expect(compared).toBeGreaterThan(3);
    });
  }

  it('draws fills, text in its style and colour, and labels instances with their component and props', () => {
    const home = [...nodeIndex(ctx.nodes).values()].find((n) => n.n === 'Home')!;
    const boxes = boxesOf(ctx, home);
    const headline = boxes.find((b) => b.text === 'Summer collection')!;
    expect(headline.font).toMatchObject({ size: expect.any(Number), weight: expect.any(Number) });
    expect(headline.color).toMatch(/^#[0-9a-f]{3,8}$/i);
    expect(headline.fill).toBeNull();
    expect(boxes[0]!.fill).toMatch(/^#[0-9a-f]{3,8}$/i);
    const cta = boxes.find((b) => b.type === 'I' && (b.label ?? '').includes('Shop now'))!;
    expect(cta.label).toMatch(/^Button · .*Variant=Secondary/);
    expect(cta.radius).toBe('12px');
    expect(cta.stroke).not.toBeNull();
    expect(cta.strokeWidth).toBe(2);
  });

  it('reads CSS padding shorthand', () => {
    expect(padding([8])).toEqual([8, 8, 8, 8]);
    expect(padding([8, 16])).toEqual([8, 16, 8, 16]);
    expect(padding([1, 2, 3])).toEqual([1, 2, 3, 2]);
    expect(padding(undefined)).toEqual([0, 0, 0, 0]);
  });
});
