// RateLimiter — one Durable Object per (policy, subject, fixed window):
// id = idFromName(`rl::<policy>::<subject>::<windowStartMs>`). The object runs one call at a time, so what it
// grants is exact under any concurrency: no request over the limit is admitted. Isolates lease admissions from it a
// few at a time (middleware/leases.ts); a lease of one is a count per request.
// The alarm deletes the window's storage a minute after it ends.
import { DurableObject } from 'cloudflare:workers';
import type { Lease } from './rate-window';

export { rateLimiterName } from './names';

export type { HitResult, Lease } from './rate-window';

export class RateLimiter extends DurableObject {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`create table if not exists w (id integer primary key check (id = 1), admitted integer not null, rejected integer not null)`);
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
