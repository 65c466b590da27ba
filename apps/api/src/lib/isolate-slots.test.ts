import { describe, expect, it } from 'vitest';
import { IsolateSlots } from './isolate-slots';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('IsolateSlots', () => {
  it('never lets more than `size` hold a slot, and serves waiters in the order they came', async () => {
    const slots = new IsolateSlots(2);
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    const work = async (n: number) => {
      const release = await slots.acquire(60_000);
      expect(release).not.toBeNull();
      order.push(n);
      inside++;
      most = Math.max(most, inside);
      await sleep(5);
      inside--;
      release!();
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map(work));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slots.inUse).toBe(0);
    expect(slots.stats.granted).toBe(6);
    expect(slots.stats.waited).toBe(4);
  });

  it('gives a released slot to the one waiting before a newcomer who releases and asks again at once', async () => {
    const slots = new IsolateSlots(1);
    const a = await slots.acquire(60_000);
    const served: string[] = [];
    const b = slots.acquire(60_000).then((r) => (served.push('b'), r));
    await sleep(1);
    a!();
    // a asks again straight away: b came first
    const again = slots.acquire(60_000).then((r) => (served.push('a'), r));
    (await b)!();
    (await again)!();
    expect(served).toEqual(['b', 'a']);
  });

  it('answers null to a waiter whose signal aborts, and passes the slot on', async () => {
    const slots = new IsolateSlots(1);
    const held = await slots.acquire(60_000);
    const ac = new AbortController();
    const gone = slots.acquire(60_000, ac.signal);
    const next = slots.acquire(60_000);
    await sleep(1);
    ac.abort();
    expect(await gone).toBeNull();
    expect(slots.waiting).toBe(1);
    held!();
    const r = await next;
    expect(r).not.toBeNull();
    expect(slots.inUse).toBe(1);
    r!();
    r!(); // a second release changes nothing
    expect(slots.inUse).toBe(0);
  });

  it('takes back a slot held past its time (a request that ended without releasing)', async () => {
    const slots = new IsolateSlots(1);
    await slots.acquire(50); // never released
    const t0 = Date.now();
    const next = await slots.acquire(60_000);
    expect(next).not.toBeNull();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    expect(slots.inUse).toBe(1);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new IsolateSlots(0)).toThrow(RangeError);
    expect(() => new IsolateSlots(1.5)).toThrow(RangeError);
  });
});
