/**
 * Small inline Figma inputs for the compaction unit tests (hand-written JSON, not fixtures).
 */
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import type { CompactContext, CompactNode } from './compact-types';
import { compact } from './context-builder';
import type { VariablesInput } from './variables';

export type Json = Record<string, unknown>;

export const RED = { type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } };
export const BLUE = { type: 'SOLID', color: { r: 0, g: 0, b: 1, a: 1 } };

/** An absoluteBoundingBox field. */
export function box(x: number, y: number, width: number, height: number) {
  return { absoluteBoundingBox: { x, y, width, height } };
}

/** A nodes response with one entry per document. */
export function nodes(documents: Json[], meta: Json = {}): GetFileNodesResponse {
  const entries: Json = {};
  for (const d of documents) entries[d.id as string] = { document: d, components: {}, componentSets: {}, styles: {}, ...meta };
  return { name: 'Test file', nodes: entries } as unknown as GetFileNodesResponse;
}

/** Compacts the documents as one nodes response. */
export function run(documents: Json[], meta: Json = {}, variables?: VariablesInput): CompactContext {
  return compact(nodes(documents, meta), variables ? { variables } : {});
}

/** The single root of a context. */
export function only(ctx: CompactContext): CompactNode {
  const n = ctx.nodes[0];
  if (!n || ctx.nodes.length !== 1) throw new Error(`expected one root, got ${ctx.nodes.length}`);
  return n;
}

/** The i-th kept child of a node. */
export function child(n: CompactNode, i = 0): CompactNode {
  const c = n.ch?.[i];
  if (!c) throw new Error(`no child ${i} in ${n.id}`);
  return c;
}
