// Requests before background work, within one isolate (issue 10). An isolate runs one thing at a time: a figma-context
// producer parses and compacts a Figma answer a piece at a time (json-paced.ts, ContextBuilder.addNodesPaced) and hands
// the thread over between pieces, but a request whose next step became ready meanwhile still waited behind the next
// piece of every producer, at every one of its steps (its database calls, its Durable Object calls). A request is
// foreground while its handler runs (middleware/foreground.ts); a stream's body, produced after the handler answered,
// is background, as are the queue consumers and the cron. Background work yields with `yieldToForeground()`: one turn
// of the isolate, then, while a request other than the caller is in flight, up to BACKGROUND_DEFER_MS more, ended as
// soon as none is. Work done inside a request (a `start` parsing its file's skeleton) takes one turn only: requests
// are served alike, first come first served.
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The longest a background piece waits for requests in flight, unless BACKGROUND_DEFER_MS says otherwise. The pieces
 * are ~3–6 ms of work (PACE_CHARS, PACE_NODES), so under steady requests background work gets ~17–29 % of the thread;
 * measured in README "Under load".
 */
export const BACKGROUND_DEFER_MS = 15;
/** A request counted this long ended without its `finally` (workerd may cancel a request mid-await): it counts no more. */
export const FOREGROUND_STALE_MS = 60_000;

/** Requests in flight in this isolate: token → when it came in. */
const inFlight = new Map<symbol, number>();
const current = new AsyncLocalStorage<symbol>();

/** Runs a request's handling as foreground: counted while `handle` runs, and known as the caller inside it. */
export async function runForeground<T>(handle: () => Promise<T>): Promise<T> {
  const token = Symbol('request');
  inFlight.set(token, Date.now());
  try {
    return await current.run(token, handle);
  } finally {
    inFlight.delete(token);
  }
}

/** Whether the caller runs inside a request's handling (not in a stream's body after it, nor in a queue or the cron). */
export function inForeground(): boolean {
  const own = current.getStore();
  return own !== undefined && inFlight.has(own);
}

/** Requests in flight other than the caller's own (at `now`: older ones than FOREGROUND_STALE_MS are dropped). */
export function othersInFlight(now = Date.now()): number {
  const own = current.getStore();
  let n = 0;
  for (const [token, at] of inFlight) {
    if (now - at > FOREGROUND_STALE_MS) inFlight.delete(token);
    else if (token !== own) n++;
  }
  return n;
}

const turn = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Between two pieces of background work: a turn of the isolate (a timer fires after pending I/O callbacks), then,
 * outside a request, a wait of up to `deferMs` while requests are in flight.
 */
export async function yieldToForeground(deferMs = BACKGROUND_DEFER_MS): Promise<void> {
  await turn(0);
  if (inForeground() || deferMs <= 0) return;
  const until = Date.now() + deferMs;
  while (othersInFlight() > 0 && Date.now() < until) await turn(1);
}

/** The pause between two pieces of background work under the deployment's BACKGROUND_DEFER_MS. */
export const backgroundPause = (config: { BACKGROUND_DEFER_MS: number }) => () => yieldToForeground(config.BACKGROUND_DEFER_MS);
