import { describe, expect, it } from 'vitest';
import { countNodes, exportNodes, exportTargets } from '../src/lib/export-nodes';
import type { ExportedNode } from '../src/lib/protocol';
import { createFigmaStub } from './figma-stub';

const collect = async (gen: AsyncGenerator<ExportedNode>) => {
  const out: ExportedNode[] = [];
  for await (const n of gen) out.push(n);
  return out;
};

describe('node-by-node export', () => {
  it('loads the current page, then yields one JSON_REST_V1 entry per top-level node, in order', async () => {
    const stub = createFigmaStub();
    expect(stub.pages[0]!.loaded).toBe(false);
    const targets = await exportTargets(stub.host, 'page');
    expect(stub.pages[0]!.loaded).toBe(true);
    expect(stub.pages[1]!.loaded).toBe(false);
    const nodes = await collect(exportNodes(targets));
    const expected = stub.pages[0]!.children.map((n) => n.id);
    expect(nodes.map((n) => n.id)).toEqual(expected);
    expect(nodes.map((n) => n.entry.document.id)).toEqual(expected);
    expect(new Set(nodes.map((n) => n.pageId))).toEqual(new Set([stub.pages[0]!.id]));
    expect(countNodes(targets)).toBe(expected.length);
  });

  it('exports lazily: one exportAsync call per node pulled', async () => {
    const stub = createFigmaStub();
    const targets = await exportTargets(stub.host, 'page');
    let calls = 0;
    for (const node of stub.pages[0]!.children) {
      const real = node.exportAsync.bind(node);
      node.exportAsync = (s) => ((calls += 1), real(s));
    }
    const gen = exportNodes(targets);
    await gen.next();
    expect(calls).toBe(1);
    await gen.next();
    expect(calls).toBe(2);
  });

  it('file scope loads every page and exports all their top-level nodes', async () => {
    const stub = createFigmaStub();
    const nodes = await collect(exportNodes(await exportTargets(stub.host, 'file')));
    expect(stub.pages.every((p) => p.loaded)).toBe(true);
    expect(nodes.map((n) => n.id)).toEqual(stub.pages.flatMap((p) => p.children.map((c) => c.id)));
    expect(new Set(nodes.map((n) => n.pageName))).toEqual(new Set(stub.pages.map((p) => p.name)));
  });

  it('selection scope exports only the selected nodes', async () => {
    const stub = createFigmaStub();
    await stub.pages[0]!.loadAsync();
    const picked = stub.pages[0]!.children.slice(-1).map((n) => n.id);
    stub.select(picked);
    const nodes = await collect(exportNodes(await exportTargets(stub.host, 'selection')));
    expect(nodes.map((n) => n.id)).toEqual(picked);
  });

  it('a node whose export has no document fails, naming the node', async () => {
    const stub = createFigmaStub();
    const targets = await exportTargets(stub.host, 'page');
    const node = stub.pages[0]!.children[0]!;
    node.exportAsync = async () => new Uint8Array();
    await expect(collect(exportNodes(targets))).rejects.toThrow(`node ${node.id} (${node.name}): its JSON_REST_V1 export has no document`);
  });
});
