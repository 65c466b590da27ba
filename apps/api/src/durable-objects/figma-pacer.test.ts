import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { figmaPacerName } from './names';

const pacer = (name: string) => env.FIGMA_PACER.get(env.FIGMA_PACER.idFromName(figmaPacerName(name.repeat(64).slice(0, 64))));
const PRO = { plan: 'pro', seat: 'full' } as const;
const DAY = 86_400_000;

/** Slots of `n` callers asking one after the other, as waits in ms. */
async function waits(stub: ReturnType<typeof pacer>, n: number, request: Parameters<ReturnType<typeof pacer>['acquire']>[0]) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await stub.acquire(request)).waitMs);
  return out;
}

/** Each wait is `k` intervals, less the time that passed between the calls. */
function expectSpaced(list: number[], intervalMs: number) {
  list.forEach((w, k) => {
    expect(w).toBeGreaterThanOrEqual(k * intervalMs - 500);
    expect(w).toBeLessThanOrEqual(k * intervalMs);
  });
}

describe('FigmaPacer', () => {
  it('spaces ten concurrent callers on one token one interval apart, and another token independently', async () => {
    const stub = pacer('a');
    const t0 = Date.now();
    const slots = await Promise.all(Array.from({ length: 10 }, () => stub.acquire({ tier: 1, ...PRO, perMinute: 60 })));
    const sorted = slots.map((s) => s.waitMs).sort((x, y) => x - y);
    const spread = Date.now() - t0;
    // slot k waits k intervals, less the time that passed between the calls
    sorted.forEach((w, k) => {
      expect(w).toBeGreaterThanOrEqual(k * 1000 - spread);
      expect(w).toBeLessThanOrEqual(k * 1000);
    });
    expect((await pacer('b').acquire({ tier: 1, ...PRO, perMinute: 60 })).waitMs).toBe(0);
  });

  it("holds everyone on the token back after Figma's Retry-After, on that endpoint tier only", async () => {
    const stub = pacer('c');
    await stub.penalize(1, Date.now() + 5_000, {});
    const wait = (await stub.acquire({ tier: 1, ...PRO, perMinute: 6_000 })).waitMs;
    expect(wait).toBeGreaterThan(4_900);
    expect(wait).toBeLessThanOrEqual(5_000);
    expect((await stub.acquire({ tier: 2, ...PRO, perMinute: 6_000 })).waitMs).toBe(0);
  });

  it('spaces each endpoint tier by the configured plan: enterprise 20 Tier-1 and 100 Tier-2 calls a minute, pro 10 and 25', async () => {
    const ent = pacer('d');
    expectSpaced(await waits(ent, 3, { tier: 1, plan: 'enterprise', seat: 'full' }), 3_000);
    expectSpaced(await waits(ent, 3, { tier: 2, plan: 'enterprise', seat: 'full' }), 600);
    const pro = pacer('e');
    expectSpaced(await waits(pro, 2, { tier: 1, ...PRO }), 6_000);
    expectSpaced(await waits(pro, 2, { tier: 2, ...PRO }), 2_400);
    expectSpaced(await waits(pro, 2, { tier: 3, ...PRO }), 1_200);
  });

  it("learns the plan from a 429's X-Figma-Plan-Tier over the configured one; FIGMA_REQUESTS_PER_MIN overrides both", async () => {
    const stub = pacer('f');
    await stub.penalize(2, Date.now(), { planTier: 'org', limitType: 'high' });
    const learned = await stub.acquire({ tier: 1, ...PRO });
    expect(learned.budget).toMatchObject({ source: 'learned', planTier: 'org', limitType: 'high', calls: 15, perMs: 60_000 });
    expect((await stub.acquire({ tier: 1, ...PRO })).waitMs).toBeGreaterThan(3_500); // 15/min: 4 s apart
    const override = await pacer('g').acquire({ tier: 1, ...PRO, perMinute: 600 });
    expect(override.budget).toMatchObject({ source: 'override', calls: 600, perMs: 60_000 });
    expect((await pacer('g').acquire({ tier: 1, ...PRO, perMinute: 600 })).waitMs).toBeLessThanOrEqual(100);
  });

  it('View/Collab seat: 6 Tier-1 calls a month, then refuses a wait over maxWaitMs without reserving it', async () => {
    const stub = pacer('h');
    const view = { tier: 1, plan: 'pro', seat: 'view', maxWaitMs: 10_000 } as const;
    expect(await waits(stub, 6, view)).toEqual([0, 0, 0, 0, 0, 0]);
    const refused = await stub.acquire(view);
    expect(refused.ok).toBe(false);
    expect(refused.waitMs).toBeGreaterThan(5 * DAY - 60_000); // one call every 5 days
    expect(refused.budget).toMatchObject({ source: 'config', limitType: 'low', calls: 6, perMs: 30 * DAY });
    // the refusal reserved nothing: the next caller is told the same wait, not twice it
    expect((await stub.acquire(view)).waitMs).toBeLessThanOrEqual(refused.waitMs);
    expect((await stub.acquire({ ...view, tier: 2 })).waitMs).toBe(0);
  });

  it('a refusal during a penalty names what Figma said: retry time, plan tier, limit type, upgrade link', async () => {
    const stub = pacer('i');
    const until = Date.now() + 4 * DAY;
    await stub.penalize(1, until, { planTier: 'pro', limitType: 'low', upgradeLink: 'https://www.figma.com/upgrade' });
    const refused = await stub.acquire({ tier: 1, ...PRO, perMinute: 100_000, maxWaitMs: 5_000 });
    expect(refused).toMatchObject({ ok: false, retryAt: until, penalty: { planTier: 'pro', limitType: 'low', upgradeLink: 'https://www.figma.com/upgrade' } });
    // the override keeps honouring Figma's penalty
    expect(refused.waitMs).toBeGreaterThan(4 * DAY - 5_000);
  });
});

describe('FigmaPacer.forecast (start’s quota forecast)', () => {
  it('says when the n-th next call may go at the budget in force, and reserves nothing', async () => {
    const stub = pacer('fq');
    const f3 = await stub.forecast({ tier: 1, ...PRO, calls: 3 });
    expect(f3).toMatchObject({ intervalMs: 6_000, budget: { calls: 10, perMs: 60_000 } });
    expect(f3.waitMs).toBe(12_000); // pro: 10 a minute, the first now, then 6 s apart
    expect((await stub.forecast({ tier: 1, ...PRO, calls: 0 })).waitMs).toBe(0);
    expect((await stub.acquire({ tier: 1, ...PRO })).waitMs).toBe(0); // the forecasts took no slot
    const after = await stub.forecast({ tier: 1, ...PRO, calls: 1 });
    expect(after.waitMs).toBeGreaterThan(5_500);
    expect(after.waitMs).toBeLessThanOrEqual(6_000);
    expect((await stub.forecast({ tier: 2, ...PRO, calls: 1 })).waitMs).toBe(0); // tiers are metered apart
  });

  it("counts the monthly burst of a View seat and a 429's penalty", async () => {
    const view = { tier: 1, plan: 'pro', seat: 'view' } as const;
    expect((await pacer('fr').forecast({ ...view, calls: 6 })).waitMs).toBe(0);
    expect((await pacer('fr').forecast({ ...view, calls: 7 })).waitMs).toBe(5 * DAY);
    const stub = pacer('fs');
    const until = Date.now() + DAY;
    await stub.penalize(1, until, { planTier: 'pro', limitType: 'high' });
    expect((await stub.forecast({ tier: 1, ...PRO, calls: 1 })).waitMs).toBeGreaterThan(DAY - 5_000);
  });
});
