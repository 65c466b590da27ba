/**
 * What the product stores from a chunk: its components, component sets and top-level frames, with
 * deterministic fields only (ids, names, types, props — no sizes or styles that churn).
 */
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { TYPE_CODES, type ChunkOutput, type CompactContext, type CompactNode, type Counts, type PropertyDef } from './compact-types';
import { formatVariantName, parseVariantName } from './names';

export interface StoredItem {
  id: string;
  name: string;
  type: 'COMPONENT' | 'COMPONENT_SET' | 'FRAME';
  /** The page the item sits on, when the chunk holds pages or the plan said so. */
  pageId?: string;
  /** Enclosing component set id, for variants. */
  setId?: string;
  /** Published component key, when the response's `components` map has it. */
  key?: string;
  props: { variant?: Record<string, string>; definitions?: Record<string, PropertyDef> };
  /** Ids from the page's top-level layer down to the item's parent; only when `extractComponents` got a `root`. */
  ancestors?: string[];
}

/**
 * Where a chunk's top nodes sit in the file. A node-scoped job's chunk starts at the scoped node, not at a
 * page's top level: its items are what a whole-file job would store for the same nodes only when told the
 * node's ancestors (from the page's top-level layer down) and its parent's Figma type.
 */
export interface ChunkRoot {
  ancestors: readonly string[];
  /** CANVAS (top-level nodes, the default), SECTION, FRAME, COMPONENT_SET, … */
  parentType?: string;
}

export interface Extracted {
  items: StoredItem[];
  counts: Pick<Counts, 'pages' | 'frames' | 'components' | 'instances' | 'texts'>;
}

const KINDS: Readonly<Record<string, StoredItem['type']>> = { C: 'COMPONENT', CS: 'COMPONENT_SET', F: 'FRAME' };

/**
 * Lists a chunk's (or context's) components, component sets and top-level frames in document order. With
 * `root`, each item also carries its ancestors, and the chunk's top nodes are judged by their real parent.
 */
export function extractComponents(chunk: ChunkOutput | CompactContext, pageId?: string, root?: ChunkRoot): Extracted {
  const items: StoredItem[] = [];
  const rootParent = root ? ({ id: root.ancestors.at(-1) ?? '', t: TYPE_CODES[root.parentType ?? 'CANVAS'] ?? root.parentType } as CompactNode) : null;
  // the ids above the node being visited (one shared stack: copied only for the items kept)
  const path: string[] = [];
  const visit = (n: CompactNode, parent: CompactNode | null, page: string | undefined) => {
    const kind = KINDS[n.t];
    const topFrame = n.t === 'F' && (parent === null || parent.t === 'page' || parent.t === 'S');
    if (kind !== undefined && (kind !== 'FRAME' || topFrame)) {
      const item: StoredItem = { id: n.id, name: n.n ?? (n.vp ? formatVariantName(n.vp) : ''), type: kind, props: {} };
      if (page !== undefined) item.pageId = page;
      if (n.t === 'C' && parent?.t === 'CS') item.setId = parent.id;
      const key = chunk.components[n.id]?.key;
      if (key !== undefined) item.key = key;
      // a variant fetched on its own was compacted without its set, so its variant props are still in its name
      const vp = n.vp ?? (item.setId !== undefined && n.n ? parseVariantName(n.n) : null);
      if (vp) item.props.variant = vp;
      if (n.propDefs) item.props.definitions = n.propDefs;
      if (root) item.ancestors = path.slice();
      items.push(item);
    }
    if (!n.ch) return;
    const childPage = n.t === 'page' ? n.id : page;
    // a page starts the paths below it; any other node is an ancestor of its children
    const above = n.t === 'page' ? path.splice(0) : null;
    if (above === null) path.push(n.id);
    for (const c of n.ch) visit(c, n, childPage);
    if (above === null) path.pop();
    else path.push(...above);
  };
  for (const n of chunk.nodes) {
    path.length = 0;
    if (root && n.t !== 'page') path.push(...root.ancestors);
    visit(n, n.t === 'page' ? null : rootParent, pageId);
  }
  const { pages, frames, components, instances, texts } = chunk.counts;
  return { items, counts: { pages, frames, components, instances, texts } };
}

/**
 * Published keys of the components a raw nodes response defines or uses. A chunk's compact output lists only
 * the components first seen in it, so a component met earlier (through an instance) would lose its key and
 * its stored item would depend on chunk order; the raw response always has it.
 */
export function componentKeysOf(response: GetFileNodesResponse): Map<string, string> {
  const keys = new Map<string, string>();
  for (const entry of Object.values(response.nodes ?? {})) {
    for (const [id, meta] of Object.entries(entry?.components ?? {})) if (typeof meta?.key === 'string' && meta.key) keys.set(id, meta.key);
  }
  return keys;
}
