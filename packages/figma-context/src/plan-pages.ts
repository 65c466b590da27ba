/**
 * Planning a file whose depth=2 skeleton is over the response budget (issue 8 #4): read the pages alone
 * (`GET /v1/files/:key?depth=1`), then the pages' top-level layers in groups
 * (`GET /v1/files/:key/nodes?ids=<page ids>&depth=1`, as many pages per call as fit), and assemble the same
 * skeleton depth=2 would have given — so `planChunks` plans it identically, for any number of frames.
 */
import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import { type RawNode, isRawNode } from './raw-node';

/** Share of the response budget a group of pages is sized for: page sizes vary, so leave headroom. */
export const PAGE_GROUP_FILL = 0.8;

/** The pages to list, in document order: every CANVAS of a depth=1 file response. */
export function pagesToList(top: GetFileResponse): Array<{ id: string; name: string }> {
  const doc = top.document as unknown as RawNode | undefined;
  return (doc?.children ?? []).filter((pg) => pg.type === 'CANVAS').map((pg) => ({ id: pg.id, name: pg.name ?? '' }));
}

/** What planning reads of a top-level layer; its properties would only hold memory for the whole start. */
function slim(node: RawNode): RawNode {
  return { id: node.id, type: node.type, ...(node.name !== undefined ? { name: node.name } : {}), ...(node.visible === false ? { visible: false } : {}) };
}

/** The top-level layers of each page a depth=1 nodes response holds (a page absent or null maps to none). */
export function layersOfPages(response: GetFileNodesResponse, pageIds: readonly string[]): Map<string, RawNode[]> {
  const out = new Map<string, RawNode[]>();
  for (const id of pageIds) {
    const doc = response.nodes?.[id]?.document;
    out.set(id, isRawNode(doc) ? ((doc as RawNode).children ?? []).map(slim) : []);
  }
  return out;
}

/** The depth=2 skeleton, rebuilt from the depth=1 file response and the pages' listed layers. */
export function skeletonFromPages(top: GetFileResponse, layers: ReadonlyMap<string, RawNode[]>): GetFileResponse {
  const doc = top.document as unknown as RawNode;
  const children = (doc.children ?? []).map((pg) => (layers.has(pg.id) ? { ...pg, children: layers.get(pg.id) } : pg));
  return { ...top, document: { ...doc, children } as unknown as GetFileResponse['document'] };
}

/**
 * How many pages the next listing call asks for: as many as fit `PAGE_GROUP_FILL` of the budget at the
 * average size of the pages listed so far (`listed` bytes over `pages`); without a measure yet, half of
 * what is left (the whole skeleton did not fit in one answer). Never less than one.
 */
export function pagesPerCall(budgetBytes: number, remaining: number, listed: { bytes: number; pages: number }): number {
  if (remaining <= 1) return Math.max(remaining, 1);
  if (listed.pages === 0 || listed.bytes === 0) return Math.ceil(remaining / 2);
  const perPage = listed.bytes / listed.pages;
  return Math.max(1, Math.min(remaining, Math.floor((budgetBytes * PAGE_GROUP_FILL) / perPage)));
}
