// What a fixed rate window answers, shared by the objects that count (RateLimiter's leases, ProjectGate) and the
// middleware that spends leased admissions; kept apart from the classes so code outside workerd can import it.

/** The share of a window's limit whose crossing is reported once (`rate_limit_near`). */
export const NEAR_LIMIT_RATIO = 0.9;

export interface HitResult {
  allowed: boolean;
  limit: number;
  /** Admitted requests so far in this window (including this one when allowed). */
  count: number;
  remaining: number;
  /** True for exactly one request per window: the one whose admission crossed NEAR_LIMIT_RATIO of the limit. */
  nearLimitCrossed: boolean;
  /** True for exactly one request per window: the first one refused. */
  firstRejection: boolean;
}

/**
 * How long an isolate may admit an API key without asking the project's ProjectGate again, counted from when it
 * asked: revoking a key waits until every such trust has ended (ProjectGate.revokeKeys), so a revocation still
 * holds from the moment its answer is sent.
 */
export const KEY_TRUST_MS = 1_000;

/** Admissions `from`..`to` of a window granted to one isolate (`to < from`: none, the window is full). */
export interface Lease {
  from: number;
  to: number;
  /** True for exactly one refusal per window (the first), as in HitResult. */
  firstRejection: boolean;
}

/** The answer for admission number `count` of a window of `limit`, or for a refusal (`count` null). */
export function windowHit(limit: number, count: number | null, firstRejection = false): HitResult {
  if (count === null) return { allowed: false, limit, count: limit, remaining: 0, nearLimitCrossed: false, firstRejection };
  return { allowed: true, limit, count, remaining: limit - count, nearLimitCrossed: count === Math.ceil(limit * NEAR_LIMIT_RATIO), firstRejection: false };
}
