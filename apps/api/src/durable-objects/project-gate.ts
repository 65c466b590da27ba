// ProjectGate — one Durable Object per project: id = idFromName(`gate::<projectId>`). It holds the project's rate
// windows and its users' (`user-<class>::<actor>`; one row per policy and fixed window, counted exactly: the object
// runs one call at a time), leased to isolates a few admissions at a time (middleware/leases.ts), and the ids of the
// project's revoked API keys. A lease asked with a key refuses a revoked key; otherwise the isolate may admit that key
// for KEY_TRUST_MS from when it asked, with no call. Keys are cached per isolate (modules/projects/key-cache.ts); a
// revocation is written here before the database, and revokeKeys answers when every isolate's trust in the key has
// ended (README "API keys"). The alarm drops windows a minute after they end and revocations older than any cached key
// can be.
import { DurableObject } from 'cloudflare:workers';
import { KEY_TRUST_MS, type Lease } from './rate-window';

export { projectGateName } from './names';

/** How long a revocation is kept: well beyond how old an isolate's cached key may be (KEY_CACHE_MAX_STALE_MS). */
export const REVOCATION_KEEP_MS = 24 * 60 * 60_000;
/** Added to every trust this object hands out, for clocks of isolates and object that differ a little. */
const CLOCK_MARGIN_MS = 100;

export interface GateLeaseRequest {
  /** `project-<route class>` */
  policy: string;
  limit: number;
  windowStartMs: number;
  windowEndMs: number;
  /** Admissions wanted (middleware/leases.ts leaseSize). */
  want: number;
  /** The API key the request was made with (from the isolate cache or the database); absent for tokens. */
  keyId?: string | undefined;
}

export type GateLease = (Lease & { keyRevoked: false }) | { keyRevoked: true };

export class ProjectGate extends DurableObject {
  private readonly sql: SqlStorage;
  /** What storage holds, read once per instance; a lease's count is written right after its answer (writeBehind). */
  private readonly revoked = new Set<string>();
  private readonly counts = new Map<string, { admitted: number; rejected: number }>();
  /** Windows whose count changed since storage was last written (writeBehind). */
  private readonly unwritten = new Map<string, { policy: string; startMs: number; endMs: number }>();
  /** Until when an isolate may admit a key without asking (KEY_TRUST_MS after the lease that named it). */
  private readonly trustedUntil = new Map<string, number>();
  /** An instance does not know what an earlier one handed out: every key counts as trusted until then. */
  private readonly trustAllUntil = Date.now() + KEY_TRUST_MS + CLOCK_MARGIN_MS;

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

  /**
   * Refuses a revoked key without counting anything; otherwise grants up to `want` consecutive admissions of the
   * policy's window (none when it is full: that refusal is counted, and flagged when it is the window's first).
   */
  async lease(req: GateLeaseRequest): Promise<GateLease> {
    if (req.keyId && this.revoked.has(req.keyId)) return { keyRevoked: true };
    const now = Date.now();
    if (req.keyId) this.trustedUntil.set(req.keyId, now + KEY_TRUST_MS + CLOCK_MARGIN_MS);
    const key = `${req.policy}@${req.windowStartMs}`;
    const row = this.counts.get(key);
    const admitted = row?.admitted ?? 0;
    const rejected = row?.rejected ?? 0;
    if (!row) await this.cleanupBy(req.windowEndMs + 60_000);
    const granted = Math.max(0, Math.min(req.want, req.limit - admitted));
    const next = { admitted: admitted + granted, rejected: granted > 0 ? rejected : rejected + 1 };
    this.counts.set(key, next);
    this.writeBehind(key, req.policy, req.windowStartMs, req.windowEndMs);
    return { keyRevoked: false, from: admitted + 1, to: admitted + granted, firstRejection: granted === 0 && rejected === 0 };
  }

  /**
   * Marks keys revoked: from now on every lease naming them is refused. `settledAtMs`: when the last isolate that
   * may still admit one of them without asking stops doing so — the caller answers after it.
   */
  async revokeKeys(ids: string[], nowMs = Date.now()): Promise<{ settledAtMs: number }> {
    let settledAtMs = this.trustAllUntil;
    for (const id of ids) {
      this.sql.exec(`insert into revoked_keys (id, at_ms) values (?, ?) on conflict (id) do nothing`, id, nowMs);
      this.revoked.add(id);
      settledAtMs = Math.max(settledAtMs, this.trustedUntil.get(id) ?? 0);
      this.trustedUntil.delete(id);
    }
    await this.cleanupBy(nowMs + REVOCATION_KEEP_MS);
    return { settledAtMs };
  }

  /** True when the key was revoked here (tests, diagnostics). */
  async isRevoked(id: string): Promise<boolean> {
    return this.revoked.has(id);
  }

  override async alarm(): Promise<void> {
    this.write(); // what is still unwritten first: the rows below are then every window there is
    const now = Date.now();
    for (const w of this.sql.exec<{ policy: string; start_ms: number }>(`delete from windows where end_ms + 60000 <= ? returning policy, start_ms`, now)) {
      this.counts.delete(`${w.policy}@${w.start_ms}`);
    }
    for (const r of this.sql.exec<{ id: string }>(`delete from revoked_keys where at_ms + ? <= ? returning id`, REVOCATION_KEEP_MS, now)) this.revoked.delete(r.id);
    for (const [id, until] of this.trustedUntil) if (until <= now) this.trustedUntil.delete(id);
    const next = this.sql
      .exec<{ at: number | null }>(`select min(at) as at from (select min(end_ms) + 60000 as at from windows union all select min(at_ms) + ? from revoked_keys)`, REVOCATION_KEEP_MS)
      .toArray()[0]?.at;
    if (next) await this.ctx.storage.setAlarm(Math.max(next, now + 1_000));
  }

  /**
   * Stores a window's count after the answer, not before it: a write made before it holds the answer until storage
   * confirms it (the output gate; ~4 ms locally, tens of ms now and then). The counts in memory decide; every window
   * changed in one turn of the object is written in one transaction on the next. An object that dies in between forgets
   * the admissions of that turn (a few requests more in that window) — a revocation is still written before its answer.
   */
  private writeBehind(key: string, policy: string, startMs: number, endMs: number): void {
    this.unwritten.set(key, { policy, startMs, endMs });
    if (this.unwritten.size === 1) setTimeout(() => this.write(), 0);
  }

  /** Writes the windows changed since the last write, in one transaction. */
  private write(): void {
    if (this.unwritten.size === 0) return;
    const rows = [...this.unwritten];
    this.unwritten.clear();
    this.ctx.storage.transactionSync(() => {
      for (const [key, w] of rows) {
        const c = this.counts.get(key);
        if (!c) continue;
        this.sql.exec(
          `insert into windows (policy, start_ms, end_ms, admitted, rejected) values (?, ?, ?, ?, ?)
           on conflict (policy, start_ms) do update set admitted = excluded.admitted, rejected = excluded.rejected`,
          w.policy,
          w.startMs,
          w.endMs,
          c.admitted,
          c.rejected,
        );
      }
    });
  }

  /** Makes sure the alarm fires no later than `at`. */
  private async cleanupBy(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
