/**
 * Bounded parts of one chunk (issue 8 v2): a chunk is logged as `page.chunk` events, each a row of a
 * Durable Object's SQLite (a value ≤ 2 MB) sent over RPC (≤ 32 MiB), whatever the size of the frame.
 * Rule: dictionary entries and components first (all in part 0 when they fit, else sliced over the
 * leading parts), then the top-level nodes in document order, whole subtrees packed while they fit; a
 * subtree too large for any part goes as a shell (the node without `ch`) and its children follow in
 * later parts with `under: <its id>` ("append these to the children of that node"), then its remaining
 * siblings (again `under` their parent, or none at the top level). mergeChunks grafts them back.
 */
import type { ChunkOutput, CompactNode, Defs } from './compact-types';
import { emptyCounts } from './context-builder';
import { toJson } from './render-json';
import { emptyDefs } from './styles';

/** UTF-8 bytes of a string JSON.stringify wrote (no lone surrogates: it escapes them). */
function utf8(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a pair: 4 bytes for its 2 units
      i++;
    } else n += 2;
  }
  return n;
}

const jsonBytes = (v: unknown) => utf8(JSON.stringify(v));
const anyEntries = (o: object) => {
  for (const _ in o) return true;
  return false;
};

/** A part being filled; `bytes` is exactly JSON.stringify(toJson(out))'s length in UTF-8. */
class Draft {
  bytes: number;
  entries = 0;
  /** `head`: part 0, which carries the chunk's name, `missing` and counts. */
  constructor(
    readonly out: ChunkOutput,
    readonly head = false,
  ) {
    this.bytes = jsonBytes(toJson(out));
  }

  /** Holds nothing a new part would not: starting one instead gains no room. */
  get blank(): boolean {
    return !this.head && this.entries === 0 && this.out.nodes.length === 0;
  }

  nodeCost(size: number): number {
    return size + (this.out.nodes.length > 0 ? 1 : 0);
  }

  addNode(node: CompactNode, size: number): void {
    this.bytes += this.nodeCost(size);
    this.out.nodes.push(node);
  }

  /** `,"defs":{` … `"kind":{` … `"id":value` with the commas and braces it opens. */
  defCost(kind: keyof Defs, entry: number): number {
    if (anyEntries(this.out.defs[kind])) return entry + 1;
    const opened = (Object.keys(this.out.defs) as (keyof Defs)[]).some((k) => anyEntries(this.out.defs[k]));
    return entry + jsonBytes(kind) + 3 + (opened ? 1 : 10);
  }

  componentCost(entry: number): number {
    return entry + (anyEntries(this.out.components) ? 1 : 16);
  }
}

/**
 * Splits a chunk into parts whose `JSON.stringify(toJson(part))` is at most `maxBytes` UTF-8 bytes; a chunk
 * within it is returned as is (`[out]`). Exceptions, each then alone in its part: a node whose own fields
 * (without its children) are larger, a single dictionary entry or component larger, and part 0 when its
 * name and `missing` alone are. Part 0 keeps `name`, `missing` and the counts (the other parts count zero,
 * so the parts sum to the whole); every part keeps `index`. `mergeChunks(parts)` equals `mergeChunks([out])`.
 */
export function splitOutput(out: ChunkOutput, maxBytes: number): ChunkOutput[] {
  if (jsonBytes(toJson(out)) <= maxBytes) return [out];

  const sizes = new Map<CompactNode, number>();
  const own = (n: CompactNode) => {
    const { ch: _ch, ...fields } = n;
    return jsonBytes(fields);
  };
  const sizeOf = (n: CompactNode): number => {
    let s = sizes.get(n);
    if (s !== undefined) return s;
    s = own(n);
    // `,"ch":[` … `]` around the children, commas between them
    if (n.ch) s += 8 + Math.max(0, n.ch.length - 1) + n.ch.reduce((sum, c) => sum + sizeOf(c), 0);
    sizes.set(n, s);
    return s;
  };

  const fresh = (under?: string): ChunkOutput => {
    const part: ChunkOutput = { v: 1, index: out.index, nodes: [], defs: emptyDefs(), components: {}, counts: emptyCounts() };
    if (under !== undefined) part.under = under;
    return part;
  };
  const head: ChunkOutput = { ...fresh(), counts: out.counts };
  if (out.name !== undefined) head.name = out.name;
  if (out.missing) head.missing = out.missing;
  const drafts = [new Draft(head, true)];
  let cur = drafts[0]!;
  const next = (under?: string) => {
    cur = new Draft(fresh(under));
    drafts.push(cur);
    return cur;
  };
  const freshBytes = jsonBytes(toJson(fresh()));
  // `,"under":"id"` on a part with no other content
  const fitsFresh = (size: number, under?: string) => freshBytes + (under === undefined ? 0 : 9 + jsonBytes(under)) + size <= maxBytes;

  // dictionaries, then components, in order: a part takes entries while they fit
  for (const kind of Object.keys(out.defs) as (keyof Defs)[]) {
    const dict = out.defs[kind];
    for (const id in dict) {
      const entry = jsonBytes(id) + 1 + jsonBytes(dict[id]);
      if (cur.bytes + cur.defCost(kind, entry) > maxBytes && !cur.blank) next();
      cur.bytes += cur.defCost(kind, entry);
      (cur.out.defs[kind] as Record<string, unknown>)[id] = dict[id];
      cur.entries++;
    }
  }
  for (const id in out.components) {
    const entry = jsonBytes(id) + 1 + jsonBytes(out.components[id]);
    if (cur.bytes + cur.componentCost(entry) > maxBytes && !cur.blank) next();
    cur.bytes += cur.componentCost(entry);
    cur.out.components[id] = out.components[id]!;
    cur.entries++;
  }

  // siblings in order, appended to the children of `under` (none: the chunk's top level)
  const place = (nodes: CompactNode[], under: string | undefined): void => {
    for (const n of nodes) {
      if (cur.out.under !== under) next(under);
      const size = sizeOf(n);
      if (cur.bytes + cur.nodeCost(size) <= maxBytes) {
        cur.addNode(n, size);
        continue;
      }
      if (fitsFresh(size, under)) {
        next(under).addNode(n, size);
        continue;
      }
      // too large for any part: its own fields here (alone if even they do not fit), its children after
      const { ch, ...shell } = n;
      const shellSize = own(n);
      if (!cur.blank && (cur.bytes + cur.nodeCost(shellSize) > maxBytes || !ch)) next(under);
      cur.addNode(ch ? shell : n, shellSize);
      if (ch) place(ch, n.id);
    }
  };
  place(out.nodes, undefined);
  return drafts.map((d) => d.out);
}
