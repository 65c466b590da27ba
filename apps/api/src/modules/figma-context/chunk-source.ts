// Where a job's chunks come from: Figma's nodes endpoint (a Figma URL), or an uploaded export
// (plugin-only mode). The producer is the same for both. A chunk too large for one Figma answer is
// halved; a single node too large alone is not an error (issue 8, "any file size"): it becomes a
// LargeNode, which the producer compacts in pieces (compactInPieces: the node at depth=1, then its
// children in groups, recursively), each answer within FIGMA_MAX_RESPONSE_BYTES, held one at a time.
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { compactInPieces, splitChunk, type ContextBuilder, type Descended, type PlanChunk } from '@cogo/figma-context';
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
  /** The parts of one chunk, in order, fetched as they are asked for: one answer, or several when the source had to split it. */
  fetch(chunk: PlanChunk): AsyncIterable<ChunkPart>;
}

const tooLarge = (err: unknown) => err instanceof FigmaError && err.code === 'FIGMA_TOO_LARGE';
const badBody = (err: unknown) => err instanceof FigmaError && err.code === 'FIGMA_BAD_RESPONSE';

/** Fetches chunks from Figma; a `400 Request too large` splits the chunk in halves, a single node in pieces. */
export function figmaChunkSource(figma: FigmaClient, fileKey: string): ChunkSource {
  let badBodies = 0;
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
      response = await retried(() => figma.nodes(fileKey, chunk.ids));
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
  return { fetch: (chunk) => parts(chunk, 0) };
}
