/**
 * What the product stores from a chunk: its components, component sets and top-level frames, with
 * deterministic fields only (ids, names, types, props — no sizes or styles that churn). A component's
 * description and the names of the variables bound in its subtree come with it (issue 12: the design index
 * answers "what is the Button for", "which components use color/primary"); both are independent of how the
 * file was chunked — descriptions come from the raw answers, names from the stream's whole dictionary.
 */
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { TYPE_CODES, type ChunkOutput, type CompactContext, type CompactNode, type Counts, type PropertyDef } from './compact-types';
import { formatVariantName, parseVariantName } from './names';
import type { VariableIndex } from './variables';

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
  /** Figma's description of a component or component set (trimmed, at most MAX_DESCRIPTION characters). */
  description?: string;
  /** Names of the variables bound anywhere in a component's (a set's: its variants') subtree, sorted; absent when none. */
  boundVariables?: string[];
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

/** What a raw nodes response says of a component or component set beyond its node. */
export interface ComponentMeta {
  key?: string;
  description?: string;
}

/** How `extractComponents` learns what the compact chunk does not hold. */
export interface ExtractOptions {
  /** Keys and descriptions by node id, from the raw answers (componentMetaOf): the chunk lists only components first seen in it. */
  meta?: ReadonlyMap<string, ComponentMeta>;
  /** A `defs.vars` short id → the variable's name (its Figma id when unnamed); without it, no bound variables are listed. */
  variableName?: (shortId: string) => string;
}

/** The longest description stored: enough for a component's purpose, not a whole spec pasted in. */
export const MAX_DESCRIPTION = 2_000;
/** The most bound variable names one item lists: a huge component must not bloat its row. */
export const MAX_BOUND_VARIABLES = 200;

const KINDS: Readonly<Record<string, StoredItem['type']>> = { C: 'COMPONENT', CS: 'COMPONENT_SET', F: 'FRAME' };

// code-unit order, the same in every runtime and locale
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lists a chunk's (or context's) components, component sets and top-level frames in document order. With
 * `root`, each item also carries its ancestors, and the chunk's top nodes are judged by their real parent;
 * with `options`, components carry their description and bound variables.
 */
export function extractComponents(chunk: ChunkOutput | CompactContext, pageId?: string, root?: ChunkRoot, options: ExtractOptions = {}): Extracted {
  const items: StoredItem[] = [];
  const { meta, variableName } = options;
  const rootParent = root ? ({ id: root.ancestors.at(-1) ?? '', t: TYPE_CODES[root.parentType ?? 'CANVAS'] ?? root.parentType } as CompactNode) : null;
  // the ids above the node being visited (one shared stack: copied only for the items kept)
  const path: string[] = [];
  // the bound short ids of each component being visited (a variant's go to its set's too); empty outside components
  const open: Set<string>[] = [];
  const visit = (n: CompactNode, parent: CompactNode | null, page: string | undefined) => {
    const kind = KINDS[n.t];
    const topFrame = n.t === 'F' && (parent === null || parent.t === 'page' || parent.t === 'S');
    let item: StoredItem | null = null;
    let bound: Set<string> | null = null;
    if (kind !== undefined && (kind !== 'FRAME' || topFrame)) {
      item = { id: n.id, name: n.n ?? (n.vp ? formatVariantName(n.vp) : ''), type: kind, props: {} };
      if (page !== undefined) item.pageId = page;
      if (n.t === 'C' && parent?.t === 'CS') item.setId = parent.id;
      const known = meta?.get(n.id);
      const key = chunk.components[n.id]?.key ?? known?.key;
      if (key !== undefined) item.key = key;
      // a variant fetched on its own was compacted without its set, so its variant props are still in its name
      const vp = n.vp ?? (item.setId !== undefined && n.n ? parseVariantName(n.n) : null);
      if (vp) item.props.variant = vp;
      if (n.propDefs) item.props.definitions = n.propDefs;
      if (root) item.ancestors = path.slice();
      if (kind !== 'FRAME') {
        if (known?.description) item.description = known.description;
        if (variableName) open.push((bound = new Set()));
      }
      items.push(item);
    }
    if (open.length > 0 && n.bv) for (const ids of open) addBound(ids, n.bv);
    if (n.ch) {
      const childPage = n.t === 'page' ? n.id : page;
      // a page starts the paths below it; any other node is an ancestor of its children
      const above = n.t === 'page' ? path.splice(0) : null;
      if (above === null) path.push(n.id);
      for (const c of n.ch) visit(c, n, childPage);
      if (above === null) path.pop();
      else path.push(...above);
    }
    if (bound !== null) {
      open.pop();
      if (bound.size > 0) item!.boundVariables = namesOf(bound, variableName!);
    }
  };
  for (const n of chunk.nodes) {
    path.length = 0;
    if (root && n.t !== 'page') path.push(...root.ancestors);
    visit(n, n.t === 'page' ? null : rootParent, pageId);
  }
  const { pages, frames, components, instances, texts } = chunk.counts;
  return { items, counts: { pages, frames, components, instances, texts } };
}

