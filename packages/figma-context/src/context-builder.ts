/**
 * Streaming compaction: the server feeds one nodes response (one chunk) at a time; the builder keeps
 * the style/variable/component dictionaries across chunks and ships only new entries per chunk.
 */
import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import { compactNode, type WalkState } from './compact-node';
import type { ChunkOutput, CompactContext, CompactNode, Counts } from './compact-types';
import { type RawMeta, type RawNode, isRawNode } from './raw-node';
import { DefRegistry, emptyDefs, type RegistrySnapshot } from './styles';
import { type VariableIndex, type VariablesInput, indexVariables } from './variables';

export interface BuilderOptions {
  /** Local variables (response or meta) to resolve bound variable ids to names and values. */
  variables?: VariablesInput | null;
  /** Continue a stream from a snapshot taken by an earlier builder (another request). */
  resume?: BuilderSnapshot | null;
}

/** What a builder must remember between stream calls: dictionary ids, components seen, next index. */
export interface BuilderSnapshot {
  defs: RegistrySnapshot;
  components: string[];
  nextIndex: number;
}

/** Zeroed counters. */
export function emptyCounts(): Counts {
  return { pages: 0, frames: 0, components: 0, instances: 0, texts: 0, icons: 0, nodes: 0, folded: 0, hidden: 0 };
}

type NodesEntry = (RawMeta & { document?: unknown }) | null | undefined;

/** One entry of a nodes response: the node and the styles/components its subtree uses. */
export type NodeEntry = RawMeta & { document: RawNode };

/**
 * A chunk put together from many responses: a node too large for one answer is fetched at depth 1, then
 * its children in groups (recursively). Calls must come in document order (a node's shell before its
 * children, siblings left to right): dictionary ids are handed out in that order, as in one whole answer.
 */
export interface ChunkAssembly {
  /** Compacts a complete subtree under `parent` (null: a chunk root); null when hidden. */
  node(entry: NodeEntry, parent: RawNode | null): CompactNode | null;
  /** Compacts a node's own fields only; its children, compacted later with `node`, go in its `ch`. */
  shell(entry: NodeEntry, parent: RawNode | null): CompactNode | null;
  /** An id the answers did not hold. */
  missing(id: string): void;
  /** Closes the chunk: its roots, with the dictionary entries and components first used in it. */
  finish(roots: CompactNode[], index?: number, name?: string): ChunkOutput;
}

/** Compacts a stream's responses one chunk at a time, sharing dictionaries across chunks. */
export class ContextBuilder {
  private readonly reg: DefRegistry;
  private readonly seenComponents: Set<string>;
  private readonly vars: VariableIndex | null;
  private nextIndex: number;

  /** Starts (or, with `resume`, continues) a stream; `variables` resolves bound variable ids when given. */
  constructor(options: BuilderOptions = {}) {
    this.vars = options.variables ? indexVariables(options.variables) : null;
    this.reg = options.resume ? DefRegistry.restore(options.resume.defs) : new DefRegistry();
    this.seenComponents = new Set(options.resume?.components ?? []);
    this.nextIndex = options.resume?.nextIndex ?? 0;
  }

  /** The state to pass as `resume` to the builder of the next call. */
  snapshot(): BuilderSnapshot {
    return { defs: this.reg.snapshot(), components: [...this.seenComponents], nextIndex: this.nextIndex };
  }

  private state(meta: RawMeta, counts: Counts, components: ChunkOutput['components']): WalkState {
    return { reg: this.reg, meta, vars: this.vars, components, seenComponents: this.seenComponents, counts };
  }

  private walkRoot(doc: RawNode, st: WalkState, out: CompactNode[]): void {
    if (doc.type === 'DOCUMENT') {
      // Pages are the roots of a whole-file response; the document node itself carries nothing.
      for (const page of doc.children ?? []) {
        const c = compactNode(page, doc, st);
        if (c) out.push(c);
      }
      return;
    }
    const c = compactNode(doc, null, st);
    if (c) out.push(c);
  }

  /** Compacts one GET /v1/files/:key/nodes response — every entry of `nodes`, in response order. */
  addNodes(response: GetFileNodesResponse, index: number = this.nextIndex): ChunkOutput {
    const walk = this.nodesWalk(response, index);
    while (walk.step() !== null);
    return walk.done();
  }

  /**
   * addNodes, the same output, but awaiting `pause()` whenever another `everyNodes` compact nodes were made since the
   * last one (between entries of `nodes`): the caller's thread serves others meanwhile instead of compacting a large
   * answer in one go. Nothing else may use this builder until it resolves.
   */
  async addNodesPaced(response: GetFileNodesResponse, index: number, pause: () => Promise<void>, everyNodes = 2_000): Promise<ChunkOutput> {
    const walk = this.nodesWalk(response, index);
    let lastPause = 0;
    for (let made = walk.step(); made !== null; made = walk.step()) {
      if (made - lastPause < everyNodes) continue;
      lastPause = made;
      await pause();
    }
    return walk.done();
  }

