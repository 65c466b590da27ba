// Figma's REST quotas since 17 November 2025, as the fake enforces them when a test asks (off by default):
// one leaky bucket per token and endpoint tier that holds the tier's allowance and drains at the same rate
// (so a burst of the allowance passes, then one call per drip). Over it, a 429 with the headers Figma sends:
// Retry-After (seconds), X-Figma-Plan-Tier, X-Figma-Rate-Limit-Type (low|high) and X-Figma-Upgrade-Link.
//
//   tier  endpoints                                         low (View/Collab, Starter files)   high: pro · org · enterprise
//   1     GET /v1/files/:key, /nodes, /v1/images/:key       6 per month                        10 · 15 · 20 per minute
//   2     /files/:key/meta, /variables/*, /images, webhooks 5 per minute                       25 · 50 · 100 per minute
//   3     everything else                                   10 per minute                      50 · 100 · 150 per minute
import { FIGMA_ERRORS } from './figma-errors';
import { FIGMA_UPGRADE_LINK, type FaultAnswer } from './figma-faults';

export type FigmaEndpointTier = 1 | 2 | 3;
export type FigmaPlanTier = 'starter' | 'pro' | 'org' | 'enterprise';

/** The quota the fake enforces; `limitType` 'low' is a View/Collab seat, 'high' (default) a Dev/Full seat. */
export interface FigmaQuota {
  planTier: FigmaPlanTier;
  limitType?: 'low' | 'high';
  upgradeLink?: string;
}

const MINUTE_MS = 60_000;
const MONTH_MS = 30 * 24 * 3_600_000;
const HIGH: Record<Exclude<FigmaPlanTier, 'starter'>, [number, number, number]> = {
  pro: [10, 25, 50],
  org: [15, 50, 100],
  enterprise: [20, 100, 150],
};

/** The rate-limit tier of a Figma endpoint. */
export function endpointTier(method: string, path: string): FigmaEndpointTier {
  if (method === 'GET' && (/^\/v1\/files\/[^/]+(\/nodes)?\/?$/.test(path) || /^\/v1\/images\/[^/]+\/?$/.test(path))) return 1;
  if (/^\/v1\/files\/[^/]+\/(meta|variables\/|images\/?$)/.test(path) || path.startsWith('/v2/webhooks')) return 2;
  return 3;
}

/** X-Figma-Rate-Limit-Type of a quota: files in Starter plans always get the low limits. */
export function limitTypeOf(quota: FigmaQuota): 'low' | 'high' {
  return quota.planTier === 'starter' ? 'low' : (quota.limitType ?? 'high');
}

/** Calls allowed per window for one tier under a quota. */
export function tierLimit(quota: FigmaQuota, tier: FigmaEndpointTier): { calls: number; windowMs: number } {
  if (limitTypeOf(quota) === 'low') return tier === 1 ? { calls: 6, windowMs: MONTH_MS } : { calls: tier === 2 ? 5 : 10, windowMs: MINUTE_MS };
  return { calls: HIGH[quota.planTier as keyof typeof HIGH][tier - 1]!, windowMs: MINUTE_MS };
}

/** Leaky buckets per token and tier; `take` answers a 429 when the request does not fit. */
export class QuotaMeter {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(
    private readonly quota: FigmaQuota,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns the 429 to send instead when the bucket is full. */
  take(token: string, method: string, path: string): FaultAnswer | undefined {
    const tier = endpointTier(method, path);
    const { calls, windowMs } = tierLimit(this.quota, tier);
    const perMs = calls / windowMs;
    const now = this.now();
    const key = `${tier}|${token}`;
    const bucket = this.buckets.get(key) ?? { level: 0, at: now };
    const level = Math.max(0, bucket.level - (now - bucket.at) * perMs);
    if (level + 1 > calls) {
      const retryAfterSeconds = Math.max(1, Math.ceil((level + 1 - calls) / perMs / 1000));
      return {
        status: 429,
        err: FIGMA_ERRORS.rateLimited,
        headers: {
          'retry-after': String(retryAfterSeconds),
          'x-figma-plan-tier': this.quota.planTier,
          'x-figma-rate-limit-type': limitTypeOf(this.quota),
          'x-figma-upgrade-link': this.quota.upgradeLink ?? FIGMA_UPGRADE_LINK,
        },
      };
    }
    this.buckets.set(key, { level: level + 1, at: now });
    return undefined;
  }
}
