import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RED, box, run } from './compact-test-inputs';
import type { CompactContext, CompactNode, WireNode } from './compact-types';
import { compact } from './context-builder';
import { type CompactJson, fromJson, toJson } from './render-json';
import { toText } from './text-render';

const alias = (id: string) => ({ type: 'VARIABLE_ALIAS', id });

/** An instance row of a list: `I<id>;…` sublayers, as Figma names them (an id starting with I keeps one I). */
function row(id: string, y: number, label: string) {
  const sub = id.startsWith('I') ? id : `I${id}`;
  return {
    id,
    type: 'INSTANCE',
    name: 'Row',
    componentId: '10:1',
    ...box(0, y, 300, 40),
    fills: [RED],
    cornerRadius: 8,
    children: [
      { id: `${sub};10:2`, type: 'TEXT', name: label, characters: label, ...box(12, y + 10, 200, 20), style: { fontFamily: 'Inter', fontSize: 14 } },
      { id: `${sub};10:3`, type: 'RECTANGLE', name: 'Chevron', ...box(270, y + 12, 16, 16), fills: [RED] },
    ],
  };
}

const list = { id: '1:1', type: 'FRAME', name: 'List', ...box(0, 0, 300, 200), children: [row('1:2', 0, 'Apples'), row('1:3', 40, 'Pears'), row('1:4', 80, 'Plums')] };

/** Every id in a context, in document order. */
function ids(nodes: readonly CompactNode[]): string[] {
  const out: string[] = [];
  const walk = (n: CompactNode) => {
    out.push(n.id);
    for (const c of n.ch ?? []) walk(c);
  };
  nodes.forEach(walk);
  return out;
}

function roundTrip(ctx: CompactContext): { json: CompactJson; back: CompactContext } {
  const json = toJson(ctx, { dedupe: true });
  return { json, back: fromJson(JSON.parse(JSON.stringify(json)) as CompactJson) };
}

