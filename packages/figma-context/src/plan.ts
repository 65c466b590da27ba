/**
 * Seed rule — chunk planning: "with a node-id, scan only that subtree; otherwise the whole document.
 * Plan from GET /v1/files/:key?depth=2 (pages and top-level frames), then fetch nodes with
 * GET /v1/files/:key/nodes?ids=… — never the whole file in one response. ≤ 500 node ids per stream
 * call, ≤ 100 components per chunk; fall back frames → renderable nodes → flattened ids".
 */
import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import { FRAME_UNIT_TYPES, NON_RENDERABLE_TYPES, type RawNode, isRawNode } from './raw-node';

export interface PlanOptions {
  /** Most node ids one stream call may fetch (default 500). */
  maxIdsPerCall?: number;
  /** Most node ids (units) in one chunk, i.e. one nodes request (default 100). */
  maxNodesPerChunk?: number;
  /** Most units in the plan's first chunk (default FIRST_CHUNK_NODES, never more than maxNodesPerChunk). */
  firstChunkNodes?: number;
  /** Scope the plan to this node's subtree (the skeleton must then be that node's nodes response). */
  nodeId?: string;
  /** Plan the scoped node's children rather than the node itself (after `single-node-too-large`). */
  expandNode?: boolean;
}

export interface PlanPage {
  id: string;
  name: string;
  /** Frame-like units (frames, sections, components, sets) found at the top of the page. */
  frameCount: number;
}

export interface PlanChunk {
  index: number;
  /** The page the ids belong to; null when scoped to a node whose page the skeleton does not say. */
  pageId: string | null;
  ids: string[];
}

/** How a page's units were picked, per the seed rule's fallback order. */
export type UnitSource = 'frames' | 'renderable' | 'flattened' | 'node';

export interface Plan {
  pages: PlanPage[];
  chunks: PlanChunk[];
  /** Nodes visible in the skeleton — a lower bound, since depth=2 hides everything deeper. */
  nodeCountEstimate: number;
  maxIdsPerCall: number;
  maxNodesPerChunk: number;
  sources: Record<string, UnitSource>;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; code: 'bad-options' | 'node-not-found'; message: string };

export const DEFAULT_MAX_IDS_PER_CALL = 500;
export const DEFAULT_MAX_NODES_PER_CHUNK = 100;
/**
 * The first chunk is small: its answer comes back and is compacted quickly (the client's first `page.chunk` within
 * a few hundred ms), and it teaches the job the sizes of the file's answers before any large request is sized
 * (fetch-groups.ts) — one small request instead of a large one refused.
 */
export const FIRST_CHUNK_NODES = 8;

function visible(node: RawNode): boolean {
  return node.visible !== false;
}

// The walkers below are iterative: an upload may nest nodes as deep as the API accepts.
function countVisible(node: RawNode): number {
  let n = 0;
  const stack = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (!visible(next)) continue;
    n++;
    for (const child of next.children ?? []) stack.push(child);
  }
  return n;
}

/** Visible descendants' ids in document order (depth-first, pre-order). */
function flatten(node: RawNode, out: string[]): void {
  const stack = [...(node.children ?? [])].reverse();
  while (stack.length) {
    const child = stack.pop()!;
    if (!visible(child)) continue;
    out.push(child.id);
    for (let i = (child.children?.length ?? 0) - 1; i >= 0; i--) stack.push(child.children![i]!);
  }
}

/** Picks a container's units: frames, else renderable children, else every visible descendant id. */
export function unitsOf(container: RawNode): { ids: string[]; source: UnitSource; frameCount: number } {
  const children = (container.children ?? []).filter(visible);
  const frames = children.filter((c) => FRAME_UNIT_TYPES.has(c.type));
  // Mixed pages (frames next to loose shapes) must not lose the loose shapes: once a page has
  // frames, every renderable top-level child is still a unit, in document order.
  const renderable = children.filter((c) => !NON_RENDERABLE_TYPES.has(c.type));
  if (frames.length > 0) return { ids: renderable.map((c) => c.id), source: 'frames', frameCount: frames.length };
  if (renderable.length > 0) return { ids: renderable.map((c) => c.id), source: 'renderable', frameCount: 0 };
  const flat: string[] = [];
  flatten(container, flat);
  return { ids: flat, source: 'flattened', frameCount: 0 };
}

