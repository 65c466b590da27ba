// The job API around the runners: history with filters, live events (SSE, Last-Event-ID), the per-user limits of
// seed 004, bad input refused whole, tenancy, retention, the dead-letter queue and GET /health.
import { schema } from '@cogo/db';
import { createExecutionContext, createMessageBatch, env, getQueueResult, runInDurableObject } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { projectGateName } from '../../durable-objects/names';
import { prefixOf } from '../projects/api-keys';
import worker from '../../index';
import { api, createTestProject, readSse, signJwt, testDb } from '../../../test/helpers';
import { llmProject } from '../../../test/llm-helpers';
import { call, jobRows, poll, runToEnd, sampleLayers } from './ai-jobs.test-helpers';

const MODEL = 'namer';

describe('GET /api/jobs/{id}/events', () => {
  it('streams every event with its seq as id, then one done; Last-Event-ID resumes after it', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const { job_id } = (await (await call(p, '/api/rename-layers', { model: MODEL, layers: sampleLayers(20) })).json()) as { job_id: string };
    const live = call(p, `/api/jobs/${job_id}/events`).then((res) => readSse(res));
    await runToEnd(job_id);
    const events = (await live).filter((e) => e.event !== 'keepalive');
    expect(events.map((e) => e.event)).toEqual(['job.queued', 'job.started', 'job.progress', 'job.progress', 'job.completed', 'done']);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, null]);
    expect(events.at(-1)!.data).toMatchObject({ id: job_id, status: 'completed' });
    const progress = events.filter((e) => e.event === 'job.progress').flatMap((e) => e.data.layers as Array<{ id: string }>);
    expect(progress.map((l) => l.id).sort()).toEqual(sampleLayers(20).map((l) => l.id).sort());

    const resumed = (await readSse(await call(p, `/api/jobs/${job_id}/events`, undefined, { headers: { 'last-event-id': '3' } }))).filter((e) => e.event !== 'keepalive');
    expect(resumed.map((e) => [e.id, e.event])).toEqual([[4, 'job.progress'], [5, 'job.completed'], [null, 'done']]);
  });

  it('refuses a forged Last-Event-ID and another project’s job', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const { job_id } = (await (await call(p, '/api/rename-layers', { model: MODEL, layers: sampleLayers(3) })).json()) as { job_id: string };
    const forged = await call(p, `/api/jobs/${job_id}/events`, undefined, { headers: { 'last-event-id': '1; drop table' } });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const other = await createTestProject();
    for (const path of [`/api/jobs/${job_id}`, `/api/jobs/${job_id}/events`]) {
      const res = await call(other, path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
    expect((await call(other, `/api/jobs/${job_id}/cancel`, {})).status).toBe(404);
    expect((await poll(p, job_id)).status).toBe('queued');
  });
});

describe('GET /api/jobs', () => {
  it('lists the project’s jobs newest first, filtered by type, status and starter, in pages', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const jwt = await signJwt({ sub: 'designer-2', project_id: p.id, exp: Math.floor(Date.now() / 1000) + 600 });
    const a = (await (await call(p, '/api/rename-layers', { model: MODEL, layers: sampleLayers(2) })).json()) as { job_id: string };
    const b = (await (await call({ key: jwt }, '/api/rename-layers', { model: MODEL, layers: sampleLayers(2) })).json()) as { job_id: string };
    const c = (await (await call(p, '/api/generate-edits', { model: MODEL, prompt: 'x', selection: [{ id: '1', name: 'n', type: 'FRAME' }] })).json()) as { job_id: string };
    await runToEnd(a.job_id);
    const all = (await (await call(p, '/api/jobs')).json()) as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(all.items.map((j) => j.id)).toEqual([c.job_id, b.job_id, a.job_id]);
    const renames = (await (await call(p, '/api/jobs?type=rename-layers&status=queued')).json()) as { items: Array<{ id: string }> };
    expect(renames.items.map((j) => j.id)).toEqual([b.job_id]);
    const mine = (await (await call({ key: jwt }, '/api/jobs?mine=true')).json()) as { items: Array<{ id: string }> };
    expect(mine.items.map((j) => j.id)).toEqual([b.job_id]);
    const first = (await (await call(p, '/api/jobs?limit=2')).json()) as { items: Array<{ id: string }>; nextCursor: string };
    const second = (await (await call(p, `/api/jobs?limit=2&cursor=${first.nextCursor}`)).json()) as { items: Array<{ id: string }>; nextCursor: null };
    expect([...first.items, ...second.items].map((j) => j.id)).toEqual([c.job_id, b.job_id, a.job_id]);
    expect(second.nextCursor).toBeNull();
    expect((await call(p, '/api/jobs?cursor=not-ours')).status).toBe(400);
  });
});

