// The whole context of a job as a sequence of blocks (GET /figma-context/context). The merged context of
// the logged `page.chunk`s (what mergeChunks gives) is rendered as toJson's JSON or toText's lines, but
// one block at a time — a dictionary entry, a component, a top-level node with its subtree. Nodes are read
// one chunk at a time where a page needs them; one pass holds the rest (dictionaries, components, counts:
// they grow with the file's styles and components, not its nodes). Every block has a position
// (RenderPos) from which the sequence can be produced again: a page's cursor is the position it stopped at.
// The pass's result (Summary) depends on the log up to the view's last event alone: a caller may keep it.
// Text blocks reuse toText on one-entry contexts, so the lines are the library's, whatever it renders. Repeated
// subtrees are written once per chunk (toText's templates `@kN`, chosen over each chunk's nodes, numbered on from
// the chunks before): the pass finds them, the dictionaries phase writes them, the nodes phase uses them.
import {
  dedupeChunk,
  HOW_TO_EXPAND,
  mergeChunks,
  renderBindDef,
  renderNodeTree,
  renderTemplate,
  toText,
  type CompactContext,
  type CompactNode,
  type ComponentRef,
  type Counts,
  type WireNode,
} from '@cogo/figma-context';

export type ContextFormat = 'text' | 'json';

/** A block's start: phase, dictionary kind, chunk event id, item index in it, separator due, line, character. */
export interface RenderPos {
  ph: number;
  k: number;
  e: number;
  i: number;
  s: 0 | 1;
  l: number;
  o: number;
}

/** A block: its position and its parts (text: lines with their newline; JSON: one part). */
export interface Block {
  pos: RenderPos;
  parts: string[];
}

/** The logged chunk contexts (read back with fromJson: no templates; a chunk logged in parts merged back), in log order, from event id `fromId` on (0: from the start). */
export type ChunkReader = (fromId: number) => AsyncIterable<{ id: number; ctx: CompactContext }>;

/** A cursor named a position that is no block of this rendering. */
export class BadPosition extends Error {
  override name = 'BadPosition';
}

/** The start of the rendering. */
export const START: RenderPos = { ph: 0, k: 0, e: 0, i: 0, s: 0, l: 0, o: 0 };

const EMPTY: CompactContext = mergeChunks([]);
/** Dictionary kinds in the order mergeChunks (and so toJson/toText) holds them. */
const KINDS = Object.keys(EMPTY.defs) as (keyof CompactContext['defs'])[];

/** A dictionary entry or component where the merged context has it: chunk event id and index in that chunk. */
interface Held {
  e: number;
  i: number;
  id: string;
  value: unknown;
}

/** What one pass over the chunks holds for every page: read-only once made (a caller may share it). */
export interface Summary {
  name: string | undefined;
  counts: Counts;
  /** Dictionary entries by kind, and components, in merged order: held, as they grow with styles and components, not nodes. */
  dicts: Record<string, Held[]>;
  components: Held[];
  /** Dictionary kinds with at least one entry. */
  kinds: string[];
  missing: string[];
  /** Ids of component nodes in the tree: toText does not list those again. */
  shown: Set<string>;
  /** Chunks whose nodes the text writes with templates, each with the templates and binding sets before it. */
  templated: Map<number, { tpl: number; binds: number }>;
  /** Their shared binding sets and templates, in order (value: their lines, `@bN …` / `@kN …` and its subtree). */
  binds: Held[];
  templates: Held[];
}

