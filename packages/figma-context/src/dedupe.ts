/**
 * Written-once rendering of a context (list rows, cards and cloned frames are the same subtree many times):
 * - a subtree (a node with children) that occurs ≥ 2 times becomes a template `defs.tpl.k<n>`; each
 *   occurrence is a use `{ id, use: 'k<n>', ids?, ov?, …its own name, position, texts, props }`. The template's
 *   root id is `$`; an instance's sublayer id `I<root id>;…` (Figma's rule, the root id without a leading `I`)
 *   is stored as `I$;…`, so a use whose descendants follow that rule needs no `ids`; otherwise `ids` lists its
 *   descendants' ids in pre-order. `ov` maps a descendant's pre-order index (0 = first child of the root) to the varying fields
 *   (`n`, `tx`, `runs`, `links`, `props`, `lines`, `indent`) that differ from the template (null = absent).
 * - a variable binding set (`bv`) that occurs ≥ 2 times becomes `defs.binds.b<n>`, referenced as `bs`.
 * Templates are chosen top-down (a template holds no uses). `expandDeduped` is the exact inverse.
 */
import type { BoundSetMap, CompactNode, WireNode } from './compact-types';

/** Fields that may differ between occurrences of one template (besides ids and the root's position). */
const VARYING = ['n', 'tx', 'runs', 'links', 'props', 'lines', 'indent'] as const;
const ROOT_VARYING = [...VARYING, 'xy'] as const;
const SKIP: ReadonlySet<string> = new Set(['id', 'ch', 'xy', ...VARYING]);

export interface Deduped {
  nodes: WireNode[];
  tpl: Record<string, WireNode>;
  binds: BoundSetMap;
  /** Estimated bytes saved over the plain rendering (a text rendering weighs it against its legend line). */
  saved: number;
}

interface Analysis {
  /** Shape number of a node with children as a template root (its own position left out). */
  rootKey: Map<CompactNode, number>;
  count: Map<number, number>;
  /** Root shapes and placed shapes (root shape + position) interned to small numbers. */
  roots: Map<string, number>;
  intern: Map<string, number>;
  /** Bytes a use saves over writing the subtree out (≤ 0: not worth a template). */
  saving: Map<CompactNode, number>;
}

interface Shape {
  id: number;
  /** JSON bytes of the subtree's fixed fields. */
  bytes: number;
  /** Bytes of its descendants' ids, and whether they all derive from the root id (`I<root>;…`). */
  idBytes: number;
  derived: boolean;
}

/** The prefix of an instance's sublayer ids: `I` + its id without a leading `I` + `;` (Figma's rule). */
export function sublayerPrefix(id: string): string {
  return id.charCodeAt(0) === 73 ? `${id};` : `I${id};`;
}

// What a use costs beyond its own varying fields: `"use":"kN",` and its share of the template.
const USE_COST = 16;

// The node's fixed fields as an unambiguous string (strings JSON-quoted, arrays of numbers joined); about
// the JSON size of those fields, which the saving estimate relies on.
function fixedKey(n: CompactNode): string {
  let s = '';
  const rec = n as unknown as Record<string, unknown>;
  for (const k in rec) {
    if (SKIP.has(k)) continue;
    const v = rec[k];
    if (typeof v === 'string') s += `${k}:${JSON.stringify(v)},`;
    else if (typeof v === 'number') s += `${k}:${v},`;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) s += `${k}:[${v.join(',')}],`;
    else s += `${k}:${JSON.stringify(v)},`;
  }
  return s;
}

