// What the action-flow builder reads, normalised to pages — the same shapes the plugin upload accepts
// (apps/api/src/modules/uui/normalize.ts): a GET /v1/files/:key response, a GET /v1/files/:key/nodes response,
// a node (DOCUMENT, CANVAS or any other), or an array of those. Nodes that are not pages are gathered on one
// page named "Selection" (id 0:0), so a nodes response or a list of top-level frames is one page.
import { ActionFlowInputError } from './errors';

/** The fields of a Figma REST node that the builder reads; everything else is ignored. */
export interface RawFlowNode {
  id: string;
  type: string;
  name?: string;
  visible?: boolean;
  children?: RawFlowNode[];
  interactions?: unknown;
  transitionNodeID?: string | null;
  transitionDuration?: number;
  transitionEasing?: string;
  flowStartingPoints?: unknown;
  prototypeStartNodeID?: string | null;
}

/** One page of the input. */
export interface FlowPage {
  id: string;
  name: string;
  /** The page's direct children (sections are walked through when screens are collected). */
  children: RawFlowNode[];
  flowStartingPoints: { nodeId: string; name: string }[];
  prototypeStartNodeID: string | null;
}

/** Where a node sits: its page and the top-level node (screen candidate) that holds it. */
export interface NodePlace {
  node: RawFlowNode;
  pageId: string;
  /** The top-level node holding it (itself for a top-level node); null for sections. */
  topId: string | null;
}

export const SELECTION_PAGE_ID = '0:0';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNode = (v: unknown): v is RawFlowNode => isObject(v) && typeof v.id === 'string' && typeof v.type === 'string';

/** Throws when a tree cannot be walked (a `children` that is not an array of nodes). Iterative: deep trees are fine. */
function checkTree(root: RawFlowNode, where: string): void {
  const stack: RawFlowNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children === undefined) continue;
    if (!Array.isArray(n.children)) {
      throw new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', `node ${n.id}: \`children\` must be an array of nodes`, { where, nodeId: n.id });
    }
    for (const c of n.children) {
      if (!isNode(c)) {
        throw new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', `node ${n.id}: every entry of \`children\` must be a node with an id and a type`, { where, nodeId: n.id });
      }
      stack.push(c);
    }
  }
}

function startingPoints(canvas: RawFlowNode): FlowPage['flowStartingPoints'] {
  const raw = canvas.flowStartingPoints;
  if (raw === undefined || raw === null) return [];
  const bad = () =>
    new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', `page ${canvas.id}: \`flowStartingPoints\` must be an array of { nodeId, name }`, { nodeId: canvas.id });
  if (!Array.isArray(raw)) throw bad();
  return raw.map((p) => {
    if (!isObject(p) || typeof p.nodeId !== 'string') throw bad();
    return { nodeId: p.nodeId, name: typeof p.name === 'string' ? p.name : p.nodeId };
  });
}

function pageOf(canvas: RawFlowNode): FlowPage {
  return {
    id: canvas.id,
    name: canvas.name ?? canvas.id,
    children: canvas.children ?? [],
    flowStartingPoints: startingPoints(canvas),
    prototypeStartNodeID: typeof canvas.prototypeStartNodeID === 'string' ? canvas.prototypeStartNodeID : null,
  };
}

/** Normalises any accepted input to its pages, in input order; throws ActionFlowInputError naming what is wrong. */
export function readPages(input: unknown): FlowPage[] {
  const pages: FlowPage[] = [];
  const loose: RawFlowNode[] = [];
  const take = (node: RawFlowNode, where: string) => {
    checkTree(node, where);
    if (node.type === 'DOCUMENT') for (const c of node.children ?? []) pages.push(pageOf(c));
    else if (node.type === 'CANVAS') pages.push(pageOf(node));
    else loose.push(node);
  };
  const entries = Array.isArray(input) ? input : [input];
  entries.forEach((entry, i) => {
    const where = Array.isArray(input) ? `[${i}]` : '$';
    if (isNode(entry)) return take(entry, where);
    if (!isObject(entry)) {
      throw new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', `${where}: expected a Figma REST response, a node or an array of nodes`, { where });
    }
    if (isNode(entry.document)) return take(entry.document, `${where}.document`);
    if (isObject(entry.nodes)) {
      // A nodes response answers null for ids it does not know: nothing to draw for them.
      for (const [id, value] of Object.entries(entry.nodes)) {
        if (isObject(value) && isNode(value.document)) take(value.document, `${where}.nodes["${id}"].document`);
      }
      return;
    }
    throw new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', `${where}: no \`document\` or \`nodes\` found: give a Figma REST file or nodes response, a node, or an array of nodes`, { where });
  });
  if (loose.length) pages.push({ id: SELECTION_PAGE_ID, name: 'Selection', children: loose, flowStartingPoints: [], prototypeStartNodeID: null });
  if (pages.length === 0) throw new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', 'the input holds no pages and no nodes', {});
  return pages;
}

/**
 * Top-level nodes of a page in canvas order: its children, and the children of sections (at any depth), since
 * frames inside a section are still top-level frames for prototyping.
 */
export function topLevelNodes(page: FlowPage): RawFlowNode[] {
  const out: RawFlowNode[] = [];
  const walk = (nodes: RawFlowNode[]) => {
    for (const n of nodes) {
      if (n.type === 'SECTION') walk(n.children ?? []);
      else out.push(n);
    }
  };
  walk(page.children);
  return out;
}

/** Every node of every page by id, with its page and top-level holder. Iterative. */
export function indexPlaces(pages: FlowPage[]): Map<string, NodePlace> {
  const out = new Map<string, NodePlace>();
  for (const page of pages) {
    const sections: RawFlowNode[] = [...page.children];
    const tops = new Set(topLevelNodes(page).map((n) => n.id));
    while (sections.length) {
      const n = sections.pop()!;
      if (!tops.has(n.id)) {
        // a section: record it, keep looking for top-level nodes below
        if (!out.has(n.id)) out.set(n.id, { node: n, pageId: page.id, topId: null });
        sections.push(...(n.children ?? []));
        continue;
      }
      const stack: RawFlowNode[] = [n];
      while (stack.length) {
        const d = stack.pop()!;
        if (!out.has(d.id)) out.set(d.id, { node: d, pageId: page.id, topId: n.id });
        stack.push(...(d.children ?? []));
      }
    }
  }
  return out;
}
