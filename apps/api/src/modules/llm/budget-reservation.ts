// The budget half of router-select, shared by completions and embeddings: before any provider is called the call
// reserves its projected cost on the project's SpendMeter (402 when not even the cheapest candidate fits; the
// candidates that do not fit are marked over_budget), and when it ends it settles what it actually cost.
import type { RoutingPolicy } from '@cogo/types';
import { spendMeterName } from '../../durable-objects/names';
import { ApiError } from '../../lib/errors';
import type { CallScope } from './call-scope';
import type { Candidate } from './router-select';

export interface Reservation {
  id: string;
  /** What is left of the tightest budget once this call's reservation is held, or null (no limit). */
  headroomUsd: number | null;
}

/** 402 naming the budget, its limit, what is spent and when it resets. */
export function budgetExceeded(period: 'daily' | 'monthly', limitUsd: number, spentUsd: number, resetsAt: string): ApiError {
  const retry = Math.max(1, Math.ceil((Date.parse(resetsAt) - Date.now()) / 1000));
  return new ApiError(
    'BUDGET_EXCEEDED',
    `the project's ${period} LLM budget of $${limitUsd} is spent ($${spentUsd.toFixed(6)}); it resets at ${resetsAt}`,
    { budget: period, limit_usd: limitUsd, spent_usd: spentUsd, resets_at: resetsAt },
    { 'Retry-After': String(retry) },
  );
}

/** 503 naming every candidate and why it cannot serve the call. */
export function noProvider(ranked: Candidate[]): ApiError {
  return new ApiError('LLM_NO_PROVIDER', 'no enabled model this project may use is available', {
    candidates: ranked.map((c) => ({ provider: c.model.provider.name, model: c.model.name, status: c.status, reason: c.reason })),
  });
}

/**
 * Reserves the projected cost of the available `candidates` when the policy has a budget; throws 402 when none
 * fits. Returns the candidates that still fit (in order) and the reservation (null without budgets).
 */
export async function reserveBudget(scope: CallScope, policy: RoutingPolicy, available: Candidate[]): Promise<{ candidates: Candidate[]; reservation: Reservation | null }> {
  const { daily_budget_usd: daily, monthly_budget_usd: monthly } = policy;
  if (daily === null && monthly === null) return { candidates: available, reservation: null };
  const id = crypto.randomUUID();
  const meter = scope.config.SPEND_METER.get(scope.config.SPEND_METER.idFromName(spendMeterName(scope.projectId)));
  const res = await meter.reserve(id, available.map((c) => c.projectedCostUsd), { daily, monthly });
  if (!res.ok) throw budgetExceeded(res.period, res.limitUsd, res.spentUsd, res.resetsAt);
  available.forEach((c, i) => {
    if (!res.fits[i]) Object.assign(c, { status: 'over_budget', reason: 'projected cost exceeds what is left of the budget' });
  });
  return { candidates: available.filter((c) => c.status === 'available'), reservation: { id, headroomUsd: res.headroomUsd } };
}

/** Ends the reservation with the call's actual cost, in the call's background (no-op without a reservation). */
export function settleBudget(scope: CallScope, reservation: Reservation | null, spentUsd: number): void {
  if (!reservation) return;
  const meter = scope.config.SPEND_METER.get(scope.config.SPEND_METER.idFromName(spendMeterName(scope.projectId)));
  scope.defer('spend settle', meter.settle(reservation.id, spentUsd));
}