describe('repeated subtrees as templates', () => {
  it('writes instance rows once, each use with only what differs, and expands back to every node', () => {
    const ctx = run([list]);
    const { json, back } = roundTrip(ctx);
    expect(Object.keys(json.defs?.tpl ?? {})).toEqual(['k1']);
    expect(json.defs?.tpl?.k1?.id).toBe('$');
    expect(json.defs?.tpl?.k1?.ch?.map((c) => c.id)).toEqual(['I$;10:2', 'I$;10:3']);
    const uses = json.nodes[0]?.ch as WireNode[];
    expect(uses.map((u) => [u.id, u.use, u.ids])).toEqual([
      ['1:2', 'k1', undefined],
      ['1:3', 'k1', undefined],
      ['1:4', 'k1', undefined],
    ]);
    expect(uses[1]?.ov).toEqual({ 0: { tx: 'Pears' } });
    expect(back).toEqual(ctx);
    expect(JSON.stringify(json).length).toBeLessThan(JSON.stringify(toJson(ctx)).length);
  });

  it('derives the sublayer ids of nested instances too (a copy whose own id starts with I)', () => {
    // rows inside an instance are instances themselves: I9:1;5:2, with sublayers I9:1;5:2;10:2
    const nested = { ...list, id: '9:1', type: 'INSTANCE', componentId: '8:1', children: ['I9:1;5:2', 'I9:1;5:3'].map((id, i) => row(id, i * 40, `Row ${i}`)) };
    const ctx = run([nested]);
    const { json, back } = roundTrip(ctx);
    expect(json.defs?.tpl?.k1?.ch?.map((c) => c.id)).toEqual(['I$;10:2', 'I$;10:3']);
    expect((json.nodes[0]?.ch as WireNode[]).map((u) => [u.id, u.use, u.ids])).toEqual([
      ['I9:1;5:2', 'k1', undefined],
      ['I9:1;5:3', 'k1', undefined],
    ]);
    expect(back).toEqual(ctx);
  });

  it('lists the ids of cloned frames, whose ids do not follow from the copy', () => {
    const card = (id: string, a: string, b: string, x: number) => ({
      id,
      type: 'FRAME',
      name: 'Card',
      ...box(x, 0, 100, 100),
      fills: [RED],
      children: [
        { id: a, type: 'TEXT', name: 'Title', characters: 'Title', ...box(x + 8, 8, 80, 20) },
        { id: b, type: 'RECTANGLE', name: 'Photo frame', ...box(x + 8, 30, 80, 60), strokes: [RED], strokeWeight: 2 },
      ],
    });
    const ctx = run([{ id: '2:1', type: 'FRAME', name: 'Grid', ...box(0, 0, 400, 100), children: [card('2:2', '2:3', '2:4', 0), card('3:2', '3:3', '3:4', 200)] }]);
    const { json, back } = roundTrip(ctx);
    const uses = json.nodes[0]?.ch as WireNode[];
    expect(uses.map((u) => u.ids)).toEqual([undefined, ['3:3', '3:4']]);
    expect(uses[1]?.xy).toEqual([200, 0]);
    expect(back).toEqual(ctx);
    const text = toText(ctx);
    for (const id of ids(ctx.nodes)) expect(text).toContain(id);
  });

  it('renders templates once in the text, with a legend, and each use as one line', () => {
    const many = { ...list, children: Array.from({ length: 8 }, (_, i) => row(`1:${i + 2}`, i * 40, `Item ${i}`)) };
    const ctx = run([many], { components: { '10:1': { key: 'k', name: 'Row' } } });
    const lines = toText(ctx).split('\n');
    expect(lines.filter((l) => l.startsWith('# =kN'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('@k1 I #$'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith(' =k1 '))).toHaveLength(8);
    expect(lines).toContain(' =k1 #1:3 @0,40 ov={"0":{"tx":"Item 1"}}');
    // the plain rendering is longer
    expect(lines.join('\n').length).toBeLessThan(toText(ctx, { dedupe: false }).length);
  });
});

describe('binding sets', () => {
  it('writes a binding set used by several nodes once and expands it back', () => {
    const bound = (id: string) => ({
      id,
      type: 'FRAME',
      name: `Chip ${id}`,
      boundVariables: { fills: [alias('V:1')], itemSpacing: alias('V:2'), paddingLeft: alias('V:3'), paddingRight: alias('V:3'), paddingTop: alias('V:4'), paddingBottom: alias('V:4') },
    });
    const ctx = run([{ id: '5:1', type: 'FRAME', name: 'Row', children: [bound('5:2'), bound('5:3'), bound('5:4')] }]);
    const { json, back } = roundTrip(ctx);
    expect(json.defs?.binds).toEqual({ b1: { fills: 'v1', itemSpacing: 'v2', padX: 'v3', padY: 'v4' } });
    expect((json.nodes[0]?.ch as WireNode[]).map((n) => [n.bs, n.bv])).toEqual([
      ['b1', undefined],
      ['b1', undefined],
      ['b1', undefined],
    ]);
    expect(back).toEqual(ctx);
  });
});

const FIGMA_DIR = fileURLToPath(new URL('../../../../shared/fixtures/figma', import.meta.url));
const real = ['files', 'nodes'].flatMap((k) => (existsSync(`${FIGMA_DIR}/${k}`) ? readdirSync(`${FIGMA_DIR}/${k}`).map((f) => `${k}/${f}`) : []));

describe.runIf(real.length > 0)('templates on real files', () => {
  it.each(real)('%s: expanding gives back every node, text and style; never larger', (rel) => {
    const ctx = compact(JSON.parse(readFileSync(`${FIGMA_DIR}/${rel}`, 'utf8')));
    const { json, back } = roundTrip(ctx);
    expect(back).toEqual(ctx);
    expect(ids(back.nodes)).toEqual(ids(ctx.nodes));
    expect(JSON.stringify(json).length).toBeLessThanOrEqual(JSON.stringify(toJson(ctx)).length);
    expect(toText(ctx).length).toBeLessThanOrEqual(toText(ctx, { dedupe: false }).length);
  });
});
