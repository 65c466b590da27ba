// IdempotencyKey — one Durable Object per (project, Idempotency-Key): id = idFromName(`idem::<projectId>::<key>`).
// Semantics of Stripe and draft-ietf-httpapi-idempotency-key-header: the first request with a key
// runs and its response is stored for the TTL; a retry with the same fingerprint replays it; a
// different fingerprint is a 422; a retry while the first still runs is a 409. A request that
// fails with 5xx (or dies) releases the key so a retry can run. The alarm forgets the key at TTL.
// An answer that carried a secret shown once (a new API key) is stored without its body: only what it
// created (`withheld`), so a retry is told which key exists and no plaintext secret sits here for the TTL.
import { DurableObject } from 'cloudflare:workers';

export { idempotencyName } from './names';

/** What a secret-bearing answer created, kept instead of its body. */
export interface WithheldSecret {
  api_key_id: string;
  prefix: string;
  project_id?: string;
}

export interface StoredResponse {
  status: number;
  headers: Array<[string, string]>;
  /** base64 body ('' when withheld) */
  body: string;
  withheld?: WithheldSecret;
}

export type BeginResult =
  | { kind: 'proceed' }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' }
  | { kind: 'replay'; response: StoredResponse; createdAt: number };

interface Row {
  fingerprint: string;
  state: 'running' | 'done';
  started_at: number;
  response: string | null;
}

export class IdempotencyKey extends DurableObject {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.createTables();
  }

  private createTables(): void {
    this.sql.exec(
      `create table if not exists entry (id integer primary key check (id = 1), fingerprint text not null, state text not null, started_at integer not null, response text)`,
    );
  }

  private row(): Row | undefined {
    return this.sql.exec<Row & Record<string, SqlStorageValue>>(`select fingerprint, state, started_at, response from entry where id = 1`).toArray()[0];
  }

  /** Claims the key for a request, or says why it cannot run. Atomic: the object runs one call at a time. */
  async begin(fingerprint: string, lockMs: number): Promise<BeginResult> {
    const row = this.row();
    const now = Date.now();
    if (row) {
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.state === 'done' && row.response) {
        return { kind: 'replay', response: JSON.parse(row.response) as StoredResponse, createdAt: row.started_at };
      }
      // a running claim older than the lock is from a request that died; let this one take over
      if (now - row.started_at < lockMs) return { kind: 'in_progress' };
    }
    this.sql.exec(
      `insert into entry (id, fingerprint, state, started_at, response) values (1, ?, 'running', ?, null)
       on conflict (id) do update set fingerprint = excluded.fingerprint, state = 'running', started_at = excluded.started_at, response = null`,
      fingerprint,
      now,
    );
    // a claim never outlives the lock by much, even if complete/release never come
    await this.ctx.storage.setAlarm(now + lockMs * 2);
    return { kind: 'proceed' };
  }

  /** Stores the response of the claiming request and keeps it for `ttlMs`. */
  async complete(fingerprint: string, response: StoredResponse, ttlMs: number): Promise<void> {
    const row = this.row();
    if (!row || row.fingerprint !== fingerprint) return;
    this.sql.exec(`update entry set state = 'done', response = ? where id = 1`, JSON.stringify(response));
    await this.ctx.storage.setAlarm(row.started_at + ttlMs);
  }

  /** Gives the key up (the request failed in a way a retry may fix). */
  async release(fingerprint: string): Promise<void> {
    const row = this.row();
    if (row && row.fingerprint === fingerprint && row.state === 'running') this.sql.exec(`delete from entry where id = 1`);
  }

  /** TTL over (or a dead claim's lock expired): forget the key. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.createTables();
  }
}
