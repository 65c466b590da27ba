// Isolate-level batching of request metrics (issue 10): many requests' metrics leave in one sendBatch, at 100
// messages or when the oldest is a second old; the buffer is bounded and a failed send keeps its messages.
import type { RequestMetricMessage } from '@cogo/types';
import { describe, expect, it, vi } from 'vitest';
import { createMetricsBatcher, type MetricsTarget } from './metrics-batch';

const metric = (n: number): RequestMetricMessage => ({
  kind: 'request_metric',
  route: `/r/${n}`,
  method: 'GET',
  status: 200,
  durationMs: 1,
  projectId: null,
  traceId: null,
  at: new Date(0).toISOString(),
});
const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const routesOf = (batch: unknown[]) => batch.map((m) => Number((m as RequestMetricMessage).route.slice(3)));

/** A Queue double recording every sendBatch; `hold()` makes the next send wait until released, `fail()` refuses it. */
function queueDouble() {
  const sent: unknown[][] = [];
  let next: 'hold' | 'fail' | undefined;
  let release = () => {};
  const sendBatch = vi.fn(async (messages: Iterable<{ body: unknown; contentType?: string }>) => {
    const bodies = [...messages].map((m) => {
      expect(m.contentType).toBe('json');
      return m.body;
    });
    expect(bodies.length).toBeLessThanOrEqual(100);
    const mode = next;
    next = undefined;
    if (mode === 'fail') throw new Error('queue unavailable (test)');
    if (mode === 'hold') await new Promise<void>((r) => (release = r));
    sent.push(bodies);
  });
  return {
    queue: { send: vi.fn(), sendBatch } as unknown as Queue<unknown>,
    sent,
    sendBatch,
    hold: () => void (next = 'hold'),
    fail: () => void (next = 'fail'),
    release: () => release(),
  };
}

/** One request's execution context: what it was asked to wait for. */
function request(queue: Queue<unknown>, log = { warn: vi.fn(), error: vi.fn() }) {
  const waited: Array<Promise<unknown>> = [];
  const target: MetricsTarget = { queue, waitUntil: (p) => void waited.push(p), log };
  return { target, waited, log, settled: () => Promise.all(waited) };
}

/** A sleep the test wakes by hand (no real second passes). */
function manualSleep() {
  const sleeping: Array<{ ms: number; wake: () => void }> = [];
  const sleep = (ms: number) => new Promise<void>((wake) => sleeping.push({ ms, wake }));
  return { sleep, sleeping, wakeAll: () => sleeping.splice(0).forEach((s) => s.wake()) };
}

