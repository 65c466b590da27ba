// ProjectGate — one Durable Object per project: id = idFromName(`gate::<projectId>`). It holds the project's rate
// windows (one row per policy and fixed window, counted exactly: the object runs one call at a time) and the ids of
// the project's revoked API keys, so one call per request both counts the request and says whether the key that
// made it is still live. Keys are cached per isolate (middleware/authenticate.ts); a revocation is written here
// before the database, and every isolate sees it at its next request (README "API keys").
// The alarm drops windows a minute after they end and revocations older than any cached key can be.
import { DurableObject } from 'cloudflare:workers';
import { windowHit, type HitResult } from './rate-window';

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
}

export type AdmitResult = (HitResult & { keyRevoked: false }) | { keyRevoked: true };

export class ProjectGate extends DurableObject {
  private readonly sql: SqlStorage;
  /** What storage holds, read once per instance: every admit writes through, so these stay equal to it. */
  private readonly revoked = new Set<string>();
  private readonly counts = new Map<string, { admitted: number; rejected: number }>();

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`create table if not exists windows (policy text not null, start_ms integer not null, end_ms integer not null,
      admitted integer not null, rejected integer not null, primary key (policy, start_ms))`);
    this.sql.exec(`create table if not exists revoked_keys (id text primary key, at_ms integer not null)`);
    for (const r of this.sql.exec<{ id: string }>(`select id from revoked_keys`)) this.revoked.add(r.id);
    for (const w of this.sql.exec<{ policy: string; start_ms: number; admitted: number; rejected: number }>(`select policy, start_ms, admitted, rejected from windows`)) {
      this.counts.set(`${w.policy}@${w.start_ms}`, { admitted: w.admitted, rejected: w.rejected });
    }
  }

  /** Refuses a revoked key without counting it; otherwise counts one request against the policy's window. */
  async admit(req: AdmitRequest): Promise<AdmitResult> {
    if (req.keyId && this.revoked.has(req.keyId)) return { keyRevoked: true };
    const key = `${req.policy}@${req.windowStartMs}`;
    const row = this.counts.get(key);
    const admitted = row?.admitted ?? 0;
    const rejected = row?.rejected ?? 0;
    if (!row) await this.cleanupBy(req.windowEndMs + 60_000);
    const upsert = `insert into windows (policy, start_ms, end_ms, admitted, rejected) values (?, ?, ?, ?, ?)
      on conflict (policy, start_ms) do update set admitted = excluded.admitted, rejected = excluded.rejected`;
    if (admitted >= req.limit) {
      this.sql.exec(upsert, req.policy, req.windowStartMs, req.windowEndMs, admitted, rejected + 1);
      this.counts.set(key, { admitted, rejected: rejected + 1 });
      return { keyRevoked: false, ...windowHit(req.limit, null, rejected === 0) };
    }
    const count = admitted + 1;
    this.sql.exec(upsert, req.policy, req.windowStartMs, req.windowEndMs, count, rejected);
    this.counts.set(key, { admitted: count, rejected });
    return { keyRevoked: false, ...windowHit(req.limit, count) };
  }

  /** Marks keys revoked: from now on every isolate's cached copy of them is refused here. */
  async revokeKeys(ids: string[], nowMs = Date.now()): Promise<void> {
    for (const id of ids) {
      this.sql.exec(`insert into revoked_keys (id, at_ms) values (?, ?) on conflict (id) do nothing`, id, nowMs);
      this.revoked.add(id);
    }
    await this.cleanupBy(nowMs + REVOCATION_KEEP_MS);
  }

  /** True when the key was revoked here (tests, diagnostics). */
  async isRevoked(id: string): Promise<boolean> {
    return this.revoked.has(id);
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    for (const w of this.sql.exec<{ policy: string; start_ms: number }>(`delete from windows where end_ms + 60000 <= ? returning policy, start_ms`, now)) {
      this.counts.delete(`${w.policy}@${w.start_ms}`);
    }
    for (const r of this.sql.exec<{ id: string }>(`delete from revoked_keys where at_ms + ? <= ? returning id`, REVOCATION_KEEP_MS, now)) this.revoked.delete(r.id);
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
