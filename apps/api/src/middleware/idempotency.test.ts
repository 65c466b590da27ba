import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { env, runInDurableObject } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { idempotencyName } from '../durable-objects/names';
import { api, createTestProject, signJwt, testDb } from '../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const keyCount = async (projectId: string) =>
  (await handle.db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.projectId, projectId))).length;

/** Everything the IdempotencyKey object of (scope, key) holds, as text, with stored bodies decoded from base64. */
const storedEntry = async (scope: string, key: string) => {
  const stub = env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(idempotencyName(scope, key)));
  const rows = await runInDurableObject(stub, (_o, state) => state.storage.sql.exec<{ response: string | null }>('select * from entry').toArray());
  const bodies = rows.map((r) => {
    const body = r.response ? (JSON.parse(r.response) as { body?: string }).body : undefined;
    return body ? new TextDecoder().decode(Uint8Array.from(atob(body), (ch) => ch.charCodeAt(0))) : '';
  });
  return JSON.stringify({ rows, bodies });
};

describe('Idempotency-Key', () => {
  it('runs 200 concurrent identical requests exactly once; every other answer is a 409', async () => {
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
    // the created key's secret is shown once: no retry, concurrent or later, sees it again
    expect(created).toHaveLength(1);
    const issued = (await created[0]!.json()) as { id: string; prefix: string };
    for (const r of responses.filter((r) => r.status === 409)) {
      const err = ErrorEnvelopeSchema.parse(await r.json()).error;
      expect(err.code).toBe('CONFLICT');
      // still running → retry shortly; done → the answer names the key that was created
      if (r.headers.get('retry-after') !== '1') expect(err.details).toMatchObject({ api_key_id: issued.id, prefix: issued.prefix });
    }
    expect(await keyCount(p.id)).toBe(2); // the project's first key + exactly one more
  });

  it('replays the stored response after completion, marked as a replay', async () => {
    const p = await createTestProject();
    const extra = (await (await api('/keys', { method: 'POST', key: p.key, json: { name: 'doomed' } })).json()) as { id: string };
    const idem = `idem-${crypto.randomUUID()}`;
    const send = () => api(`/keys/${extra.id}`, { method: 'DELETE', key: p.key, headers: { 'idempotency-key': idem } });
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.text();
    // without the key a second revoke is a 404: the 200 below is the stored answer
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get('content-type')).toContain('application/json');
    expect((await api(`/keys/${extra.id}`, { method: 'DELETE', key: p.key })).status).toBe(404);
  });

  it('never stores a secret shown once: a retry of POST /keys after success is a 409 naming the created key', async () => {
    const p = await createTestProject();
    const idem = `idem-${crypto.randomUUID()}`;
    const send = () => api('/keys', { method: 'POST', key: p.key, json: { name: 'once' }, headers: { 'idempotency-key': idem } });
    const first = await send();
    expect(first.status).toBe(201);
    const issued = (await first.json()) as { id: string; prefix: string; key: string };
    const again = await send();
    expect(again.status).toBe(409);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('retry-after')).toBeNull();
    const text = await again.text();
    expect(text).not.toContain(issued.key);
    const err = ErrorEnvelopeSchema.parse(JSON.parse(text)).error;
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      `this Idempotency-Key already created API key ${issued.prefix} (id ${issued.id}); its secret was shown once and is not stored — rotate the key if it was lost`,
    );
    expect(err.details).toEqual({ api_key_id: issued.id, prefix: issued.prefix });
    expect(await keyCount(p.id)).toBe(2);
    const stored = await storedEntry(p.id, idem);
    expect(stored).toContain(issued.prefix); // the entry is there, holding what was created…
    expect(stored).not.toContain(issued.key.slice(-32)); // …but not the secret
  });

  it('treats POST /keys/{id}/rotate and POST /projects the same way', async () => {
    const p = await createTestProject();
    const idem = `rot-${crypto.randomUUID()}`;
    const rotate = () => api(`/keys/${p.keyId}/rotate`, { method: 'POST', key: p.key, headers: { 'idempotency-key': idem } });
    const rotated = await rotate();
    expect(rotated.status).toBe(201);
    const next = (await rotated.json()) as { id: string; prefix: string; key: string };
    // the old key is revoked now; authenticate the retry with the new one (same project, same scope)
    const retry = await api(`/keys/${p.keyId}/rotate`, { method: 'POST', key: next.key, headers: { 'idempotency-key': idem } });
    expect(retry.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await retry.json()).error.details).toEqual({ api_key_id: next.id, prefix: next.prefix });
    expect(await keyCount(p.id)).toBe(2);
    const stored = await storedEntry(p.id, idem);
    expect(stored).toContain(next.prefix);
    expect(stored).not.toContain(next.key.slice(-32));

    const slug = `t-${crypto.randomUUID().slice(0, 18)}`;
    const pidem = `proj-${crypto.randomUUID()}`;
    const create = () => api('/projects', { method: 'POST', key: env.ADMIN_TOKEN, json: { slug, name: 'Once' }, headers: { 'idempotency-key': pidem } });
    const made = await create();
    expect(made.status).toBe(201);
    const body = (await made.json()) as { project: { id: string }; api_key: { id: string; prefix: string; key: string } };
    const again = await create();
    expect(again.status).toBe(409);
    const err = ErrorEnvelopeSchema.parse(await again.json()).error;
    expect(err.details).toEqual({ api_key_id: body.api_key.id, prefix: body.api_key.prefix, project_id: body.project.id });
    expect(err.message).toContain('rotate the key');
    expect(await keyCount(body.project.id)).toBe(1);
    const storedProject = await storedEntry('admin', pidem);
    expect(storedProject).toContain(body.api_key.prefix);
    expect(storedProject).not.toContain(body.api_key.key.slice(-32));
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
    expect(b.status).toBe(409);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(ErrorEnvelopeSchema.parse(await b.json()).error.details?.api_key_id).toBe(((await a.json()) as { id: string }).id);
    expect(await keyCount(p.id)).toBe(2);
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