// Bottom-up: a node's shape is its fields without id and varying ones, and its children's shapes (interned
// to small numbers, so keys stay as long as one node, not one subtree).
function shape(n: CompactNode, a: Analysis): Shape {
  let kids = '';
  let bytes = 0;
  let idBytes = 0;
  let derived = true;
  if (n.ch) {
    const prefix = sublayerPrefix(n.id);
    for (const c of n.ch) {
      const s = shape(c, a);
      kids += `${s.id},`;
      bytes += s.bytes + (c.xy ? 12 : 0);
      idBytes += s.idBytes + c.id.length + 3;
      derived &&= c.id.startsWith(prefix) && (s.derived || c.ch === undefined);
    }
  }
  const json = fixedKey(n);
  bytes += json.length;
  const long = `${json}[${kids}]`;
  let rootKey = a.roots.get(long);
  if (rootKey === undefined) {
    rootKey = a.roots.size;
    a.roots.set(long, rootKey);
  }
  if (n.ch) {
    a.rootKey.set(n, rootKey);
    a.count.set(rootKey, (a.count.get(rootKey) ?? 0) + 1);
    a.saving.set(n, bytes - USE_COST - (derived ? 0 : idBytes));
  }
  const descKey = n.xy ? `${rootKey}@${n.xy[0]},${n.xy[1]}` : `${rootKey}`;
  let id = a.intern.get(descKey);
  if (id === undefined) {
    id = a.intern.size;
    a.intern.set(descKey, id);
  }
  return { id, bytes, idBytes, derived };
}

function select(n: CompactNode, a: Analysis, banned: Set<number>, uses: Map<number, number>): void {
  const key = a.rootKey.get(n);
  if (key !== undefined && !banned.has(key) && (a.count.get(key) ?? 0) >= 2 && (a.saving.get(n) ?? 0) > 0) {
    uses.set(key, (uses.get(key) ?? 0) + 1);
    return;
  }
  if (n.ch) for (const c of n.ch) select(c, a, banned, uses);
}

