import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { ContextBuilder, compact, mergeChunks } from './context-builder';
import { countRaw } from './count-raw';
import { extractComponents } from './extract';
import { fromJson, toJson } from './render-json';
import { toText } from './text-render';

type Json = Record<string, unknown>;

const RED = { type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } };
const GREEN = { type: 'SOLID', color: { r: 0, g: 1, b: 0, a: 1 } };

function response(entries: Record<string, Json | null>, meta: Json = {}): GetFileNodesResponse {
  const nodes: Json = {};
  for (const [id, document] of Object.entries(entries)) {
    nodes[id] = document === null ? null : { document, components: {}, componentSets: {}, styles: {}, ...meta };
  }
  return { name: 'Shop', nodes } as unknown as GetFileNodesResponse;
}

const rect = (id: string, fills: Json[]) => ({ id, type: 'RECTANGLE', name: `Swatch ${id}`, fills });

describe('ContextBuilder', () => {
  it('keeps every entry of a multi-id nodes response and reports null entries', () => {
    const ids = Array.from({ length: 31 }, (_, i) => `1:${i}`);
    const entries: Record<string, Json | null> = {};
    for (const id of ids) entries[id] = rect(id, [RED]);
    entries['9:9'] = null;
    const chunk = new ContextBuilder().addNodes(response(entries));
    expect(chunk.nodes.map((n) => n.id)).toEqual(ids);
    expect(chunk.missing).toEqual(['9:9']);
    expect(chunk.counts.nodes).toBe(31);
  });

  it('addNodesPaced: the same chunks as addNodes, pausing between entries every `everyNodes` compact nodes', async () => {
    const frame = (i: number) => ({ id: `1:${i}`, type: 'FRAME', name: `F${i}`, fills: [i % 2 ? RED : GREEN], children: [rect(`2:${i}`, [RED]), rect(`3:${i}`, [GREEN])] });
    const entries: Record<string, Json | null> = {};
    for (let i = 0; i < 10; i++) entries[`1:${i}`] = frame(i);
    entries['9:9'] = null;
    const meta = { components: { '5:1': { key: 'k', name: 'Button' } } };
    const plain = new ContextBuilder();
    const expected = [plain.addNodes(response(entries, meta)), plain.addNodes(response({ '4:1': rect('4:1', [RED]) }))];
    const paced = new ContextBuilder();
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const got = [await paced.addNodesPaced(response(entries, meta), 0, pause, 7), await paced.addNodesPaced(response({ '4:1': rect('4:1', [RED]) }), 1, pause, 7)];
    expect(got).toEqual(expected);
    expect(paced.snapshot()).toEqual(plain.snapshot());
    // 3 compact nodes an entry: a pause after the 3rd, 6th and 9th entries (9, 18, 27 nodes made)
    expect(pauses).toBe(3);
  });

  it('keeps the style dictionary across chunks and ships only new entries', () => {
    const meta = { components: { '5:1': { key: 'k', name: 'Button' } } };
    const builder = new ContextBuilder();
    const instance = (id: string) => ({ id, type: 'INSTANCE', name: 'Button', componentId: '5:1' });
    const first = builder.addNodes(
      response({ '1:1': { id: '1:1', type: 'FRAME', name: 'A', fills: [RED], children: [instance('1:2')] } }, meta),
    );
    const second = builder.addNodes(
      response({ '2:1': { id: '2:1', type: 'FRAME', name: 'B', fills: [RED], children: [rect('2:2', [GREEN]), instance('2:3')] } }, meta),
    );
    expect([first.index, second.index]).toEqual([0, 1]);
    expect(first.defs.paints).toEqual({ p1: { v: ['#f00'] } });
    expect(first.components).toEqual({ '5:1': { name: 'Button', key: 'k' } });
    // p1 and the Button component were shipped with chunk 0: chunk 1 reuses them without repeating.
    expect(second.nodes[0]?.f).toBe('p1');
    expect(second.defs.paints).toEqual({ p2: { v: ['#0f0'] } });
    expect(second.components).toEqual({});
    const union = mergeChunks([first, second]);
    expect(union.defs.paints).toEqual({ p1: { v: ['#f00'] }, p2: { v: ['#0f0'] } });
    expect(union.nodes.map((n) => n.id)).toEqual(['1:1', '2:1']);
    expect(union.counts).toMatchObject({ frames: 2, instances: 2, nodes: 5 });
  });

  it('compacts a whole-file response into pages', () => {
    const file = {
      name: 'Shop',
      document: {
        id: '0:0',
        type: 'DOCUMENT',
        children: [{ id: '0:1', type: 'CANVAS', name: 'Home', children: [{ id: '1:1', type: 'FRAME', name: 'Desktop', absoluteBoundingBox: { x: 40, y: 0, width: 10, height: 10 } }] }],
      },
      components: {},
      componentSets: {},
      styles: {},
    } as unknown as GetFileResponse;
    const ctx = compact(file);
    expect(ctx.nodes).toEqual([{ id: '0:1', t: 'page', n: 'Home', ch: [{ id: '1:1', t: 'F', n: 'Desktop', wh: [10, 10], xy: [40, 0] }] }]);
    expect(ctx.counts).toMatchObject({ pages: 1, frames: 1 });
  });
});

