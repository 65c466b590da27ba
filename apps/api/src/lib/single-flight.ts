// One in-flight call per key, shared by concurrent callers (JWKS fetches, project lookups).
// In workerd a promise made by one request and awaited by another is cancelled when the first request
// ends early (say its client went away), and the waiter would hang: so a waiter gives up after
// `patienceMs` and makes the call itself.

const GAVE_UP = Symbol('gave up');

/** A keyed single-flight: `run(key, work)` joins the pending call for `key`, or starts `work` as it. */
export function singleFlight<V>(patienceMs: number) {
  const pending = new Map<string, Promise<V>>();
  return async function run(key: string, work: () => Promise<V>): Promise<V> {
    const inflight = pending.get(key);
    if (inflight) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const patience = new Promise<typeof GAVE_UP>((resolve) => {
        timer = setTimeout(() => resolve(GAVE_UP), patienceMs);
      });
      try {
        const first = await Promise.race([inflight, patience]);
        if (first !== GAVE_UP) return first;
      } finally {
        clearTimeout(timer);
      }
      return work();
    }
    const call: Promise<V> = work().finally(() => {
      if (pending.get(key) === call) pending.delete(key);
    });
    pending.set(key, call);
    return call;
  };
}
