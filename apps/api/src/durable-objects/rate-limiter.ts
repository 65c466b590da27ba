// RateLimiter — one Durable Object per (policy, subject), for the per-IP limit (a project's users are counted by its
// ProjectGate): id = idFromName(`rl::<policy>::<subject>`), holding the subject's fixed windows by their end. One
// object per subject rather than per window: a new object costs its storage's creation (~5 ms of the isolate's thread
// locally, measured), and every subject's window turns over at once at the top of the minute. The object runs one call
// at a time, so what it grants is exact under any concurrency: no request over the limit is admitted. Isolates lease
// admissions from it a few at a time (middleware/leases.ts); a lease of one is a count per request. The alarm drops
// windows a minute after they end, and the storage with the last.
import { DurableObject } from 'cloudflare:workers';
import type { Lease } from './rate-window';

export { rateLimiterName } from './names';

export type { HitResult, Lease } from './rate-window';

/** How long after its end a window is kept (a late lease of an isolate whose clock lags still finds it). */
export const WINDOW_KEEP_MS = 60_000;

export class RateLimiter extends DurableObject {
  private readonly sql: SqlStorage;
  /** Whether `windows` exists: the alarm's deleteAll drops it, and the same instance may serve the next window. */
  private ready = false;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
  }

  private windows(): SqlStorage {
    if (!this.ready) {
      this.sql.exec(`create table if not exists windows (end_ms integer primary key, admitted integer not null, rejected integer not null)`);
      this.ready = true;
    }
    return this.sql;
  }

  /**
   * Grants up to `want` consecutive admissions of the window ending at `windowEndMs` at once (numbers `from`..`to`),
   * for an isolate to spend without calling again; none when the window is full (that refusal counts like a refused
   * hit). The sum of every grant never exceeds `limit`, so leasing stays exact: it only moves the counting nearer the caller.
   */
  async lease(limit: number, windowEndMs: number, want: number): Promise<Lease> {
    const row = this.windows().exec<{ admitted: number; rejected: number }>(`select admitted, rejected from windows where end_ms = ?`, windowEndMs).toArray()[0];
    const admitted = row?.admitted ?? 0;
    const rejected = row?.rejected ?? 0;
    // a new window: the alarm moves to its end (the earlier windows end before it, and go then too)
    if (!row) await this.ctx.storage.setAlarm(windowEndMs + WINDOW_KEEP_MS);
    const granted = Math.max(0, Math.min(want, limit - admitted));
    this.sql.exec(
      `insert into windows (end_ms, admitted, rejected) values (?, ?, ?) on conflict (end_ms) do update set admitted = excluded.admitted, rejected = excluded.rejected`,
      windowEndMs,
      admitted + granted,
      granted > 0 ? rejected : rejected + 1,
    );
    return { from: admitted + 1, to: admitted + granted, firstRejection: granted === 0 && rejected === 0 };
  }

  override async alarm(): Promise<void> {
    this.windows().exec(`delete from windows where end_ms <= ?`, Date.now() - WINDOW_KEEP_MS);
    const next = this.sql.exec<{ end: number | null }>(`select max(end_ms) as "end" from windows`).one().end;
    if (next === null) {
      await this.ctx.storage.deleteAll();
      this.ready = false;
    } else await this.ctx.storage.setAlarm(next + WINDOW_KEEP_MS);
  }
}
