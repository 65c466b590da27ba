/**
 * What the product stores from a chunk: its components, component sets and top-level frames, with
 * deterministic fields only (ids, names, types, props — no sizes or styles that churn).
 */
import type { ChunkOutput, CompactContext, CompactNode, Counts, PropertyDef } from './compact-types';
import { formatVariantName } from './names';

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
}

export interface Extracted {
  items: StoredItem[];
  counts: Pick<Counts, 'pages' | 'frames' | 'components' | 'instances' | 'texts'>;
}

const KINDS: Readonly<Record<string, StoredItem['type']>> = { C: 'COMPONENT', CS: 'COMPONENT_SET', F: 'FRAME' };

/** Lists a chunk's (or context's) components, component sets and top-level frames in document order. */
export function extractComponents(chunk: ChunkOutput | CompactContext, pageId?: string): Extracted {
  const items: StoredItem[] = [];
  const visit = (n: CompactNode, parent: CompactNode | null, page: string | undefined) => {
    const kind = KINDS[n.t];
    const topFrame = n.t === 'F' && (parent === null || parent.t === 'page' || parent.t === 'S');
    if (kind !== undefined && (kind !== 'FRAME' || topFrame)) {
      const item: StoredItem = { id: n.id, name: n.n ?? (n.vp ? formatVariantName(n.vp) : ''), type: kind, props: {} };
      if (page !== undefined) item.pageId = page;
      if (n.t === 'C' && parent?.t === 'CS') item.setId = parent.id;
      const key = chunk.components[n.id]?.key;
      if (key !== undefined) item.key = key;
      if (n.vp) item.props.variant = n.vp;
      if (n.propDefs) item.props.definitions = n.propDefs;
      items.push(item);
    }
    const childPage = n.t === 'page' ? n.id : page;
    if (n.ch) for (const c of n.ch) visit(c, n, childPage);
  };
  for (const n of chunk.nodes) visit(n, null, pageId);
  const { pages, frames, components, instances, texts } = chunk.counts;
  return { items, counts: { pages, frames, components, instances, texts } };
}
