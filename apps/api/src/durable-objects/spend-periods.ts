// Budget periods of a routing policy: the UTC day and the UTC month a moment falls in, and when each resets.

export interface Budgets {
  daily: number | null;
  monthly: number | null;
}

export type ReserveResult =
  | { ok: true; headroomUsd: number | null; fits: boolean[] }
  | { ok: false; period: 'daily' | 'monthly'; limitUsd: number; spentUsd: number; resetsAt: string };

export interface SpendState {
  period: 'daily' | 'monthly';
  limitUsd: number | null;
  spentUsd: number;
  resetsAt: string;
}

/** The periods with a budget set: storage key (`d:2026-12-02`, `m:2026-12`), limit and reset time. */
export function budgetPeriods(budgets: Budgets, nowMs: number): Array<{ period: 'daily' | 'monthly'; key: string; limitUsd: number; resetsAt: string }> {
  const now = new Date(nowMs);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const iso = now.toISOString();
  const out: Array<{ period: 'daily' | 'monthly'; key: string; limitUsd: number; resetsAt: string }> = [];
  if (budgets.daily !== null) {
    out.push({ period: 'daily', key: `d:${iso.slice(0, 10)}`, limitUsd: budgets.daily, resetsAt: new Date(Date.UTC(y, m, now.getUTCDate() + 1)).toISOString() });
  }
  if (budgets.monthly !== null) {
    out.push({ period: 'monthly', key: `m:${iso.slice(0, 7)}`, limitUsd: budgets.monthly, resetsAt: new Date(Date.UTC(y, m + 1, 1)).toISOString() });
  }
  return out;
}
