// get_metadata's outline: a design's tree as far as a skeleton read shows it (a file: pages and their top-level
// layers; a node: two levels down), one line per node with its id, type, name, size and how many children it has —
// what an agent picks a node from before asking for its context.
import { ApiError } from '../../lib/errors';

/** A node of the outline. */
export interface OutlineNode {
  id: string;
  name: string;
  type: string;
  depth: number;
  width: number | null;
  height: number | null;
  /** Its children in the file (null: not read at this depth). */
  children: number | null;
}

interface Raw {
  id?: string;
  name?: string;
  type?: string;
  children?: Raw[];
  absoluteBoundingBox?: { width?: number; height?: number } | null;
}

const round = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) / 100 : null);

/** The nodes under `root` (a document: its pages first, without the document itself), depth first, in the file's order. */
export function outlineOf(root: unknown, nodeId: string | null): { name: string | null; nodes: OutlineNode[] } {
  const top = root as Raw | undefined | null;
  if (!top || typeof top !== 'object') throw new ApiError('FIGMA_NOT_FOUND', nodeId ? `node ${nodeId} is not in the file` : 'the file has no document');
  const nodes: OutlineNode[] = [];
  const walk = (n: Raw, depth: number) => {
    nodes.push({
      id: String(n.id ?? ''),
      name: String(n.name ?? ''),
      type: String(n.type ?? ''),
      depth,
      width: round(n.absoluteBoundingBox?.width),
      height: round(n.absoluteBoundingBox?.height),
      children: Array.isArray(n.children) ? n.children.length : null,
    });
    for (const child of n.children ?? []) walk(child, depth + 1);
  };
  if (nodeId === null) for (const page of top.children ?? []) walk(page, 0);
  else walk(top, 0);
  return { name: top.name ?? null, nodes };
}

const lineOf = (n: OutlineNode) => {
  const size = n.width !== null && n.height !== null ? ` ${n.width}×${n.height}` : '';
  const kids = n.children ? ` (${n.children} children)` : '';
  return `${'  '.repeat(n.depth)}${n.type} ${n.id} ${JSON.stringify(n.name)}${size}${kids}\n`;
};

/** The outline as lines within `maxBytes` (UTF-8), and how many nodes they show; what is left is named, never dropped silently. */
export function outlineText(nodes: OutlineNode[], maxBytes: number): { text: string; shown: number } {
  const encoder = new TextEncoder();
  const tail = (left: number) => `[${left} more nodes: call get_metadata with the node_id of a page or frame above to see them]\n`;
  let text = '';
  let bytes = 0;
  for (let i = 0; i < nodes.length; i++) {
    const line = lineOf(nodes[i]!);
    const size = encoder.encode(line).length;
    if (bytes + size + (i + 1 < nodes.length ? 120 : 0) > maxBytes) return { text: text + tail(nodes.length - i), shown: i };
    text += line;
    bytes += size;
  }
  return { text, shown: nodes.length };
}