function addBound(into: Set<string>, bv: NonNullable<CompactNode['bv']>): void {
  for (const field in bv) {
    const ref = bv[field] as string | string[];
    if (typeof ref === 'string') into.add(ref);
    else for (const r of ref) into.add(r);
  }
}

/** Sorted, distinct names (two ids may share a name across collections), at most MAX_BOUND_VARIABLES. */
function namesOf(ids: ReadonlySet<string>, variableName: (shortId: string) => string): string[] {
  const names = new Set<string>();
  for (const id of ids) names.add(variableName(id));
  return [...names].sort(byCodeUnit).slice(0, MAX_BOUND_VARIABLES);
}

/** `text` trimmed and cut to `max` characters, never between the halves of a surrogate pair; undefined when empty. */
function cleanText(text: unknown, max: number): string | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (!t) return undefined;
  if (t.length <= max) return t;
  const code = t.charCodeAt(max - 1);
  return t.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max).trimEnd();
}

/**
 * A stream's variable names by `defs.vars` short id. `registered` is the builder's whole dictionary
 * (`snapshot().defs.vars`: [Figma id, short id] pairs, every chunk so far — a chunk ships only the entries it
 * introduced); `variables` the index the builder resolved them with. An unknown name falls back to the Figma id.
 */
export function variableNamer(registered: ReadonlyArray<readonly [string, string]>, variables: VariableIndex | null): (shortId: string) => string {
  let figmaIds: Map<string, string> | null = null;
  const names = new Map<string, string>();
  return (shortId) => {
    let name = names.get(shortId);
    if (name === undefined) {
      // built on the first lookup: most chunks bind nothing inside a component
      figmaIds ??= new Map(registered.map(([figmaId, short]) => [short, figmaId]));
      const figmaId = figmaIds.get(shortId) ?? shortId;
      name = (variables?.resolve(figmaId).name ?? '') || figmaId;
      names.set(shortId, name);
    }
    return name;
  };
}

/**
 * Published keys and descriptions of the components (and descriptions of the component sets) a raw nodes
 * response defines or uses. A chunk's compact output lists only the components first seen in it, and holds no
 * description: read from the raw response, an item never depends on chunk order.
 */
export function componentMetaOf(response: GetFileNodesResponse): Map<string, ComponentMeta> {
  const out = new Map<string, ComponentMeta>();
  const add = (id: string, key: unknown, description: unknown) => {
    const meta: ComponentMeta = {};
    if (typeof key === 'string' && key) meta.key = key;
    const text = cleanText(description, MAX_DESCRIPTION);
    if (text !== undefined) meta.description = text;
    if (meta.key !== undefined || meta.description !== undefined) out.set(id, meta);
  };
  for (const entry of Object.values(response.nodes ?? {})) {
    for (const [id, c] of Object.entries(entry?.components ?? {})) add(id, c?.key, c?.description);
    // a set's key is not stored (it never was): only its description
    for (const [id, cs] of Object.entries(entry?.componentSets ?? {})) add(id, undefined, cs?.description);
  }
  return out;
}
