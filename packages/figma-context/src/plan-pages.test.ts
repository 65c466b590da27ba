import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { planChunks } from './plan';
import { layersOfPages, pagesPerCall, pagesToList, skeletonFromPages } from './plan-pages';

type Loose = { id: string; type: string; name?: string; visible?: boolean; fills?: unknown[]; children?: Loose[] };
const file = (pages: Loose[]) => ({ name: 'F', version: '1', document: { id: '0:0', type: 'DOCUMENT', name: 'Document', children: pages } }) as unknown as GetFileResponse;
const layers = (prefix: string, n: number): Loose[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}:${i + 1}`, type: i % 7 === 3 ? 'TEXT' : 'FRAME', name: `L${i}`, fills: [{ type: 'SOLID' }], ...(i % 11 === 5 ? { visible: false } : {}) }));

describe('planning from depth=1 and the pages listed in groups', () => {
  const pages: Loose[] = [
    { id: '0:1', type: 'CANVAS', name: 'A', children: layers('1', 230) },
    { id: '0:2', type: 'CANVAS', name: 'B', children: [] },
    { id: '0:3', type: 'CANVAS', name: 'C', children: [{ id: '3:1', type: 'SLICE' }, { id: '3:2', type: 'GROUP', name: 'g' }] },
    { id: '0:4', type: 'CANVAS', name: 'D', children: layers('4', 17) },
  ];
  const depth2 = file(pages);
  const depth1 = file(pages.map(({ children: _c, ...page }) => page));

  it('rebuilds the skeleton depth=2 gives: the same plan', () => {
    const ids = pagesToList(depth1).map((pg) => pg.id);
    expect(ids).toEqual(['0:1', '0:2', '0:3', '0:4']);
    const listed = new Map();
    // two calls of two pages, as Figma's nodes endpoint answers them at depth=1
    for (const group of [ids.slice(0, 2), ids.slice(2)]) {
      const response = { nodes: Object.fromEntries(group.map((id) => [id, { document: pages.find((pg) => pg.id === id) }])) } as unknown as GetFileNodesResponse;
      for (const [id, list] of layersOfPages(response, group)) listed.set(id, list);
    }
    const rebuilt = skeletonFromPages(depth1, listed);
    const a = planChunks(rebuilt);
    const b = planChunks(depth2);
    expect(a).toEqual(b);
    expect(a.ok && a.plan.chunks.length).toBe(6); // page A: the small first chunk, then 100, 100 and the rest
    // only what planning reads is kept of each layer
    expect((rebuilt.document.children[0] as unknown as Loose).children![0]).toEqual({ id: '1:1', type: 'FRAME', name: 'L0' });
  });

  it('maps a page the response lacks (null) to no layers', () => {
    const response = { nodes: { '0:1': null } } as unknown as GetFileNodesResponse;
    expect(layersOfPages(response, ['0:1', '0:9'])).toEqual(new Map([['0:1', []], ['0:9', []]]));
  });

  it('sizes groups to the budget at the measured bytes per page, half of the rest before any measure', () => {
    expect(pagesPerCall(1_000_000, 150, { bytes: 0, pages: 0 })).toBe(75);
    expect(pagesPerCall(1_000_000, 150, { bytes: 200_000, pages: 10 })).toBe(40); // 20 kB a page, 800 kB a call
    expect(pagesPerCall(1_000_000, 12, { bytes: 200_000, pages: 10 })).toBe(12);
    expect(pagesPerCall(1_000_000, 40, { bytes: 5_000_000, pages: 2 })).toBe(1); // one page over the fill: still one
    expect(pagesPerCall(1_000_000, 1, { bytes: 0, pages: 0 })).toBe(1);
  });
});
