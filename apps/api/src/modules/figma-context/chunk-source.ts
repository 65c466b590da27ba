// Where a job's chunks come from: Figma's nodes endpoint (a Figma URL), or an uploaded export
// (plugin-only mode). The producer is the same for both. A chunk too large for one Figma answer is
// halved; a single node too large alone is not an error (issue 8, "any file size"): it becomes a
// LargeNode, which the producer compacts in pieces (compactInPieces: the node at depth=1, then its
// children in groups, recursively), each answer within FIGMA_MAX_RESPONSE_BYTES, held one at a time.
// Requests are sized from the answers seen so far (fetch-groups.ts in @cogo/figma-context): small chunks are
// asked for together — the answer is held and cut per chunk, and the stream call does not end while it holds
// one — and a chunk too large for the budget is asked for in pieces rather than whole.
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { compactInPieces, emptyModel, learnAnswer, learnTooLarge, nextGroup, slices, splitChunk, type ContextBuilder, type Descended, type PlanChunk, type SizeModel } from '@cogo/figma-context';
import { FigmaError, type FigmaClient } from './figma.client';

/** A node too large for one answer, compacted in its place in the chunk, in pieces. */
export interface LargeNode {
  large: string;
  /** Fetches and compacts the node with `builder` (dictionary ids go on from the parts before it). */
  compact(builder: ContextBuilder, index: number): Promise<Descended>;
}

/** One part of a chunk: a whole nodes answer, or a node to fetch in pieces. */
export type ChunkPart = GetFileNodesResponse | LargeNode;

/** Whether a part is a node to fetch in pieces. */
export const isLargeNode = (part: ChunkPart): part is LargeNode => 'large' in part;

export interface ChunkSource {
  /**
   * The parts of one chunk, in order, fetched as they are asked for: one answer, or several when the source had
   * to split it. `ahead` lists the chunks from this one on that one request may take together.
   */
  fetch(chunk: PlanChunk, ahead?: () => Promise<PlanChunk[]>): AsyncIterable<ChunkPart>;
  /** Whether it holds answers for chunks not asked for yet (a stream call must not end then: its resume would ask again). */
  holding?(): boolean;
  /** What it learned of answer sizes (kept with the producer's position, so a resumed call sizes requests alike). */
  estimate?(): SizeModel;
}

export interface FigmaSourceOptions {
  /** FIGMA_MAX_RESPONSE_BYTES. */
  budgetBytes: number;
  /** Most ids one request takes. */
  maxIds: number;
  /** Learned so far in the job (from its producer state). */
  estimate?: SizeModel | null;
}

/** The answer for some of a request's ids: the same file-level maps, only these nodes, in this order. */
function answerFor(response: GetFileNodesResponse, ids: readonly string[]): GetFileNodesResponse {
  const nodes: GetFileNodesResponse['nodes'] = {};
  for (const id of ids) if (id in response.nodes) nodes[id] = response.nodes[id]!;
  return { ...response, nodes };
}

const tooLarge = (err: unknown) => err instanceof FigmaError && err.code === 'FIGMA_TOO_LARGE';
const badBody = (err: unknown) => err instanceof FigmaError && err.code === 'FIGMA_BAD_RESPONSE';

/** Fetches chunks from Figma; a `400 Request too large` splits the chunk in halves, a single node in pieces. */
export function figmaChunkSource(figma: FigmaClient, fileKey: string, options: FigmaSourceOptions): ChunkSource {
  let badBodies = 0;
  const estimate: SizeModel = structuredClone(options.estimate ?? emptyModel());
  /** Answers of chunks fetched with an earlier one, by chunk index. */
  const held = new Map<number, GetFileNodesResponse>();
  // what each answer (or refusal) says of the sizes on the page of `chunk`, the request's first chunk
  const nodes = async (chunk: PlanChunk, ids: string[]) => {
    try {
      const response = await retried(() => figma.nodes(fileKey, ids));
      learnAnswer(estimate, chunk, figma.charsOf(response), ids.length);
      return response;
    } catch (err) {
      if (tooLarge(err)) learnTooLarge(estimate, chunk, options.budgetBytes, ids.length);
      throw err;
    }
  };
  // a truncated body is a transport fault: try again a couple of times (per source, not per request)
  const retried = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await call();
      } catch (err) {
        if (badBody(err) && ++badBodies <= 2) continue;
        throw err;
      }
    }
  };
  const largeNode = (id: string): LargeNode => ({
    large: id,
    async compact(builder, index) {
      try {
        return await compactInPieces(builder, id, { fetch: (ids, depth) => retried(() => figma.nodes(fileKey, ids, depth)), tooLarge }, index);
      } catch (err) {
        if (!tooLarge(err)) throw err;
        // only a node's own fields and its direct children's can be no smaller: name the node that failed
        throw new FigmaError('FIGMA_TOO_LARGE', `node ${id} cannot be fetched even in pieces: one of its layers lists more direct children than one answer of FIGMA_MAX_RESPONSE_BYTES holds`, 413);
      }
    },
  });
  // a chunk too large is halved, and each half fetched only once the part before it has been consumed
  async function* parts(chunk: PlanChunk, depth: number): AsyncGenerator<ChunkPart> {
    let response: GetFileNodesResponse;
    try {
      response = await nodes(chunk, chunk.ids);
    } catch (err) {
      if (!tooLarge(err) || depth > 10) throw err;
      const halves = splitChunk(chunk);
      if (!halves.ok) {
        yield largeNode(halves.id);
        return;
      }
      for (const half of halves.chunks) yield* parts(half, depth + 1);
      return;
    }
    yield response;
  }
  async function* fetch(chunk: PlanChunk, ahead?: () => Promise<PlanChunk[]>): AsyncGenerator<ChunkPart> {
    const kept = held.get(chunk.index);
    if (kept) {
      held.delete(chunk.index);
      yield kept;
      return;
    }
    held.clear(); // answers for other chunks than the one asked for are of no use any more
    const list = ahead ? await ahead() : [chunk];
    const group = nextGroup(list[0]?.index === chunk.index ? list : [chunk], estimate, options.budgetBytes, options.maxIds);
    if (group.count > 1) {
      const together = list.slice(0, group.count);
      let response: GetFileNodesResponse | null = null;
      try {
        response = await nodes(chunk, together.flatMap((c) => c.ids));
      } catch (err) {
        if (!tooLarge(err)) throw err; // refused as too large: learned, and this chunk is sized again alone
      }
      if (response) {
        for (const c of together.slice(1)) held.set(c.index, answerFor(response, c.ids));
        yield answerFor(response, chunk.ids);
        return;
      }
      yield* fetch(chunk);
      return;
    }
    const pieces = slices(chunk.ids, group.pieces);
    for (const ids of pieces) yield* parts(pieces.length === 1 ? chunk : { ...chunk, ids }, 0);
  }

  return { fetch, holding: () => held.size > 0, estimate: () => structuredClone(estimate) };
}
