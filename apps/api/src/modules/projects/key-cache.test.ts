import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app';
import { projectGateName } from '../../durable-objects/names';
import { createTestProject, testDb } from '../../../test/helpers';
import { KEY_TRUST_MS } from '../../durable-objects/rate-window';
import { KEY_CACHE_MAX_STALE_MS, KEY_CACHE_TTL_MS } from './key-cache';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => vi.useRealTimers());

const app = createApp();
const current = (key: string) => app.request('/projects/current', { headers: { authorization: `Bearer ${key}` } }, env);
const gateOf = (projectId: string) => env.PROJECT_GATE.get(env.PROJECT_GATE.idFromName(projectGateName(projectId)));
/** The gate's part of a revocation; resolves when the route would answer (every isolate's trust in the key ended). */
const revokeAsTheRouteDoes = async (projectId: string, keyId: string) => {
  const { settledAtMs } = await gateOf(projectId).revokeKeys([keyId]);
  return new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, settledAtMs - Date.now())));
};
const revokeInDatabase = (keyId: string) => handle.db.update(schema.projectApiKeys).set({ revokedAt: new Date() }).where(eq(schema.projectApiKeys.id, keyId));

describe('API key cache', () => {
  it('serves a checked key from the isolate cache: a database-only change is not read again within the TTL, read in the background after it', async () => {
    const p = await createTestProject();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date());
    expect((await current(p.key)).status).toBe(200);
    // not how the API revokes (it goes through the gate first): shows that the request above is not re-checked in Postgres
    await revokeInDatabase(p.keyId);
    expect((await current(p.key)).status).toBe(200);
    vi.setSystemTime(new Date(Date.now() + KEY_CACHE_TTL_MS + 1_000));
    // past the TTL the copy still answers, and the database is asked again after the answer (its waitUntil)
    expect((await current(p.key)).status).toBe(200);
    const late = await current(p.key);
    expect(late.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await late.json()).error.message).toBe('API key revoked');
  });

  it('past the longest staleness the database is asked before the answer', async () => {
    const p = await createTestProject();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date());
    expect((await current(p.key)).status).toBe(200);
    await revokeInDatabase(p.keyId);
    vi.setSystemTime(new Date(Date.now() + KEY_CACHE_MAX_STALE_MS + 1_000));
    const late = await current(p.key);
    expect(late.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await late.json()).error.message).toBe('API key revoked');
  });

  it("stamps the key's last_used_at after the answer, at most once a minute per isolate", async () => {
    const p = await createTestProject();
    const lastUsed = async () => (await handle.db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.id, p.keyId)))[0]?.lastUsedAt;
    const before = await lastUsed();
    const sentAt = Date.now();
    expect((await current(p.key)).status).toBe(200);
    const stamped = await lastUsed();
    expect(stamped).toBeInstanceOf(Date);
    expect(stamped!.getTime()).toBeGreaterThanOrEqual(before ? Math.min(before.getTime(), sentAt - 1_000) : sentAt - 1_000);
    expect((await current(p.key)).status).toBe(200);
    expect((await lastUsed())?.getTime()).toBe(stamped!.getTime());
  });

  it('refuses a cached key once another isolate revoked it (the gate) and its answer was due, and forgets it', async () => {
    const p = await createTestProject();
    expect((await current(p.key)).status).toBe(200);
    // another isolate's DELETE /keys/:id: gate first, then the database, then the answer once the gate's trust ended;
    // this isolate's cache still holds the key
    const settled = await revokeAsTheRouteDoes(p.id, p.keyId);
    await revokeInDatabase(p.keyId);
    await settled;
    const refused = await current(p.key);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(ErrorEnvelopeSchema.parse(await refused.json()).error.message).toBe('API key revoked');
    expect((await current(p.key)).status).toBe(401);
  });

  it('a revocation the gate holds wins even when the database write never happened', async () => {
    const p = await createTestProject();
    expect((await current(p.key)).status).toBe(200);
    await revokeAsTheRouteDoes(p.id, p.keyId);
    // the key is live in Postgres (the revoking request failed after the gate): every request still passes the gate
    expect((await current(p.key)).status).toBe(401);
    const [row] = await handle.db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.id, p.keyId));
    expect(row?.revokedAt).toBeNull();
  });

  it('the revoke route writes the gate: a second key of the project keeps working, the revoked one does not', async () => {
    const p = await createTestProject();
    const created = await app.request('/keys', { method: 'POST', headers: { authorization: `Bearer ${p.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'two' }) }, env);
    const second = (await created.json()) as { id: string; key: string };
    // used just before: this isolate trusts the key for KEY_TRUST_MS, and the route's answer waits for that
    expect((await current(second.key)).status).toBe(200);
    const sentAt = Date.now();
    const revoked = await app.request(`/keys/${second.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${p.key}` } }, env);
    expect(revoked.status).toBe(200);
    expect(Date.now() - sentAt).toBeLessThanOrEqual(KEY_TRUST_MS + 1_000);
    expect(await gateOf(p.id).isRevoked(second.id)).toBe(true);
    expect(await gateOf(p.id).isRevoked(p.keyId)).toBe(false);
    expect((await current(second.key)).status).toBe(401);
    expect((await current(p.key)).status).toBe(200);
  });
});
