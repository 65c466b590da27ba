// FigmaPacer — one Durable Object per Figma token: id = idFromName(`figma::<sha256(token) prefix>`).
// Every call to Figma with that token first asks for a slot on its endpoint tier (figma-budget.ts), so
// concurrent jobs on one token share Figma's budget instead of tripping it together. Each tier is a GCRA
// meter (theoretical arrival time `tat`: per-minute budgets are spaced one interval apart, the monthly one
// may burst its 6 calls); a 429 blocks that tier of that token until its Retry-After and teaches the token's
// plan (X-Figma-Plan-Tier, X-Figma-Rate-Limit-Type). State is stored, because a Retry-After of days and a
// monthly budget must outlive the object's eviction; an alarm deletes it once nothing in it matters any more.
import { DurableObject } from 'cloudflare:workers';
import { budgetFor, LEARNED_TTL_MS, parseLimitType, parsePlanTier, type FigmaBudget, type FigmaLimitType, type FigmaPacing, type FigmaPlanTier, type FigmaTier } from './figma-budget';

export { figmaPacerName } from './names';

/** What Figma's 429 said, kept with the penalty so later refusals can name it without asking again. */
export interface FigmaPenalty {
  planTier: string | null;
  limitType: string | null;
  upgradeLink: string | null;
}

export interface SlotRequest extends FigmaPacing {
  tier: FigmaTier;
  /** Longest wait the caller accepts; a longer one is refused and reserves nothing. */
  maxWaitMs?: number;
}

export type Slot =
  | { ok: true; waitMs: number; budget: FigmaBudget }
  | { ok: false; waitMs: number; retryAt: number; penalty: FigmaPenalty | null; budget: FigmaBudget };

interface TierState {
  tat: number;
  blockedUntil: number;
  penalty: FigmaPenalty | null;
}

interface PacerState {
  tiers: Record<FigmaTier, TierState>;
  learned: { planTier: FigmaPlanTier | null; limitType: FigmaLimitType | null; until: number } | null;
}

const KEY = 'state';
/** How long after its meters ran down a token's state is kept (see save()). */
const FORGET_AFTER_MS = 60_000;
const fresh = (): PacerState => ({
  tiers: { 1: { tat: 0, blockedUntil: 0, penalty: null }, 2: { tat: 0, blockedUntil: 0, penalty: null }, 3: { tat: 0, blockedUntil: 0, penalty: null } },
  learned: null,
});

export class FigmaPacer extends DurableObject {
  private state: PacerState = fresh();
  private alarmAt = 0;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    void ctx.blockConcurrencyWhile(async () => {
      this.state = (await ctx.storage.get<PacerState>(KEY)) ?? fresh();
      this.alarmAt = (await ctx.storage.getAlarm()) ?? 0;
    });
  }

  /** The tier's meter (GCRA) at `now` under the budget in force; `tat` is where the next slot is theoretically due. */
  private meter(request: FigmaPacing & { tier: FigmaTier }, now: number) {
    const budget = budgetFor(request.tier, request, this.state.learned, now);
    const interval = budget.perMs / budget.calls;
    const tolerance = (budget.burst - 1) * interval;
    const tier = this.state.tiers[request.tier];
    // a 429 means Figma's bucket is full until blockedUntil: the meter may not run ahead of that
    const tat = Math.max(tier.tat, now, tier.blockedUntil + tolerance);
    return { budget, interval, tolerance, tier, tat };
  }

  /** Reserves the next slot on `tier`, or refuses (reserving nothing) when it is further away than maxWaitMs. */
  async acquire(request: SlotRequest): Promise<Slot> {
    const now = Date.now();
    const { budget, interval, tolerance, tier, tat } = this.meter(request, now);
    const slot = Math.max(now, tat - tolerance);
    const waitMs = slot - now;
    if (waitMs > (request.maxWaitMs ?? Number.POSITIVE_INFINITY)) {
      return { ok: false, waitMs, retryAt: slot, penalty: tier.blockedUntil > now ? tier.penalty : null, budget };
    }
    tier.tat = tat + interval;
    await this.save(tier.tat);
    return { ok: true, waitMs, budget };
  }

  /**
   * Read-only (the quota forecast of `start`): how long until the `calls`-th next call on `tier` may go at the
   * budget in force, if nobody else takes a slot meanwhile — the same meter as acquire, reserving nothing.
   */
  async forecast(request: FigmaPacing & { tier: FigmaTier; calls: number }): Promise<{ waitMs: number; intervalMs: number; budget: FigmaBudget }> {
    const now = Date.now();
    const { budget, interval, tolerance, tat } = this.meter(request, now);
    // the k-th call's slot is (tat + (k-1)·interval) - tolerance, as acquire would hand them out one by one
    const waitMs = request.calls <= 0 ? 0 : Math.max(0, tat + (request.calls - 1) * interval - tolerance - now);
    return { waitMs, intervalMs: interval, budget };
  }

  /** Figma answered 429 on `tier`: nobody on this token calls that tier before `untilMs`; learn the plan it named. */
  async penalize(tier: FigmaTier, untilMs: number, said: { planTier?: string | null; limitType?: string | null; upgradeLink?: string | null }): Promise<void> {
    const state = this.state.tiers[tier];
    state.blockedUntil = Math.max(state.blockedUntil, untilMs);
    state.penalty = { planTier: said.planTier ?? null, limitType: said.limitType ?? null, upgradeLink: said.upgradeLink ?? null };
    const planTier = parsePlanTier(said.planTier);
    const limitType = parseLimitType(said.limitType);
    if (planTier || limitType) this.state.learned = { planTier, limitType, until: Date.now() + LEARNED_TTL_MS };
    await this.save(Math.max(state.blockedUntil, this.state.learned?.until ?? 0));
  }

  /** Forgets the token once every meter has run down and nothing learned is fresh. */
  override async alarm(): Promise<void> {
    const until = this.expiry();
    this.alarmAt = 0;
    if (until <= Date.now()) {
      this.state = fresh();
      await this.ctx.storage.deleteAll();
    } else {
      await this.save(until);
    }
  }

  private expiry(): number {
    const tiers = Object.values(this.state.tiers).map((t) => Math.max(t.tat, t.blockedUntil));
    return Math.max(...tiers, this.state.learned?.until ?? 0);
  }

  /**
   * Stores the state; the forgetting alarm is moved only once the state outlives it, and then to a minute past
   * that: a token in steady use costs one alarm write a minute, not one per call, and its state is forgotten a
   * minute after it ran down instead of between two bursts (where it would be written again at once).
   */
  private async save(relevantUntil: number): Promise<void> {
    await this.ctx.storage.put(KEY, this.state);
    if (relevantUntil > this.alarmAt) {
      this.alarmAt = relevantUntil + FORGET_AFTER_MS;
      await this.ctx.storage.setAlarm(this.alarmAt);
    }
  }
}
