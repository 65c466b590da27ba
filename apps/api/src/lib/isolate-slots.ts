// A bounded number of slots shared by the requests of one isolate, handed out first come, first served: the isolate's
// memory holds only so many of a kind of work at once (issue 10: ten figma-context producers compacting at once need
// ~10 × 35 MiB of heap, over the 128 MiB an isolate has, and the runtime was killed). In workerd a request may end
// without running its `finally` (cancelled), and a promise it waits on may be resolved by another request: so every
// slot is held for at most `holdMs`, a slot handed to a waiter that does not take it within HANDOVER_MS is given on,
// and a waiter looks again every RECHECK_MS even if no one woke it.

/** How long a waiter woken by a release has to take the slot before it goes to the next one. */
const HANDOVER_MS = 2_000;
/** A waiter's own look, in case the request that would have woken it ended first. */
const RECHECK_MS = 500;

/** Gives the slot back (once; later calls do nothing). */
export type Release = () => void;

interface Waiter {
  wake: () => void;
  /** Set when a release handed it the slot: the reservation lapses at this time. */
  reservedUntil?: number;
}

export class IsolateSlots {
  /** Held slots: release token → when the hold lapses. */
  private readonly held = new Map<symbol, number>();
  private readonly queue: Waiter[] = [];
  /** Wait times of the grants so far (ms), for the figures of a bench or a test. */
  readonly stats = { granted: 0, waited: 0, maxWaitMs: 0 };

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('isolate slots: size must be a positive integer');
  }

  /** Slots held now (holds past their time not counted). */
  get inUse(): number {
    this.prune(Date.now());
    return this.held.size;
  }

  /** Waiters not yet served. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Takes a slot, waiting in line for one; resolves null when `signal` aborts first. The slot is given back by the
   * returned Release, or lapses after `holdMs`.
   */
  async acquire(holdMs: number, signal?: AbortSignal): Promise<Release | null> {
    const start = Date.now();
    if (this.queue.length === 0 && this.free(start) > 0) return this.take(start, holdMs, start);
    const me: Waiter = { wake: () => {} };
    this.queue.push(me);
    try {
      for (;;) {
        if (signal?.aborted) return null;
        const now = Date.now();
        this.prune(now);
        if (!this.queue.includes(me)) {
          // handed a slot it did not take in time (its request was busy elsewhere): back in line, at its end
          me.reservedUntil = undefined;
          this.queue.push(me);
        }
        const reserved = me.reservedUntil !== undefined && me.reservedUntil > now;
        // first in line (or handed a slot): take one if there is one; a lapsed handover leaves it first in line
        if ((reserved || this.queue[0] === me) && this.free(now, me) > 0) return this.take(now, holdMs, start);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, RECHECK_MS);
          function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
          }
          me.wake = done;
          signal?.addEventListener('abort', done, { once: true });
        });
      }
    } finally {
      const i = this.queue.indexOf(me);
      if (i >= 0) this.queue.splice(i, 1);
      if (signal?.aborted) this.handOn();
    }
  }

  /** Free slots at `now`: neither held nor reserved for a waiter (other than `me`). */
  private free(now: number, me?: Waiter): number {
    this.prune(now);
    let reserved = 0;
    for (const w of this.queue) if (w !== me && w.reservedUntil !== undefined && w.reservedUntil > now) reserved++;
    return this.size - this.held.size - reserved;
  }

  /** Drops holds past their time, and waiters whose handover lapsed (gone, or back in line when they look again). */
  private prune(now: number): void {
    for (const [token, until] of this.held) if (until <= now) this.held.delete(token);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const until = this.queue[i]!.reservedUntil;
      if (until !== undefined && until <= now) this.queue.splice(i, 1);
    }
  }

  private take(now: number, holdMs: number, start: number): Release {
    const token = Symbol('slot');
    this.held.set(token, now + holdMs);
    const waited = now - start;
    this.stats.granted++;
    if (waited > 0) this.stats.waited++;
    this.stats.maxWaitMs = Math.max(this.stats.maxWaitMs, waited);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held.delete(token);
      this.handOn();
    };
  }

  /** Reserves each free slot for the next waiter without one, and wakes it. */
  private handOn(): void {
    const now = Date.now();
    for (const w of [...this.queue]) {
      if (this.free(now) <= 0) return;
      if (w.reservedUntil !== undefined && w.reservedUntil > now) continue;
      w.reservedUntil = now + HANDOVER_MS;
      w.wake();
    }
  }
}

const registry = new Map<string, IsolateSlots>();

/** The isolate's slots for one kind of work, shared by every request of the isolate (made anew if `size` changed). */
export function isolateSlots(kind: string, size: number): IsolateSlots {
  let slots = registry.get(kind);
  if (slots?.size !== size) registry.set(kind, (slots = new IsolateSlots(size)));
  return slots;
}
