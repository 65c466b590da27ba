import { describe, expect, it } from 'vitest';
import { RED, box, child, only, run } from './compact-test-inputs';
import type { VariablesInput } from './variables';

describe('icons', () => {
  const iconGroup = {
    id: '8:2',
    type: 'GROUP',
    name: 'icon/close',
    ...box(10, 10, 24, 24),
    children: [
      { id: '8:3', type: 'VECTOR', name: 'Vector', fills: [RED], boundVariables: { fills: [{ type: 'VARIABLE_ALIAS', id: 'VariableID:1:1' }] } },
      { id: '8:4', type: 'BOOLEAN_OPERATION', name: 'Union', fills: [RED], children: [{ id: '8:5', type: 'STAR' }, { id: '8:6', type: 'LINE' }] },
      { id: '8:7', type: 'RECTANGLE', name: 'Rectangle 9', fills: [RED] },
      { id: '8:8', type: 'TEXT', name: 'Hidden label', visible: false },
    ],
  };

  it('folds a vector-only group into one icon node with its shared colour and bindings', () => {
    const ctx = run([{ id: '8:1', type: 'FRAME', name: 'Bar', ...box(0, 0, 100, 44), children: [iconGroup] }]);
    expect(child(only(ctx))).toEqual({ id: '8:2', t: 'icon', n: 'icon/close', wh: [24, 24], xy: [10, 10], f: 'p1', bv: { fills: 'v1' } });
    expect(ctx.counts).toMatchObject({ icons: 1, folded: 5, nodes: 2 });
  });

  it('does not fold groups holding text or meaningfully named rectangles, nor top-level frames', () => {
    const withText = { ...iconGroup, children: [...iconGroup.children, { id: '8:9', type: 'TEXT', characters: 'x' }] };
    const swatches = { ...iconGroup, children: [{ id: '8:10', type: 'RECTANGLE', name: 'Primary 500' }] };
    const ctx = run([{ id: '8:1', type: 'FRAME', name: 'Bar', children: [withText, swatches] }]);
    expect(only(ctx).ch?.map((c) => c.t)).toEqual(['G', 'G']);
    const top = run([{ id: '9:1', type: 'FRAME', name: 'Logo', children: [{ id: '9:2', type: 'VECTOR' }] }]);
    expect(only(top).t).toBe('F');
  });
});

describe('components and instances', () => {
  const meta = {
    components: {
      '10:2': { key: 'k-red', name: 'Color=Red', componentSetId: '10:1' },
      '10:3': { key: 'k-blue', name: 'Color=Blue', componentSetId: '10:1' },
    },
    componentSets: { '10:1': { key: 'k-set', name: 'Chip' } },
  };
  const set = {
    id: '10:1',
    type: 'COMPONENT_SET',
    name: 'Chip',
    componentPropertyDefinitions: {
      Color: { type: 'VARIANT', defaultValue: 'Red', variantOptions: ['Red', 'Blue'] },
      'Label#1:0': { type: 'TEXT', defaultValue: 'Chip' },
    },
    children: [
      { id: '10:2', type: 'COMPONENT', name: 'Color=Red', children: [{ id: '10:4', type: 'TEXT', name: 'Label', characters: 'Chip', componentPropertyReferences: { characters: 'Label#1:0' } }] },
      { id: '10:3', type: 'COMPONENT', name: 'Color=Blue' },
    ],
  };
  const instance = {
    id: '11:1',
    type: 'INSTANCE',
    name: 'Chip',
    componentId: '10:3',
    componentProperties: { Color: { type: 'VARIANT', value: 'Blue' }, 'Label#1:0': { type: 'TEXT', value: 'Sale' } },
  };

  it('keeps variant props, property definitions and references', () => {
    const ctx = run([set], meta);
    const root = only(ctx);
    expect(root).toMatchObject({
      t: 'CS',
      n: 'Chip',
      propDefs: { Color: { type: 'VARIANT', default: 'Red', options: ['Red', 'Blue'] }, 'Label#1:0': { type: 'TEXT', default: 'Chip' } },
    });
    // The variant's name is rebuilt from `vp`, so it is not repeated.
    expect(child(root, 0)).toMatchObject({ id: '10:2', t: 'C', vp: { Color: 'Red' } });
    expect(child(root, 0).n).toBeUndefined();
    expect(child(child(root, 0)).refs).toEqual({ characters: 'Label#1:0' });
    expect(ctx.components['10:2']).toEqual({ name: 'Color=Red', key: 'k-red', set: 'Chip', setId: '10:1' });
  });

  it('resolves an instance to its component, keeps its property values and drops a derivable name', () => {
    const ctx = run([{ id: '11:0', type: 'FRAME', name: 'Promo', children: [instance] }], meta);
    expect(child(only(ctx))).toEqual({ id: '11:1', t: 'I', c: '10:3', props: { Color: 'Blue', 'Label#1:0': 'Sale' } });
    expect(ctx.components).toEqual({ '10:3': { name: 'Color=Blue', key: 'k-blue', set: 'Chip', setId: '10:1' } });
    expect(ctx.counts.instances).toBe(1);
  });
});