  /** addNodes one entry at a time: `step()` compacts the next entry and answers the compact nodes made so far (null when none is left). */
  private nodesWalk(response: GetFileNodesResponse, index: number) {
    const counts = emptyCounts();
    const components: ChunkOutput['components'] = {};
    const nodes: CompactNode[] = [];
    const missing: string[] = [];
    const entries = (response.nodes ?? {}) as Record<string, NodesEntry>;
    const ids = Object.keys(entries);
    let at = 0;
    return {
      step: (): number | null => {
        if (at >= ids.length) return null;
        const id = ids[at++]!;
        const entry = entries[id];
        if (!entry || !isRawNode(entry.document)) missing.push(id);
        else this.walkRoot(entry.document, this.state(entry, counts, components), nodes);
        return counts.nodes;
      },
      done: () => this.finish(index, response.name, nodes, components, counts, missing),
    };
  }

  /** Starts a chunk assembled from many responses (see ChunkAssembly); nothing is shipped until `finish`. */
  assemble(): ChunkAssembly {
    const counts = emptyCounts();
    const components: ChunkOutput['components'] = {};
    const missing: string[] = [];
    return {
      node: (entry, parent) => compactNode(entry.document, parent, this.state(entry, counts, components)),
      shell: (entry, parent) => {
        // without its children compactNode stops after the node's own fields (and never folds it as an icon)
        const { children: _children, ...own } = entry.document;
        return compactNode(own as RawNode, parent, this.state(entry, counts, components));
      },
      missing: (id) => {
        missing.push(id);
      },
      finish: (roots, index = this.nextIndex, name) => this.finish(index, name, roots, components, counts, missing),
    };
  }

  /** Compacts a GET /v1/files/:key response (the whole document, or a depth-limited one). */
  addFile(response: GetFileResponse, index: number = this.nextIndex): ChunkOutput {
    const counts = emptyCounts();
    const components: ChunkOutput['components'] = {};
    const nodes: CompactNode[] = [];
    if (isRawNode(response.document)) {
      this.walkRoot(response.document, this.state(response as RawMeta, counts, components), nodes);
    }
    return this.finish(index, response.name, nodes, components, counts, []);
  }

  private finish(
    index: number,
    name: string | undefined,
    nodes: CompactNode[],
    components: ChunkOutput['components'],
    counts: Counts,
    missing: string[],
  ): ChunkOutput {
    this.nextIndex = index + 1;
    const out: ChunkOutput = { v: 1, index, nodes, defs: this.reg.takeNew(), components, counts };
    if (name !== undefined) out.name = name;
    if (missing.length > 0) out.missing = missing;
    return out;
  }
}

/** Compacts one response in one go (a fresh builder: all defs it uses are included). */
export function compact(
  input: GetFileResponse | GetFileNodesResponse,
  options: BuilderOptions = {},
): CompactContext {
  const builder = new ContextBuilder(options);
  const chunk = 'nodes' in input ? builder.addNodes(input) : builder.addFile(input);
  const { index: _index, ...ctx } = chunk;
  return ctx;
}

/**
 * Rebuilds the whole context from a stream's chunks (what a client does with the SSE events). A part with
 * `under` (splitOutput) has its nodes appended to the children of that node, merged before it; the chunks
 * given are not changed (nodes are copied once the first such part comes). An unknown `under` throws.
 */
export function mergeChunks(chunks: readonly (CompactContext & Pick<ChunkOutput, 'under'>)[]): CompactContext {
  const out: CompactContext = { v: 1, nodes: [], defs: emptyDefs(), components: {}, counts: emptyCounts() };
  const missing: string[] = [];
  // ids of the merged nodes, built when a part first needs one: a stream with no split chunk never pays for it
  let byId: Map<string, CompactNode> | null = null;
  const own = (n: CompactNode): CompactNode => {
    const copy = { ...n };
    if (n.ch) copy.ch = n.ch.map(own);
    byId!.set(copy.id, copy);
    return copy;
  };
  for (const chunk of chunks) {
    if (out.name === undefined && chunk.name !== undefined) out.name = chunk.name;
    if (chunk.under !== undefined) {
      if (!byId) {
        byId = new Map();
        out.nodes = out.nodes.map(own);
      }
      const parent = byId.get(chunk.under);
      if (!parent) throw new Error(`mergeChunks: a part is under node ${chunk.under}, which no part before it holds`);
      const ch = (parent.ch ??= []);
      for (const n of chunk.nodes) ch.push(own(n));
    } else for (const n of chunk.nodes) out.nodes.push(byId ? own(n) : n);
    for (const k of Object.keys(out.defs) as (keyof CompactContext['defs'])[]) {
      Object.assign(out.defs[k], chunk.defs[k]);
    }
    Object.assign(out.components, chunk.components);
    for (const k of Object.keys(out.counts) as (keyof Counts)[]) out.counts[k] += chunk.counts[k];
    if (chunk.missing) missing.push(...chunk.missing);
  }
  if (missing.length > 0) out.missing = missing;
  return out;
}
