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