describe('AI job limits and input', () => {
  it('allows 10 renames a minute per user, then 429 with Retry-After; another user of the project is not counted', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const body = { model: MODEL, layers: sampleLayers(1), dry_run: true };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call(p, '/api/rename-layers', body)).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const refused = await call(p, '/api/rename-layers', body);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-policy')).toContain('"user-ai";q=10;w=60');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const jwt = await signJwt({ sub: 'someone-else', project_id: p.id, exp: Math.floor(Date.now() / 1000) + 600 });
    expect((await call({ key: jwt }, '/api/rename-layers', body)).status).toBe(200);
    // each user's window is counted by the project's gate (one warm object a project, not a new object a user)
    const gate = env.PROJECT_GATE.get(env.PROJECT_GATE.idFromName(projectGateName(p.id)));
    const rows = await runInDurableObject(gate, (_o, state) =>
      state.storage.sql.exec<{ policy: string; admitted: number; rejected: number }>(`select policy, admitted, rejected from windows where policy like 'user-ai::%' order by policy`).toArray(),
    );
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { policy: 'user-ai::jwt:someone-else', admitted: 1, rejected: 0 },
      { policy: `user-ai::key:${prefixOf(p.key)}`, admitted: 10, rejected: 1 }, // the second refusal is the isolate's own (the window is full)
    ]);
  });

  it('allows 3 heavy requests a minute per user', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(p, '/api/generate-images', { prompt: 'x', dry_run: true })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('refuses bad input whole with a 400 naming the path, and writes nothing', async () => {
    const p = await createTestProject();
    const cases: Array<[unknown, string]> = [
      [{ layers: [{ id: 'a', name: 'bad\u0000name', type: 'TEXT' }] }, 'json.layers.0.name'],
      [{ layers: [{ id: 'a', name: 'x', type: 'TEXT' }, { id: 'a', name: 'y', type: 'TEXT' }] }, 'json.layers'],
      [{ layers: sampleLayers(2_001) }, 'json.layers'],
      [{ layers: [] }, 'json.layers'],
      [{ layers: [{ id: 'a', name: 'x', type: 'text' }] }, 'json.layers.0.type'],
      [{ layers: sampleLayers(1), extra: 1 }, '(root)'],
    ];
    for (const [body, path] of cases) {
      const res = await call(p, '/api/rename-layers', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const err = (await res.json()) as { error: { code: string; details: { issues: Array<{ path: string }> } } };
      expect(err.error.code).toBe('VALIDATION_FAILED');
      expect(err.error.details.issues.map((i) => i.path).join(' ')).toContain(path === '(root)' ? 'json' : path);
    }
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const nested = await api('/api/rename-layers', { method: 'POST', key: p.key, body: `{"layers":${deep}}`, headers: { 'content-type': 'application/json' } });
    expect(nested.status).toBeGreaterThanOrEqual(400);
    expect(nested.status).toBeLessThan(500);
    const jobs = (await (await call(p, '/api/jobs')).json()) as { items: unknown[] };
    expect(jobs.items).toEqual([]);
  });
});

describe('job retention and the dead-letter queue', () => {
  it("keeps the newest keep_completed finished jobs of a kind (seed 004's removeOnComplete), none younger than keep_minutes", async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const put = await api('/api/ai/settings', { method: 'PUT', key: p.key, json: { keep_completed: 1 } });
    expect(await put.json()).toEqual({ naming_convention: 'as_is', naming_rules: '', keep_completed: 1, keep_failed: 50, keep_minutes: 60 });
    const ids: string[] = [];
    const finish = async () => {
      const { job_id } = (await (await call(p, '/api/rename-layers', { model: MODEL, layers: sampleLayers(2) })).json()) as { job_id: string };
      await runToEnd(job_id);
      ids.push(job_id);
    };
    await finish();
    await finish();
    // both finished within keep_minutes: kept although only 1 is to be kept
    expect((await poll(p, ids[0]!)).status).toBe('completed');
    // once the first finished over an hour ago, the next job's end removes it
    const handle = testDb();
    try {
      await handle.db.update(schema.jobs).set({ finishedAt: new Date(Date.now() - 3_700_000) }).where(eq(schema.jobs.id, ids[0]!));
    } finally {
      await handle.close();
    }
    await finish();
    expect((await call(p, `/api/jobs/${ids[0]}`)).status).toBe(404);
    expect((await jobRows(ids[0]!)).batches).toEqual([]);
    expect((await poll(p, ids[1]!)).status).toBe('completed');
    expect((await poll(p, ids[2]!)).status).toBe('completed');
  });

  it('a job whose message ran out of deliveries is failed by the DLQ consumer, with a terminal event', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const { job_id } = (await (await call(p, '/api/rename-layers', { model: MODEL, layers: sampleLayers(2) })).json()) as { job_id: string };
    const batch = createMessageBatch('cogo-ai-jobs-dlq', [{ id: `dlq-${job_id}`, timestamp: new Date(), attempts: 1, body: { job_id } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`dlq-${job_id}`]);
    const job = await poll(p, job_id);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(job.error!.message).toContain('ran out of deliveries');
    const events = (await readSse(await call(p, `/api/jobs/${job_id}/events`))).map((e) => e.event);
    expect(events).toEqual(['job.queued', 'job.failed', 'done']);
  });
});

describe('GET /health', () => {
  it('checks the database, the queue and the providers; a job stuck in the queue makes it 503 naming `queue`', async () => {
    const ok = await api('/health');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { status: string; failing: string[]; checks: Record<string, { ok: boolean; items?: Array<{ name: string; status: string }> }> };
    expect(body).toMatchObject({ status: 'ok', failing: [], checks: { database: { ok: true }, queue: { ok: true }, providers: { ok: true } } });
    expect(body.checks.providers!.items!.length).toBeGreaterThan(0);

    const p = await createTestProject();
    const handle = testDb();
    const [stale] = await handle.db
      .insert(schema.jobs)
      .values({ projectId: p.id, kind: 'rename-layers', status: 'queued', createdAt: new Date(Date.now() - 3_600_000) })
      .returning();
    try {
      const down = await api('/health');
      expect(down.status).toBe(503);
      const report = (await down.json()) as { status: string; failing: string[]; checks: { queue: { ok: boolean; oldest_queued_seconds: number; error: string } } };
      expect(report.status).toBe('degraded');
      expect(report.failing).toEqual(['queue']);
      expect(report.checks.queue.oldest_queued_seconds).toBeGreaterThanOrEqual(3_600);
      expect(report.checks.queue.error).toContain('waited');
    } finally {
      await handle.db.delete(schema.jobs).where(eq(schema.jobs.id, stale!.id));
      await handle.close();
    }
  });
});
