/**
 * Where a node-scoped job's node sits (issue 8 #2): its real page, and the ids between that page and it.
 * A nodes response does not say, so it is read from `GET /v1/files/:key?ids=<node>&depth=D`, which returns
 * the document pruned to the paths to the node. Two documented quirks make the path the only evidence: every
 * page comes back whether or not it holds the node, and so do the local main components the node's instances
 * use, with their ancestors. So the node itself must be found; `depth` counts from the document, and the
 * node's depth is unknown, so the lookup starts shallow (top-level frames, the usual target, cost one call)
 * and goes deeper in steps of three levels — an overshoot returns at most the two levels below the node that
 * the depth-2 skeleton already held.
 */
import type { GetFileResponse } from '@figma/rest-api-spec';
import type { RawNode } from './raw-node';

/** The first lookup depth: pages and their top-level layers. */
export const SCOPE_LOOKUP_FIRST_DEPTH = 2;
/** Levels added per further lookup. */
export const SCOPE_LOOKUP_STEP = 3;
/** Deeper than any real file nests; past it the lookup gives up. */
export const SCOPE_LOOKUP_MAX_DEPTH = 128;

export interface NodePlace {
  pageId: string;
  pageName: string;
  /** Ids from the page's top-level layer down to the node's parent (empty for a top-level node). */
  ancestors: string[];
  /** Figma type of the node's parent (CANVAS for a top-level node). */
  parentType: string;
}

/** `found` with the node's place; `deeper` when paths reach `depth` without it; `absent` when none does. */
export type PlaceResult = { kind: 'found'; place: NodePlace } | { kind: 'deeper' } | { kind: 'absent' };

/** Finds `nodeId` in a `?ids=<nodeId>&depth=<depth>` file response. */
export function placeOf(file: GetFileResponse, nodeId: string, depth: number): PlaceResult {
  const doc = file.document as unknown as RawNode;
  let reachesDepth = false;
  const stack: Array<{ node: RawNode; path: RawNode[] }> = (doc.children ?? []).map((page) => ({ node: page, path: [] }));
  stack.reverse();
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node, path } = entry;
    if (node.id === nodeId) {
      const page = path[0];
      if (page === undefined) return { kind: 'found', place: { pageId: node.id, pageName: node.name ?? '', ancestors: [], parentType: 'DOCUMENT' } };
      return { kind: 'found', place: { pageId: page.id, pageName: page.name ?? '', ancestors: path.slice(1).map((n) => n.id), parentType: path.at(-1)!.type } };
    }
    // path.length + 1 is the node's level (pages are level 1)
    if (path.length + 1 >= depth) reachesDepth = true;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, path: [...path, node] });
  }
  return reachesDepth ? { kind: 'deeper' } : { kind: 'absent' };
}

/** The lookup depth after `depth`, or null past the limit. */
export function nextLookupDepth(depth: number): number | null {
  const next = depth + SCOPE_LOOKUP_STEP;
  return next > SCOPE_LOOKUP_MAX_DEPTH ? null : next;
}
