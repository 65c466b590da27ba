// ProjectGate — one Durable Object per project: id = idFromName(`gate::<projectId>`). It holds the project's rate
// windows (one row per policy and fixed window, counted exactly: the object runs one call at a time) and the ids of
// the project's revoked API keys, so one call per request both counts the request and says whether the key that
// made it is still live. Keys are cached per isolate (middleware/authenticate.ts); a revocation is written here
// before the database, and every isolate sees it at its next request (README "API keys").
// The alarm drops windows a minute after they end and revocations older than any cached key can be.
import { DurableObject } from 'cloudflare:workers';
import type { HitResult } from './rate-limiter';

export { projectGateName } from './names';

/** How long a revocation is kept: well beyond the isolate key cache's lifetime (KEY_CACHE_TTL_MS). */
export const REVOCATION_KEEP_MS = 24 * 60 * 60_000;

export interface AdmitRequest {
  /** `project-<route class>` */
  policy: string;
  limit: number;
  windowStartMs: number;
  windowEndMs: number;
  /** The API key the request was made with (from the isolate cache or the database); absent for tokens. */
  keyId?: string | undefined;
  nearRatio?: number;
}

export type AdmitResult = (HitResult & { keyRevoked: false }) | { keyRevoked: true };

export class ProjectGate extends DurableObject {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`create table if not exists windows (policy text not null, start_ms integer not null, end_ms integer not null,
      admitted integer not null, rejected integer not null, primary key (policy, start_ms))`);
    this.sql.exec(`create table if not exists revoked_keys (id text primary key, at_ms integer not null)`);
  }

  /** Refuses a revoked key without counting it; otherwise counts one request against the policy's window. */
  async admit(req: AdmitRequest): Promise<AdmitResult> {
    if (req.keyId && this.sql.exec(`select 1 from revoked_keys where id = ?`, req.keyId).toArray().length > 0) return { keyRevoked: true };
    const row = this.sql
      .exec<{ admitted: number; rejected: number }>(`select admitted, rejected from windows where policy = ? and start_ms = ?`, req.policy, req.windowStartMs)
      .toArray()[0];
    const admitted = row?.admitted ?? 0;
    const rejected = row?.rejected ?? 0;
    if (!row) await this.cleanupBy(req.windowEndMs + 60_000);
    const upsert = `insert into windows (policy, start_ms, end_ms, admitted, rejected) values (?, ?, ?, ?, ?)
      on conflict (policy, start_ms) do update set admitted = excluded.admitted, rejected = excluded.rejected`;
    if (admitted >= req.limit) {
      this.sql.exec(upsert, req.policy, req.windowStartMs, req.windowEndMs, admitted, rejected + 1);
      return { keyRevoked: false, allowed: false, limit: req.limit, count: admitted, remaining: 0, nearLimitCrossed: false, firstRejection: rejected === 0 };
    }
    const count = admitted + 1;
    this.sql.exec(upsert, req.policy, req.windowStartMs, req.windowEndMs, count, rejected);
    const threshold = Math.ceil(req.limit * (req.nearRatio ?? 0.9));
    return { keyRevoked: false, allowed: true, limit: req.limit, count, remaining: req.limit - count, nearLimitCrossed: count === threshold, firstRejection: false };
  }

  /** Marks keys revoked: from now on every isolate's cached copy of them is refused here. */
  async revokeKeys(ids: string[], nowMs = Date.now()): Promise<void> {
    for (const id of ids) this.sql.exec(`insert into revoked_keys (id, at_ms) values (?, ?) on conflict (id) do nothing`, id, nowMs);
    await this.cleanupBy(nowMs + REVOCATION_KEEP_MS);
  }

  /** True when the key was revoked here (tests, diagnostics). */
  async isRevoked(id: string): Promise<boolean> {
    return this.sql.exec(`select 1 from revoked_keys where id = ?`, id).toArray().length > 0;
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    this.sql.exec(`delete from windows where end_ms + 60000 <= ?`, now);
    this.sql.exec(`delete from revoked_keys where at_ms + ? <= ?`, REVOCATION_KEEP_MS, now);
    const next = this.sql
      .exec<{ at: number | null }>(`select min(at) as at from (select min(end_ms) + 60000 as at from windows union all select min(at_ms) + ? from revoked_keys)`, REVOCATION_KEEP_MS)
      .toArray()[0]?.at;
    if (next) await this.ctx.storage.setAlarm(Math.max(next, now + 1_000));
  }

  /** Makes sure the alarm fires no later than `at`. */
  private async cleanupBy(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
