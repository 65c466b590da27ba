// Where a job's chunks come from: Figma's nodes endpoint (a Figma URL), or an uploaded export
// (plugin-only mode). The producer is the same for both.
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { splitChunk, type PlanChunk } from '@cogo/figma-context';
import { FigmaError, type FigmaClient } from './figma.client';

export interface ChunkSource {
  /** The nodes responses of one chunk: one, or several when the source had to split it. */
  fetch(chunk: PlanChunk): Promise<GetFileNodesResponse[]>;
}

/** Fetches chunks from Figma; a `400 Request too large` splits the chunk in halves and retries each. */
export function figmaChunkSource(figma: FigmaClient, fileKey: string): ChunkSource {
  const fetchSplit = async (chunk: PlanChunk, depth: number): Promise<GetFileNodesResponse[]> => {
    try {
      return [await figma.nodes(fileKey, chunk.ids)];
    } catch (err) {
      if (!(err instanceof FigmaError) || err.code !== 'FIGMA_TOO_LARGE' || depth > 10) throw err;
      const halves = splitChunk(chunk);
      if (!halves.ok) throw new FigmaError('FIGMA_TOO_LARGE', `node ${halves.id} alone is too large to fetch (over what Figma returns or FIGMA_MAX_RESPONSE_BYTES allows)`, 400);
      const out: GetFileNodesResponse[] = [];
      for (const half of halves.chunks) out.push(...(await fetchSplit(half, depth + 1)));
      return out;
    }
  };
  let badBodies = 0;
  return {
    async fetch(chunk) {
      for (;;) {
        try {
          return await fetchSplit(chunk, 0);
        } catch (err) {
          // a truncated body is a transport fault: try again a couple of times
          if (err instanceof FigmaError && err.code === 'FIGMA_BAD_RESPONSE' && ++badBodies <= 2) continue;
          throw err;
        }
      }
    },
  };
}
