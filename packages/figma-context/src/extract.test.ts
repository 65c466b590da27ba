import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { ContextBuilder } from './context-builder';
import { componentKeysOf, extractComponents } from './extract';

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

describe('componentKeysOf', () => {
  it('reads every published key a raw nodes response carries, whatever the compact output already listed', () => {
    const response = {
      nodes: {
        '1:1': { document: {}, components: { '3:2': { key: 'warm', name: 'W' }, '3:3': { name: 'no key' } } },
        '1:2': null,
        '1:3': { document: {}, components: { '4:1': { key: 'cold', name: 'C' } } },
      },
    } as unknown as GetFileNodesResponse;
    expect(componentKeysOf(response)).toEqual(new Map([['3:2', 'warm'], ['4:1', 'cold']]));
  });
});
