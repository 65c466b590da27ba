import { describe, expect, it } from 'vitest';
import { buildActionFlow } from './build';
import { describeCondition, describeValue } from './describe';

const alias = (id: string) => ({ type: 'VARIABLE_ALIAS', value: { type: 'VARIABLE_ALIAS', id } });
const expr = (fn: string, ...args: unknown[]) => ({ type: 'EXPRESSION', value: { expressionFunction: fn, expressionArguments: args } });
const lit = (value: unknown) => ({ value });

describe('describeValue / describeCondition', () => {
  it('renders literals, aliases (named when known), colours and nested expressions', () => {
    const names = { 'V:1': 'count' };
    expect(describeValue(lit('hi'))).toBe('"hi"');
    expect(describeValue(lit(3))).toBe('3');
    expect(describeValue(alias('V:1'), names)).toBe('{count}');
    expect(describeValue(alias('V:2'), names)).toBe('{V:2}');
    expect(describeValue(lit({ r: 1, g: 0, b: 0.5, a: 0.5 }))).toBe('#ff008080');
    expect(describeValue(lit({ r: 0, g: 0, b: 0, a: 1 }))).toBe('#000000');
    expect(describeCondition(expr('AND', expr('GREATER_THAN', alias('V:1'), lit(2)), expr('NOT', alias('V:3'))), names)).toBe('({count} > 2) and not {V:3}');
    expect(describeCondition(expr('VAR_MODE_LOOKUP', alias('V:1'), lit('dark')), names)).toBe('var_mode_lookup({count}, "dark")');
    expect(describeCondition(undefined)).toBe('else');
  });
});

describe('edges of unusual interactions', () => {
  const node = (interactions: unknown) => ({ id: '1:1', type: 'FRAME', name: 'A', interactions, children: [] });

  it('keeps an action type Figma added later as UNKNOWN with its raw name', () => {
    const flow = buildActionFlow(node([{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'OPEN_DEVICE_SETTINGS' }] }]));
    expect(flow.edges).toEqual([
      { id: '1:1#0.0', from: '1:1', sourceNodeId: '1:1', sourceName: 'A', trigger: { type: 'ON_CLICK' }, action: 'UNKNOWN', rawAction: 'OPEN_DEVICE_SETTINGS', destination: { kind: 'self' } },
    ]);
  });

  it('reads `trigger: null` as NONE and an interaction without actions as no edge', () => {
    const flow = buildActionFlow(node([{ trigger: null, actions: [{ type: 'BACK' }] }, { trigger: { type: 'ON_CLICK' } }]));
    expect(flow.edges.map((e) => [e.id, e.trigger])).toEqual([['1:1#0.0', { type: 'NONE' }]]);
    expect(flow.counts.interactions).toBe(2);
  });

  it('gives nested conditionals a path id and the whole branch path, outermost first', () => {
    const flow = buildActionFlow(
      node([
        {
          trigger: { type: 'ON_CLICK' },
          actions: [
            { type: 'BACK' },
            {
              type: 'CONDITIONAL',
              conditionalBlocks: [
                { condition: alias('V:1'), actions: [{ type: 'CONDITIONAL', conditionalBlocks: [{ condition: alias('V:2'), actions: [{ type: 'CLOSE' }] }, { actions: [{ type: 'URL', url: 'u' }] }] }] },
                { actions: [] },
              ],
            },
          ],
        },
      ]),
    );
    expect(flow.edges.map((e) => [e.id, e.action, e.branch])).toEqual([
      ['1:1#0.0', 'BACK', undefined],
      ['1:1#0.1/0.0/0.0', 'CLOSE', [{ action: 1, block: 0, condition: '{V:1}' }, { action: 0, block: 0, condition: '{V:2}' }]],
      ['1:1#0.1/0.0/1.0', 'URL', [{ action: 1, block: 0, condition: '{V:1}' }, { action: 0, block: 1, condition: 'else' }]],
    ]);
  });

  it('uses transitionNodeID only for an ON_CLICK NODE action without destination', () => {
    const flow = buildActionFlow([
      { id: '1:1', type: 'FRAME', name: 'A', children: [{ id: '1:2', type: 'TEXT', name: 't', transitionNodeID: '1:5', interactions: [{ trigger: { type: 'ON_HOVER' }, actions: [{ type: 'NODE', destinationId: null, navigation: 'NAVIGATE', transition: null }] }] }] },
      { id: '1:5', type: 'FRAME', name: 'B', children: [] },
    ]);
    expect(flow.edges.map((e) => [e.destination, e.legacy])).toEqual([[{ kind: 'missing', nodeId: null, reason: 'null-destination' }, undefined]]);
  });

  it('draws a top-level non-frame node that takes part in an interaction as an `other` screen', () => {
    const flow = buildActionFlow([
      { id: '1:1', type: 'FRAME', name: 'A', children: [] },
      { id: '2:1', type: 'TEXT', name: 'Sticky link', interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '1:1', navigation: 'NAVIGATE', transition: null }] }] },
      { id: '3:1', type: 'RECTANGLE', name: 'Decoration' },
    ]);
    expect(flow.screens.map((s) => [s.id, s.kind])).toEqual([['1:1', 'frame'], ['2:1', 'other']]);
    expect(flow.report.unreachable).toEqual([]);
  });
});
