import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { api, createTestProject, signJwt, testDb } from '../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const keyCount = async (projectId: string) =>
  (await handle.db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.projectId, projectId))).length;

describe('Idempotency-Key', () => {
  it('runs 200 concurrent identical requests exactly once; every answer is the same 201 or a 409', async () => {
    const p = await createTestProject();
    // a JWT keeps authentication off the database, so only the one execution touches it
    const token = await signJwt({ project_id: p.id });
    const idem = `idem-${crypto.randomUUID()}`;
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => api('/keys', { method: 'POST', key: token, json: { name: 'burst' }, headers: { 'idempotency-key': idem } })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    const bodies = new Set(await Promise.all(created.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    for (const r of responses.filter((r) => r.status === 409)) {
      expect(ErrorEnvelopeSchema.parse(await r.json()).error.code).toBe('CONFLICT');
      expect(r.headers.get('retry-after')).toBe('1');
    }
    expect(await keyCount(p.id)).toBe(2); // the project's first key + exactly one more
  });

  it('replays the stored response after completion, marked as a replay', async () => {
    const p = await createTestProject();
    const idem = `idem-${crypto.randomUUID()}`;
    const send = () => api('/keys', { method: 'POST', key: p.key, json: { name: 'once' }, headers: { 'idempotency-key': idem } });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.text();
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get('content-type')).toContain('application/json');
    expect(await keyCount(p.id)).toBe(2);
  });

  it('answers 422 when the key is reused with a different body, without executing', async () => {
    const p = await createTestProject();
    const idem = `idem-${crypto.randomUUID()}`;
    expect((await api('/keys', { method: 'POST', key: p.key, json: { name: 'a' }, headers: { 'idempotency-key': idem } })).status).toBe(201);
    const other = await api('/keys', { method: 'POST', key: p.key, json: { name: 'b' }, headers: { 'idempotency-key': idem } });
    expect(other.status).toBe(422);
    expect(ErrorEnvelopeSchema.parse(await other.json()).error.code).toBe('UNPROCESSABLE');
    expect(await keyCount(p.id)).toBe(2);
  });

  it('accepts the key as body field idempotency_key', async () => {
    const p = await createTestProject();
    const idem = `body-${crypto.randomUUID()}`;
    const a = await api('/keys', { method: 'POST', key: p.key, json: { name: 'x', idempotency_key: idem } });
    const b = await api('/keys', { method: 'POST', key: p.key, json: { name: 'x', idempotency_key: idem } });
    expect(a.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await b.text()).toBe(await a.text());
  });

  it('scopes keys per project: the same key in two projects runs twice', async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    const idem = `shared-${crypto.randomUUID()}`;
    const ra = await api('/keys', { method: 'POST', key: a.key, json: { name: 'x' }, headers: { 'idempotency-key': idem } });
    const rb = await api('/keys', { method: 'POST', key: b.key, json: { name: 'x' }, headers: { 'idempotency-key': idem } });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(rb.headers.get('idempotent-replayed')).toBeNull();
  });

  it('does not store a validation failure: the corrected retry with the same key runs', async () => {
    const p = await createTestProject();
    const idem = `fix-${crypto.randomUUID()}`;
    const bad = await api('/keys', { method: 'POST', key: p.key, json: { name: '' }, headers: { 'idempotency-key': idem } });
    expect(bad.status).toBe(400);
    // same key, different body is normally 422 — but nothing was stored for the 400
    const good = await api('/keys', { method: 'POST', key: p.key, json: { name: 'fixed' }, headers: { 'idempotency-key': idem } });
    expect(good.status).toBe(201);
  });

  it('requires a key on writes when REQUIRE_IDEMPOTENCY=true, and rejects malformed keys', async () => {
    const p = await createTestProject();
    const app = createApp();
    const strict = { ...env, REQUIRE_IDEMPOTENCY: 'true' };
    const init = (headers: Record<string, string> = {}) => ({
      method: 'POST',
      body: JSON.stringify({ name: 'x' }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}`, ...headers },
    });
    const missing = await app.request('/keys', init(), strict);
    expect(missing.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await missing.json()).error.message).toContain('Idempotency-Key');
    expect((await app.request('/keys', init({ 'idempotency-key': 'has space' }), strict)).status).toBe(400);
    expect((await app.request('/keys', init({ 'idempotency-key': `ok-${crypto.randomUUID()}` }), strict)).status).toBe(201);
    // reads never need one
    expect((await app.request('/keys', { headers: { authorization: `Bearer ${p.key}` } }, strict)).status).toBe(200);
  });
});
