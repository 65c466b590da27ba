// The quota forecast of `start` (issue 8): the Figma calls a job makes by endpoint tier, and how long its stream
// waits for them at the token's budget — asked of the token's FigmaPacer (read-only), so it counts what other
// jobs on the same token have already reserved, a 429's penalty, and a learned plan.
import { forecastRequests, withinIds, type PlanChunk } from '@cogo/figma-context';
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import type { AppConfig } from '../../env';
import type { FigmaTier } from '../../durable-objects/figma-budget';
import { figmaPacerName } from '../../durable-objects/names';
import { sha256Hex } from '../../lib/crypto';
import { figmaChunkSource, isLargeNode } from './chunk-source';
import { FigmaError, type FigmaClient } from './figma.client';
import { nodesScope } from './version-cache';

export interface FigmaCalls {
  tier1: number;
  tier2: number;
}

/** Seconds the stream's calls wait for the token's slots (tiers one after the other: a job calls one at a time). */
export async function estimatedSeconds(config: AppConfig, token: string, stream: FigmaCalls): Promise<number> {
  const pacer = config.FIGMA_PACER.get(config.FIGMA_PACER.idFromName(figmaPacerName(await sha256Hex(token))));
  const pacing = { plan: config.FIGMA_PLAN_TIER, seat: config.FIGMA_SEAT, ...(config.FIGMA_REQUESTS_PER_MIN ? { perMinute: config.FIGMA_REQUESTS_PER_MIN } : {}) };
  let ms = 0;
  for (const [tier, calls] of [[1, stream.tier1], [2, stream.tier2]] as Array<[FigmaTier, number]>) {
    if (calls > 0) ms += (await pacer.forecast({ tier, calls, ...pacing })).waitMs;
  }
  return Math.ceil(ms / 1000);
}

export interface ChunkForecastInput {
  fileKey: string;
  chunks: PlanChunk[];
  budgetBytes: number;
  maxIds: number;
  /** What the version cache holds for the job's version (null: cache off or bypassed). */
  index: Map<string, { outcome: string; bytes: number }> | null;
  /** Characters per id the project's last job on this file learned, or null. */
  priorPerId: number | null;
}

const EMPTY_ANSWER = { name: '', role: 'viewer', lastModified: '', editorType: 'figma', thumbnailUrl: '', version: '', nodes: {} } as unknown as GetFileNodesResponse;

/**
 * The /nodes requests the job's stream will send, and how many of them the cache answers. With cached answers,
 * the job's own chunk source runs against the cache index — sizes from the stored answers, refusals as stored — so
 * the forecast asks what the job will ask (a hit is a hit whatever grouping the first run chose). Without, the
 * requests at the prior's size per id (forecastRequests).
 */
export async function forecastChunkRequests(input: ChunkForecastInput): Promise<{ tier1: number; cached: number }> {
  const { index, priorPerId, budgetBytes, maxIds } = input;
  if (!index || index.size === 0) return { tier1: forecastRequests(input.chunks, priorPerId, budgetBytes, maxIds), cached: 0 };
  let tier1 = 0;
  let cached = 0;
  let chars = 0;
  // sizes of the cached answers met so far: what a miss is assumed to cost when no earlier job taught a size
  let seen = { chars: 0, ids: 0 };
  const lookup = async (ids: string[], depth?: number) => {
    const row = index.get(await sha256Hex(nodesScope(ids, depth)));
    return row && (row.outcome === 'ok' || budgetBytes <= row.bytes) ? row : null;
  };
  const dry = {
    nodes: async (_key: string, ids: string[], depth?: number) => {
      const row = await lookup(ids, depth);
      if (!row) {
        tier1++;
        // a miss: assume it fits, at the prior's size per id, else at the cached answers' size
        const per = priorPerId ?? (seen.ids > 0 ? seen.chars / seen.ids : 0);
        chars = per * ids.length;
        return EMPTY_ANSWER;
      }
      cached++;
      if (row.outcome !== 'ok') throw new FigmaError('FIGMA_TOO_LARGE', 'cached as too large', 413);
      chars = row.bytes;
      seen = { chars: seen.chars + row.bytes, ids: seen.ids + ids.length };
      return EMPTY_ANSWER;
    },
    charsOf: () => chars,
  } as unknown as FigmaClient;
  const source = figmaChunkSource(dry, input.fileKey, { budgetBytes, maxIds });
  for (let i = 0; i < input.chunks.length; i++) {
    for await (const part of source.fetch(input.chunks[i]!, async () => withinIds(input.chunks.slice(i, i + maxIds), maxIds))) {
      // a node read in pieces: its first piece tells whether the first run read it (its answers were stored together)
      if (isLargeNode(part)) {
        if (await lookup([part.large], 1)) cached++;
        else tier1++;
      }
    }
  }
  // nothing of the stream cached (start's own skeleton may be): the requests at the prior's size
  if (cached === 0) return { tier1: forecastRequests(input.chunks, priorPerId, budgetBytes, maxIds), cached: 0 };
  return { tier1, cached };
}