describe('bound variables', () => {
  const alias = (id: string) => ({ type: 'VARIABLE_ALIAS', id });
  const bound = {
    id: '12:1',
    type: 'FRAME',
    name: 'Card',
    fills: [RED],
    boundVariables: {
      fills: [alias('VariableID:1:1')],
      itemSpacing: alias('VariableID:1:2'),
      size: { x: alias('VariableID:1:2') },
      rectangleCornerRadii: {
        RECTANGLE_TOP_LEFT_CORNER_RADIUS: alias('VariableID:1:3'),
        RECTANGLE_TOP_RIGHT_CORNER_RADIUS: alias('VariableID:1:3'),
        RECTANGLE_BOTTOM_RIGHT_CORNER_RADIUS: alias('VariableID:1:3'),
        RECTANGLE_BOTTOM_LEFT_CORNER_RADIUS: alias('VariableID:1:3'),
      },
    },
  };
  const variables = {
    meta: {
      variableCollections: { 'VariableCollectionId:1:0': { id: 'VariableCollectionId:1:0', name: 'Tokens', defaultModeId: 'm1' } },
      variables: {
        'VariableID:1:1': { id: 'VariableID:1:1', name: 'color/brand', resolvedType: 'COLOR', variableCollectionId: 'VariableCollectionId:1:0', valuesByMode: { m1: { r: 1, g: 0, b: 0, a: 1 } } },
        'VariableID:1:2': { id: 'VariableID:1:2', name: 'space/md', resolvedType: 'FLOAT', variableCollectionId: 'VariableCollectionId:1:0', valuesByMode: { m1: 16 } },
        'VariableID:1:3': { id: 'VariableID:1:3', name: 'radius/card', resolvedType: 'FLOAT', variableCollectionId: 'VariableCollectionId:1:0', valuesByMode: { m1: alias('VariableID:1:2') } },
      },
    },
  } as unknown as VariablesInput;

  it('keeps every binding as short variable ids', () => {
    const ctx = run([bound]);
    expect(only(ctx).bv).toEqual({ fills: 'v1', itemSpacing: 'v2', width: 'v2', radius: 'v3' });
    expect(ctx.defs.vars).toEqual({ v1: { id: 'VariableID:1:1' }, v2: { id: 'VariableID:1:2' }, v3: { id: 'VariableID:1:3' } });
  });

  it('resolves names and default-mode values when the variables meta is given', () => {
    const ctx = run([bound], {}, variables);
    expect(ctx.defs.vars).toEqual({
      v1: { id: 'VariableID:1:1', name: 'color/brand', type: 'COLOR', value: '#f00', coll: 'Tokens' },
      v2: { id: 'VariableID:1:2', name: 'space/md', type: 'FLOAT', value: 16, coll: 'Tokens' },
      v3: { id: 'VariableID:1:3', name: 'radius/card', type: 'FLOAT', value: '→space/md', coll: 'Tokens' },
    });
  });
});
