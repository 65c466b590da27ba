// The `depth` and `ids` query parameters of GET /v1/files/:key and /nodes, as Figma applies them.
// depth=N keeps N levels below the root; nodes on the last kept level lose their `children` key entirely
// (that is how the API marks a truncated subtree). Pruning copies only the nodes it changes.
import type { DocumentNode, Node } from '@figma/rest-api-spec';
import { childrenOf } from './node-index';
import type { NodeIndex } from './node-index';

/** Returns `node` with at most `depth` levels of descendants; depth undefined returns the node unchanged. */
export function pruneDepth<T extends Node>(node: T, depth: number | undefined): T {
  if (depth === undefined) return node;
  if (!('children' in node)) return node;
  if (depth <= 0) {
    const { children: _dropped, ...rest } = node as T & { children: unknown };
    // The API itself returns such nodes without `children`, which the spec's types do not model.
    return rest as unknown as T;
  }
  return { ...node, children: childrenOf(node).map((child) => pruneDepth(child, depth - 1)) };
}

/**
 * Keeps only what is needed to reach the requested nodes, as Figma's `ids` parameter does: each found node with
 * its whole subtree, its ancestors, and — as Figma documents — the nodes its subtree depends on (the local main
 * component of each instance, recursively) with their ancestors too. For historical reasons Figma also returns
 * every top-level page, whether or not it is on a path: such a page comes back with no children. Unknown ids
 * are ignored; the document itself is always returned.
 */
export function filterToIds(document: DocumentNode, index: NodeIndex, ids: readonly string[]): DocumentNode {
  if (ids.includes(document.id)) return document;
  const whole = new Set<string>();
  const onPath = new Set<string>();
  const pending = ids.filter((id) => index.has(id));
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (whole.has(id)) continue;
    whole.add(id);
    for (let parent = index.get(id)?.parentId; parent !== undefined; parent = index.get(parent)?.parentId) {
      if (onPath.has(parent)) break;
      onPath.add(parent);
    }
    const stack: Node[] = [index.get(id)!.node];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node.type === 'INSTANCE' && index.has(node.componentId) && !whole.has(node.componentId)) pending.push(node.componentId);
      stack.push(...childrenOf(node));
    }
  }
  const keep = (node: Node): Node => {
    if (whole.has(node.id)) return node;
    const kept = childrenOf(node).filter((child) => whole.has(child.id) || onPath.has(child.id));
    return { ...node, children: kept.map(keep) } as Node;
  };
  const pages = childrenOf(document).map((page) => (whole.has(page.id) || onPath.has(page.id) ? keep(page) : { ...page, children: [] }));
  return { ...document, children: pages } as DocumentNode;
}
