// Figma's REST budgets (in force since 17 November 2025), per seat × endpoint tier × plan of the file read:
//
//   tier  endpoints                                     View/Collab seat, or a Starter file   Dev/Full seat: pro · org · enterprise
//   1     GET /v1/files/:key, /nodes, /v1/images/:key   6 per month                          10 · 15 · 20 per minute
//   2     /files/:key/meta, /variables/*, webhooks      5 per minute                         25 · 50 · 100 per minute
//   3     lighter reads                                 10 per minute                        50 · 100 · 150 per minute
//
// Which budget a token gets, most specific first: FIGMA_REQUESTS_PER_MIN when set (one per-minute rate for every
// tier, an operator's explicit override), else what the token's last 429 said (X-Figma-Plan-Tier and
// X-Figma-Rate-Limit-Type, for LEARNED_TTL_MS), else FIGMA_PLAN_TIER × FIGMA_SEAT (default pro × full).
// Per-minute budgets are spent evenly (one call per interval, no burst): a personal token's budget is shared with
// every other tool its owner runs. The monthly one allows its 6 calls at once, as Figma does, then one per 5 days.

export const FIGMA_PLAN_TIERS = ['starter', 'pro', 'org', 'enterprise'] as const;
export type FigmaPlanTier = (typeof FIGMA_PLAN_TIERS)[number];
/** Seat of the token's owner: dev/full get the plan's limits ("high"), view/collab the low ones. */
export const FIGMA_SEATS = ['full', 'dev', 'view', 'collab'] as const;
export type FigmaSeat = (typeof FIGMA_SEATS)[number];
export type FigmaTier = 1 | 2 | 3;
export type FigmaLimitType = 'low' | 'high';

/** How the caller's deployment is configured (from env), sent with every slot request. */
export interface FigmaPacing {
  plan: FigmaPlanTier;
  seat: FigmaSeat;
  /** FIGMA_REQUESTS_PER_MIN: when set, overrides every tier's budget. */
  perMinute?: number;
}

export interface FigmaBudget {
  calls: number;
  perMs: number;
  /** Calls that may go at once before spacing starts. */
  burst: number;
  source: 'override' | 'learned' | 'config';
  planTier: FigmaPlanTier | null;
  limitType: FigmaLimitType | null;
}

/** How long what a 429 taught about a token's plan is trusted without a new 429 confirming it. */
export const LEARNED_TTL_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;
const MONTH_MS = 30 * 86_400_000;
const HIGH: Record<Exclude<FigmaPlanTier, 'starter'>, readonly [number, number, number]> = {
  pro: [10, 25, 50],
  org: [15, 50, 100],
  enterprise: [20, 100, 150],
};

/** The limit type a plan and seat get: Starter files and View/Collab seats are "low". */
export function limitTypeOf(plan: FigmaPlanTier, seat: FigmaSeat): FigmaLimitType {
  return plan === 'starter' || seat === 'view' || seat === 'collab' ? 'low' : 'high';
}

/** Figma's budget for one endpoint tier under a plan and limit type. */
export function planBudget(plan: FigmaPlanTier, limitType: FigmaLimitType, tier: FigmaTier, source: FigmaBudget['source']): FigmaBudget {
  const base = { source, planTier: plan, limitType };
  if (plan === 'starter' || limitType === 'low') {
    return tier === 1 ? { calls: 6, perMs: MONTH_MS, burst: 6, ...base, limitType: 'low' } : { calls: tier === 2 ? 5 : 10, perMs: MINUTE_MS, burst: 1, ...base, limitType: 'low' };
  }
  return { calls: HIGH[plan][tier - 1]!, perMs: MINUTE_MS, burst: 1, ...base };
}

/** X-Figma-Plan-Tier as one of ours ('professional' → pro …), or null when unknown. */
export function parsePlanTier(value: string | null | undefined): FigmaPlanTier | null {
  const v = value?.trim().toLowerCase() ?? '';
  if (/^(starter|free)/.test(v)) return 'starter';
  if (/^pro/.test(v)) return 'pro';
  if (/^org/.test(v)) return 'org';
  if (/^ent/.test(v)) return 'enterprise';
  return null;
}

/** X-Figma-Rate-Limit-Type, or null when absent or unknown. */
export function parseLimitType(value: string | null | undefined): FigmaLimitType | null {
  const v = value?.trim().toLowerCase();
  return v === 'low' || v === 'high' ? v : null;
}

/** The budget in force for a tier: override, else learned (while fresh), else configured. */
export function budgetFor(tier: FigmaTier, pacing: FigmaPacing, learned: { planTier: FigmaPlanTier | null; limitType: FigmaLimitType | null; until: number } | null, now: number): FigmaBudget {
  if (pacing.perMinute) return { calls: pacing.perMinute, perMs: MINUTE_MS, burst: 1, source: 'override', planTier: null, limitType: null };
  if (learned && learned.until > now && (learned.planTier || learned.limitType)) {
    const plan = learned.planTier ?? pacing.plan;
    return planBudget(plan, learned.limitType ?? limitTypeOf(plan, pacing.seat), tier, 'learned');
  }
  return planBudget(pacing.plan, limitTypeOf(pacing.plan, pacing.seat), tier, 'config');
}
