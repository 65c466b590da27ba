import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { foreground } from '../middleware/foreground';
import { backgroundPause, FOREGROUND_STALE_MS, inForeground, othersInFlight, runForeground, yieldToForeground } from './foreground';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('foreground requests before background work', () => {
  it('a background piece waits while a request is in flight, and goes on as soon as it ended', async () => {
    const order: string[] = [];
    const request = runForeground(async () => {
      await sleep(5);
      order.push('request done');
    });
    expect(othersInFlight()).toBe(1);
    await yieldToForeground(10_000).then(() => order.push('background goes on'));
    await request;
    expect(order).toEqual(['request done', 'background goes on']);
    expect(othersInFlight()).toBe(0);
  });

  it('BACKGROUND_DEFER_MS 0: one turn only, whatever is in flight', async () => {
    const never = deferred();
    const request = runForeground(() => never.promise);
    const pause = backgroundPause({ BACKGROUND_DEFER_MS: 0 });
    expect(await Promise.race([pause().then(() => 'went on'), sleep(2_000).then(() => 'still waiting')])).toBe('went on');
    never.resolve();
    await request;
  });

  it('waits no longer than its limit for a request that does not end', async () => {
    const never = deferred();
    const request = runForeground(() => never.promise);
    let resumed = false;
    await yieldToForeground(20).then(() => (resumed = true));
    expect(resumed).toBe(true);
    expect(othersInFlight()).toBe(1);
    never.resolve();
    await request;
    expect(othersInFlight()).toBe(0);
  });

  it("work inside a request takes one turn: it does not wait for the other requests, nor for itself", async () => {
    const other = deferred();
    const otherRequest = runForeground(() => other.promise);
    const order: string[] = [];
    const own = runForeground(async () => {
      expect(inForeground()).toBe(true);
      expect(othersInFlight()).toBe(1);
      await yieldToForeground(60_000);
      order.push('own work goes on');
    });
    // the other request ends only after: a wait for it would run into its minute
    expect(await Promise.race([own.then(() => 'went on'), sleep(2_000).then(() => 'still waiting')])).toBe('went on');
    other.resolve();
    await otherRequest.then(() => order.push('other request done'));
    expect(order).toEqual(['own work goes on', 'other request done']);
    expect(inForeground()).toBe(false);
  });

  it('a request that never ended (cancelled mid-await) stops counting after FOREGROUND_STALE_MS', async () => {
    const never = deferred();
    const request = runForeground(() => never.promise);
    expect(othersInFlight()).toBe(1);
    expect(othersInFlight(Date.now() + FOREGROUND_STALE_MS + 1)).toBe(0);
    // dropped for good: the request's own end later changes nothing
    expect(othersInFlight()).toBe(0);
    never.resolve();
    await request;
    expect(othersInFlight()).toBe(0);
  });

  it('the middleware counts a handler while it runs; a stream body it answered with is background', async () => {
    const handler = deferred();
    const body = deferred();
    const seen: Array<[string, boolean, number]> = [];
    const app = new Hono();
    app.use('*', foreground());
    app.get('/json', async (c) => {
      seen.push(['handler', inForeground(), othersInFlight()]);
      await handler.promise;
      return c.json({ ok: true });
    });
    app.get('/stream', () => {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      void (async () => {
        await body.promise;
        seen.push(['stream body', inForeground(), othersInFlight()]);
        const writer = writable.getWriter();
        await writer.write(new TextEncoder().encode('data: x\n\n'));
        await writer.close();
      })();
      return new Response(readable, { headers: { 'content-type': 'text/event-stream' } });
    });
    const json = app.request('/json');
    await sleep(1);
    expect(othersInFlight()).toBe(1);
    handler.resolve();
    expect((await json).status).toBe(200);
    expect(othersInFlight()).toBe(0);

    const stream = await app.request('/stream');
    expect(othersInFlight()).toBe(0);
    body.resolve();
    expect(await stream.text()).toBe('data: x\n\n');
    expect(seen).toEqual([
      ['handler', true, 0],
      ['stream body', false, 0],
    ]);
  });

  it('a failing handler is counted out too', async () => {
    await expect(runForeground(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(othersInFlight()).toBe(0);
  });
});
