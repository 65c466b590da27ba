/**
 * JSON rendering: the context as a plain object, with empty dictionaries left out so a chunk that
 * introduced no styles costs nothing for them.
 */
import type { CompactContext, ComponentRef, Counts, Defs } from './compact-types';

export interface CompactJson {
  v: 1;
  name?: string;
  index?: number;
  nodes: CompactContext['nodes'];
  defs?: Partial<Defs>;
  components?: Record<string, ComponentRef>;
  counts: Counts;
  missing?: string[];
}

/** The JSON-ready form of a context or chunk (empty dictionaries omitted). */
export function toJson(ctx: CompactContext & { index?: number }): CompactJson {
  const out: CompactJson = { v: 1, nodes: ctx.nodes, counts: ctx.counts };
  if (ctx.name !== undefined) out.name = ctx.name;
  if (ctx.index !== undefined) out.index = ctx.index;
  const defs: Partial<Defs> = {};
  let anyDefs = false;
  for (const k of Object.keys(ctx.defs) as (keyof Defs)[]) {
    const d = ctx.defs[k];
    for (const _ in d) {
      (defs as Record<string, unknown>)[k] = d;
      anyDefs = true;
      break;
    }
  }
  if (anyDefs) out.defs = defs;
  for (const _ in ctx.components) {
    out.components = ctx.components;
    break;
  }
  if (ctx.missing && ctx.missing.length > 0) out.missing = ctx.missing;
  return out;
}

/** Reads a JSON rendering back into a context (missing dictionaries become empty). */
export function fromJson(json: CompactJson): CompactContext {
  const ctx: CompactContext = {
    v: 1,
    nodes: json.nodes,
    defs: { paints: {}, effects: {}, text: {}, layouts: {}, vars: {}, ...json.defs },
    components: json.components ?? {},
    counts: json.counts,
  };
  if (json.name !== undefined) ctx.name = json.name;
  if (json.missing) ctx.missing = json.missing;
  return ctx;
}
