import { createHash } from 'node:crypto';
import type { GetFileResponse, Node } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { serializeJsonChunks } from '../http/json-chunks';
import { countNodes } from './count-nodes';
import { generateLargeFile } from './large-file';

/** sha256 of the whole serialised file. */
function digest(file: GetFileResponse): string {
  const hash = createHash('sha256');
  for (const chunk of serializeJsonChunks(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** sha256 over every node's id, type, name, text and box: cheap enough for 200k nodes. */
function structureDigest(file: GetFileResponse): string {
  const hash = createHash('sha256');
  const stack: Node[] = [file.document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const box = (node as { absoluteBoundingBox?: unknown }).absoluteBoundingBox;
    const characters = node.type === 'TEXT' ? node.characters : '';
    hash.update(`${node.id}|${node.type}|${node.name}|${characters}|${JSON.stringify(box)}\n`);
    const children = (node as { children?: Node[] }).children;
    if (children !== undefined) stack.push(...children);
  }
  return hash.digest('hex');
}

describe('generateLargeFile', () => {
  it('builds ~200k nodes (±5%), the same nodes for the same seed', () => {
    const first = generateLargeFile({ nodes: 200_000, seed: 42 });
    const counts = countNodes(first);
    expect(counts.total).toBeGreaterThanOrEqual(190_000);
    expect(counts.total).toBeLessThanOrEqual(210_000);
    const second = generateLargeFile({ nodes: 200_000, seed: 42 });
    expect(countNodes(second)).toEqual(counts);
    expect(structureDigest(second)).toBe(structureDigest(first));
  });

  it('is byte-for-byte identical for the same options', () => {
    expect(digest(generateLargeFile({ nodes: 20_000, seed: 9 }))).toBe(digest(generateLargeFile({ nodes: 20_000, seed: 9 })));
  });

  it('mixes pages, nested auto-layout frames, texts, shapes and instances with valid component ids', () => {
    const file = generateLargeFile({ nodes: 20_000, seed: 3 });
    const { byType, total } = countNodes(file);
    expect(Math.abs(total - 20_000)).toBeLessThanOrEqual(1_000);
    expect(byType.CANVAS).toBeGreaterThanOrEqual(2);
    for (const type of ['FRAME', 'TEXT', 'RECTANGLE', 'INSTANCE', 'COMPONENT']) expect(byType[type] ?? 0, type).toBeGreaterThan(0);
    expect(JSON.stringify(file).match(/"componentId":"([^"]+)"/g)?.every((match) => {
      const id = match.slice('"componentId":"'.length, -1);
      return file.components[id] !== undefined;
    })).toBe(true);
  });

  it('differs between seeds', () => {
    expect(digest(generateLargeFile({ nodes: 5_000, seed: 1 }))).not.toBe(digest(generateLargeFile({ nodes: 5_000, seed: 2 })));
  });

  it('spreads many small top-level frames over the pages asked for (frames: cards)', () => {
    const file = generateLargeFile({ nodes: 30_000, pages: 150, frames: 'cards', seed: 4 });
    const content = file.document.children.slice(1);
    expect(content).toHaveLength(150);
    const perPage = content.map((page) => page.children.length);
    expect(Math.min(...perPage)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...perPage) - Math.min(...perPage)).toBeLessThanOrEqual(1);
    const frames = perPage.reduce((a, b) => a + b, 0);
    expect(frames).toBeGreaterThan(5_000);
    for (const page of content) for (const card of page.children) expect(card.type).toBe('FRAME');
    expect(Math.abs(countNodes(file).total - 30_000)).toBeLessThanOrEqual(10);
    expect(digest(generateLargeFile({ nodes: 30_000, pages: 150, frames: 'cards', seed: 4 }))).toBe(digest(file));
  });
});

describe('generateLargeFile (frames: board)', () => {
  it('puts every screen in one top-level frame on one content page, the node count still ~N', () => {
    const file = generateLargeFile({ nodes: 20_000, frames: 'board', seed: 5 });
    const content = file.document.children.slice(1);
    expect(content).toHaveLength(1);
    expect(content[0]!.children).toHaveLength(1);
    const board = content[0]!.children[0] as { type: string; children: Array<{ name: string }> };
    expect(board.type).toBe('FRAME');
    expect(board.children.length).toBeGreaterThan(10);
    expect(board.children.every((s) => s.name.startsWith('Screen '))).toBe(true);
    expect(Math.abs(countNodes(file).total - 20_000)).toBeLessThanOrEqual(1_000);
    expect(digest(generateLargeFile({ nodes: 20_000, frames: 'board', seed: 5 }))).toBe(digest(file));
  });
});
