import type { CanvasNode, FrameNode, GetFileNodesResponse, GetFileResponse, SubcanvasNode } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import type { ComponentSource } from '../symbols/collect';
import { BddInputError, checkPage, type ComponentIndex, type FigmaNode } from './figma-node';
import { generateFeature } from './generate';

// compile-time: the REST types of @figma/rest-api-spec are accepted as they are (typecheck fails otherwise)
export const restShapes = {
  canvas: (n: CanvasNode): FigmaNode => n,
  frame: (n: FrameNode): FigmaNode => n,
  any: (n: SubcanvasNode): FigmaNode => n,
  index: (r: GetFileResponse): ComponentIndex => r,
  nodesIndex: (r: GetFileNodesResponse['nodes'][string]): ComponentIndex => r,
  file: (r: GetFileResponse): ComponentSource => r,
  nodes: (r: GetFileNodesResponse): ComponentSource => r,
};

function refusal(input: unknown): BddInputError {
  try {
    checkPage(input);
  } catch (err) {
    if (err instanceof BddInputError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('checkPage', () => {
  it('returns a well-formed tree as it is', () => {
    const page = { id: '0:1', type: 'CANVAS', children: [{ id: '1:1', type: 'FRAME', interactions: [] }] };
    expect(checkPage(page)).toBe(page);
  });

  it.each([
    ['not an object', 'x', 'page'],
    ['an array', [], 'page'],
    ['a node without an id', { type: 'CANVAS' }, 'page.id'],
    ['a node without a type', { id: '0:1' }, 'page.type'],
    ['children that are not an array', { id: '0:1', type: 'CANVAS', children: {} }, 'page.children'],
    ['a child that is not a node', { id: '0:1', type: 'CANVAS', children: [{ id: '1:1', type: 'FRAME', children: [null] }] }, 'page.children[0].children[0]'],
    ['interactions that are not objects', { id: '0:1', type: 'CANVAS', children: [{ id: '1:1', type: 'FRAME', interactions: ['x'] }] }, 'page.children[0].interactions'],
  ])('refuses %s, naming where (%#)', (_what, input, path) => {
    const err = refusal(input);
    expect(err.code).toBe('BDD_INVALID_INPUT');
    expect(err.path).toBe(path);
    expect(err.message).toContain(path.replace(/\.(id|type|children|interactions)$/, ''));
  });

  // a plugin upload or inline JSON is anyone's JSON: every field generation reads is checked, so a wrong type is a
  // BddInputError naming it, never a TypeError deep inside the generator
  const screen = (extra: Record<string, unknown>) => ({ id: '0:1', type: 'CANVAS', name: 'P', children: [{ id: '1:1', type: 'FRAME', name: 'A', children: [{ id: '1:2', type: 'INSTANCE', ...extra }] }] });
  const go = (actions: unknown) => ({ interactions: [{ trigger: { type: 'ON_CLICK' }, actions }] });
  it.each([
    ['a name that is not a string', screen({ name: 5 }), 'page.children[0].children[0].name'],
    ['a null name', screen({ name: null }), 'page.children[0].children[0].name'],
    ['characters that are not a string', screen({ characters: ['x'] }), 'page.children[0].children[0].characters'],
    ['visible that is not a boolean', screen({ visible: 'no' }), 'page.children[0].children[0].visible'],
    ['a componentId that is not a string', screen({ componentId: 7 }), 'page.children[0].children[0].componentId'],
    ['a transitionNodeID that is not a string', screen({ transitionNodeID: 7 }), 'page.children[0].children[0].transitionNodeID'],
    ['strokes that are not an array', screen({ strokes: {} }), 'page.children[0].children[0].strokes'],
    ['a fill that is not an object', screen({ fills: [null] }), 'page.children[0].children[0].fills[0]'],
    ['componentProperties that are not objects', screen({ componentProperties: { Label: null } }), 'page.children[0].children[0].componentProperties.Label'],
    ['a hyperlink url that is not a string', screen({ style: { hyperlink: { type: 'URL', url: {} } } }), 'page.children[0].children[0].style.hyperlink.url'],
    ['a hyperlink nodeID that is not a string', screen({ style: { hyperlink: { type: 'NODE', nodeID: 1 } } }), 'page.children[0].children[0].style.hyperlink.nodeID'],
    ['actions that are not an array', screen(go(5)), 'page.children[0].children[0].interactions[0].actions'],
    ['an action that is not an object', screen(go([5])), 'page.children[0].children[0].interactions[0].actions[0]'],
    ['a navigation that is not a string', screen(go([{ type: 'NODE', destinationId: '1:1', navigation: 5 }])), 'page.children[0].children[0].interactions[0].actions[0].navigation'],
    ['conditional blocks that are not an array', screen(go([{ type: 'CONDITIONAL', conditionalBlocks: 5 }])), 'page.children[0].children[0].interactions[0].actions[0].conditionalBlocks'],
    ['a conditional block whose actions are not an array', screen(go([{ type: 'CONDITIONAL', conditionalBlocks: [{ actions: 5 }] }])), 'page.children[0].children[0].interactions[0].actions[0].conditionalBlocks[0].actions'],
    ['a trigger that is not an object', screen({ interactions: [{ trigger: 5, actions: [] }] }), 'page.children[0].children[0].interactions[0].trigger'],
    ['keyCodes that are not an array', screen({ interactions: [{ trigger: { type: 'ON_KEY_DOWN', keyCodes: 5 }, actions: [] }] }), 'page.children[0].children[0].interactions[0].trigger.keyCodes'],
    ['flowStartingPoints that are not an array', { id: '0:1', type: 'CANVAS', flowStartingPoints: {} }, 'page.flowStartingPoints'],
    ['a flow starting point without a string name', { id: '0:1', type: 'CANVAS', flowStartingPoints: [{ nodeId: '1:1', name: 1 }] }, 'page.flowStartingPoints[0].name'],
  ])('refuses %s, naming the field (%#)', (_what, input, path) => {
    const err = refusal(input);
    expect(err.path).toBe(path);
    expect(err.message).toContain(path);
    expect(() => generateFeature(input as never)).toThrow(BddInputError);
  });

  it('takes the nulls Figma sends (no trigger, a null action, no destination, no legacy link)', () => {
    const page = screen({ name: 'Go', transitionNodeID: null, interactions: [{ trigger: null, actions: [] }, { trigger: { type: 'ON_CLICK' }, actions: [null, { type: 'NODE', destinationId: null, navigation: 'NAVIGATE' }] }] });
    expect(checkPage(page)).toBe(page);
    expect(generateFeature(page as never).text).toContain('Feature: P');
  });

  it('a navigation Figma does not know (an Object property name included) is a screen change', () => {
    for (const navigation of ['__proto__', 'constructor', 'TELEPORT']) {
      const page = { id: '0:1', type: 'CANVAS', name: 'P', children: [{ id: '1:1', type: 'FRAME', name: 'A', children: [{ id: '1:2', type: 'TEXT', characters: 'Go', ...go([{ type: 'NODE', destinationId: '2:1', navigation }]) }] }, { id: '2:1', type: 'FRAME', name: 'B' }] };
      expect(generateFeature(page as never).text).toContain('Then I see the "B" screen');
    }
  });

  it('generateFeature skips component map entries that are not { name: string } instead of failing on them', () => {
    const page = { id: '0:1', type: 'CANVAS', name: 'P', children: [{ id: '1:1', type: 'FRAME', name: 'A', children: [{ id: '1:2', type: 'INSTANCE', name: 'Thing', componentId: '10:1' }, { id: '1:3', type: 'INSTANCE', name: 'Other', componentId: '10:2' }] }] };
    for (const index of [{ components: { '10:1': 5, '10:2': { name: null } } }, { components: { '10:1': { name: 'State=On', componentSetId: '10:0' } }, componentSets: { '10:0': { name: ['x'] } } }, { components: 7, componentSets: 'x' }]) {
      expect(generateFeature(page as never, index as never).stats.screens).toBe(1);
    }
  });

  it('refuses a tree deeper than 500 levels (the generator recurses), and takes one of 400', () => {
    const deep = (levels: number) => {
      let node: { id: string; type: string; children?: unknown[] } = { id: 'leaf', type: 'TEXT', characters: 'Deep' } as never;
      for (let i = 0; i < levels; i++) node = { id: `n${i}`, type: i === levels - 1 ? 'FRAME' : 'GROUP', children: [node] };
      return node;
    };
    expect(refusal(deep(20_000)).message).toBe('page: the tree is deeper than 500 levels');
    expect(generateFeature(deep(400) as FigmaNode).text).toContain('Then I see "Deep"');
  });

  it('generateFeature refuses a whole document: one page is asked for', () => {
    const doc = { id: '0:0', type: 'DOCUMENT', children: [{ id: '0:1', type: 'CANVAS', children: [] }] };
    expect(() => generateFeature(doc)).toThrow(BddInputError);
    expect(() => generateFeature(doc)).toThrow(/pass one of its pages/);
  });
});
