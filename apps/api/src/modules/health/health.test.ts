import { HealthSchema, LivenessSchema } from '@cogo/types';
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { openHealthDb } from './health.repo';

describe('GET /healthz (readiness)', () => {
  it('reports the database reachable, its version, pgvector, the applied migrations and how long it waited', async () => {
    const res = await SELF.fetch('http://api/healthz');
    expect(res.status).toBe(200);
    const body = HealthSchema.parse(await res.json());
    expect(body.status).toBe('ok');
    expect(body.db.ok).toBe(true);
    expect(body.db.serverVersion).toMatch(/^\d+\.\d+/);
    expect(body.db.vectorVersion).toMatch(/^\d+\.\d+/);
    expect(body.db.migrations).toBeGreaterThanOrEqual(2);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    // connectMs: until its connection was ready (where a queue would show); latencyMs: until answered
    expect(body.db.connectMs).toBeGreaterThanOrEqual(0);
    expect(body.db.latencyMs).toBeGreaterThanOrEqual(body.db.connectMs!);
  });

  it('answers 503 with status degraded when the database is down, without leaking the URL', async () => {
    const down = { ...env, DATABASE_URL: 'postgres://cogo:s3cret@127.0.0.1:1/cogo' };
    const res = await createApp().request('/healthz', {}, down);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toContain('s3cret');
    const body = HealthSchema.parse(JSON.parse(text));
    expect(body.status).toBe('degraded');
    expect(body.db.ok).toBe(false);
    expect(body.db.error).toBeTruthy();
  });

  it('answers 503, not 500, for a DATABASE_URL the driver cannot parse', async () => {
    const res = await createApp().request('/healthz', {}, { ...env, DATABASE_URL: 'postgres://[cogo:s3cret' });
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toContain('s3cret');
    expect(HealthSchema.parse(JSON.parse(text))).toMatchObject({ status: 'degraded', db: { ok: false } });
  });

  it('probes on a connection of its own that names itself cogo-health, never the shared one', () => {
    const handle = openHealthDb({ DATABASE_URL: 'postgres://cogo:pw@db.example:5432/cogo?sslmode=require', DATABASE_WS_PROXY: undefined });
    const url = new URL(handle.pool.options.connectionString!);
    expect(url.searchParams.get('application_name')).toBe('cogo-health');
    expect(url.searchParams.get('sslmode')).toBe('require');
    expect(url.password).toBe('pw');
    expect(handle.pool.options.max).toBe(1);
  });
});

describe('GET /livez (liveness)', () => {
  it('answers 200 with the version, without touching the database', async () => {
    const res = await SELF.fetch('http://api/livez');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const body = LivenessSchema.parse(await res.json());
    expect(body).toMatchObject({ status: 'ok' });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('stays 200 while the database is down or the configuration is invalid, when /healthz does not', async () => {
    const app = createApp();
    const down = { ...env, DATABASE_URL: 'postgres://cogo:s3cret@127.0.0.1:1/cogo' };
    const broken = { ...env, DATABASE_URL: 'mysql://root:pw@db/x' };
    for (const bindings of [down, broken]) {
      expect((await app.request('/livez', {}, bindings)).status).toBe(200);
      expect((await app.request('/healthz', {}, bindings)).status).toBe(503);
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await SELF.fetch('http://api/openapi.json')).json()) as { paths: Record<string, { get?: { responses: object } }> };
    expect(doc.paths['/livez']?.get?.responses).toHaveProperty('200');
  });
});
