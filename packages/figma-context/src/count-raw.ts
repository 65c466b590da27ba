/**
 * Raw counting for conformance and benches, deliberately independent of the compactor: it walks
 * every object of a response (like the peer's counter) instead of following `children`.
 */

export interface RawCounts {
  /** Objects with both `id` and `type`, VARIABLE_ALIAS excluded. */
  total: number;
  byType: Record<string, number>;
  /** Nodes not hidden themselves nor inside a hidden subtree. */
  visible: number;
  /** What the compact output must hold, by the same definitions as `Counts`. */
  keep: { pages: number; frames: number; components: number; instances: number; texts: number };
  /** Distinct variable ids referenced by visible nodes (anywhere inside them). */
  variableIds: Set<string>;
}

/** Counts the nodes of a raw response by type, and the visible pages/frames/components/instances/texts. */
export function countRaw(json: unknown): RawCounts {
  const out: RawCounts = {
    total: 0,
    byType: {},
    visible: 0,
    keep: { pages: 0, frames: 0, components: 0, instances: 0, texts: 0 },
    variableIds: new Set(),
  };
  const walk = (value: unknown, hidden: boolean, parentType: string | null): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, hidden, parentType);
      return;
    }
    const obj = value as Record<string, unknown>;
    let nextHidden = hidden;
    let nextParent = parentType;
    if (typeof obj.id === 'string' && typeof obj.type === 'string') {
      if (obj.type === 'VARIABLE_ALIAS') {
        if (!hidden) out.variableIds.add(obj.id);
        return;
      }
      const type = obj.type;
      out.total++;
      out.byType[type] = (out.byType[type] ?? 0) + 1;
      nextHidden = hidden || obj.visible === false;
      nextParent = type;
      if (!nextHidden) {
        out.visible++;
        if (type === 'CANVAS') out.keep.pages++;
        else if (type === 'FRAME' && (parentType === null || parentType === 'CANVAS' || parentType === 'SECTION')) out.keep.frames++;
        else if (type === 'COMPONENT' || type === 'COMPONENT_SET') out.keep.components++;
        else if (type === 'INSTANCE') out.keep.instances++;
        else if (type === 'TEXT') out.keep.texts++;
      }
    }
    for (const k in obj) walk(obj[k], nextHidden, nextParent);
  };
  walk(json, false, null);
  return out;
}
