// JobCursor — one Durable Object per job: id = idFromName(`job::<jobId>`).
// Holds the job's status, its plan (chunks of node ids), the producer's position, and the ordered
// event log (monotonic ids), so an SSE client that reconnects with Last-Event-ID gets exactly the
// events it missed. One stream call at a time produces, under a lease; events and the producer's
// position are committed together, so a chunk is never logged twice — nor half: a chunk too large for
// one RPC message is staged in batches first (`stage`), invisible until the append that commits it logs
// them, and dropped if that append never comes (a new lease's claim). State lives in the object's
// SQLite storage. An alarm deletes everything RETENTION_MS after the job's last activity: after it
// ends (the log stays resumable that long), or after it went quiet without ending (a job started and
// never streamed, or whose client left for good), so no object keeps its plan and log forever.
import { withinIds } from '@cogo/figma-context';
import { DurableObject } from 'cloudflare:workers';
import { isTerminal, type JobStatus, type Refusal } from './job-status';

export { jobCursorName } from './names';

/** Flat metadata values (RPC types must stay shallow). */
export type MetaValue = string | number | boolean | null;

export type { JobStatus } from './job-status';

export interface JobEvent {
  id: number;
  type: string;
  /** The event's data as JSON text: stored and streamed as-is, never re-serialised. */
  data: string;
}

export interface NewEvent {
  type: string;
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

export interface StoredChunk {
  index: number;
  pageId: string | null;
  ids: string[];
}

/** Where the producer is: next chunk to fetch and the builder's state (JSON text). */
export interface ProducerState {
  nextChunk: number;
  chunksTotal: number;
  snapshot: string | null;
  counts: string;
  /** What the job learned of Figma's answer sizes (JSON of a SizeEstimate): it sizes the next requests. */
  sizes?: string;
}

/** How long a job's log is kept after its last activity: a finished job's log stays resumable that long. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

/** Why waitForEvents answered. */
export type Woke = 'events' | 'released' | 'ended' | 'timeout';
/** Longest a follower's waitForEvents is held. */
export const MAX_WAIT_MS = 30_000;

export class JobCursor extends DurableObject {
  private readonly sql: SqlStorage;
  /** Followers held in waitForEvents (in memory: each is a live RPC call). */
  private readonly waiters = new Set<(why: Woke) => void>();

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.createTables();
  }

  private createTables(): void {
    this.sql.exec(`create table if not exists meta (k text primary key, v text not null)`);
    this.sql.exec(`create table if not exists events (id integer primary key, type text not null, data text not null)`);
    this.sql.exec(`create table if not exists chunks (idx integer primary key, page_id text, ids text not null)`);
    this.sql.exec(`create table if not exists applied (page text not null, node text not null, primary key (page, node))`);
    this.sql.exec(`create table if not exists staged (seq integer primary key, lease text not null, type text not null, data text not null)`);
  }

  private get<T>(key: string): T | null {
    const row = this.sql.exec<{ v: string }>(`select v from meta where k = ?`, key).toArray()[0];
    return row ? (JSON.parse(row.v) as T) : null;
  }

  private put(key: string, value: unknown): void {
    this.sql.exec(`insert into meta (k, v) values (?, ?) on conflict (k) do update set v = excluded.v`, key, JSON.stringify(value));
  }

  /**
   * Creates the job (idempotent: a second call returns the existing state) with its plan, when it has one: the
   * chunks and the producer's start; `extra` is JSON text kept for producers (variables, pages).
   */
  async init(jobId: string, meta: Record<string, MetaValue> = {}, plan?: { chunks: Array<{ pageId: string | null; ids: string[] }>; extra: string | null }): Promise<JobCursorState> {
    const existing = this.get<JobCursorState>('state');
    if (existing) return existing;
    const now = Date.now();
    const state: JobCursorState = { jobId, status: 'pending', meta, lastEventId: 0, createdAt: now, updatedAt: now };
    this.put('state', state);
    if (plan) this.storePlan(plan.chunks, plan.extra);
    // a job that never ends must not live forever either; the alarm looks at its activity then
    await this.ctx.storage.setAlarm(now + RETENTION_MS);
    return state;
  }

  /** Current state, or null for an unknown job. */
  async state(): Promise<JobCursorState | null> {
    return this.get<JobCursorState>('state');
  }

  private storePlan(chunks: Array<{ pageId: string | null; ids: string[] }>, extra: string | null): void {
    if (this.get('producer')) return;
    chunks.forEach((c, i) => this.sql.exec(`insert into chunks (idx, page_id, ids) values (?, ?, ?)`, i, c.pageId, JSON.stringify(c.ids)));
    this.put('producer', { nextChunk: 0, chunksTotal: chunks.length, snapshot: null, counts: '{}' } satisfies ProducerState);
    if (extra !== null) this.put('extra', extra);
  }

