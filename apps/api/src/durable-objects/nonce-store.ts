// NonceStore — remembers HMAC request signatures for the replay window, sharded by the first two
// hex characters of the signature: id = idFromName(`nonce::<xx>`). The alarm drops expired entries.
import { DurableObject } from 'cloudflare:workers';

export { nonceShard } from './names';

export class NonceStore extends DurableObject {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`create table if not exists seen (sig text primary key, expires_at integer not null)`);
  }

  /** Records a signature; false when it was already seen and has not expired (a replay). */
  async remember(signature: string, expiresAtMs: number): Promise<boolean> {
    const now = Date.now();
    const hit = this.sql.exec<{ expires_at: number }>(`select expires_at from seen where sig = ?`, signature).toArray()[0];
    if (hit && hit.expires_at > now) return false;
    this.sql.exec(`insert into seen (sig, expires_at) values (?, ?) on conflict (sig) do update set expires_at = excluded.expires_at`, signature, expiresAtMs);
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > expiresAtMs) await this.ctx.storage.setAlarm(expiresAtMs);
    return true;
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    this.sql.exec(`delete from seen where expires_at <= ?`, now);
    const next = this.sql.exec<{ at: number | null }>(`select min(expires_at) as at from seen`).toArray()[0]?.at;
    if (next) await this.ctx.storage.setAlarm(next);
  }
}