function preorder(n: WireNode | CompactNode, out: (WireNode | CompactNode)[]): void {
  if (n.ch) for (const c of n.ch) {
    out.push(c);
    preorder(c, out);
  }
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

function bodyOf(n: CompactNode): WireNode {
  const prefix = sublayerPrefix(n.id);
  const copy = (m: CompactNode, root: boolean): WireNode => {
    const o = { ...m } as WireNode & Record<string, unknown>;
    if (root) {
      o.id = '$';
      for (const k of ROOT_VARYING) delete o[k];
    } else if (m.id.startsWith(prefix)) o.id = `I$;${m.id.slice(prefix.length)}`;
    if (m.ch) o.ch = m.ch.map((c) => copy(c, false));
    return o;
  };
  return copy(n, true);
}

function useOf(n: CompactNode, id: string, body: WireNode): WireNode {
  const use = { id: n.id, use: id } as WireNode & Record<string, unknown>;
  for (const k of ROOT_VARYING) if (n[k] !== undefined) use[k as string] = n[k];
  const mine: CompactNode[] = [];
  const theirs: WireNode[] = [];
  preorder(n, mine);
  preorder(body, theirs);
  const prefix = sublayerPrefix(n.id);
  let idsNeeded = false;
  const ov: Record<string, Record<string, unknown>> = {};
  let anyOv = false;
  for (let i = 0; i < mine.length; i++) {
    const m = mine[i] as CompactNode;
    const t = theirs[i] as WireNode;
    const tid = t.id.startsWith('I$;') ? prefix + t.id.slice(3) : t.id;
    if (tid !== m.id) idsNeeded = true;
    for (const k of VARYING) {
      if (same(m[k], t[k])) continue;
      (ov[i] ??= {})[k] = m[k] ?? null;
      anyOv = true;
    }
  }
  if (idsNeeded) use.ids = mine.map((m) => m.id);
  if (anyOv) use.ov = ov;
  return use;
}

/**
 * Writes repeated subtrees once as templates and repeated binding sets once (see the file header). `after`: how
 * many templates and binding sets come before these (a paged text numbers each chunk's on from its predecessors').
 */
export function dedupe(roots: readonly CompactNode[], after: { tpl: number; binds: number } = { tpl: 0, binds: 0 }): Deduped {
  const a: Analysis = { rootKey: new Map(), count: new Map(), roots: new Map(), intern: new Map(), saving: new Map() };
  for (const r of roots) shape(r, a);
  // A template whose other occurrences all sit inside bigger templates would be used once: drop it, re-select.
  const banned = new Set<number>();
  let uses = new Map<number, number>();
  for (let round = 0; round < 4; round++) {
    uses = new Map();
    for (const r of roots) select(r, a, banned, uses);
    let again = false;
    for (const [k, u] of uses) {
      if (u < 2) {
        banned.add(k);
        again = true;
      }
    }
    if (!again) break;
  }
  const ids = new Map<number, string>();
  const tpl: Record<string, WireNode> = {};
  let saved = 0;
  const emit = (n: CompactNode): WireNode => {
    const key = a.rootKey.get(n);
    if (key !== undefined && uses.has(key) && !banned.has(key) && (a.saving.get(n) ?? 0) > 0) {
      let id = ids.get(key);
      if (id === undefined) {
        id = `k${after.tpl + ids.size + 1}`;
        ids.set(key, id);
        tpl[id] = bodyOf(n);
      } else saved += a.saving.get(n) ?? 0;
      return useOf(n, id, tpl[id] as WireNode);
    }
    const o = { ...n } as WireNode;
    if (n.ch) o.ch = n.ch.map(emit);
    return o;
  };
  const nodes = roots.map(emit);
  const shared = shareBindings(nodes, tpl, after.binds);
  return { nodes, tpl, binds: shared.binds, saved: saved + shared.saved };
}

function eachNode(n: WireNode, f: (n: WireNode) => void): void {
  f(n);
  if (n.ch) for (const c of n.ch) eachNode(c, f);
}

// Binding sets used ≥ 2 times become `binds` entries; the (already copied) nodes are rewritten in place.
function shareBindings(nodes: WireNode[], tpl: Record<string, WireNode>, before: number): { binds: BoundSetMap; saved: number } {
  const count = new Map<string, number>();
  const all: WireNode[] = [];
  const collect = (n: WireNode) => {
    if (!n.bv) return;
    all.push(n);
    const k = JSON.stringify(n.bv);
    count.set(k, (count.get(k) ?? 0) + 1);
  };
  for (const n of nodes) eachNode(n, collect);
  for (const id in tpl) eachNode(tpl[id] as WireNode, collect);
  const binds: BoundSetMap = {};
  const ids = new Map<string, string>();
  let saved = 0;
  for (const n of all) {
    const k = JSON.stringify(n.bv);
    const c = count.get(k) ?? 0;
    // Written once plus a short reference per node: worth it only when the set is longer than the references.
    if (c < 2 || (c - 1) * k.length <= c * 6 + 8) continue;
    let id = ids.get(k);
    if (id === undefined) {
      id = `b${before + ids.size + 1}`;
      ids.set(k, id);
      binds[id] = n.bv as BoundSetMap[string];
      saved += (c - 1) * k.length - c * 6 - 8;
    }
    delete n.bv;
    n.bs = id;
  }
  return { binds, saved };
}

/** The inverse of `dedupe`: every node, id, text and binding back in full. */
export function expandDeduped(nodes: readonly WireNode[], tpl: Record<string, WireNode>, binds: BoundSetMap): CompactNode[] {
  const plain = (w: WireNode): CompactNode => {
    const o = { ...w } as WireNode;
    if (o.bs !== undefined) {
      o.bv = binds[o.bs];
      delete o.bs;
    }
    return o as CompactNode;
  };
  const expand = (w: WireNode): CompactNode => {
    if (w.use === undefined) {
      const o = plain(w);
      if (w.ch) o.ch = w.ch.map(expand);
      return o;
    }
    const body = tpl[w.use];
    if (!body) throw new Error(`unknown template ${w.use}`);
    const prefix = sublayerPrefix(w.id);
    let i = -1;
    const build = (b: WireNode): CompactNode => {
      const o = plain(b) as CompactNode & Record<string, unknown>;
      if (i < 0) {
        o.id = w.id;
        for (const k of ROOT_VARYING) if (w[k] !== undefined) o[k as string] = w[k];
      } else {
        o.id = w.ids?.[i] ?? (b.id.startsWith('I$;') ? prefix + b.id.slice(3) : b.id);
        const ov = w.ov?.[i];
        if (ov) for (const k in ov) {
          if (ov[k] === null) delete o[k];
          else o[k] = ov[k];
        }
      }
      i++;
      if (b.ch) o.ch = b.ch.map(build);
      return o;
    };
    return build(body);
  };
  return nodes.map(expand);
}
