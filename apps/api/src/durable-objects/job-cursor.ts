// JobCursor — one Durable Object per job: id = idFromName(`job::<jobId>`).
// Holds the job's status and its ordered event log (monotonic ids) so an SSE client that
// reconnects with Last-Event-ID gets exactly the events it missed. State lives in the
// object's SQLite storage; an alarm deletes everything RETENTION_MS after the job ends.
import { DurableObject } from 'cloudflare:workers';

export { jobCursorName } from './names';

/** Flat metadata values (RPC types must stay shallow). */
export type MetaValue = string | number | boolean | null;

export type JobStatus = 'pending' | 'running' | 'done' | 'error' | 'cancelled';

export interface JobEvent {
  id: number;
  type: string;
  /** The event's data as JSON text: stored and streamed as-is, never re-serialised. */
  data: string;
}

export interface JobCursorState {
  jobId: string;
  status: JobStatus;
  meta: Record<string, MetaValue>;
  lastEventId: number;
  createdAt: number;
  updatedAt: number;
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(['done', 'error', 'cancelled']);
/** How long a finished job's log stays resumable. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

export class JobCursor extends DurableObject {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.createTables();
  }

  private createTables(): void {
    this.sql.exec(`create table if not exists meta (k text primary key, v text not null)`);
    this.sql.exec(`create table if not exists events (id integer primary key, type text not null, data text not null)`);
  }

  private read(): JobCursorState | null {
    const row = this.sql.exec<{ v: string }>(`select v from meta where k = 'state'`).toArray()[0];
    return row ? (JSON.parse(row.v) as JobCursorState) : null;
  }

  private write(state: JobCursorState): void {
    this.sql.exec(`insert into meta (k, v) values ('state', ?) on conflict (k) do update set v = excluded.v`, JSON.stringify(state));
  }

  /** Creates the job (idempotent: a second call returns the existing state). */
  async init(jobId: string, meta: Record<string, MetaValue> = {}): Promise<JobCursorState> {
    const existing = this.read();
    if (existing) return existing;
    const now = Date.now();
    const state: JobCursorState = { jobId, status: 'pending', meta, lastEventId: 0, createdAt: now, updatedAt: now };
    this.write(state);
    return state;
  }

  /** Current state, or null for an unknown job. */
  async state(): Promise<JobCursorState | null> {
    return this.read();
  }

  /** Appends events in order and returns them with their ids. Refused once the job has ended. */
  async append(events: Array<{ type: string; data: string }>, status?: JobStatus): Promise<JobEvent[]> {
    const state = this.read();
    if (!state) throw new Error('job not initialised');
    if (TERMINAL.has(state.status)) throw new Error(`job already ${state.status}`);
    const out: JobEvent[] = [];
    for (const e of events) {
      const id = ++state.lastEventId;
      this.sql.exec(`insert into events (id, type, data) values (?, ?, ?)`, id, e.type, e.data);
      out.push({ id, type: e.type, data: e.data });
    }
    if (status) state.status = status;
    else if (state.status === 'pending') state.status = 'running';
    state.updatedAt = Date.now();
    this.write(state);
    if (TERMINAL.has(state.status)) await this.ctx.storage.setAlarm(Date.now() + RETENTION_MS);
    return out;
  }

  /** Events with id > afterId, oldest first, at most `limit`. */
  async eventsAfter(afterId: number, limit = 500): Promise<JobEvent[]> {
    return this.sql
      .exec<{ id: number; type: string; data: string }>(`select id, type, data from events where id > ? order by id limit ?`, afterId, limit)
      .toArray()
      .map((r) => ({ id: r.id, type: r.type, data: r.data }));
  }

  /** Retention over: forget the job. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
    // The instance may serve again (a late status call): it must find empty tables, not none.
    this.createTables();
  }
}
