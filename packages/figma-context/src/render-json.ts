/**
 * JSON rendering: the context as a plain object, with empty dictionaries left out so a chunk that
 * introduced no styles costs nothing for them. With `dedupe`, repeated subtrees and binding sets are
 * written once (`defs.tpl`, `defs.binds`, see dedupe.ts); `fromJson` expands them back.
 */
import type { BoundSetMap, ChunkOutput, CompactContext, ComponentRef, Counts, Defs, WireNode } from './compact-types';
import { dedupe, expandDeduped } from './dedupe';

export interface CompactJson {
  v: 1;
  name?: string;
  index?: number;
  nodes: WireNode[];
  defs?: Partial<Defs> & { tpl?: Record<string, WireNode>; binds?: BoundSetMap };
  components?: Record<string, ComponentRef>;
  counts: Counts;
  missing?: string[];
  /** See ChunkOutput.under: this part's nodes go under that node of an earlier part. */
  under?: string;
}

export interface RenderOptions {
  /** Write repeated subtrees as templates and repeated binding sets once (default: false for JSON). */
  dedupe?: boolean;
  /**
   * Text: choose templates over each run of this many top-level nodes in turn (a paged context's chunks), not over
   * the whole tree; each run's templates are numbered on from the runs before.
   */
  dedupePer?: readonly number[];
}

/** The JSON-ready form of a context or chunk (empty dictionaries omitted). */
export function toJson(ctx: CompactContext & { index?: number; under?: string }, options: RenderOptions = {}): CompactJson {
  const d = options.dedupe ? dedupe(ctx.nodes) : null;
  const out: CompactJson = { v: 1, nodes: d ? d.nodes : ctx.nodes, counts: ctx.counts };
  if (ctx.name !== undefined) out.name = ctx.name;
  if (ctx.index !== undefined) out.index = ctx.index;
  if (ctx.under !== undefined) out.under = ctx.under;
  const defs: NonNullable<CompactJson['defs']> = {};
  let anyDefs = false;
  for (const k of Object.keys(ctx.defs) as (keyof Defs)[]) {
    const dict = ctx.defs[k];
    for (const _ in dict) {
      (defs as Record<string, unknown>)[k] = dict;
      anyDefs = true;
      break;
    }
  }
  if (d) {
    for (const _ in d.tpl) {
      defs.tpl = d.tpl;
      anyDefs = true;
      break;
    }
    for (const _ in d.binds) {
      defs.binds = d.binds;
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

/** Reads a JSON rendering back into a context (missing dictionaries become empty, templates expanded; a part's `under` kept). */
export function fromJson(json: CompactJson): CompactContext & Pick<ChunkOutput, 'under'> {
  const { tpl, binds, ...plain } = json.defs ?? {};
  const nodes = tpl || binds ? expandDeduped(json.nodes, tpl ?? {}, binds ?? {}) : (json.nodes as CompactContext['nodes']);
  const ctx: CompactContext & Pick<ChunkOutput, 'under'> = {
    v: 1,
    nodes,
    defs: { paints: {}, effects: {}, text: {}, layouts: {}, vars: {}, ...plain },
    components: json.components ?? {},
    counts: json.counts,
  };
  if (json.name !== undefined) ctx.name = json.name;
  if (json.missing) ctx.missing = json.missing;
  if (json.under !== undefined) ctx.under = json.under;
  return ctx;
}
