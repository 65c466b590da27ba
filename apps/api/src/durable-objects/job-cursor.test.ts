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
    expect([...first, ...second].map((e) => e.id)).toEqual([1, 2, 3]);
    expect((await job.eventsAfter(1)).map((e) => JSON.parse(e.data))).toEqual([{ n: 2 }, { n: 3 }]);
    expect(await job.eventsAfter(3)).toEqual([]);
    expect((await job.eventsAfter(0, 2)).map((e) => e.id)).toEqual([1, 2]);
    expect((await job.state())?.status).toBe('running');
  });

  it('is idempotent on init and refuses events after the terminal one', async () => {
    const job = stubFor('job-b');
    await job.init('job-b', { v: 1 });
    const again = await job.init('job-b', { v: 2 });
    expect(again.meta).toEqual({ v: 1 });
    await job.append([{ type: 'done', data: '{}' }], 'done');
    // RPC promises are thenables; settle them explicitly rather than through expect().rejects
    const refused = await job.append([{ type: 'page.chunk', data: '{}' }]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(refused)).toMatch(/already done/);
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
});