/** One pass over the chunks for all but the nodes themselves (which are read where a page needs them). */
export async function summarise(read: ChunkReader): Promise<Summary> {
  const counts = { ...EMPTY.counts };
  const dicts: Record<string, Held[]> = Object.fromEntries(KINDS.map((k) => [k, []]));
  const out: Summary = { name: undefined, counts, dicts, components: [], kinds: [], missing: [], shown: new Set(), templated: new Map(), binds: [], templates: [] };
  const before = { tpl: 0, binds: 0 };
  const walk = (n: CompactNode) => {
    if (n.t === 'C') out.shown.add(n.id);
    if (n.ch) for (const c of n.ch) walk(c);
  };
  // an id seen again (the builder ships each once, but) keeps its first place and takes the last value, as Object.assign does
  const seen = new Map<Held[], Map<string, Held>>();
  const hold = (list: Held[], e: number, entries: Record<string, unknown>) => {
    let ids = seen.get(list);
    if (!ids) seen.set(list, (ids = new Map()));
    let i = 0;
    for (const id in entries) {
      const known = ids.get(id);
      if (known) known.value = entries[id];
      else {
        const h = { e, i, id, value: entries[id] };
        ids.set(id, h);
        list.push(h);
      }
      i++;
    }
  };
  for await (const { id: e, ctx } of read(0)) {
    if (out.name === undefined && ctx.name !== undefined) out.name = ctx.name;
    // as mergeChunks sums them
    for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += ctx.counts[k];
    for (const k of KINDS) hold(dicts[k]!, e, ctx.defs[k] ?? {});
    hold(out.components, e, ctx.components);
    if (ctx.missing) out.missing.push(...ctx.missing);
    for (const n of ctx.nodes) walk(n);
    const d = dedupeChunk(ctx.nodes, before);
    if (d) {
      out.templated.set(e, { ...before });
      Object.entries(d.binds).forEach(([id, set], i) => out.binds.push({ e, i, id, value: [renderBindDef(id, set)] }));
      Object.entries(d.tpl).forEach(([id, body], i) => out.templates.push({ e, i, id, value: renderTemplate(id, body) }));
      before.tpl = out.templates.length;
      before.binds = out.binds.length;
    }
  }
  out.kinds = KINDS.filter((k) => dicts[k]!.length > 0);
  return out;
}

/** Held entries from a position's on (or from the first); `s` is 1 after the first (a separator is due). */
function* held(list: Held[], from: RenderPos | null): Generator<Held & { s: 0 | 1 }> {
  let j = 0;
  if (from) {
    j = list.findIndex((x) => x.e === from.e && x.i === from.i);
    if (j < 0) throw new BadPosition('no such entry');
  }
  for (; j < list.length; j++) yield { ...list[j]!, s: j > 0 ? 1 : 0 };
}

/** Whether a chunk before event `e` has nodes (then the node at `e` is not the first: a separator is due). */
async function nodesBefore(read: ChunkReader, e: number): Promise<boolean> {
  for await (const { id, ctx } of read(0)) {
    if (id >= e) return false;
    if (ctx.nodes.length > 0) return true;
  }
  return false;
}

/**
 * The top-level nodes of every chunk, from a position's chunk and node on (or from the start); with `templated`, a
 * chunk it names comes written with its templates (`tpl`: the chunk's own), as the summary chose them.
 */
async function* nodes(
  read: ChunkReader,
  from: RenderPos | null,
  templated?: Summary['templated'],
): AsyncGenerator<{ e: number; i: number; item: WireNode; tpl: Record<string, WireNode> | null }> {
  const start = from ? from.e : 0;
  let first = true;
  for await (const { id, ctx } of read(start)) {
    const before = templated?.get(id);
    const d = before ? dedupeChunk(ctx.nodes, before) : null;
    const list: WireNode[] = d ? d.nodes : ctx.nodes;
    let i = 0;
    if (first && from) {
      // the position must name an item of this very chunk
      if (id !== from.e || from.i >= list.length) throw new BadPosition('no such item');
      i = from.i;
    }
    first = false;
    for (; i < list.length; i++) yield { e: id, i, item: list[i]!, tpl: d ? d.tpl : null };
  }
  if (first && from) throw new BadPosition('no such chunk');
}

const at = (ph: number, k = 0, e = 0, i = 0, s: 0 | 1 = 0): RenderPos => ({ ph, k, e, i, s, l: 0, o: 0 });
const q = (v: unknown) => JSON.stringify(v);
// A one-entry context of toText, written plain: templates come from the pass (Summary.templated), per chunk.
const plain = (ctx: CompactContext) => toText(ctx, { dedupe: false });

/** Where the summary of `read`'s chunks comes from: summarise(read), or a kept one. */
export type SummarySource = (read: ChunkReader) => Promise<Summary>;

/** Blocks of the rendering in `format`, from position `from` on (its line and character aside). */
export function blocks(format: ContextFormat, read: ChunkReader, from: RenderPos, source: SummarySource = summarise): AsyncGenerator<Block> {
  let summary: Promise<Summary> | undefined;
  const sum = () => (summary ??= source(read));
  return format === 'json' ? jsonBlocks(read, from, sum) : textBlocks(read, from, sum);
}

