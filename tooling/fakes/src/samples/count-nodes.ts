// Node counting over a file or subtree, by type: what tests and benchmarks compare.
import type { GetFileResponse, Node } from '@figma/rest-api-spec';

export interface NodeCounts {
  total: number;
  byType: Record<string, number>;
}

/** Counts the nodes of a file's document (DOCUMENT included) or of a subtree, by type. */
export function countNodes(source: GetFileResponse | Node): NodeCounts {
  const root = 'document' in source ? source.document : source;
  const byType: Record<string, number> = {};
  let total = 0;
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    total += 1;
    byType[node.type] = (byType[node.type] ?? 0) + 1;
    const children = (node as { children?: Node[] }).children;
    if (children !== undefined) for (const child of children) stack.push(child);
  }
  return { total, byType };
}
