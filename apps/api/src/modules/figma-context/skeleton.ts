// What `start` plans from, every Figma answer within FIGMA_MAX_RESPONSE_BYTES (issue 8 #2, #4):
// - a whole file: the depth=2 skeleton; when that alone is over the budget (tens of thousands of top-level
//   frames), the pages (depth=1), then the pages' top-level layers in groups (`/nodes?ids=<pages>&depth=1`,
//   as many pages per call as fit) — the same skeleton, so the same plan, for any number of frames;
// - a node: its depth=2 subtree (depth=1 when that is too large: a unit is the node itself), and where it
//   sits — its real page and the ids above it — so its job stores and replaces components on that page.
import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import {
  SCOPE_LOOKUP_FIRST_DEPTH,
  layersOfPages,
  nextLookupDepth,
  pagesPerCall,
  pagesToList,
  placeOf,
  skeletonFromPages,
  type NodePlace,
  type Plan,
  type RawNode,
} from '@cogo/figma-context';
import { FigmaError, type FigmaClient } from './figma.client';

const tooLarge = (err: unknown) => err instanceof FigmaError && err.code === 'FIGMA_TOO_LARGE';

/** The whole file's depth=2 skeleton, read in groups of pages when it does not fit one answer. */
export async function fileSkeleton(figma: FigmaClient, fileKey: string, budgetBytes: number): Promise<GetFileResponse> {
  try {
    return await figma.file(fileKey, 2);
  } catch (err) {
    if (!tooLarge(err)) throw err;
  }
  const top = await figma.file(fileKey, 1);
  const pages = pagesToList(top).map((pg) => pg.id);
  const layers = new Map<string, RawNode[]>();
  const listed = { bytes: 0, pages: 0 };
  let size = pagesPerCall(budgetBytes, pages.length, listed);
  for (let at = 0; at < pages.length; ) {
    const group = pages.slice(at, at + size);
    let response: GetFileNodesResponse;
    try {
      response = await figma.nodes(fileKey, group, 1);
    } catch (err) {
      if (!tooLarge(err)) throw err;
      if (group.length === 1) {
        throw new FigmaError('FIGMA_TOO_LARGE', `page ${group[0]} alone lists more top-level layers than one Figma answer of FIGMA_MAX_RESPONSE_BYTES (${budgetBytes} bytes) holds`, 413);
      }
      size = Math.ceil(group.length / 2);
      continue;
    }
    for (const [id, list] of layersOfPages(response, group)) layers.set(id, list);
    listed.bytes += figma.charsOf(response);
    listed.pages += group.length;
    at += group.length;
    size = pagesPerCall(budgetBytes, pages.length - at, listed);
  }
  return skeletonFromPages(top, layers);
}

/** A node's subtree for planning: depth=2, or depth=1 when that is over the budget. */
export async function nodeSkeleton(figma: FigmaClient, fileKey: string, nodeId: string): Promise<GetFileNodesResponse> {
  try {
    return await figma.nodes(fileKey, [nodeId], 2);
  } catch (err) {
    if (!tooLarge(err)) throw err;
    return await figma.nodes(fileKey, [nodeId], 1);
  }
}

/**
 * Where a scoped node sits: its page (the node itself when it is a page, at no cost) and the ids between the
 * page and it, read from the paths `?ids=<node>&depth=` returns (plan-scope.ts); null when Figma's tree does
 * not show it (the job then runs as before, unplaced).
 */
export async function placeOfNode(figma: FigmaClient, fileKey: string, skeleton: GetFileNodesResponse, nodeId: string): Promise<NodePlace | null> {
  const node = skeleton.nodes?.[nodeId]?.document as unknown as RawNode | undefined;
  if (node === undefined) return null; // not in the file: planning answers 404
  if (node.type === 'CANVAS') return { pageId: node.id, pageName: node.name ?? '', ancestors: [], parentType: 'DOCUMENT' };
  for (let depth: number | null = SCOPE_LOOKUP_FIRST_DEPTH; depth !== null; depth = nextLookupDepth(depth)) {
    let paths: GetFileResponse;
    try {
      paths = await figma.file(fileKey, depth, [nodeId]);
    } catch (err) {
      if (tooLarge(err)) return null; // the node's dependencies are too large to list: run unplaced
      throw err;
    }
    const found = placeOf(paths, nodeId, depth);
    if (found.kind === 'found') return found.place;
    if (found.kind === 'absent') return null;
  }
  return null;
}

/**
 * The pages a job's stream names, and where its chunks' top nodes sit (the producer reads both): a node-scoped
 * job names its node's real page, and carries the ids above the node so its items match a whole-file job's.
 */
export function scopedPlan(plan: Plan, place: NodePlace | null, nodeId?: string) {
  const pages = plan.pages.map((pg) => ({ id: pg.id, name: pg.name }));
  if (place && !pages.some((pg) => pg.id === place.pageId)) pages.push({ id: place.pageId, name: place.pageName });
  const scope = place && nodeId && place.pageId !== nodeId ? { node_id: nodeId, page_id: place.pageId, ancestors: place.ancestors, parent_type: place.parentType } : null;
  return { pages, scope };
}
