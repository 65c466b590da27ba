import type { GetFileResponse } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { nextLookupDepth, placeOf, SCOPE_LOOKUP_FIRST_DEPTH } from './plan-scope';

type Loose = { id: string; type: string; name?: string; children?: Loose[] };
const file = (pages: Loose[]) => ({ document: { id: '0:0', type: 'DOCUMENT', children: pages } }) as unknown as GetFileResponse;

// what Figma answers for ?ids=5:3&depth=4: every page (an empty one off the path), and the main component
// an instance under 5:3 uses — with its own ancestors — on another page
const quirky = file([
  { id: '0:1', type: 'CANVAS', name: 'Library', children: [{ id: '9:1', type: 'COMPONENT_SET', children: [{ id: '9:2', type: 'COMPONENT', children: [] }] }] },
  { id: '0:2', type: 'CANVAS', name: 'Screens', children: [{ id: '5:1', type: 'SECTION', children: [{ id: '5:2', type: 'FRAME', children: [{ id: '5:3', type: 'FRAME' }] }] }] },
  { id: '0:3', type: 'CANVAS', name: 'Archive', children: [] },
]);

describe('placeOf: the real page of a scoped node', () => {
  it('finds the node itself, not the first page with children', () => {
    expect(placeOf(quirky, '5:3', 4)).toEqual({ kind: 'found', place: { pageId: '0:2', pageName: 'Screens', ancestors: ['5:1', '5:2'], parentType: 'FRAME' } });
    expect(placeOf(quirky, '5:1', 4)).toEqual({ kind: 'found', place: { pageId: '0:2', pageName: 'Screens', ancestors: [], parentType: 'CANVAS' } });
    expect(placeOf(quirky, '0:3', 4)).toEqual({ kind: 'found', place: { pageId: '0:3', pageName: 'Archive', ancestors: [], parentType: 'DOCUMENT' } });
  });

  it('says to look deeper while paths reach the depth asked, and absent when none does', () => {
    const cut = file([{ id: '0:2', type: 'CANVAS', name: 'Screens', children: [{ id: '5:1', type: 'SECTION' }] }, { id: '0:3', type: 'CANVAS', children: [] }]);
    expect(placeOf(cut, '5:3', SCOPE_LOOKUP_FIRST_DEPTH)).toEqual({ kind: 'deeper' });
    expect(placeOf(quirky, '7:7', 5)).toEqual({ kind: 'absent' });
    expect(nextLookupDepth(2)).toBe(5);
    expect(nextLookupDepth(127)).toBeNull();
  });
});
