// Per-isolate leases of rate windows (issue 10: fewer Durable Object calls per request; issue 11: none on most
// gateway calls). An isolate asks the window's counter (a RateLimiter per IP or user, the project's ProjectGate) for
// a few admissions at once and spends them locally, one per request, in order; the counter never grants more than
// the limit in total, so no request over it is admitted anywhere. The price is fairness across isolates:
// admissions leased by one isolate and not spent before the window ends are lost to the others, so a lease is small
// (LEASE_SHARE of the limit, at most MAX_LEASE) and a limit under 1 / LEASE_SHARE is counted one request per call,
// as before. Once the counter says the window is full, the isolate refuses locally until the window ends.
import { windowHit, type HitResult, type Lease } from '../durable-objects/rate-window';

const LEASE_SHARE = 1 / 50;
const MAX_LEASE = 20;
const MAX_WINDOWS = 1_000;

interface Window {
  /** admissions leased and not yet spent, in order */
  ranges: Array<{ next: number; to: number }>;
  full: boolean;
  endMs: number;
}

const windows = new Map<string, Window>();

/** How many admissions one lease asks for, for a limit. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(MAX_LEASE, Math.floor(limit * LEASE_SHARE)));
}

function sweep(now: number): void {
  if (windows.size < MAX_WINDOWS) return;
  for (const [name, w] of windows) if (w.endMs <= now) windows.delete(name);
  while (windows.size >= MAX_WINDOWS) windows.delete(windows.keys().next().value!);
}

function take(w: Window): number | null {
  while (w.ranges.length > 0) {
    const r = w.ranges[0]!;
    if (r.next <= r.to) return r.next++;
    w.ranges.shift();
  }
  return null;
}

export interface LeaseOptions {
  now?: number;
  /** Ask the counter even when this isolate holds admissions (what it grants is banked): the call has news to bring. */
  renew?: boolean;
}

/**
 * Admits one request against the window `name`, from this isolate's leases when it holds one; otherwise `ask`
 * leases more from the window's counter. A request that finds none asks for its own lease (concurrent requests do
 * not wait on each other's call: in workerd a call made by one request is cancelled with it); whatever it does not
 * spend stays for the next requests.
 */
export async function admitFromLease(name: string, limit: number, windowEndMs: number, ask: (want: number) => Promise<Lease>, options: LeaseOptions = {}): Promise<HitResult> {
  const now = options.now ?? Date.now();
  let w = windows.get(name);
  if (!w) {
    sweep(now);
    w = { ranges: [], full: false, endMs: windowEndMs };
    windows.set(name, w);
  }
  if (!options.renew) {
    const held = take(w);
    if (held !== null) return windowHit(limit, held);
    if (w.full) return windowHit(limit, null);
  }
  const lease = await ask(leaseSize(limit));
  if (lease.to < lease.from) {
    w.full = true;
    // concurrent requests of this isolate may have banked what they leased beyond their own need meanwhile
    const banked = take(w);
    if (banked !== null) return windowHit(limit, banked);
    return windowHit(limit, null, lease.firstRejection);
  }
  w.ranges.push({ next: lease.from, to: lease.to });
  w.ranges.sort((a, b) => a.next - b.next);
  return windowHit(limit, take(w)!);
}
