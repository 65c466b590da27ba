// RateLimiter — one Durable Object per (policy, subject, fixed window):
// id = idFromName(`rl::<policy>::<subject>::<windowStartMs>`). The object runs one call at a time,
// so the count is exact under any concurrency: no request over the limit is admitted.
// The alarm deletes the window's storage a minute after it ends.
import { DurableObject } from 'cloudflare:workers';

export { rateLimiterName } from './names';

export interface HitResult {
  allowed: boolean;
  limit: number;
  /** Admitted requests so far in this window (including this one when allowed). */
  count: number;
  remaining: number;
  /** True for exactly one request per window: the one whose admission crossed `nearRatio` of the limit. */
  nearLimitCrossed: boolean;
  /** True for exactly one request per window: the first one refused. */
  firstRejection: boolean;
}

/** Admissions `from`..`to` of a window granted to one isolate (`to < from`: none, the window is full). */
export interface Lease {
  from: number;
  to: number;
  /** True for exactly one refusal per window (the first), as in HitResult. */
  firstRejection: boolean;
}

export class RateLimiter extends DurableObject {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`create table if not exists w (id integer primary key check (id = 1), admitted integer not null, rejected integer not null)`);
  }

  /** Counts one request against `limit`; `windowEndMs` schedules the cleanup. */
  async hit(limit: number, windowEndMs: number, nearRatio = 0.9): Promise<HitResult> {
    const row = this.sql.exec<{ admitted: number; rejected: number }>(`select admitted, rejected from w where id = 1`).toArray()[0];
    const admitted = row?.admitted ?? 0;
    const rejected = row?.rejected ?? 0;
    if (!row) await this.ctx.storage.setAlarm(windowEndMs + 60_000);
    if (admitted >= limit) {
      this.sql.exec(`insert into w (id, admitted, rejected) values (1, ?, ?) on conflict (id) do update set rejected = excluded.rejected`, admitted, rejected + 1);
      return { allowed: false, limit, count: admitted, remaining: 0, nearLimitCrossed: false, firstRejection: rejected === 0 };
    }
    const count = admitted + 1;
    this.sql.exec(`insert into w (id, admitted, rejected) values (1, ?, ?) on conflict (id) do update set admitted = excluded.admitted`, count, rejected);
    const threshold = Math.ceil(limit * nearRatio);
    return { allowed: true, limit, count, remaining: limit - count, nearLimitCrossed: count === threshold, firstRejection: false };
  }

  /**
   * Grants up to `want` consecutive admissions of the window at once (numbers `from`..`to`), for an isolate to
   * spend without calling again; none when the window is full (that refusal counts like a refused hit). The
   * sum of every grant never exceeds `limit`, so leasing stays exact: it only moves the counting nearer the caller.
   */
  async lease(limit: number, windowEndMs: number, want: number): Promise<Lease> {
    const row = this.sql.exec<{ admitted: number; rejected: number }>(`select admitted, rejected from w where id = 1`).toArray()[0];
    const admitted = row?.admitted ?? 0;
    const rejected = row?.rejected ?? 0;
    if (!row) await this.ctx.storage.setAlarm(windowEndMs + 60_000);
    const granted = Math.max(0, Math.min(want, limit - admitted));
    this.sql.exec(
      `insert into w (id, admitted, rejected) values (1, ?, ?) on conflict (id) do update set admitted = excluded.admitted, rejected = excluded.rejected`,
      admitted + granted,
      granted > 0 ? rejected : rejected + 1,
    );
    return { from: admitted + 1, to: admitted + granted, firstRejection: granted === 0 && rejected === 0 };
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
