// The recent events of each job's log, encoded once as SSE frames and shared by every stream call of this isolate
// that follows the job (issue 10: with 19 followers a job's every `page.chunk` — up to FIGMA_EVENT_MAX_BYTES — was
// fetched from its Durable Object and encoded 19 times). A logged event never changes (the log is append-only,
// its ids stable), so a frame kept here is exactly what the object would give. The producing call adds what it
// commits; a follower reads from here and asks the object only for what the tail does not hold. Kept per job as a
// contiguous run of ids, trimmed from its oldest end beyond PER_JOB_BYTES; jobs least recently used leave first
// beyond TOTAL_BYTES. Frames are shared: nothing may write into one.
import type { JobCursor, JobEvent } from '../../durable-objects/job-cursor';
import { encodeFrame } from '../../lib/sse';

export interface TailEvent {
  id: number;
  type: string;
  /** The whole SSE frame (`id:`, `event:`, `data:` lines). */
  frame: Uint8Array;
}

export const PER_JOB_BYTES = 8 * 1024 * 1024;
export const TOTAL_BYTES = 32 * 1024 * 1024;

interface Tail {
  events: TailEvent[];
  bytes: number;
}

/** Contiguous runs of encoded events per job, bounded by bytes. */
export class LogTails {
  private readonly jobs = new Map<string, Tail>();
  private used = 0;
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly perJob = PER_JOB_BYTES,
    private readonly total = TOTAL_BYTES,
  ) {}

  get bytes(): number {
    return this.used;
  }

  /** Adds events in id order; a run that does not continue the kept one replaces it (the kept one is older). */
  add(jobId: string, events: TailEvent[]): void {
    if (events.length === 0) return;
    let tail = this.jobs.get(jobId);
    this.jobs.delete(jobId);
    const lastKept = tail?.events.at(-1)?.id;
    if (!tail || lastKept === undefined || events[0]!.id > lastKept + 1) {
      if (tail) this.used -= tail.bytes;
      tail = { events: [], bytes: 0 };
    }
    for (const e of events) {
      if (tail.events.length > 0 && e.id <= tail.events.at(-1)!.id) continue; // already kept
      tail.events.push(e);
      tail.bytes += e.frame.byteLength;
      this.used += e.frame.byteLength;
    }
    while (tail.bytes > this.perJob && tail.events.length > 1) this.dropOldest(tail);
    this.jobs.set(jobId, tail);
    for (const [id, t] of this.jobs) {
      if (this.used <= this.total || id === jobId) break;
      this.used -= t.bytes;
      this.jobs.delete(id);
    }
  }

  /** Up to `limit` kept events after `afterId`, when the tail holds the one right after it; else null. */
  after(jobId: string, afterId: number, limit: number): TailEvent[] | null {
    const tail = this.jobs.get(jobId);
    const first = tail?.events[0]?.id;
    if (!tail || first === undefined || afterId + 1 < first || afterId + 1 > tail.events.at(-1)!.id) {
      this.stats.misses++;
      return null;
    }
    this.stats.hits++;
    this.jobs.delete(jobId);
    this.jobs.set(jobId, tail);
    const from = afterId + 1 - first;
    return tail.events.slice(from, from + limit);
  }

  private dropOldest(tail: Tail): void {
    const e = tail.events.shift()!;
    tail.bytes -= e.frame.byteLength;
    this.used -= e.frame.byteLength;
  }
}

/** The isolate's tails. */
export const logTails = new LogTails();

/** Encodes logged events as they are streamed. */
export function encodeEvents(events: JobEvent[]): TailEvent[] {
  return events.map((e) => ({ id: e.id, type: e.type, frame: encodeFrame({ id: e.id, event: e.type, data: e.data }) }));
}

/**
 * Up to `limit` events after `afterId`: from the tail when it holds the next one (`fromTail`; the log may go on
 * beyond what it holds), else from the job's object (then fewer than `limit` means the log ends there).
 */
export async function readLog(stub: DurableObjectStub<JobCursor>, jobId: string, afterId: number, limit: number, tails = logTails): Promise<{ events: TailEvent[]; fromTail: boolean }> {
  const kept = tails.after(jobId, afterId, limit);
  if (kept) return { events: kept, fromTail: true };
  const events = encodeEvents(await stub.eventsAfter(afterId, limit));
  tails.add(jobId, events);
  return { events, fromTail: false };
}
