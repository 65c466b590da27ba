import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { and, eq, inArray } from 'drizzle-orm';
import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { projectGateName } from '../durable-objects/names';
import { rateLimiterName } from '../durable-objects/rate-limiter';
import { createTestProject, eventually, signJwt, testDb } from '../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => vi.useRealTimers());

describe('rate limits', () => {
  it('admits exactly N of N+k concurrent requests, with IETF headers and Retry-After', async () => {
    const p = await createTestProject();
    const token = await signJwt({ project_id: p.id });
    const limited = { ...env, RATE_LIMIT_DEFAULT_PER_MIN: '10' };
    const app = createApp();
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => app.request('/projects/current', { headers: { authorization: `Bearer ${token}`, 'cf-connecting-ip': '203.0.113.7' } }, limited)),
    );
    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(15);

    const remaining = ok.map((r) => Number(/"project-default";r=(\d+);t=\d+/.exec(r.headers.get('ratelimit') ?? '')?.[1])).sort((a, b) => a - b);
    expect(remaining).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ok[0]!.headers.get('ratelimit-policy')).toBe('"ip";q=1000000;w=60, "project-default";q=10;w=60');
    const r429 = refused[0]!;
    const retryAfter = Number(r429.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(r429.headers.get('ratelimit')).toMatch(/"project-default";r=0;t=\d+/);
    const err = ErrorEnvelopeSchema.parse(await r429.json()).error;
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toContain('project-default');
  });

  it('counts per IP before authentication, so bad credentials are limited too', async () => {
    // production: Cloudflare sets CF-Connecting-IP (overwriting any client value), so it names the client
    const limited = { ...env, ENVIRONMENT: 'production', RATE_LIMIT_IP_PER_MIN: '3' };
    const app = createApp();
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await app.request('/projects/current', { headers: { authorization: 'Bearer cogo_nope', 'cf-connecting-ip': ip } }, limited)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('outside production a client cannot pick its own IP bucket with CF-Connecting-IP', async () => {
    // locally wrangler/miniflare sets CF-Connecting-IP only when the client did not, so the header is
    // the client's choice: every local request counts against one bucket, whatever it claims
    const limited = { ...env, ENVIRONMENT: 'development', RATE_LIMIT_IP_PER_MIN: '3' };
    const app = createApp();
    vi.useFakeTimers({ toFake: ['Date'] });
    // a minute no other test uses, so the shared local bucket starts empty
    vi.setSystemTime(new Date(Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000 + 5_000));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const ip = `198.51.100.${i + 1}`;
      statuses.push((await app.request('/projects/current', { headers: { authorization: 'Bearer cogo_nope', 'cf-connecting-ip': ip, 'x-forwarded-for': ip } }, limited)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('starts a new window when the minute turns', async () => {
    const p = await createTestProject();
    const limited = { ...env, RATE_LIMIT_DEFAULT_PER_MIN: '2' };
    const app = createApp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:10Z'));
    const token = await signJwt({ project_id: p.id, exp: Math.floor(Date.now() / 1000) + 600 });
    const call = () => app.request('/projects/current', { headers: { authorization: `Bearer ${token}` } }, limited);
    expect([(await call()).status, (await call()).status, (await call()).status]).toEqual([200, 200, 429]);
    vi.setSystemTime(new Date('2030-01-01T00:01:00Z'));
    expect((await call()).status).toBe(200);
  });

  it('records near-limit and limit events once per window in bus_events', async () => {
    const p = await createTestProject();
    const token = await signJwt({ project_id: p.id });
    const limited = { ...env, RATE_LIMIT_DEFAULT_PER_MIN: '10' };
    const app = createApp();
    for (let i = 0; i < 13; i++) await app.request('/projects/current', { headers: { authorization: `Bearer ${token}` } }, limited);
    const rows = await eventually(async () => {
      const r = await handle.db
        .select()
        .from(schema.busEvents)
        .where(and(eq(schema.busEvents.projectId, p.id), inArray(schema.busEvents.type, ['rate_limit_near', 'rate_limit_exceeded'])));
      return r.length >= 2 ? r : undefined;
    });
    expect(rows.map((r) => r.type).sort()).toEqual(['rate_limit_exceeded', 'rate_limit_near']);
    expect(rows.find((r) => r.type === 'rate_limit_near')?.payload).toMatchObject({ policy: 'project-default', limit: 10, count: 9 });
  });

  it("keeps a subject's windows in one object: a new window counts from zero there", async () => {
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(rateLimiterName('test', `subject-${crypto.randomUUID()}`)));
    expect(await stub.lease(2, windowStart + 60_000, 2)).toMatchObject({ from: 1, to: 2 });
    expect(await stub.lease(2, windowStart + 60_000, 1)).toMatchObject({ from: 3, to: 2, firstRejection: true });
    expect(await stub.lease(2, windowStart + 120_000, 1)).toEqual({ from: 1, to: 1, firstRejection: false });
    // an isolate whose clock lags still leases from the window it names
    expect(await stub.lease(2, windowStart + 60_000, 1)).toEqual({ from: 3, to: 2, firstRejection: false });
    expect(await runInDurableObject(stub, (_o, state) => state.storage.getAlarm())).toBe(windowStart + 180_000);
  });

  it('its alarm drops the windows that ended over a minute ago, then the storage with the last', async () => {
    const now = Date.now();
    const current = Math.floor(now / 60_000) * 60_000 + 60_000;
    const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(rateLimiterName('test', `subject-${crypto.randomUUID()}`)));
    await stub.lease(5, current - 5 * 60_000, 1);
    await stub.lease(5, current, 2);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const left = await runInDurableObject(stub, (_o, state) => state.storage.sql.exec<{ end_ms: number; admitted: number }>(`select end_ms, admitted from windows`).toArray());
    expect(left).toEqual([{ end_ms: current, admitted: 2 }]);
    expect(await runInDurableObject(stub, (_o, state) => state.storage.getAlarm())).toBe(current + 60_000);

    const ended = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(rateLimiterName('test', `subject-${crypto.randomUUID()}`)));
    await ended.lease(5, current - 5 * 60_000, 1);
    expect(await runDurableObjectAlarm(ended)).toBe(true);
    const tables = await runInDurableObject(ended, (_o, state) => state.storage.sql.exec(`select name from sqlite_master where type = 'table' and name = 'windows'`).toArray());
    expect(tables).toEqual([]);
    expect(await runInDurableObject(ended, (_o, state) => state.storage.getAlarm())).toBeNull();
    // the same instance serves the subject's next window from empty storage (it said "no such table" before)
    expect(await ended.lease(5, current, 1)).toEqual({ from: 1, to: 1, firstRejection: false });
    expect(await runInDurableObject(ended, (_o, state) => state.storage.getAlarm())).toBe(current + 60_000);
  });

  it('leases per-IP admissions into the isolate: 30 requests at 1,000/min make two calls, counted in the window', async () => {
    const limited = { ...env, ENVIRONMENT: 'production', RATE_LIMIT_IP_PER_MIN: '1000' };
    const app = createApp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2032, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000 + 5_000));
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < 30; i++) {
      const res = await app.request('/projects/current', { headers: { authorization: 'Bearer cogo_nope', 'cf-connecting-ip': ip } }, limited);
      expect(res.status).toBe(401);
    }
    const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(rateLimiterName('ip', `ip:${ip}`)));
    const row = await runInDurableObject(stub, (_o, state) => state.storage.sql.exec<{ admitted: number }>('select admitted from windows where end_ms = ?', windowStart + 60_000).toArray()[0]);
    expect(row?.admitted).toBe(40);
  });

  it('leases per-project admissions too: 30 requests with one API key at 1,000/min make two gate calls, numbered exactly', async () => {
    const p = await createTestProject();
    const limited = { ...env, RATE_LIMIT_DEFAULT_PER_MIN: '1000' };
    const app = createApp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2034, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000 + 5_000));
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    let last: Response | undefined;
    for (let i = 0; i < 30; i++) {
      last = await app.request('/projects/current', { headers: { authorization: `Bearer ${p.key}` } }, limited);
      expect(last.status).toBe(200);
    }
    expect(last!.headers.get('ratelimit')).toContain('"project-default";r=970;');
    const gate = env.PROJECT_GATE.get(env.PROJECT_GATE.idFromName(projectGateName(p.id)));
    const row = await runInDurableObject(gate, (_o, state) =>
      state.storage.sql.exec<{ admitted: number }>('select admitted from windows where policy = ? and start_ms = ?', 'project-default', windowStart).toArray()[0],
    );
    expect(row?.admitted).toBe(40);
  });

  it('leasing stays exact: of 130 concurrent requests at 100/min, 100 are admitted and 30 refused', async () => {
    const limited = { ...env, ENVIRONMENT: 'production', RATE_LIMIT_IP_PER_MIN: '100' };
    const app = createApp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2033, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000 + 5_000));
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    const statuses = await Promise.all(
      Array.from({ length: 130 }, async () => (await app.request('/projects/current', { headers: { authorization: 'Bearer cogo_nope', 'cf-connecting-ip': ip } }, limited)).status),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  });

  it('a window lease grants what is left, then refuses, flagging only the first refusal', async () => {
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(rateLimiterName('test-lease', crypto.randomUUID())));
    expect(await stub.lease(5, windowStart + 60_000, 3)).toEqual({ from: 1, to: 3, firstRejection: false });
    expect(await stub.lease(5, windowStart + 60_000, 3)).toEqual({ from: 4, to: 5, firstRejection: false });
    expect(await stub.lease(5, windowStart + 60_000, 3)).toEqual({ from: 6, to: 5, firstRejection: true });
    expect(await stub.lease(5, windowStart + 60_000, 3)).toEqual({ from: 6, to: 5, firstRejection: false });
  });
});

