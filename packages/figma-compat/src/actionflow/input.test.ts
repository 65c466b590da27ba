import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOW_FILE } from '../samples/actionflow-prototype';
import { buildActionFlow } from './build';
import { ActionFlowInputError } from './errors';

const click = (destinationId: string | null) => [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId, navigation: 'NAVIGATE', transition: null }] }];
const frameA = { id: '1:1', type: 'FRAME', name: 'A', children: [{ id: '1:2', type: 'TEXT', name: 'go', interactions: click('1:5') }] };
const frameB = { id: '1:5', type: 'FRAME', name: 'B', children: [] };

function caught(fn: () => unknown): ActionFlowInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionFlowInputError) return e;
    throw e;
  }
  throw new Error('expected an ActionFlowInputError');
}

describe('inputs the builder accepts', () => {
  it('takes a nodes response: its frames are the screens of one "Selection" page (null entries skipped)', () => {
    const flow = buildActionFlow({ name: 'f', nodes: { '1:1': { document: frameA }, '1:5': { document: frameB }, '9:9': null } });
    expect(flow.page).toEqual({ id: '0:0', name: 'Selection' });
    expect(flow.screens.map((s) => s.id)).toEqual(['1:1', '1:5']);
    expect(flow.edges.map((e) => [e.from, e.destination])).toEqual([['1:1', { kind: 'screen', screenId: '1:5', nodeId: '1:5' }]]);
  });

  it('takes an array of page nodes, a lone CANVAS node, and a file whose document is a CANVAS', () => {
    const canvas = { id: '0:1', type: 'CANVAS', name: 'Page', children: [frameA, frameB] };
    for (const input of [[frameA, frameB], canvas, { document: canvas }]) {
      expect(buildActionFlow(input).counts).toMatchObject({ screens: 2, edges: 1, navigationEdges: 1 });
    }
  });

  it('finds frames inside nested sections as top-level screens', () => {
    const canvas = { id: '0:1', type: 'CANVAS', name: 'Page', children: [{ id: '7:1', type: 'SECTION', name: 'S', children: [{ id: '7:2', type: 'SECTION', name: 'T', children: [frameA] }] }, frameB] };
    expect(buildActionFlow(canvas).screens.map((s) => s.id)).toEqual(['1:1', '1:5']);
  });
});

describe('bad input is a typed error naming what is wrong', () => {
  it.each([
    ['a string', 'hello', '$: expected a Figma REST response, a node or an array of nodes'],
    ['an object with neither document nor nodes', { name: 'x' }, '$: no `document` or `nodes` found'],
    ['an empty array', [], 'the input holds no pages and no nodes'],
    ['children that are not an array', { id: '1:1', type: 'FRAME', children: {} }, 'node 1:1: `children` must be an array of nodes'],
    ['a child without a type', { id: '1:1', type: 'FRAME', children: [{ id: '1:2' }] }, 'node 1:1: every entry of `children` must be a node'],
    ['interactions that are not an array', { id: '1:1', type: 'FRAME', interactions: {} }, 'node 1:1: `interactions` must be an array'],
    ['an action without a type', { id: '1:1', type: 'FRAME', interactions: [{ trigger: null, actions: [{}] }] }, 'node 1:1: action 1:1#0.0 must be an object with a string `type`'],
    ['a CONDITIONAL without blocks', { id: '1:1', type: 'FRAME', interactions: [{ trigger: null, actions: [{ type: 'CONDITIONAL' }] }] }, 'needs `conditionalBlocks`'],
    ['flowStartingPoints that are not a list', { id: '0:1', type: 'CANVAS', flowStartingPoints: 'x', children: [] }, 'page 0:1: `flowStartingPoints` must be an array'],
  ])('%s → ACTION_FLOW_BAD_INPUT', (_, input, message) => {
    const err = caught(() => buildActionFlow(input));
    expect(err.code).toBe('ACTION_FLOW_BAD_INPUT');
    expect(err.message).toContain(message);
  });

  it('names the pages when a several-page input gets no pageId, or an unknown one', () => {
    const required = caught(() => buildActionFlow(SAMPLE_FLOW_FILE));
    expect(required.code).toBe('ACTION_FLOW_PAGE_REQUIRED');
    expect(required.details).toEqual({ pages: [{ id: '0:1', name: 'Prototype' }, { id: '0:2', name: 'Components' }] });
    const unknown = caught(() => buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '4:4' }));
    expect([unknown.code, unknown.message]).toEqual(['ACTION_FLOW_PAGE_NOT_FOUND', 'page 4:4 is not in the input']);
  });
});