describe('metrics batcher', () => {
  it("sends many requests' metrics in one sendBatch when the oldest is a second old", async () => {
    const q = queueDouble();
    const clock = manualSleep();
    const batcher = createMetricsBatcher({ sleep: clock.sleep });
    const requests = numbers(1, 20).map(() => request(q.queue));
    requests.forEach((r, i) => batcher.add(metric(i + 1), r.target));

    // only the first push into the empty buffer scheduled a flush, a second later, on its own request
    expect(requests[0]!.waited).toHaveLength(1);
    expect(requests.slice(1).every((r) => r.waited.length === 0)).toBe(true);
    expect(clock.sleeping.map((s) => s.ms)).toEqual([1000]);
    expect(q.sendBatch).not.toHaveBeenCalled();
    expect(batcher.size).toBe(20);

    clock.wakeAll();
    await requests[0]!.settled();
    expect(q.sent.map(routesOf)).toEqual([numbers(1, 20)]);
    expect(batcher.size).toBe(0);

    // the next push into the empty buffer schedules the next flush
    const later = request(q.queue);
    batcher.add(metric(21), later.target);
    expect(later.waited).toHaveLength(1);
    clock.wakeAll();
    await later.settled();
    expect(q.sent.map(routesOf)).toEqual([numbers(1, 20), [21]]);
  });

  it('flushes at once, in the request that fills the buffer to 100, and never sends more than 100 per call', async () => {
    const q = queueDouble();
    const clock = manualSleep();
    const batcher = createMetricsBatcher({ sleep: clock.sleep });
    const requests = numbers(1, 250).map(() => request(q.queue));
    requests.forEach((r, i) => batcher.add(metric(i + 1), r.target));

    // the 100th and the 200th push each asked their own request to wait for a flush; nobody slept for it
    expect(requests[99]!.waited).toHaveLength(1);
    expect(requests[199]!.waited).toHaveLength(1);
    await Promise.all([requests[99]!.settled(), requests[199]!.settled()]);
    expect(q.sent.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(q.sent.flatMap(routesOf)).toEqual(numbers(1, 250));

    // the timers scheduled meanwhile find nothing left to send
    clock.wakeAll();
    await Promise.all(requests.map((r) => r.settled()));
    expect(q.sendBatch).toHaveBeenCalledTimes(3);
  });

  it('a flush voids the timer scheduled before it, so the next batch gets its full second', async () => {
    const q = queueDouble();
    const clock = manualSleep();
    // a clock that stands still: both timers fall due at the same instant (CI once ran them in one millisecond)
    const batcher = createMetricsBatcher({ sleep: clock.sleep, now: () => 0 });
    const first = request(q.queue);
    for (const n of numbers(1, 100)) batcher.add(metric(n), first.target);
    await batcher.flush();
    expect(q.sent.map(routesOf)).toEqual([numbers(1, 100)]);

    // the buffer is empty again: the next push schedules its own flush although the first timer has not fired
    const next = request(q.queue);
    batcher.add(metric(101), next.target);
    expect(next.waited).toHaveLength(1);
    const [stale, fresh] = clock.sleeping.splice(0);
    stale!.wake();
    await first.settled();
    expect(q.sendBatch).toHaveBeenCalledTimes(1);
    batcher.add(metric(102), next.target);
    fresh!.wake();
    await next.settled();
    expect(q.sent.map(routesOf)).toEqual([numbers(1, 100), [101, 102]]);
  });

  it('bounds the buffer while the queue is stuck: the oldest are dropped, counted and logged once', async () => {
    const q = queueDouble();
    const clock = manualSleep();
    const batcher = createMetricsBatcher({ sleep: clock.sleep });
    const log = { warn: vi.fn(), error: vi.fn() };
    q.hold();
    const r = request(q.queue, log);
    for (const n of numbers(1, 1200)) batcher.add(metric(n), r.target);

    // 1..100 are in the stuck send; of 101..1200 the buffer keeps the newest 1,000
    expect(batcher.size).toBe(1000);
    q.release();
    clock.wakeAll();
    await r.settled();
    expect(q.sent.flatMap(routesOf)).toEqual([...numbers(1, 100), ...numbers(201, 1200)]);
    expect(q.sent.every((b) => b.length <= 100)).toBe(true);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith('request metrics dropped: buffer full', { dropped: 100, capacity: 1000 });

    // the count starts again after it is logged: a later flush that dropped nothing warns of nothing
    const later = request(q.queue, log);
    batcher.add(metric(1201), later.target);
    clock.wakeAll();
    await later.settled();
    expect(q.sent.at(-1)).toEqual([metric(1201)]);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('keeps the messages of a failed send, logs it without throwing, and sends them first next time', async () => {
    const q = queueDouble();
    const clock = manualSleep();
    const batcher = createMetricsBatcher({ sleep: clock.sleep });
    const first = request(q.queue);
    q.fail();
    batcher.add(metric(1), first.target);
    batcher.add(metric(2), first.target);
    clock.wakeAll();
    await first.settled();
    expect(q.sent).toEqual([]);
    expect(first.log.error).toHaveBeenCalledWith('request metrics flush failed; kept for the next flush', expect.objectContaining({ count: 2 }));
    expect(batcher.size).toBe(2);

    // the next push schedules a flush again although the buffer was not empty
    const second = request(q.queue);
    batcher.add(metric(3), second.target);
    expect(second.waited).toHaveLength(1);
    clock.wakeAll();
    await second.settled();
    expect(q.sent.map(routesOf)).toEqual([[1, 2, 3]]);
  });

  it('a send that never settles (its request was cut off) does not block later flushes forever', async () => {
    const q = queueDouble();
    const clock = manualSleep();
    let now = 0;
    const batcher = createMetricsBatcher({ sleep: clock.sleep, now: () => now, stallMs: 10_000 });
    q.hold(); // never released
    const cut = request(q.queue);
    for (const n of numbers(1, 100)) batcher.add(metric(n), cut.target);
    const r = request(q.queue);
    for (const n of numbers(101, 200)) batcher.add(metric(n), r.target);
    expect(batcher.size).toBe(100); // waiting behind the stuck send

    now = 10_001;
    const late = request(q.queue);
    batcher.add(metric(201), late.target);
    await batcher.flush();
    expect(q.sent.flatMap(routesOf)).toEqual(numbers(101, 201));
  });

  it('a flush timer that never fired (its request was cut off) is replaced after a while', async () => {
    const q = queueDouble();
    const clock = manualSleep();
    let now = 0;
    const batcher = createMetricsBatcher({ sleep: clock.sleep, now: () => now, stallMs: 10_000 });
    batcher.add(metric(1), request(q.queue).target);
    clock.sleeping.splice(0); // that timer is gone
    const soon = request(q.queue);
    batcher.add(metric(2), soon.target);
    expect(soon.waited).toHaveLength(0);

    now = 11_001;
    const later = request(q.queue);
    batcher.add(metric(3), later.target);
    expect(later.waited).toHaveLength(1);
    clock.wakeAll();
    await later.settled();
    expect(q.sent.map(routesOf)).toEqual([[1, 2, 3]]);
  });
});
