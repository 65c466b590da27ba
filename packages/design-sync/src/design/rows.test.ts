import { describe, expect, it } from 'vitest';
import type { StoredComponentRow } from '../types';
import { designComponentsFromRows } from './rows';

const F = 'COGOSAMPLE0001';
const row = (nodeId: string, name: string, type: string, props: Record<string, unknown> = {}, fileKey = F): StoredComponentRow => ({ fileKey, nodeId, name, type, props });

// the sample file as figma-context stores it (tooling/fakes/src/samples/sample-components.ts)
const rows: StoredComponentRow[] = [
  row('10:1', 'Icon/Cart', 'COMPONENT', { key: 'k1', description: 'Shopping cart, 24px outline', bound_variables: ['color/text/primary'] }),
  row('10:6', 'Variant=Primary, Size=Medium', 'COMPONENT', { set_id: '10:15', variant: { Variant: 'Primary', Size: 'Medium' }, bound_variables: ['space/sm', 'color/brand/primary', 'radius/md'] }),
  row('10:9', 'Variant=Secondary, Size=Medium', 'COMPONENT', { set_id: '10:15', bound_variables: ['color/border', 'color/surface'] }),
  row('10:15', 'Button', 'COMPONENT_SET', {
    definitions: {
      'Show icon#10:1': { type: 'BOOLEAN', default: false },
      Variant: { type: 'VARIANT', default: 'Primary', options: ['Primary', 'Secondary'] },
      'Label#10:0': { type: 'TEXT', default: 'Button' },
      Size: { type: 'VARIANT', default: 'Medium', options: ['Medium', 'Small'] },
    },
    bound_variables: ['radius/md'],
    description: 'Primary and secondary actions',
  }),
  row('10:16', 'Badge', 'COMPONENT', { description: 'Small status label' }),
  row('1:3', 'Home', 'FRAME'),
];

describe('designComponentsFromRows', () => {
  const out = designComponentsFromRows(rows);

  it('folds variants into their set and keeps standalone components, sorted by file and node', () => {
    expect(out.map((c) => [c.nodeId, c.name, c.type])).toEqual([
      ['10:1', 'Icon/Cart', 'COMPONENT'],
      ['10:15', 'Button', 'COMPONENT_SET'],
      ['10:16', 'Badge', 'COMPONENT'],
    ]);
  });

  it('reads definitions (key kept, name without #id), bound variables of the set and its variants, description', () => {
    const button = out[1]!;
    expect(button.props).toEqual([
      { key: 'Size', name: 'Size', type: 'VARIANT', default: 'Medium', options: ['Medium', 'Small'] },
      { key: 'Variant', name: 'Variant', type: 'VARIANT', default: 'Primary', options: ['Primary', 'Secondary'] },
      { key: 'Show icon#10:1', name: 'Show icon', type: 'BOOLEAN', default: false },
      { key: 'Label#10:0', name: 'Label', type: 'TEXT', default: 'Button' },
    ]);
    expect(button.boundVariables).toEqual(['color/border', 'color/brand/primary', 'color/surface', 'radius/md', 'space/sm']);
    expect(button.description).toBe('Primary and secondary actions');
    expect(out[0]).toEqual({ fileKey: F, nodeId: '10:1', name: 'Icon/Cart', type: 'COMPONENT', description: 'Shopping cart, 24px outline', props: [], boundVariables: ['color/text/primary'] });
  });

  it('keeps a variant whose set is not stored (or is in another file) as a component of its own', () => {
    const r = designComponentsFromRows([row('2:1', 'Size=Small', 'COMPONENT', { set_id: '2:0' }), row('3:0', 'Set', 'COMPONENT_SET', {}, 'OTHERFILE01'), row('3:1', 'A=B', 'COMPONENT', { set_id: '3:0' })]);
    expect(r.map((c) => [c.fileKey, c.nodeId])).toEqual([
      [F, '2:1'],
      [F, '3:1'],
      ['OTHERFILE01', '3:0'],
    ]);
  });

  it('reads odd stored props without crashing: REST-form fields, bad definitions and types left out', () => {
    const defs = JSON.parse(
      JSON.stringify({
        'Icon#1:0': { type: 'INSTANCE_SWAP', defaultValue: '5:5', preferredValues: [{ type: 'COMPONENT', key: 'k' }] },
        State: { type: 'VARIANT', defaultValue: 'On', variantOptions: ['On', 'Off', 3] },
        Slot: { type: 'SLOT' },
        Broken: { default: 'x' },
        Text: 'TEXT',
        PROTO: { type: 'TEXT' },
        'Count#1:1': { type: 'TEXT', default: 4 },
      }).replace('"PROTO"', '"__proto__"'),
    );
    const [c] = designComponentsFromRows([row('1:1', 'Odd', 'COMPONENT', { definitions: defs, bound_variables: ['b', 7, 'a', 'b'] }), row('1:2', 'Bad', 'COMPONENT', null as unknown as Record<string, unknown>)]);
    expect(c!.props).toEqual([
      { key: 'State', name: 'State', type: 'VARIANT', default: 'On', options: ['On', 'Off'] },
      { key: 'Count#1:1', name: 'Count', type: 'TEXT' },
      { key: 'Icon#1:0', name: 'Icon', type: 'INSTANCE_SWAP', default: '5:5' },
    ]);
    expect(c!.boundVariables).toEqual(['a', 'b']);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });
});