function toChunks(ids: string[], pageId: string | null, size: number, out: PlanChunk[], firstSize = size): void {
  let i = 0;
  if (out.length === 0 && ids.length > 0) {
    out.push({ index: 0, pageId, ids: ids.slice(0, firstSize) });
    i = firstSize;
  }
  for (; i < ids.length; i += size) {
    out.push({ index: out.length, pageId, ids: ids.slice(i, i + size) });
  }
}

function readOptions(options: PlanOptions): { calls: number; chunk: number; first: number } | string {
  const calls = options.maxIdsPerCall ?? DEFAULT_MAX_IDS_PER_CALL;
  const chunk = options.maxNodesPerChunk ?? DEFAULT_MAX_NODES_PER_CHUNK;
  const first = options.firstChunkNodes ?? FIRST_CHUNK_NODES;
  if (!Number.isInteger(calls) || calls < 1) return `maxIdsPerCall must be a positive integer, got ${calls}.`;
  if (!Number.isInteger(chunk) || chunk < 1) return `maxNodesPerChunk must be a positive integer, got ${chunk}.`;
  if (!Number.isInteger(first) || first < 1) return `firstChunkNodes must be a positive integer, got ${first}.`;
  if (chunk > calls) return `maxNodesPerChunk (${chunk}) cannot exceed maxIdsPerCall (${calls}).`;
  return { calls, chunk, first: Math.min(first, chunk) };
}

function scopeRoot(skeleton: GetFileResponse | GetFileNodesResponse, nodeId?: string): RawNode | string {
  if ('document' in skeleton && isRawNode(skeleton.document)) {
    if (nodeId === undefined) return skeleton.document as RawNode;
    const found = findNode(skeleton.document as RawNode, nodeId);
    return found ?? `node ${nodeId} is not in the file skeleton (depth=2 only holds pages and top-level frames).`;
  }
  const nodes = (skeleton as GetFileNodesResponse).nodes ?? {};
  const key = nodeId ?? Object.keys(nodes)[0];
  const entry = key === undefined ? undefined : nodes[key];
  if (!entry || !isRawNode(entry.document)) return `node ${key ?? '(none)'} is missing from the nodes response.`;
  return entry.document as RawNode;
}

function findNode(node: RawNode, id: string): RawNode | null {
  const stack = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.id === id) return next;
    for (let i = (next.children?.length ?? 0) - 1; i >= 0; i--) stack.push(next.children![i]!);
  }
  return null;
}

/** Plans the chunks to fetch from a depth=2 skeleton (file response, or the scoped node's nodes response). */
export function planChunks(skeleton: GetFileResponse | GetFileNodesResponse, options: PlanOptions = {}): PlanResult {
  const limits = readOptions(options);
  if (typeof limits === 'string') return { ok: false, code: 'bad-options', message: limits };
  const root = scopeRoot(skeleton, options.nodeId);
  if (typeof root === 'string') return { ok: false, code: 'node-not-found', message: root };
  const pages: PlanPage[] = [];
  const chunks: PlanChunk[] = [];
  const sources: Record<string, UnitSource> = {};
  const addPage = (page: RawNode) => {
    const units = unitsOf(page);
    pages.push({ id: page.id, name: page.name ?? '', frameCount: units.frameCount });
    sources[page.id] = units.source;
    toChunks(units.ids, page.id, limits.chunk, chunks, limits.first);
  };
  if (root.type === 'DOCUMENT') {
    for (const page of root.children ?? []) if (visible(page) && page.type === 'CANVAS') addPage(page);
  } else if (root.type === 'CANVAS') {
    addPage(root);
  } else if (visible(root) && options.expandNode === true) {
    const units = unitsOf(root);
    sources[root.id] = units.source;
    toChunks(units.ids, null, limits.chunk, chunks, limits.first);
  } else if (visible(root)) {
    // A single node keeps its own attributes only if it is fetched itself, so it is the one unit;
    // splitChunk reports it when even that is too large.
    sources[root.id] = 'node';
    toChunks([root.id], null, limits.chunk, chunks);
  }
  return {
    ok: true,
    plan: {
      pages,
      chunks,
      nodeCountEstimate: countVisible(root),
      maxIdsPerCall: limits.calls,
      maxNodesPerChunk: limits.chunk,
      sources,
    },
  };
}
