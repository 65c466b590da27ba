import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('singleFlight', () => {
  it('runs one call per key for concurrent callers, and a new one once it settled', async () => {
    const run = singleFlight<number>(10_000);
    const gate = deferred<number>();
    let calls = 0;
    const work = () => {
      calls++;
      return gate.promise;
    };
    const waiting = Promise.all([run('a', work), run('a', work), run('a', work)]);
    const other = run('b', async () => 7);
    gate.resolve(42);
    expect(await waiting).toEqual([42, 42, 42]);
    expect(await other).toBe(7);
    expect(calls).toBe(1);
    expect(await run('a', async () => 43)).toBe(43);
  });

  it('passes a failure to every waiter, then lets the next caller try again', async () => {
    const run = singleFlight<number>(10_000);
    const gate = deferred<number>();
    const failing = () => gate.promise.then(() => Promise.reject(new Error('down')));
    const both = Promise.allSettled([run('k', failing), run('k', failing)]);
    gate.resolve(0);
    expect((await both).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await run('k', async () => 1)).toBe(1);
  });

  it('a waiter whose first call never settles gives up after its patience and calls itself', async () => {
    const run = singleFlight<string>(50);
    void run('k', () => new Promise<string>(() => {}));
    expect(await run('k', async () => 'own')).toBe('own');
  });
});
