import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { ContextBuilder } from './context-builder';
import { MAX_BOUND_VARIABLES, MAX_DESCRIPTION, componentMetaOf, extractComponents, variableNamer } from './extract';
import { indexVariables } from './variables';

type Json = Record<string, unknown>;
const nodes = (...documents: Json[]) =>
  ({ name: 'Lib', nodes: Object.fromEntries(documents.map((d) => [d.id, { document: d, components: { '3:2': { key: 'warm', name: 'Tone=Warm' } }, componentSets: {}, styles: {} }])) }) as unknown as GetFileNodesResponse;

const variant = { id: '3:2', type: 'COMPONENT', name: 'Tone=Warm' };
const inner = { id: '2:2', type: 'FRAME', name: 'Inner', children: [{ id: '2:3', type: 'COMPONENT', name: 'Deep' }] };
const set = { id: '3:1', type: 'COMPONENT_SET', name: 'Chip', children: [variant] };
const screen = { id: '2:1', type: 'FRAME', name: 'Screen', children: [inner] };

const items = (response: GetFileNodesResponse, root?: Parameters<typeof extractComponents>[2]) => extractComponents(new ContextBuilder().addNodes(response), '0:1', root).items;

describe('extractComponents with the chunk root’s place', () => {
  it('gives a node-scoped chunk the items a whole-page chunk gives for the same nodes', () => {
    const whole = items(nodes(screen, set), { ancestors: [] });
    expect(whole.map((i) => [i.id, i.type, i.ancestors, i.setId])).toEqual([
      ['2:1', 'FRAME', [], undefined],
      ['2:3', 'COMPONENT', ['2:1', '2:2'], undefined],
      ['3:1', 'COMPONENT_SET', [], undefined],
      ['3:2', 'COMPONENT', ['3:1'], '3:1'],
    ]);
    // the variant alone: still in its set; the nested frame alone: not a top-level frame
    expect(items(nodes(variant), { ancestors: ['3:1'], parentType: 'COMPONENT_SET' })).toEqual(whole.filter((i) => i.id === '3:2'));
    expect(items(nodes(inner), { ancestors: ['2:1'], parentType: 'FRAME' })).toEqual(whole.filter((i) => i.id === '2:3'));
    // a frame in a top-level section is a top-level frame either way
    expect(items(nodes(inner), { ancestors: ['5:1'], parentType: 'SECTION' }).map((i) => [i.id, i.ancestors])).toEqual([['2:2', ['5:1']], ['2:3', ['5:1', '2:2']]]);
  });

  it('without a root, keeps the items as before (no ancestors)', () => {
    expect(items(nodes(variant)).map((i) => [i.id, i.setId, 'ancestors' in i])).toEqual([['3:2', undefined, false]]);
  });
});

describe('componentMetaOf', () => {
  it('reads every published key and description a raw nodes response carries, whatever the compact output already listed', () => {
    const response = {
      nodes: {
        '1:1': { document: {}, components: { '3:2': { key: 'warm', name: 'W', description: '  Warm tone chip \n' }, '3:3': { name: 'no key', description: '' } } },
        '1:2': null,
        '1:3': { document: {}, components: { '4:1': { key: 'cold', name: 'C', description: '   ' } }, componentSets: { '3:1': { key: 'set-key', name: 'Chip', description: 'Filters a list' }, '3:9': { key: 'k', name: 'Bare', description: '' } } },
      },
    } as unknown as GetFileNodesResponse;
    // descriptions trimmed, empty ones omitted; a set gives its description only (its key was never stored)
    expect(componentMetaOf(response)).toEqual(
      new Map([
        ['3:2', { key: 'warm', description: 'Warm tone chip' }],
        ['4:1', { key: 'cold' }],
        ['3:1', { description: 'Filters a list' }],
      ]),
    );
  });

  it(`cuts a description at ${MAX_DESCRIPTION} characters, never inside a surrogate pair`, () => {
    const meta = (description: string) => componentMetaOf({ nodes: { '1:1': { document: {}, components: { '3:2': { key: 'k', name: 'N', description } } } } } as unknown as GetFileNodesResponse).get('3:2')!;
    const long = meta('x'.repeat(MAX_DESCRIPTION + 500));
    expect(long.description).toBe('x'.repeat(MAX_DESCRIPTION));
    const emoji = meta(`${'x'.repeat(MAX_DESCRIPTION - 1)}😀tail`);
    expect(emoji.description).toBe('x'.repeat(MAX_DESCRIPTION - 1));
  });
});

