import { describe, expect, it } from 'vitest';
import { applyRenames, childrenSummary, collectLayers, renamePreview } from '../src/lib/rename';
import type { LayerNode } from '../src/lib/figma-host';
import { createFigmaStub } from './figma-stub';

const firstFrame = async () => {
  const stub = createFigmaStub();
  await stub.pages[0]!.loadAsync();
  return { stub, frame: stub.pages[0]!.children.find((n) => (n.children?.length ?? 0) > 0)! };
};

const walk = (n: LayerNode, out: LayerNode[] = []) => (out.push(n), n.children?.forEach((c) => walk(c, out)), out);

describe('rename layers', () => {
  it('collects the selection depth-first with each layer’s parents as its path', async () => {
    const { frame } = await firstFrame();
    const layers = collectLayers([frame]);
    const all = walk(frame);
    expect(layers.map((l) => l.id)).toEqual(all.map((n) => n.id));
    expect(layers[0]).toMatchObject({ id: frame.id, name: frame.name, type: frame.type, path: '' });
    const child = frame.children![0]!;
    expect(layers.find((l) => l.id === child.id)!.path).toBe(frame.name);
    const text = all.find((n) => n.type === 'TEXT' && n.characters);
    expect(text, 'the sample frame has a text layer').toBeDefined();
    expect(layers.find((l) => l.id === text!.id)!.text).toBe(text!.characters);
    expect(layers[0]!.children_summary).toBe(childrenSummary(frame.children!));
  });

  it('stops at the limit', async () => {
    const { frame } = await firstFrame();
    expect(collectLayers([frame], 3).map((l) => l.id)).toEqual(walk(frame).slice(0, 3).map((n) => n.id));
  });

  it('summarises children by type', () => {
    const kids = [{ type: 'TEXT' }, { type: 'TEXT' }, { type: 'VECTOR' }].map((k, i) => ({ ...k, id: String(i), name: 'n' }));
    expect(childrenSummary(kids)).toBe('2 texts, vector');
    expect(childrenSummary([])).toBeUndefined();
  });

  it('previews only the names that change', () => {
    const rows = renamePreview({ layers: [{ id: '1', old_name: 'Frame 1', name: 'Hero' }, { id: '2', old_name: 'Logo', name: 'Logo' }] });
    expect(rows).toEqual([{ id: '1', oldName: 'Frame 1', newName: 'Hero' }]);
  });

  it('applies every name, then commits them as one undo step; missing ids are reported', async () => {
    const { stub, frame } = await firstFrame();
    const [a, b] = walk(frame);
    const result = await applyRenames(stub.host, [
      { id: a!.id, name: 'Hero section' },
      { id: b!.id, name: 'Hero title' },
      { id: '999:999', name: 'Ghost' },
    ]);
    expect(result).toEqual({ renamed: 2, missing: ['999:999'] });
    expect(stub.log.commits).toHaveLength(1);
    expect(stub.log.commits[0]![a!.id]).toBe('Hero section');
    expect(stub.log.commits[0]![b!.id]).toBe('Hero title');
  });

  it('commits nothing when nothing was renamed', async () => {
    const { stub } = await firstFrame();
    expect(await applyRenames(stub.host, [{ id: '999:1', name: 'x' }])).toEqual({ renamed: 0, missing: ['999:1'] });
    expect(stub.log.commits).toHaveLength(0);
  });
});