describe('renderings', () => {
  const ctx = compact(
    response(
      {
        '1:1': {
          id: '1:1',
          type: 'FRAME',
          name: 'Card',
          absoluteBoundingBox: { x: 0, y: 0, width: 320, height: 200 },
          layoutMode: 'VERTICAL',
          itemSpacing: 8,
          paddingTop: 16,
          paddingBottom: 16,
          paddingLeft: 16,
          paddingRight: 16,
          fills: [RED],
          cornerRadius: 12,
          children: [
            { id: '1:2', type: 'TEXT', name: 'Text', characters: 'Sale "50%"', style: { fontFamily: 'Inter', fontWeight: 700, fontSize: 20, lineHeightPx: 28 }, layoutSizingHorizontal: 'FILL', layoutSizingVertical: 'HUG' },
            { id: '1:3', type: 'INSTANCE', name: 'Cta', componentId: '5:1', componentProperties: { Label: { type: 'TEXT', value: 'Buy' } } },
          ],
        },
      },
      { components: { '5:1': { key: 'k', name: 'Button' } } },
    ),
  );

  it('renders text with the dictionaries first and one line per node', () => {
    expect(toText(ctx).split('\n')).toEqual([
      '# Shop',
      '@p1 #f00',
      '@t1 Inter 700 20/28',
      '@l1 col gap=8 pad=16',
      '@c 5:1 "Button"',
      'F "Card" #1:1 320x200 l=l1 f=p1 r=12',
      ' T #1:2 sz=fill,hug t=t1 "Sale \\"50%\\""',
      ' I "Cta" #1:3 c=5:1 props={"Label":"Buy"}',
    ]);
  });

  it('round-trips through the JSON rendering without empty dictionaries', () => {
    const json = toJson(ctx);
    expect(Object.keys(json.defs ?? {})).toEqual(['paints', 'text', 'layouts']);
    expect(fromJson(JSON.parse(JSON.stringify(json)))).toEqual(ctx);
  });

  it('extracts the items to store, deterministically', () => {
    const file = compact({
      name: 'Lib',
      document: {
        id: '0:0',
        type: 'DOCUMENT',
        children: [
          {
            id: '0:1',
            type: 'CANVAS',
            name: 'Components',
            children: [
              { id: '2:1', type: 'FRAME', name: 'Frame 3', children: [{ id: '2:2', type: 'FRAME', name: 'Inner' }] },
              {
                id: '3:1',
                type: 'COMPONENT_SET',
                name: 'Chip',
                componentPropertyDefinitions: { Tone: { type: 'VARIANT', defaultValue: 'Warm', variantOptions: ['Warm', 'Cold'] } },
                children: [{ id: '3:2', type: 'COMPONENT', name: 'Tone=Warm' }],
              },
            ],
          },
        ],
      },
      components: { '3:2': { key: 'warm', name: 'Tone=Warm', componentSetId: '3:1' } },
      componentSets: {},
      styles: {},
    } as unknown as GetFileResponse);
    expect(extractComponents(file)).toEqual({
      items: [
        { id: '2:1', name: 'Frame 3', type: 'FRAME', pageId: '0:1', props: {} },
        {
          id: '3:1',
          name: 'Chip',
          type: 'COMPONENT_SET',
          pageId: '0:1',
          props: { definitions: { Tone: { type: 'VARIANT', default: 'Warm', options: ['Warm', 'Cold'] } } },
        },
        { id: '3:2', name: 'Tone=Warm', type: 'COMPONENT', pageId: '0:1', setId: '3:1', key: 'warm', props: { variant: { Tone: 'Warm' } } },
      ],
      counts: { pages: 1, frames: 1, components: 2, instances: 0, texts: 0 },
    });
  });
});

describe('countRaw', () => {
  it('counts every node object by type, and the visible ones by kind', () => {
    const raw = response({
      '1:1': {
        id: '1:1',
        type: 'FRAME',
        boundVariables: { fills: [{ type: 'VARIABLE_ALIAS', id: 'VariableID:1' }] },
        children: [
          { id: '1:2', type: 'TEXT' },
          { id: '1:3', type: 'INSTANCE', visible: false, children: [{ id: '1:4', type: 'TEXT', boundVariables: { x: { type: 'VARIABLE_ALIAS', id: 'VariableID:2' } } }] },
        ],
      },
    });
    const c = countRaw(raw);
    expect(c.total).toBe(4);
    expect(c.byType).toEqual({ FRAME: 1, TEXT: 2, INSTANCE: 1 });
    expect(c.visible).toBe(2);
    expect(c.keep).toEqual({ pages: 0, frames: 1, components: 0, instances: 0, texts: 1 });
    expect([...c.variableIds]).toEqual(['VariableID:1']);
  });
});

describe('ContextBuilder snapshot (a stream continued by another request)', () => {
  it('gives the same chunks as one builder, shipping no dictionary entry twice', () => {
    const Builder = ContextBuilder;
    const mk = (id: string, color: number) => ({
      name: 'f',
      nodes: {
        [id]: {
          document: { id, name: 'Card', type: 'FRAME', visible: true, fills: [{ type: 'SOLID', color: { r: color, g: 0, b: 0, a: 1 } }], children: [] },
          components: {},
          componentSets: {},
          styles: {},
          schemaVersion: 0,
        },
      },
    });
    const responses = [mk('1:1', 1), mk('1:2', 1), mk('1:3', 0)] as never[];
    const one = new Builder();
    const expected = responses.map((r) => one.addNodes(r));
    const a = new Builder();
    const first = a.addNodes(responses[0]!);
    const b = new Builder({ resume: JSON.parse(JSON.stringify(a.snapshot())) });
    const rest = [b.addNodes(responses[1]!), b.addNodes(responses[2]!)];
    expect([first, ...rest]).toEqual(expected);
    expect(Object.keys(rest[0]!.defs.paints)).toEqual([]);
  });
});
