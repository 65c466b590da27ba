import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { FIRST_CHUNK_NODES, type Plan, planChunks } from './plan';
import { callAt, callsOf, splitChunk } from './plan-calls';

type Loose = { id: string; type: string; name?: string; visible?: boolean; children?: Loose[] };

function file(pages: Loose[]): GetFileResponse {
  return { name: 'F', document: { id: '0:0', type: 'DOCUMENT', name: 'Document', children: pages } } as unknown as GetFileResponse;
}

function frames(prefix: string, n: number, type = 'FRAME'): Loose[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}:${i + 1}`, type, name: `${type} ${i}` }));
}

function plan(skeleton: GetFileResponse | GetFileNodesResponse, options = {}): Plan {
  const r = planChunks(skeleton, options);
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

describe('planChunks on a depth=2 file skeleton', () => {
  const skeleton = file([
    {
      id: '0:1',
      type: 'CANVAS',
      name: 'Home',
      children: [
        { id: '1:1', type: 'FRAME', name: 'Desktop' },
        { id: '1:2', type: 'SECTION', name: 'Flows' },
        { id: '1:3', type: 'TEXT', name: 'Note' },
        { id: '1:4', type: 'FRAME', name: 'Hidden', visible: false },
        { id: '1:5', type: 'SLICE', name: 'Export' },
        { id: '1:6', type: 'COMPONENT_SET', name: 'Button' },
      ],
    },
    { id: '0:2', type: 'CANVAS', name: 'Scraps', children: [{ id: '2:1', type: 'GROUP' }, { id: '2:2', type: 'RECTANGLE' }] },
    { id: '0:3', type: 'CANVAS', name: 'Empty', children: [] },
  ]);

  it('makes pages with their frame counts and chunks in document order', () => {
    const p = plan(skeleton);
    expect(p.pages).toEqual([
      { id: '0:1', name: 'Home', frameCount: 3 },
      { id: '0:2', name: 'Scraps', frameCount: 0 },
      { id: '0:3', name: 'Empty', frameCount: 0 },
    ]);
    // Sections stay whole units (their children are beyond depth 2); hidden nodes and slices are skipped.
    expect(p.chunks).toEqual([
      { index: 0, pageId: '0:1', ids: ['1:1', '1:2', '1:3', '1:6'] },
      { index: 1, pageId: '0:2', ids: ['2:1', '2:2'] },
    ]);
    expect(p.sources).toEqual({ '0:1': 'frames', '0:2': 'renderable', '0:3': 'flattened' });
    expect(p.nodeCountEstimate).toBe(11);
  });

  it('falls back to flattened ids when a page has nothing renderable on top', () => {
    const p = plan(
      file([
        {
          id: '0:1',
          type: 'CANVAS',
          name: 'Odd',
          children: [{ id: '9:1', type: 'SLICE', children: [{ id: '9:2', type: 'VECTOR' }] }],
        },
      ]),
    );
    expect(p.sources['0:1']).toBe('flattened');
    expect(p.chunks).toEqual([{ index: 0, pageId: '0:1', ids: ['9:1', '9:2'] }]);
  });

  it('keeps chunks at ≤ maxNodesPerChunk ids and never mixes pages', () => {
    const p = plan(
      file([
        { id: '0:1', type: 'CANVAS', name: 'A', children: frames('1', 250) },
        { id: '0:2', type: 'CANVAS', name: 'B', children: frames('2', 30, 'COMPONENT') },
      ]),
    );
    // the plan's first chunk is small (FIRST_CHUNK_NODES): a quick first answer that teaches the sizes
    expect(p.chunks.map((c) => [c.pageId, c.ids.length])).toEqual([
      ['0:1', FIRST_CHUNK_NODES],
      ['0:1', 100],
      ['0:1', 100],
      ['0:1', 50 - FIRST_CHUNK_NODES],
      ['0:2', 30],
    ]);
    expect(p.chunks.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    expect(p.chunks[1]?.ids[0]).toBe(`1:${FIRST_CHUNK_NODES + 1}`);
    expect(p.chunks.every((c) => c.ids.length <= 100)).toBe(true);
  });

  it('honours custom limits and rejects impossible ones', () => {
    const p = plan(file([{ id: '0:1', type: 'CANVAS', name: 'A', children: frames('1', 7) }]), { maxNodesPerChunk: 3 });
    expect(p.chunks.map((c) => c.ids.length)).toEqual([3, 3, 1]);
    expect(planChunks(file([]), { maxNodesPerChunk: 600 })).toEqual({
      ok: false,
      code: 'bad-options',
      message: 'maxNodesPerChunk (600) cannot exceed maxIdsPerCall (500).',
    });
    expect(planChunks(file([]), { maxIdsPerCall: 0 })).toMatchObject({ ok: false, code: 'bad-options' });
  });
});

describe('planChunks scoped to a node id', () => {
  const nodesResponse = (document: Loose): GetFileNodesResponse =>
    ({ name: 'F', nodes: { [document.id]: { document, components: {}, componentSets: {}, styles: {} } } }) as unknown as GetFileNodesResponse;

  it('scans only the scoped frame, as one unit', () => {
    const p = plan(nodesResponse({ id: '5:1', type: 'FRAME', name: 'Screen', children: frames('6', 3) }), { nodeId: '5:1' });
    expect(p.pages).toEqual([]);
    expect(p.chunks).toEqual([{ index: 0, pageId: null, ids: ['5:1'] }]);
    expect(p.nodeCountEstimate).toBe(4);
  });

  it('plans the children of a node too large to fetch alone when asked to expand it', () => {
    const p = plan(nodesResponse({ id: '5:1', type: 'FRAME', name: 'Screen', children: frames('6', 3) }), {
      nodeId: '5:1',
      expandNode: true,
    });
    expect(p.chunks).toEqual([{ index: 0, pageId: null, ids: ['6:1', '6:2', '6:3'] }]);
  });

  it('plans a page id like a page', () => {
    const p = plan(nodesResponse({ id: '0:7', type: 'CANVAS', name: 'P', children: frames('7', 2) }), { nodeId: '0:7' });
    expect(p.pages).toEqual([{ id: '0:7', name: 'P', frameCount: 2 }]);
    expect(p.chunks).toEqual([{ index: 0, pageId: '0:7', ids: ['7:1', '7:2'] }]);
  });

  it('finds the node inside a file skeleton, and reports one it cannot find', () => {
    const skeleton = file([{ id: '0:1', type: 'CANVAS', name: 'A', children: frames('1', 3) }]);
    expect(plan(skeleton, { nodeId: '1:2' }).chunks).toEqual([{ index: 0, pageId: null, ids: ['1:2'] }]);
    expect(planChunks(skeleton, { nodeId: '42:42' })).toEqual({
      ok: false,
      code: 'node-not-found',
      message: 'node 42:42 is not in the file skeleton (depth=2 only holds pages and top-level frames).',
    });
  });
});

describe('callsOf / callAt', () => {
  const p = plan(file([{ id: '0:1', type: 'CANVAS', name: 'A', children: frames('1', 1234) }]), { firstChunkNodes: 100 });

  it('groups chunks into calls of ≤ 500 ids', () => {
    const calls = callsOf(p);
    expect(calls.map((c) => [c.chunks, c.idCount, c.nextChunk])).toEqual([
      [[0, 1, 2, 3, 4], 500, 5],
      [[5, 6, 7, 8, 9], 500, 10],
      [[10, 11, 12], 234, 13],
    ]);
    expect(calls.every((c) => c.idCount <= p.maxIdsPerCall)).toBe(true);
  });

  it('resumes from a chunk cursor', () => {
    expect(callAt(p, 7)).toEqual({ index: 0, chunks: [7, 8, 9, 10, 11], idCount: 500, nextChunk: 12 });
    expect(callAt(p, 13)).toBeNull();
  });
});

describe('splitChunk', () => {
  it('halves a chunk, keeping its index and page', () => {
    expect(splitChunk({ index: 4, pageId: '0:1', ids: ['a', 'b', 'c'] })).toEqual({
      ok: true,
      chunks: [
        { index: 4, pageId: '0:1', ids: ['a', 'b'] },
        { index: 4, pageId: '0:1', ids: ['c'] },
      ],
    });
  });

  it('reports a single id that is still too large', () => {
    const r = splitChunk({ index: 0, pageId: null, ids: ['9:1'] });
    expect(r).toMatchObject({ ok: false, code: 'single-node-too-large', id: '9:1' });
    expect(r.ok ? '' : r.message).toContain('Node 9:1 alone is too large');
  });
});
