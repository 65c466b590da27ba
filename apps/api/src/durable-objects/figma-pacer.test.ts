import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { figmaPacerName } from './names';

describe('FigmaPacer', () => {
  it('spaces ten concurrent callers on one token one interval apart, and another token independently', async () => {
    const stub = env.FIGMA_PACER.get(env.FIGMA_PACER.idFromName(figmaPacerName('a'.repeat(64))));
    const t0 = Date.now();
    const waits = (await Promise.all(Array.from({ length: 10 }, () => stub.acquire(1000)))).sort((x, y) => x - y);
    const spread = Date.now() - t0;
    // slot k waits k intervals, less the time that passed between the calls
    waits.forEach((w, k) => {
      expect(w).toBeGreaterThanOrEqual(k * 1000 - spread);
      expect(w).toBeLessThanOrEqual(k * 1000);
    });
    const other = env.FIGMA_PACER.get(env.FIGMA_PACER.idFromName(figmaPacerName('b'.repeat(64))));
    expect(await other.acquire(1000)).toBe(0);
  });

  it("holds everyone on the token back after Figma's Retry-After", async () => {
    const stub = env.FIGMA_PACER.get(env.FIGMA_PACER.idFromName(figmaPacerName('c'.repeat(64))));
    await stub.penalize(Date.now() + 5_000);
    const wait = await stub.acquire(10);
    expect(wait).toBeGreaterThan(4_900);
    expect(wait).toBeLessThanOrEqual(5_000);
  });
});
