/**
 * Cursor math over a plan: which chunks one stream call processes (≤ maxIdsPerCall ids), where to
 * resume, and how to split a chunk Figma refused with `400 Request too large`.
 */
import type { Plan, PlanChunk } from './plan';

export interface PlanCall {
  /** Index of this call when the plan is walked from chunk 0. */
  index: number;
  /** Chunk indexes this call processes, consecutive. */
  chunks: number[];
  idCount: number;
  /** The cursor to resume from after this call (the next chunk index, or chunks.length when done). */
  nextChunk: number;
}

/** Groups the plan's chunks into stream calls of ≤ maxIdsPerCall ids, starting at chunk `fromChunk`. */
export function callsOf(plan: Plan, fromChunk = 0): PlanCall[] {
  const calls: PlanCall[] = [];
  let current: PlanCall | null = null;
  for (let i = Math.max(0, fromChunk); i < plan.chunks.length; i++) {
    const chunk = plan.chunks[i] as PlanChunk;
    if (current === null || current.idCount + chunk.ids.length > plan.maxIdsPerCall) {
      current = { index: calls.length, chunks: [], idCount: 0, nextChunk: i };
      calls.push(current);
    }
    current.chunks.push(i);
    current.idCount += chunk.ids.length;
    current.nextChunk = i + 1;
  }
  return calls;
}

/** The one call a stream request should process when resuming at `cursor` (null when the plan is done). */
export function callAt(plan: Plan, cursor: number): PlanCall | null {
  return callsOf(plan, cursor)[0] ?? null;
}

export type SplitResult =
  | { ok: true; chunks: [PlanChunk, PlanChunk] }
  | { ok: false; code: 'single-node-too-large'; id: string; message: string };

/**
 * Halves a chunk Figma answered `400 Request too large` for. Both halves keep the chunk's index
 * (the cursor still points at the original chunk); a single id cannot be split and is reported.
 */
export function splitChunk(chunk: PlanChunk): SplitResult {
  if (chunk.ids.length <= 1) {
    const id = chunk.ids[0] ?? '';
    return {
      ok: false,
      code: 'single-node-too-large',
      id,
      message: `Node ${id} alone is too large for one Figma nodes request; fetch it with depth=2 and plan it with { nodeId, expandNode: true }.`,
    };
  }
  const half = Math.ceil(chunk.ids.length / 2);
  return {
    ok: true,
    chunks: [
      { index: chunk.index, pageId: chunk.pageId, ids: chunk.ids.slice(0, half) },
      { index: chunk.index, pageId: chunk.pageId, ids: chunk.ids.slice(half) },
    ],
  };
}