  /** The chunk at `index`, or null past the end. */
  async chunkAt(index: number): Promise<StoredChunk | null> {
    const row = this.sql.exec<{ page_id: string | null; ids: string }>(`select page_id, ids from chunks where idx = ?`, index).toArray()[0];
    return row ? { index, pageId: row.page_id, ids: JSON.parse(row.ids) as string[] } : null;
  }

  /** Consecutive chunks from `from` holding at most `maxIds` ids in all (at least the first): what one Figma request may take. */
  async chunksAhead(from: number, maxIds: number): Promise<StoredChunk[]> {
    const rows = this.sql.exec<{ idx: number; page_id: string | null; ids: string }>(`select idx, page_id, ids from chunks where idx >= ? order by idx limit ?`, from, maxIds).toArray();
    return withinIds(
      rows.map((r) => ({ index: r.idx, pageId: r.page_id, ids: JSON.parse(r.ids) as string[] })),
      maxIds,
    );
  }

  /** Page of every chunk, in order (to know where pages start). */
  async chunkPages(): Promise<Array<string | null>> {
    return this.sql.exec<{ page_id: string | null }>(`select page_id from chunks order by idx`).toArray().map((r) => r.page_id);
  }

  /** The JSON text given to init as the plan's `extra`. */
  async extra(): Promise<string | null> {
    return this.get<string>('extra');
  }

  /** Takes the producer lease for `leaseMs`; fails while another live holder has it or the job has ended. */
  async claim(leaseId: string, leaseMs: number): Promise<{ ok: boolean; producer: ProducerState | null; state: JobCursorState | null }> {
    const state = this.get<JobCursorState>('state');
    const producer = this.get<ProducerState>('producer');
    const lease = this.get<{ id: string; until: number }>('lease');
    const free = !lease || lease.id === leaseId || lease.until <= Date.now();
    if (!state || isTerminal(state.status) || !free) return { ok: false, producer, state };
    this.put('lease', { id: leaseId, until: Date.now() + leaseMs });
    // what an earlier holder staged and never committed: its chunk is produced again, whole
    this.sql.exec(`delete from staged where lease != ?`, leaseId);
    return { ok: true, producer, state };
  }

  /** Gives the lease up (a follower waiting in waitForEvents may take over). */
  async release(leaseId: string): Promise<void> {
    const lease = this.get<{ id: string }>('lease');
    if (lease?.id === leaseId) {
      this.sql.exec(`delete from meta where k = 'lease'`);
      this.wake('released');
    }
  }