// JSON.stringify(toJson(merged)): {"v":1,"nodes":[…],"counts":{…},"name":…,"defs":{…},"components":{…},"missing":[…]}
async function* jsonBlocks(read: ChunkReader, from: RenderPos, sum: () => Promise<Summary>): AsyncGenerator<Block> {
  if (from.ph <= 0) yield { pos: at(0), parts: ['{"v":1,"nodes":['] };
  if (from.ph <= 1) {
    // derived, not taken from the cursor: a cursor's own `s` must agree (checked against the block's position)
    let s: 0 | 1 = from.ph === 1 && (from.i > 0 || (await nodesBefore(read, from.e))) ? 1 : 0;
    for await (const { e, i, item } of nodes(read, from.ph === 1 ? from : null)) {
      yield { pos: at(1, 0, e, i, s), parts: [(s ? ',' : '') + q(item as CompactNode)] };
      s = 1;
    }
  }
  const S = await sum();
  if (from.ph <= 2) yield { pos: at(2), parts: [`],"counts":${q(S.counts)}${S.name !== undefined ? `,"name":${q(S.name)}` : ''}`] };
  if (from.ph <= 3) {
    for (let k = from.ph === 3 ? from.k : 0; k < KINDS.length; k++) {
      const kind = KINDS[k]!;
      const resume = from.ph === 3 && k === from.k ? from : null;
      if (!S.kinds.includes(kind)) {
        if (resume) throw new BadPosition('no such dictionary');
        continue;
      }
      // the first entry of a kind opens it (and the first kind the defs), closing the kind before it
      const open = `${kind === S.kinds[0] ? ',"defs":{' : '},'}${q(kind)}:{`;
      for (const { e, i, s, id, value } of held(S.dicts[kind]!, resume)) {
        yield { pos: at(3, k, e, i, s), parts: [`${s ? ',' : open}${q(id)}:${q(value)}`] };
      }
    }
  }
  if (from.ph <= 4 && S.kinds.length > 0) yield { pos: at(4), parts: ['}}'] };
  if (from.ph <= 5) {
    for (const { e, i, s, id, value } of held(S.components, from.ph === 5 ? from : null)) {
      yield { pos: at(5, 0, e, i, s), parts: [`${s ? ',' : ',"components":{'}${q(id)}:${q(value)}`] };
    }
  }
  yield { pos: at(6), parts: [`${S.components.length > 0 ? '}' : ''}${S.missing.length > 0 ? `,"missing":${q(S.missing)}` : ''}}`] };
}

const lines = (text: string) => (text === '' ? [] : text.split('\n').map((l) => `${l}\n`));

// toText's order: the name (and the templates' legend), the dictionaries, binding sets and templates, components not
// in the tree, the tree, what is missing
async function* textBlocks(read: ChunkReader, from: RenderPos, sum: () => Promise<Summary>): AsyncGenerator<Block> {
  if (from.ph <= 0) {
    const { name, binds, templates } = await sum();
    const parts = [...(name !== undefined ? lines(plain({ ...EMPTY, name })) : []), ...(binds.length + templates.length > 0 ? [`${HOW_TO_EXPAND}\n`] : [])];
    if (parts.length > 0) yield { pos: at(0), parts };
  }
  if (from.ph <= 1) {
    const { dicts, binds, templates } = await sum();
    // the dictionaries of toText, then the shared binding sets and the templates (as toText writes them)
    for (let k = from.ph === 1 ? from.k : 0; k < KINDS.length + 2; k++) {
      const kind = KINDS[k];
      const list = kind ? dicts[kind]! : k === KINDS.length ? binds : templates;
      for (const { e, i, id, value } of held(list, from.ph === 1 && k === from.k ? from : null)) {
        const parts = kind ? lines(plain({ ...EMPTY, defs: { ...EMPTY.defs, [kind]: { [id]: value } } })) : lines((value as string[]).join('\n'));
        if (parts.length > 0) yield { pos: at(1, k, e, i), parts };
      }
    }
  }
  if (from.ph <= 2) {
    const { shown, components } = await sum();
    for (const { e, i, id, value } of held(components, from.ph === 2 ? from : null)) {
      if (!shown.has(id)) yield { pos: at(2, 0, e, i), parts: lines(plain({ ...EMPTY, components: { [id]: value as ComponentRef } })) };
    }
  }
  if (from.ph <= 3) {
    const { templated } = await sum();
    for await (const { e, i, item, tpl } of nodes(read, from.ph === 3 ? from : null, templated)) {
      const parts = tpl ? lines(renderNodeTree(item, tpl).join('\n')) : lines(plain({ ...EMPTY, nodes: [item as CompactNode] }));
      if (parts.length > 0) yield { pos: at(3, 0, e, i), parts };
    }
  }
  const { missing } = await sum();
  if (missing.length > 0) yield { pos: at(4), parts: lines(plain({ ...EMPTY, missing })) };
}
