import { HealthSchema } from '@cogo/types';
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';

describe('GET /healthz', () => {
  it('reports the database reachable, its version, pgvector and the applied migrations', async () => {
    const res = await SELF.fetch('http://api/healthz');
    expect(res.status).toBe(200);
    const body = HealthSchema.parse(await res.json());
    expect(body.status).toBe('ok');
    expect(body.db.ok).toBe(true);
    expect(body.db.serverVersion).toMatch(/^\d+\.\d+/);
    expect(body.db.vectorVersion).toMatch(/^\d+\.\d+/);
    expect(body.db.migrations).toBeGreaterThanOrEqual(2);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
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
});
