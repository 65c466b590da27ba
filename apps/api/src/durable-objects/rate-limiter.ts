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

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