  /**
   * For a stream call following another call's producer: answers as soon as the log holds an event after
   * `afterId`, the job has ended, or the producer lets go of its lease — else after `timeoutMs` (at most
   * MAX_WAIT_MS). The follower is pushed, not polling: one call per change instead of four a second.
   */
  async waitForEvents(afterId: number, timeoutMs: number): Promise<{ lastEventId: number; status: JobStatus | null; woke: Woke }> {
    const state = this.get<JobCursorState>('state');
    if (!state) return { lastEventId: 0, status: null, woke: 'ended' };
    if (state.lastEventId > afterId) return { lastEventId: state.lastEventId, status: state.status, woke: 'events' };
    if (isTerminal(state.status)) return { lastEventId: state.lastEventId, status: state.status, woke: 'ended' };
    // no live producer (released before this call came, or its lease ran out): the follower may take over now
    const lease = this.get<{ until: number }>('lease');
    if (!lease || lease.until <= Date.now()) return { lastEventId: state.lastEventId, status: state.status, woke: 'released' };
    const woke = await new Promise<Woke>((resolve) => {
      const done = (why: Woke) => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(why);
      };
      const timer = setTimeout(() => done('timeout'), Math.max(0, Math.min(timeoutMs, MAX_WAIT_MS)));
      this.waiters.add(done);
    });
    const now = this.get<JobCursorState>('state');
    return { lastEventId: now?.lastEventId ?? 0, status: now?.status ?? null, woke };
  }

  /** Answers every waiting follower. */
  private wake(why: Woke): void {
    for (const waiter of [...this.waiters]) waiter(why);
  }

  /**
   * Holds events for the lease's next chunk commit (an `append` with `producer`), which logs them before
   * its own: a chunk larger than one RPC message is sent in several calls and still logged in one step.
   * Refused unless that lease is held, and once the job has ended.
   */
  async stage(leaseId: string, events: NewEvent[]): Promise<{ ok: true } | Refusal> {
    const state = this.get<JobCursorState>('state');
    if (!state) throw new Error('job not initialised');
    const refusal = this.refusal(state, leaseId);
    if (refusal) return refusal;
    for (const e of events) this.sql.exec(`insert into staged (lease, type, data) values (?, ?, ?)`, leaseId, e.type, e.data);
    return { ok: true };
  }

  /** Why an append or a stage must not happen: the job ended, or `leaseId` (when given) is not the lease held. */
  private refusal(state: JobCursorState, leaseId: string | undefined): Refusal | null {
    if (isTerminal(state.status)) return { ok: false, refused: 'ended', status: state.status };
    if (leaseId !== undefined && this.get<{ id: string }>('lease')?.id !== leaseId) return { ok: false, refused: 'lease lost' };
    return null;
  }

  /**
   * Appends events in order (and, with `producer`, moves the producer) in one step. With a
   * `leaseId`, refused unless that lease is held. Refused once the job has ended. With `producer` and
   * `leaseId` (a chunk's commit), the rows that lease staged are logged first, with the ids just before
   * those of `events`; any other append drops staged rows (a chunk not committed). Returns `events` with
   * their ids — not the staged rows, which may be megabytes.
   */
  async append(events: NewEvent[], status?: JobStatus, leaseId?: string, producer?: ProducerState): Promise<{ ok: true; events: JobEvent[] } | Refusal> {
    const state = this.get<JobCursorState>('state');
    if (!state) throw new Error('job not initialised');
    const refusal = this.refusal(state, leaseId);
    if (refusal) return refusal;
    if (producer && leaseId !== undefined) {
      const staged = this.sql.exec<{ n: number }>(`select count(*) as n from staged where lease = ?`, leaseId).one().n;
      if (staged > 0) {
        this.sql.exec(`insert into events (id, type, data) select ? + row_number() over (order by seq), type, data from staged where lease = ?`, state.lastEventId, leaseId);
        state.lastEventId += staged;
      }
    }
    this.sql.exec(`delete from staged`);
    const out: JobEvent[] = [];
    for (const e of events) {
      const id = ++state.lastEventId;
      this.sql.exec(`insert into events (id, type, data) values (?, ?, ?)`, id, e.type, e.data);
      out.push({ id, type: e.type, data: e.data });
    }
    if (producer) this.put('producer', producer);
    if (status) state.status = status;
    else if (state.status === 'pending') state.status = 'running';
    state.updatedAt = Date.now();
    this.put('state', state);
    this.wake('events');
    if (isTerminal(state.status)) {
      this.sql.exec(`delete from meta where k = 'lease'`);
      await this.ctx.storage.setAlarm(Date.now() + RETENTION_MS);
    }
    return { ok: true, events: out };
  }

  /** Events with id > afterId, oldest first, at most `limit`. */
  async eventsAfter(afterId: number, limit = 500): Promise<JobEvent[]> {
    return this.sql
      .exec<{ id: number; type: string; data: string }>(`select id, type, data from events where id > ? order by id limit ?`, afterId, limit)
      .toArray()
      .map((r) => ({ id: r.id, type: r.type, data: r.data }));
  }

  /** Producer position (for status). */
  async producer(): Promise<ProducerState | null> {
    return this.get<ProducerState>('producer');
  }

  /** The node ids of a page's accepted apply batches in this job so far. */
  async appliedFor(page: string): Promise<string[]> {
    return this.sql.exec<{ node: string }>(`select node from applied where page = ?`, page).toArray().map((r) => r.node);
  }

  /**
   * Records the node ids of an apply batch whose transaction has committed (never before: a batch
   * that fails must not count). `reset` starts the page's set again (the first or only batch).
   */
  async recordApplied(page: string, nodes: string[], reset: boolean): Promise<void> {
    if (reset) this.sql.exec(`delete from applied where page = ?`, page);
    for (const n of nodes) this.sql.exec(`insert into applied (page, node) values (?, ?) on conflict do nothing`, page, n);
  }

  /** Retention over: forget the job, unless it is unfinished and was active within the window. */
  override async alarm(): Promise<void> {
    const state = this.get<JobCursorState>('state');
    if (state && !isTerminal(state.status)) {
      const lease = this.get<{ until: number }>('lease');
      const lastActive = Math.max(state.updatedAt, lease?.until ?? 0);
      if (lastActive + RETENTION_MS > Date.now()) {
        await this.ctx.storage.setAlarm(lastActive + RETENTION_MS);
        return;
      }
    }
    await this.ctx.storage.deleteAll();
    // The instance may serve again (a late status call): it must find empty tables, not none.
    this.createTables();
  }
}
