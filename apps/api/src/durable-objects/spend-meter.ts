// SpendMeter — one Durable Object per project: id = idFromName(`spend::<projectId>`) (names.ts). It enforces the
// routing policy's daily and monthly cost budgets (UTC day and month) across every isolate: a call reserves its
// projected cost before it starts and settles its actual cost when it ends, so concurrent calls cannot together
// overspend what each alone would fit in. Spent sums live in SQLite; reservations in memory (a lost one only
// frees headroom early). The ledger of record is cogo.llm_usage; this is the counter that refuses.
import { DurableObject } from 'cloudflare:workers';
import { budgetPeriods, type Budgets, type ReserveResult, type SpendState } from './spend-periods';

export type { Budgets, ReserveResult, SpendState };

/** A reservation never settled (a crashed isolate) stops counting after this long. */
const RESERVATION_TTL_MS = 15 * 60_000;

export class SpendMeter extends DurableObject {
  private readonly sql: SqlStorage;
  private readonly spent = new Map<string, number>();
  private readonly reserved = new Map<string, { usd: number; at: number }>();

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`create table if not exists spent (period text primary key, usd real not null)`);
    for (const r of this.sql.exec<{ period: string; usd: number }>(`select period, usd from spent`)) this.spent.set(r.period, r.usd);
  }

  /**
   * Reserves the largest of `projectedUsd` (one per candidate model) that fits every budget; `fits[i]` says which
   * candidates fit. Refused, naming the budget, when not even the cheapest fits.
   */
  async reserve(id: string, projectedUsd: number[], budgets: Budgets, nowMs = Date.now()): Promise<ReserveResult> {
    this.expire(nowMs);
    const held = this.heldUsd();
    let headroom = Number.POSITIVE_INFINITY;
    let blocking: Extract<ReserveResult, { ok: false }> | undefined;
    const cheapest = Math.min(...projectedUsd, Number.POSITIVE_INFINITY);
    for (const p of budgetPeriods(budgets, nowMs)) {
      const spent = this.spent.get(p.key) ?? 0;
      const left = p.limitUsd - spent - held;
      if (left < headroom) headroom = left;
      if (!blocking && (left <= 0 || cheapest > left)) blocking = { ok: false, period: p.period, limitUsd: p.limitUsd, spentUsd: spent, resetsAt: p.resetsAt };
    }
    if (blocking) return blocking;
    const fits = projectedUsd.map((usd) => usd <= headroom);
    const usd = Math.max(0, ...projectedUsd.filter((_, i) => fits[i]));
    this.reserved.set(id, { usd, at: nowMs });
    return { ok: true, headroomUsd: Number.isFinite(headroom) ? headroom : null, fits };
  }

  /** Ends a reservation and adds the call's actual cost to the day and the month it ended in. */
  async settle(id: string, actualUsd: number, nowMs = Date.now()): Promise<void> {
    this.reserved.delete(id);
    if (!(actualUsd > 0)) return;
    for (const p of budgetPeriods({ daily: 0, monthly: 0 }, nowMs)) {
      const usd = (this.spent.get(p.key) ?? 0) + actualUsd;
      this.spent.set(p.key, usd);
      this.sql.exec(`insert into spent (period, usd) values (?, ?) on conflict (period) do update set usd = excluded.usd`, p.key, usd);
    }
    // keep only the current day and month, and last month for reports
    const keep = new Set(budgetPeriods({ daily: 0, monthly: 0 }, nowMs).map((p) => p.key));
    for (const key of [...this.spent.keys()]) {
      if (!keep.has(key) && key.startsWith('d:')) {
        this.spent.delete(key);
        this.sql.exec(`delete from spent where period = ?`, key);
      }
    }
  }

  /** Spent and limits of each budget now. */
  async state(budgets: Budgets, nowMs = Date.now()): Promise<SpendState[]> {
    return budgetPeriods({ daily: budgets.daily ?? 0, monthly: budgets.monthly ?? 0 }, nowMs).map((p) => ({
      period: p.period,
      limitUsd: (p.period === 'daily' ? budgets.daily : budgets.monthly) ?? null,
      spentUsd: this.spent.get(p.key) ?? 0,
      resetsAt: p.resetsAt,
    }));
  }

  private heldUsd(): number {
    let sum = 0;
    for (const r of this.reserved.values()) sum += r.usd;
    return sum;
  }

  private expire(nowMs: number): void {
    for (const [id, r] of this.reserved) if (nowMs - r.at > RESERVATION_TTL_MS) this.reserved.delete(id);
  }
}
