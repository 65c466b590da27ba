import { generateLargeFile } from '@cogo/fakes/samples';
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { ContextBuilder } from './context-builder';
import { compactInPieces } from './descend';
import type { RawNode } from './raw-node';
import { toJson } from './render-json';

class TooLarge extends Error {}

/** A Figma /nodes endpoint over `file` that refuses answers over `budget` characters, logging each request. */
function endpoint(file: ReturnType<typeof generateLargeFile>, budget: number) {
  const byId = new Map<string, RawNode>();
  const stack = [file.document as unknown as RawNode];
  while (stack.length) {
    const n = stack.pop()!;
    byId.set(n.id, n);
    stack.push(...(n.children ?? []));
  }
  const prune = (n: RawNode, depth: number | undefined): RawNode => {
    if (depth === undefined || !n.children) return n;
    if (depth <= 0) {
      const { children: _c, ...own } = n;
      return own as RawNode;
    }
    return { ...n, children: n.children.map((c) => prune(c, depth - 1)) };
  };
  const log: Array<{ ids: string[]; depth?: number; chars: number }> = [];
  const fetch = async (ids: string[], depth?: number) => {
    const nodes: Record<string, unknown> = {};
    for (const id of ids) nodes[id] = { document: prune(byId.get(id)!, depth), components: file.components, componentSets: {}, styles: {} };
    const text = JSON.stringify({ name: file.name, nodes });
    log.push({ ids, ...(depth ? { depth } : {}), chars: text.length });
    if (text.length > budget) throw new TooLarge();
    return JSON.parse(text) as GetFileNodesResponse;
  };
  return { fetch, log, byId };
}

describe('compactInPieces', () => {
  const file = generateLargeFile({ nodes: 2_500, frames: 'board', seed: 3 });
  const boardId = file.document.children[1]!.children[0]!.id;

  it('gives the chunk one whole answer gives — nodes, dictionaries, components, counts — every answer kept within the budget', async () => {
    const whole = endpoint(file, Number.POSITIVE_INFINITY);
    const reference = new ContextBuilder().addNodes(await whole.fetch([boardId]), 4);
    const budget = Math.floor(whole.log[0]!.chars / 40);
    const pieces = endpoint(file, budget);
    const got = await compactInPieces(new ContextBuilder(), boardId, { fetch: pieces.fetch, tooLarge: (e) => e instanceof TooLarge }, 4);
    expect(JSON.stringify(toJson(got.out))).toBe(JSON.stringify(toJson(reference)));
    expect(got.out).toEqual(reference);
    expect(got.calls).toBe(pieces.log.length);
    expect(pieces.log[0]).toMatchObject({ ids: [boardId], depth: 1 });
    const kept = pieces.log.filter((r) => r.chars <= budget);
    expect(kept.length).toBeGreaterThan(40);
    // a size that fitted is kept for the next group: few requests are wasted on splitting
    expect(pieces.log.length - kept.length).toBeLessThan(kept.length / 2);
    expect(got.meta.size).toBeGreaterThan(0);
  });

  it('continues the builder it is given: dictionary ids go on from earlier chunks, as after a whole answer', async () => {
    const whole = endpoint(file, Number.POSITIVE_INFINITY);
    const components = file.document.children[0]!.children.map((c) => c.id);
    const a = new ContextBuilder();
    a.addNodes(await whole.fetch(components), 0);
    const reference = a.addNodes(await whole.fetch([boardId]), 1);
    const boardChars = whole.log.at(-1)!.chars;
    const b = new ContextBuilder();
    b.addNodes(await whole.fetch(components), 0);
    const pieces = endpoint(file, Math.floor(boardChars / 10));
    const got = await compactInPieces(b, boardId, { fetch: pieces.fetch, tooLarge: (e) => e instanceof TooLarge }, 1);
    expect(got.out).toEqual(reference);
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  it('fails with the endpoint’s error when even a node’s own fields are over the budget', async () => {
    const pieces = endpoint(file, 200);
    await expect(compactInPieces(new ContextBuilder(), boardId, { fetch: pieces.fetch, tooLarge: (e) => e instanceof TooLarge })).rejects.toBeInstanceOf(TooLarge);
  });
});
