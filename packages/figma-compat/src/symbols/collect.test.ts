import { describe, expect, it } from 'vitest';
import { COMPONENTS_FILE } from '../samples/symbols-components';
import { collectComponents, componentsFromStored } from './collect';
import { mapSymbols } from './map';
import { SymbolsInputError } from './types';

describe('collectComponents', () => {
  it('takes sets and standalone components of a file response, keys and descriptions from its maps; variants stay in their set', () => {
    expect(collectComponents(COMPONENTS_FILE).map((c) => [c.id, c.name, c.type, c.key, c.description, Object.keys(c.componentPropertyDefinitions ?? {}).length])).toEqual([
      ['20:0', 'Button', 'COMPONENT_SET', 'key-button', 'Primary action', 5],
      ['50:0', 'Forms/Text Field', 'COMPONENT_SET', 'key-text-field', undefined, 3],
      ['40:1', 'Avatar', 'COMPONENT', 'key-avatar', undefined, 2],
      ['30:1', 'Icons/Arrow Right', 'COMPONENT', 'key-arrow-right', 'A right arrow', 0],
    ]);
  });

  it('reads a nodes response (each document with its own maps) and a bare node, once per id', () => {
    const page = COMPONENTS_FILE.document.children[0]!;
    const nodes = { nodes: { '0:1': { document: page, components: COMPONENTS_FILE.components, componentSets: COMPONENTS_FILE.componentSets }, '20:0': { document: page.children[0]! }, '9:9': null } };
    expect(collectComponents(nodes as never).map((c) => c.id)).toEqual(['20:0', '50:0', '40:1', '30:1']);
    expect(collectComponents(page as never).map((c) => c.key)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('refuses what is not a Figma response', () => {
    expect(() => collectComponents('x' as never)).toThrow(SymbolsInputError);
    expect(() => collectComponents({ hello: 1 } as never)).toThrow(/no `document`, `nodes` or node found/);
    expect(() => collectComponents({ document: { id: '0:0', type: 'DOCUMENT', children: 'x' } } as never)).toThrow(/children must be an array/);
  });
});

describe('componentsFromStored', () => {
  it('maps stored rows (figma-context compact definitions) exactly as the REST form', () => {
    const rows = [
      { node_id: '20:0', name: 'Button', type: 'COMPONENT_SET', props: { key: 'key-button', definitions: { Size: { type: 'VARIANT', default: 'Medium', options: ['Small', 'Medium', 'Large'] }, 'Label#20:2': { type: 'TEXT', default: 'Button' } } } },
      { node_id: '20:11', name: 'Size=Small', type: 'COMPONENT', props: { set_id: '20:0', variant: { Size: 'Small' } } },
      { nodeId: '40:1', name: 'Avatar', type: 'COMPONENT', props: {} },
      { node_id: '1:1', name: 'Screen', type: 'FRAME', props: {} },
    ];
    const stored = componentsFromStored(rows);
    expect(stored.map((c) => [c.id, c.name, c.key])).toEqual([
      ['20:0', 'Button', 'key-button'],
      ['40:1', 'Avatar', undefined],
    ]);
    const button = mapSymbols(stored).mappings[0]!;
    expect(button.props.map((p) => [p.code.name, p.code.type, p.figma.default])).toEqual([
      ['size', "'small' | 'medium' | 'large'", 'Medium'],
      ['label', 'string', 'Button'],
    ]);
  });

  it('refuses a row without a node id', () => {
    expect(() => componentsFromStored([{ name: 'x', type: 'COMPONENT' }])).toThrow(/rows\[0\]: a row needs a node id/);
  });
});
