// ProviderCircuit — one Durable Object per LLM provider: id = idFromName(`circuit::<provider key>`) (names.ts). A
// circuit breaker shared by every isolate: N consecutive failed calls open it for a cooldown, during which no call
// is admitted; after the cooldown exactly one half-open probe is admitted, and its outcome closes or reopens it.
// It also keeps the provider's recent outcomes (error rate, p50/p95 latency) for routing and /metrics/providers.
// State that must survive eviction (failures, cooldown) is one SQLite row; samples are memory only.
import { DurableObject } from 'cloudflare:workers';
import { admitCall, recordOutcome, snapshotOf, type Admission, type CircuitPolicy, type CircuitReport, type CircuitSnapshot, type CircuitState } from './circuit-state';

export type { Admission, CircuitPolicy, CircuitReport, CircuitSnapshot };

export class ProviderCircuit extends DurableObject {
  private readonly sql: SqlStorage;
  private state: CircuitState;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`create table if not exists circuit (k integer primary key check (k = 1), failures integer not null, open_until_ms integer, probe_since_ms integer, last_error text)`);
    const row = this.sql.exec<{ failures: number; open_until_ms: number | null; probe_since_ms: number | null; last_error: string | null }>(`select * from circuit`).toArray()[0];
    this.state = {
      failures: row?.failures ?? 0,
      openUntilMs: row?.open_until_ms ?? null,
      probeSinceMs: row?.probe_since_ms ?? null,
      lastError: row?.last_error ?? null,
      samples: [],
    };
  }

  /** Whether a call may go to the provider now; a half-open circuit admits one probe at a time. */
  async acquire(policy: CircuitPolicy, nowMs = Date.now()): Promise<Admission> {
    const before = this.state.probeSinceMs;
    const admission = admitCall(this.state, policy, nowMs);
    if (this.state.probeSinceMs !== before) this.persist();
    return admission;
  }

  /** Records a finished call (retries included: one report per call) and answers the circuit's snapshot. */
  async report(policy: CircuitPolicy, report: CircuitReport, nowMs = Date.now()): Promise<CircuitSnapshot> {
    await this.record(policy, report, nowMs);
    return snapshotOf(this.state, nowMs);
  }

  /** Records a finished call, answering nothing (the calls' own path: no percentiles computed). */
  async record(policy: CircuitPolicy, report: CircuitReport, nowMs = Date.now()): Promise<void> {
    const s = this.state;
    const before = `${s.failures}|${s.openUntilMs}|${s.probeSinceMs}|${s.lastError}`;
    recordOutcome(s, policy, report, nowMs);
    // a success on a closed circuit changes nothing durable: no write (the common case)
    if (`${s.failures}|${s.openUntilMs}|${s.probeSinceMs}|${s.lastError}` !== before) this.persist();
  }

  /** The circuit and its recent outcomes. */
  async snapshot(nowMs = Date.now()): Promise<CircuitSnapshot> {
    return snapshotOf(this.state, nowMs);
  }

  private persist(): void {
    const s = this.state;
    this.sql.exec(
      `insert into circuit (k, failures, open_until_ms, probe_since_ms, last_error) values (1, ?, ?, ?, ?)
       on conflict (k) do update set failures = excluded.failures, open_until_ms = excluded.open_until_ms, probe_since_ms = excluded.probe_since_ms, last_error = excluded.last_error`,
      s.failures,
      s.openUntilMs,
      s.probeSinceMs,
      s.lastError,
    );
  }
}
