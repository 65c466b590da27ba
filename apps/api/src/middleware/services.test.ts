// The request's databases (README "Tenancy in Postgres"): c.get('db') acts for the principal's project under
// row-level security and cannot be opened before there is one; c.get('serviceDb') sees every project and every use
// is logged as `service db` with its reason and route, never a parameter.
import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { onError } from '../lib/error-handler';
import { BASE, createTestProject, testDb, type TestProject } from '../../test/helpers';
import { requestId } from './request-id';
import { services } from './services';
import { trace } from './trace';

const handle = testDb();
let a: TestProject;
let b: TestProject;
const lines: string[] = [];

beforeAll(async () => {
  [a, b] = [await createTestProject('RLS A'), await createTestProject('RLS B')];
  for (const p of [a, b]) {
    await handle.pool.query(`insert into cogo.jobs (project_id, kind, status, input) values ($1, 'figma-context', 'done', '{}')`, [p.id]);
  }
});
afterAll(() => handle.close());
beforeEach(() => {
  lines.length = 0;
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
});
afterEach(() => vi.restoreAllMocks());

/** A bare app with the real services(): `/as/:project` plays authenticate() by setting the principal. */
function probeApp() {
  const app = new Hono();
  app.use('*', requestId(), trace(), services());
  app.onError(onError);
  app.get('/as/:project', async (c) => {
    c.set('principal', { projectId: c.req.param('project'), kind: 'dev', actor: 'dev' });
    // deliberately unfiltered
    const jobs = await c.get('db')().execute(sql`select distinct project_id from cogo.jobs`);
    const who = await c.get('db')().execute(sql`select current_user as role`);
    return c.json({ projects: jobs.rows.map((r) => r.project_id), role: who.rows[0]?.role });
  });
  app.get('/before-auth', async (c) => c.json(await c.get('db')().execute(sql`select 1`)));
  return app;
}

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe("c.get('db'): the principal's tenant database", () => {
  it('runs as cogo_app and an unfiltered query returns only its project rows', async () => {
    const res = await probeApp().request(`${BASE}/as/${b.id}`, {}, env);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ projects: [b.id], role: 'cogo_app' });
  });

  it('opened before authentication is a programming error: 500 in the envelope, logged', async () => {
    const res = await probeApp().request(`${BASE}/before-auth`, {}, env);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).not.toMatch(/tenant/);
    expect(logged().some((l) => l.msg === 'tenant db opened without a principal' && l.route === '/before-auth')).toBe(true);
  });
});

describe("c.get('serviceDb'): audited", () => {
  it('logs the API-key lookup as a service db use with reason and route, never the key', async () => {
    const res = await createApp().request(`${BASE}/projects/current`, { headers: { authorization: `Bearer ${a.key}` } }, { ...env, LOG_LEVEL: 'info' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(a.id);
    const uses = logged().filter((l) => l.msg === 'service db');
    expect(uses).toEqual([expect.objectContaining({ reason: 'api key lookup', route: '/projects/current' })]);
    expect(lines.join('\n')).not.toContain(a.key.slice(5));
  });

  it("A's key cannot reach B's job through the API", async () => {
    const [job] = (await handle.pool.query<{ id: string }>('select id from cogo.jobs where project_id = $1', [b.id])).rows;
    const res = await createApp().request(`${BASE}/jobs/${job!.id}`, { headers: { authorization: `Bearer ${a.key}` } }, env);
    expect(res.status).toBe(404);
    const own = await createApp().request(`${BASE}/jobs/${job!.id}`, { headers: { authorization: `Bearer ${b.key}` } }, env);
    expect(own.status).toBe(200);
  });
});
