import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { jobCursorName, RETENTION_MS, type JobCursor } from './job-cursor';

const stubFor = (jobId: string) => env.JOB_CURSOR.get(env.JOB_CURSOR.idFromName(jobCursorName(jobId)));

describe('JobCursor Durable Object', () => {
  it('keeps an ordered event log with monotonic ids and resumes after any id', async () => {
    const job = stubFor('job-a');
    const state = await job.init('job-a', { kind: 'test' });
    expect(state).toMatchObject({ jobId: 'job-a', status: 'pending', lastEventId: 0 });
    const first = await job.append([
      { type: 'ready', data: '{"n":1}' },
      { type: 'page.chunk', data: '{"n":2}' },
    ]);
    const second = await job.append([{ type: 'page.chunk', data: '{"n":3}' }]);
    if (!first.ok || !second.ok) throw new Error('append refused');
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual([1, 2, 3]);
    expect((await job.eventsAfter(1)).map((e) => JSON.parse(e.data))).toEqual([{ n: 2 }, { n: 3 }]);
    expect(await job.eventsAfter(3)).toEqual([]);
    expect((await job.eventsAfter(0, 2)).map((e) => e.id)).toEqual([1, 2]);
    expect((await job.state())?.status).toBe('running');
  });

  it('wakes a follower when events are appended or the producer lets go, instead of being polled', async () => {
    const job = stubFor('job-wait');
    await job.init('job-wait');
    await job.append([{ type: 'ready', data: '{}' }]);
    expect((await job.claim('lease-0', 60_000)).ok).toBe(true);
    // something newer than the follower's id: answered at once
    expect(await job.waitForEvents(0, 5_000)).toMatchObject({ lastEventId: 1, woke: 'events' });
    // nothing newer: held until the producer appends
    const t0 = Date.now();
    const waiting = job.waitForEvents(1, 5_000);
    await new Promise((r) => setTimeout(r, 100));
    await job.append([{ type: 'page.chunk', data: '{}' }]);
    const woke = await waiting;
    expect(woke).toMatchObject({ lastEventId: 2, woke: 'events' });
    expect(Date.now() - t0).toBeLessThan(2_000);
    // the producer's lease released: a follower may take over
    const released = job.waitForEvents(2, 5_000);
    await new Promise((r) => setTimeout(r, 50));
    await job.release('lease-0');
    expect(await released).toMatchObject({ lastEventId: 2, woke: 'released' });
    // released before the follower asked: answered at once, no wake-up lost
    expect(await job.waitForEvents(2, 5_000)).toMatchObject({ woke: 'released' });
    // nothing happens while a producer holds the lease: it gives up at the timeout
    expect((await job.claim('lease-1', 60_000)).ok).toBe(true);
    const t1 = Date.now();
    expect(await job.waitForEvents(2, 300)).toMatchObject({ lastEventId: 2, woke: 'timeout' });
    expect(Date.now() - t1).toBeGreaterThanOrEqual(250);
    // an ended job answers at once
    await job.append([{ type: 'done', data: '{}' }], 'done');
    expect(await job.waitForEvents(2, 5_000)).toMatchObject({ lastEventId: 3, woke: 'events', status: 'done' });
    expect(await job.waitForEvents(3, 5_000)).toMatchObject({ lastEventId: 3, woke: 'ended' });
  });

  it('is idempotent on init and refuses events after the terminal one', async () => {
    const job = stubFor('job-b');
    await job.init('job-b', { v: 1 });
    const again = await job.init('job-b', { v: 2 });
    expect(again.meta).toEqual({ v: 1 });
    await job.append([{ type: 'done', data: '{}' }], 'done');
    // an expected refusal is an answer, not an exception (workerd logs a thrown one as the object's uncaught error)
    expect(await job.append([{ type: 'page.chunk', data: '{}' }])).toEqual({ ok: false, refused: 'ended', status: 'done' });
    expect((await job.state())?.status).toBe('done');
  });

  it('schedules cleanup when the job ends and forgets it when the alarm fires', async () => {
    const job = stubFor('job-c');
    await job.init('job-c');
    const before = Date.now();
    await job.append([{ type: 'error', data: '{"code":"X"}' }], 'error');
    const alarmAt = await runInDurableObject(job, (_obj: JobCursor, state) => state.storage.getAlarm());
    expect(alarmAt).toBeGreaterThanOrEqual(before + RETENTION_MS);
    expect(await runDurableObjectAlarm(job)).toBe(true);
    expect(await job.state()).toBeNull();
    expect(await job.eventsAfter(0)).toEqual([]);
  });

  it('forgets a job that never ends RETENTION_MS after its last activity, and keeps one still active', async () => {
    const job = stubFor('job-d');
    const before = Date.now();
    await job.init('job-d');
    const alarmAt = await runInDurableObject(job, (_obj: JobCursor, state) => state.storage.getAlarm());
    expect(alarmAt).toBeGreaterThanOrEqual(before + RETENTION_MS);
    await job.append([{ type: 'ready', data: '{}' }]);
    // the alarm comes while the job was active within the window: nothing is lost, it looks again later
    expect(await runDurableObjectAlarm(job)).toBe(true);
    expect((await job.eventsAfter(0)).map((e) => e.type)).toEqual(['ready']);
    const next = await runInDurableObject(job, (_obj: JobCursor, state) => state.storage.getAlarm());
    expect(next).toBeGreaterThanOrEqual(before + RETENTION_MS);
    // a retention window of silence later (the client never came back): the job is forgotten
    await runInDurableObject(job, (_obj: JobCursor, state) => {
      state.storage.sql.exec(`update meta set v = json_set(v, '$.updatedAt', ?) where k = 'state'`, Date.now() - RETENTION_MS - 1);
    });
    expect(await runDurableObjectAlarm(job)).toBe(true);
    expect(await job.state()).toBeNull();
    expect(await job.eventsAfter(0)).toEqual([]);
  });

  it('stages a chunk invisibly and logs it with the chunk commit, in order, before the events of the commit itself', async () => {
    const job = stubFor('job-e');
    await job.init('job-e', {}, { chunks: [{ pageId: 'p', ids: ['1:1'] }], extra: null });
    expect((await job.claim('lease-1', 60_000)).ok).toBe(true);
    await job.append([{ type: 'ready', data: '{}' }], undefined, 'lease-1');
    await job.stage('lease-1', [
      { type: 'page.chunk', data: '{"part":0}' },
      { type: 'page.chunk', data: '{"part":1}' },
    ]);
    await job.stage('lease-1', [{ type: 'page.chunk', data: '{"part":2}' }]);
    // staged rows are no events yet: neither a reader nor the state sees them
    expect((await job.eventsAfter(0)).map((e) => e.type)).toEqual(['ready']);
    expect((await job.state())?.lastEventId).toBe(1);
    const producer = { nextChunk: 1, chunksTotal: 1, snapshot: null, counts: '{}' };
    const own = await job.append(
      [
        { type: 'page.chunk', data: '{"part":3}' },
        { type: 'progress', data: '{}' },
      ],
      undefined,
      'lease-1',
      producer,
    );
    // the staged rows took the ids just before the commit's own
    expect(own.ok && own.events.map((e) => e.id)).toEqual([5, 6]);
    expect((await job.eventsAfter(0)).map((e) => [e.id, e.data])).toEqual([
      [1, '{}'],
      [2, '{"part":0}'],
      [3, '{"part":1}'],
      [4, '{"part":2}'],
      [5, '{"part":3}'],
      [6, '{}'],
    ]);
    expect(await job.producer()).toEqual(producer);
    // moved, not copied: the next commit logs only its own events
    await job.append([{ type: 'progress', data: '{"n":2}' }], undefined, 'lease-1', producer);
    expect((await job.eventsAfter(6)).map((e) => e.data)).toEqual(['{"n":2}']);
  });

  it('drops what a lease staged when a new lease claims the job or an append does not commit it; stages only under the lease', async () => {
    const job = stubFor('job-f');
    await job.init('job-f', {}, { chunks: [{ pageId: 'p', ids: ['1:1'] }], extra: null });
    const staged = () => runInDurableObject(job, (_obj: JobCursor, state) => state.storage.sql.exec<{ n: number }>(`select count(*) as n from staged`).one().n);
    // a producer whose lease ran out (leaseMs 0) staged half a chunk, then died
    expect((await job.claim('lease-1', 0)).ok).toBe(true);
    await job.stage('lease-1', [{ type: 'page.chunk', data: '{"from":"lease-1"}' }]);
    expect(await staged()).toBe(1);
    expect((await job.claim('lease-2', 60_000)).ok).toBe(true);
    expect(await staged()).toBe(0);
    expect(await job.stage('lease-1', [{ type: 'page.chunk', data: '{}' }])).toEqual({ ok: false, refused: 'lease lost' });
    expect(await job.append([{ type: 'page.chunk', data: '{}' }], undefined, 'lease-1')).toEqual({ ok: false, refused: 'lease lost' });
    await job.append([{ type: 'page.chunk', data: '{"from":"lease-2"}' }], undefined, 'lease-2', { nextChunk: 1, chunksTotal: 1, snapshot: null, counts: '{}' });
    expect((await job.eventsAfter(0)).map((e) => e.data)).toEqual(['{"from":"lease-2"}']);
    // an append that does not commit a chunk (no producer: a debug, an error, a cancel) logs no staged row and drops them
    await job.stage('lease-2', [{ type: 'page.chunk', data: '{"half":1}' }]);
    await job.append([{ type: 'error', data: '{"code":"CANCELLED"}' }], 'cancelled');
    expect((await job.eventsAfter(0)).map((e) => e.type)).toEqual(['page.chunk', 'error']);
    expect(await staged()).toBe(0);
    expect(await job.stage('lease-2', [{ type: 'page.chunk', data: '{}' }])).toEqual({ ok: false, refused: 'ended', status: 'cancelled' });
  });
});
