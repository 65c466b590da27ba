import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, testDb } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const errorOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;

describe('projects and API keys (happy)', () => {
  it('creates a project with a key shown once, stored only as a hash', async () => {
    const p = await createTestProject('Happy');
    expect(p.key).toMatch(/^cogo_[a-z2-9]{8}_[a-z2-9]{32}$/);
    const [row] = await handle.db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.id, p.keyId));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(p.key.slice(14));

    const current = await api('/projects/current', { key: p.key });
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ id: p.id, slug: p.slug, name: 'Happy' });

    const list = await api('/keys', { key: p.key });
    const text = await list.text();
    expect(text).not.toContain(p.key);
    expect(text).not.toContain('secret');
    const { items } = JSON.parse(text) as { items: Array<{ prefix: string; key?: string }> };
    expect(items).toHaveLength(1);
    expect(p.key.startsWith(items[0]!.prefix)).toBe(true);
    expect(items[0]!.key).toBeUndefined();
  });

  it('issues, rotates and revokes keys: old keys stop working at once', async () => {
    const p = await createTestProject();
    const issued = await api('/keys', { method: 'POST', key: p.key, json: { name: 'ci' } });
    expect(issued.status).toBe(201);
    const second = (await issued.json()) as { id: string; key: string };
    expect((await api('/projects/current', { key: second.key })).status).toBe(200);

    const rotated = await api(`/keys/${second.id}/rotate`, { method: 'POST', key: p.key });
    expect(rotated.status).toBe(201);
    const third = (await rotated.json()) as { key: string; rotated_from: string };
    expect(third.rotated_from).toBe(second.id);
    const old = await api('/projects/current', { key: second.key });
    expect(old.status).toBe(401);
    expect((await errorOf(old)).message).toBe('API key revoked');
    expect((await api('/projects/current', { key: third.key })).status).toBe(200);

    const revoked = await api(`/keys/${p.keyId}`, { method: 'DELETE', key: third.key });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revoked_at: string | null }).revoked_at).toBeTruthy();
    expect((await api('/projects/current', { key: p.key })).status).toBe(401);
  });
});

describe('projects and API keys (errors)', () => {
  it('refuses a duplicate slug with 409 and a bad slug with 400 naming the path', async () => {
    const p = await createTestProject();
    const dup = await api('/projects', { method: 'POST', key: env.ADMIN_TOKEN, json: { slug: p.slug, name: 'x' } });
    expect(dup.status).toBe(409);
    expect((await errorOf(dup)).code).toBe('CONFLICT');
    const bad = await api('/projects', { method: 'POST', key: env.ADMIN_TOKEN, json: { slug: 'Not A Slug', name: '' } });
    expect(bad.status).toBe(400);
    const err = await errorOf(bad);
    expect(err.details?.issues?.map((i) => i.path).sort()).toEqual(['json.name', 'json.slug']);
  });

  it('answers 404 for a key of another project, and leaves that key working', async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    const res = await api(`/keys/${a.keyId}`, { method: 'DELETE', key: b.key });
    expect(res.status).toBe(404);
    expect((await api('/projects/current', { key: a.key })).status).toBe(200);
    const rot = await api(`/keys/${a.keyId}/rotate`, { method: 'POST', key: b.key });
    expect(rot.status).toBe(404);
  });
});

describe('projects and API keys (security)', () => {
  it('answers 401 with WWW-Authenticate for missing, malformed, unknown and expired keys', async () => {
    const missing = await api('/projects/current');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await api('/projects/current', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    const unknown = await api('/projects/current', { key: `cogo_abcdefgh_${'a'.repeat(32)}` });
    expect((await errorOf(unknown)).message).toBe('unknown API key');

    const p = await createTestProject();
    await handle.db.update(schema.projectApiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.projectApiKeys.id, p.keyId));
    const expired = await api('/projects/current', { key: p.key });
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).message).toBe('API key expired');
  });

  it('guards project creation with the admin token', async () => {
    const p = await createTestProject();
    const asProject = await api('/projects', { method: 'POST', key: p.key, json: { slug: 'nope-1', name: 'x' } });
    expect(asProject.status).toBe(401);
    const noAdmin = await createApp().request(
      '/projects',
      { method: 'POST', body: JSON.stringify({ slug: 'nope-2', name: 'x' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${env.ADMIN_TOKEN}` } },
      { ...env, ADMIN_TOKEN: undefined },
    );
    expect(noAdmin.status).toBe(403);
  });

  it('honours EDGE_AUTH_OPTIONAL only with a dev project, and never in production', async () => {
    const p = await createTestProject();
    const dev = { ...env, EDGE_AUTH_OPTIONAL: 'true', DEV_PROJECT_ID: p.id };
    const res = await createApp().request('/projects/current', {}, dev);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(p.id);
    const prod = await createApp().request('/projects/current', {}, { ...dev, ENVIRONMENT: 'production' });
    expect(prod.status).toBe(503);
    expect((await errorOf(prod)).message).toContain('EDGE_AUTH_OPTIONAL');
  });
});
