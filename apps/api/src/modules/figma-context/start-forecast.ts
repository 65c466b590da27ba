// The quota forecast of `start` (issue 8): the Figma calls a job makes by endpoint tier, and how long its stream
// waits for them at the token's budget — asked of the token's FigmaPacer (read-only), so it counts what other
// jobs on the same token have already reserved, a 429's penalty, and a learned plan.
import type { AppConfig } from '../../env';
import type { FigmaTier } from '../../durable-objects/figma-budget';
import { figmaPacerName } from '../../durable-objects/names';
import { sha256Hex } from '../../lib/crypto';

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