// Variables bound in components: names from the stream's whole dictionary, whatever the chunking.
const VARIABLES = {
  meta: {
    variableCollections: { 'C:1': { id: 'C:1', name: 'Tokens', defaultModeId: 'm' } },
    variables: {
      'V:brand': { id: 'V:brand', name: 'color/brand', variableCollectionId: 'C:1', resolvedType: 'COLOR', valuesByMode: { m: { r: 1, g: 0, b: 0, a: 1 } } },
      'V:gap': { id: 'V:gap', name: 'space/sm', variableCollectionId: 'C:1', resolvedType: 'FLOAT', valuesByMode: { m: 8 } },
      'V:radius': { id: 'V:radius', name: 'radius/md', variableCollectionId: 'C:1', resolvedType: 'FLOAT', valuesByMode: { m: 12 } },
    },
  },
};
const alias = (id: string) => ({ type: 'VARIABLE_ALIAS', id });
const solid = { type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } };
const box = { absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 10 } };
// a frame binding brand (first in document order), then a set whose variants bind brand, gap and an unknown variable
const brandFrame = { id: '1:1', type: 'FRAME', name: 'Hero', ...box, fills: [solid], boundVariables: { fills: [alias('V:brand')] } };
const chipA = { id: '3:2', type: 'COMPONENT', name: 'Tone=Warm', ...box, itemSpacing: 8, boundVariables: { itemSpacing: alias('V:gap') }, children: [{ id: '3:5', type: 'RECTANGLE', name: 'Dot', ...box, fills: [solid], boundVariables: { fills: [alias('V:brand')] } }] };
const chipB = { id: '3:3', type: 'COMPONENT', name: 'Tone=Cold', ...box, boundVariables: { topLeftRadius: alias('V:gone') } };
const chips = { id: '3:1', type: 'COMPONENT_SET', name: 'Chip', ...box, children: [chipA, chipB] };
const plain = { id: '4:1', type: 'COMPONENT', name: 'Plain', ...box };
const boundOf = (list: ReturnType<typeof extractComponents>['items']) => list.map((i) => [i.id, i.boundVariables]);

describe('extractComponents: bound variables', () => {
  it('lists the sorted names bound in a component’s subtree, a set the union of its variants; none on frames or unbound components', () => {
    const b = new ContextBuilder({ variables: VARIABLES });
    const out = b.addNodes(nodes(brandFrame, chips, plain));
    const got = extractComponents(out, '0:1', undefined, { variableName: variableNamer(b.snapshot().defs.vars, indexVariables(VARIABLES)) }).items;
    expect(boundOf(got)).toEqual([
      ['1:1', undefined],
      ['3:1', ['V:gone', 'color/brand', 'space/sm']],
      ['3:2', ['color/brand', 'space/sm']],
      ['3:3', ['V:gone']], // unknown to the variables: its Figma id
      ['4:1', undefined],
    ]);
    // absent, not empty: an unbound component keeps exactly the props it had
    expect('boundVariables' in got.find((i) => i.id === '4:1')!).toBe(false);
  });

  it('names a variable first seen in an earlier chunk (the whole dictionary), so every chunking stores the same', () => {
    const options = (b: ContextBuilder) => ({ variableName: variableNamer(b.snapshot().defs.vars, indexVariables(VARIABLES)) });
    const one = new ContextBuilder({ variables: VARIABLES });
    const whole = extractComponents(one.addNodes(nodes(brandFrame, chips, plain)), '0:1', undefined, options(one)).items;
    // two chunks: brand is shipped with the first, only used by the second
    const two = new ContextBuilder({ variables: VARIABLES });
    const first = extractComponents(two.addNodes(nodes(brandFrame)), '0:1', undefined, options(two)).items;
    const second = two.addNodes(nodes(chips, plain));
    expect(Object.values(second.defs.vars).map((v) => v.name)).not.toContain('color/brand');
    // and resumed in another call from a snapshot, as the producer does
    const resumed = new ContextBuilder({ variables: VARIABLES, resume: JSON.parse(JSON.stringify(two.snapshot())) });
    expect([...first, ...extractComponents(second, '0:1', undefined, options(resumed)).items]).toEqual(whole);
  });

  it('without a variable namer lists none; caps a component’s list', () => {
    const b = new ContextBuilder({ variables: VARIABLES });
    expect(extractComponents(b.addNodes(nodes(chips)), '0:1').items.some((i) => 'boundVariables' in i)).toBe(false);
    const many = Array.from({ length: MAX_BOUND_VARIABLES + 50 }, (_, i) => ({ id: `9:${i + 10}`, type: 'RECTANGLE', ...box, fills: [solid], boundVariables: { fills: [alias(`V:x${String(i).padStart(3, '0')}`)] } }));
    const big = { id: '9:1', type: 'COMPONENT', name: 'Big', ...box, children: many };
    const c = new ContextBuilder();
    const [item] = extractComponents(c.addNodes(nodes(big)), '0:1', undefined, { variableName: variableNamer(c.snapshot().defs.vars, null) }).items;
    expect(item!.boundVariables).toHaveLength(MAX_BOUND_VARIABLES);
    expect(item!.boundVariables![0]).toBe('V:x000');
    expect(item!.boundVariables).toEqual([...item!.boundVariables!].sort());
  });
});

describe('extractComponents: descriptions', () => {
  it('gives components and sets their description from the raw answers, frames none', () => {
    const meta = new Map([
      ['3:1', { description: 'Filters a list' }],
      ['3:2', { key: 'warm', description: 'Warm tone' }],
      ['1:1', { description: 'never on a frame' }],
    ]);
    const got = extractComponents(new ContextBuilder().addNodes(nodes(brandFrame, chips)), '0:1', undefined, { meta }).items;
    expect(got.map((i) => [i.id, i.key, i.description])).toEqual([
      ['1:1', undefined, undefined],
      ['3:1', undefined, 'Filters a list'],
      ['3:2', 'warm', 'Warm tone'],
      ['3:3', undefined, undefined],
    ]);
  });
});
