/**
 * "Any file size" (issue 8): a node larger than one Figma answer is fetched in pieces — itself with
 * `depth=1` (its own fields and its children's), then its children in groups, a group still too large
 * split, a child too large alone descended the same way — and compacted as each answer arrives. At most
 * one answer is held at a time, and the chunk equals the compaction of one whole answer: same nodes, same
 * dictionary ids (pieces are compacted in document order), same counts.
 */
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import type { ChunkOutput, CompactNode } from './compact-types';
import type { ChunkAssembly, ContextBuilder, NodeEntry } from './context-builder';
import { componentMetaOf, type ComponentMeta } from './extract';
import { isRawNode, type RawNode } from './raw-node';

export interface DescendOptions {
  /** GET /v1/files/:key/nodes?ids=[&depth=] — throws what `tooLarge` recognises when the answer is over the budget. */
  fetch: (ids: string[], depth?: number) => Promise<GetFileNodesResponse>;
  /** Whether an error from `fetch` means "this answer is too large" (then the request is split). */
  tooLarge: (err: unknown) => boolean;
}

/** A chunk of one node compacted in pieces, and the component keys and descriptions its answers named (for extractComponents). */
export interface Descended {
  out: ChunkOutput;
  meta: Map<string, ComponentMeta>;
  /** Figma answers read (those found too large included). */
  calls: number;
}

const entryOf = (response: GetFileNodesResponse, id: string): NodeEntry | null => {
  const entry = (response.nodes as Record<string, (NodeEntry & { document?: unknown }) | null | undefined> | undefined)?.[id];
  return entry && isRawNode(entry.document) ? entry : null;
};

/** Compacts node `id` (a chunk root) from as many answers as it takes, each one within the budget. */
export async function compactInPieces(builder: ContextBuilder, id: string, options: DescendOptions, index?: number): Promise<Descended> {
  const asm = builder.assemble();
  const meta = new Map<string, ComponentMeta>();
  let calls = 0;
  let name: string | undefined;
  const read = async (ids: string[], depth?: number) => {
    calls++;
    const response = await options.fetch(ids, depth);
    name ??= response.name;
    for (const [k, v] of componentMetaOf(response)) meta.set(k, v);
    return response;
  };

  // the node's own fields, then its children; null when hidden or absent
  const descend = async (nodeId: string, parent: RawNode | null, asm: ChunkAssembly): Promise<CompactNode | null> => {
    const entry = entryOf(await read([nodeId], 1), nodeId);
    if (!entry) {
      asm.missing(nodeId);
      return null;
    }
    const out = asm.shell(entry, parent);
    if (!out) return null;
    const node = entry.document;
    const visible: string[] = [];
    // a hidden child only counts as hidden (as in a whole answer): its stub says so, no fetch needed
    for (const child of node.children ?? []) {
      if (child.visible === false) asm.node({ document: child }, node);
      else visible.push(child.id);
    }
    const ch: CompactNode[] = [];
    // the node was too large, so all its children at once are too: start with halves, halve while too
    // large, keep a size that fitted for the next group (fewer wasted calls than restarting from the top)
    let size = Math.max(1, Math.ceil(visible.length / 2));
    for (let at = 0; at < visible.length; ) {
      const group = visible.slice(at, at + size);
      let response: GetFileNodesResponse;
      try {
        response = await read(group);
      } catch (err) {
        if (!options.tooLarge(err)) throw err;
        if (group.length > 1) {
          size = Math.ceil(group.length / 2);
          continue;
        }
        const c = await descend(group[0]!, node, asm);
        if (c) ch.push(c);
        at += 1;
        continue;
      }
      for (const childId of group) {
        const e = entryOf(response, childId);
        if (!e) {
          asm.missing(childId);
          continue;
        }
        const c = asm.node(e, node);
        if (c) ch.push(c);
      }
      at += group.length;
    }
    if (ch.length > 0) out.ch = ch;
    return out;
  };

  const root = await descend(id, null, asm);
  return { out: asm.finish(root ? [root] : [], index, name), meta, calls };
}
