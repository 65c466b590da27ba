import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, testDb } from '../../../test/helpers';
import { openSecret } from './vault.crypto';
import { resolveSecret } from './vault.service';

const handle = testDb();
afterAll(() => handle.close());

// every console line of these tests, to prove the plaintext is never logged
const lines: string[] = [];
beforeEach(() => {
  lines.length = 0;
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
});
afterEach(() => vi.restoreAllMocks());

const ctxFor = (projectId: string) => ({
  db: handle.db,
  masterKey: env.VAULT_MASTER_KEY,
  masterKeyId: 'k1',
  actor: 'service:test',
  traceId: undefined,
  requestId: undefined,
});

describe('key vault', () => {
  it('round-trips a secret while the plaintext appears in no response and no log line', async () => {
    const p = await createTestProject();
    const plaintext = `figd_${crypto.randomUUID()}`;
    const bodies: string[] = [];
    const put = await api('/vault/secrets/FIGMA_API_KEY', { method: 'PUT', key: p.key, json: { value: plaintext } });
    expect(put.status).toBe(201);
    bodies.push(await put.clone().text());
    expect(await put.json()).toMatchObject({ alias: 'FIGMA_API_KEY', version: 1, status: 'active', last4: plaintext.slice(-4) });

    const next = `figd_${crypto.randomUUID()}`;
    const rotated = await api('/vault/secrets/FIGMA_API_KEY/rotate', { method: 'POST', key: p.key, json: { value: next } });
    expect(rotated.status).toBe(201);
    bodies.push(await rotated.clone().text());
    expect(((await rotated.json()) as { version: number }).version).toBe(2);

    // internal services resolve the current value by alias
    expect(await resolveSecret(ctxFor(p.id), p.id, 'FIGMA_API_KEY')).toBe(next);

    const list = await api('/vault/secrets', { key: p.key });
    bodies.push(await list.clone().text());
    const { items } = (await list.json()) as { items: Array<{ version: number; status: string }> };
    expect(items.map((i) => [i.version, i.status])).toEqual([
      [2, 'active'],
      [1, 'rotated'],
    ]);

    const revoked = await api('/vault/secrets/FIGMA_API_KEY', { method: 'DELETE', key: p.key });
    expect(revoked.status).toBe(200);
    bodies.push(await revoked.text());
    expect(await resolveSecret(ctxFor(p.id), p.id, 'FIGMA_API_KEY')).toBeNull();

    const audit = await api('/vault/secrets/FIGMA_API_KEY/audit', { key: p.key });
    const trail = ((await audit.json()) as { items: Array<{ action: string; version: number | null; actor: string }> }).items;
    expect(trail.map((a) => [a.action, a.version])).toEqual([
      ['set', 1],
      ['rotate', 2],
      ['use', 2],
      ['revoke', null],
    ]);
    expect(trail[0]!.actor).toMatch(/^key:cogo_/);
    expect(trail[2]!.actor).toBe('service:test');

    for (const secret of [plaintext, next]) {
      for (const b of bodies) expect(b).not.toContain(secret);
      for (const l of lines) expect(l).not.toContain(secret);
    }
    // and at rest it is ciphertext
    const rows = await handle.db.select().from(schema.secureKeys).where(eq(schema.secureKeys.projectId, p.id));
    for (const r of rows) expect(JSON.stringify(r)).not.toContain(next.slice(5, 20));
  });

  it('binds ciphertext to its project, alias and version', async () => {
    const p = await createTestProject();
    await api('/vault/secrets/OPENAI_API_KEY', { method: 'PUT', key: p.key, json: { value: 'sk-test-0001' } });
    const [row] = await handle.db
      .select()
      .from(schema.secureKeys)
      .where(and(eq(schema.secureKeys.projectId, p.id), eq(schema.secureKeys.alias, 'OPENAI_API_KEY')));
    expect(await openSecret(env.VAULT_MASTER_KEY, p.id, 'OPENAI_API_KEY', 1, row!)).toBe('sk-test-0001');
    await expect(openSecret(env.VAULT_MASTER_KEY, p.id, 'FIGMA_API_KEY', 1, row!)).rejects.toThrow();
    await expect(openSecret(env.VAULT_MASTER_KEY, crypto.randomUUID(), 'OPENAI_API_KEY', 1, row!)).rejects.toThrow();
  });

  it('keeps each project to its own secrets', async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    await api('/vault/secrets/SLACK_TOKEN', { method: 'PUT', key: a.key, json: { value: 'xoxb-aaaa' } });
    expect(((await (await api('/vault/secrets', { key: b.key })).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await api('/vault/secrets/SLACK_TOKEN/rotate', { method: 'POST', key: b.key, json: { value: 'x' } })).status).toBe(404);
    expect((await api('/vault/secrets/SLACK_TOKEN', { method: 'DELETE', key: b.key })).status).toBe(404);
    expect(await resolveSecret(ctxFor(b.id), b.id, 'SLACK_TOKEN')).toBeNull();
  });

  it('validates aliases and answers 503 when no master key is configured', async () => {
    const p = await createTestProject();
    const bad = await api('/vault/secrets/lower-case', { method: 'PUT', key: p.key, json: { value: 'x' } });
    expect(bad.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await bad.json()).error.details?.issues?.[0]?.path).toBe('param.alias');
    const res = await createApp().request(
      '/vault/secrets/FIGMA_API_KEY',
      { method: 'PUT', body: JSON.stringify({ value: 'x' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } },
      { ...env, VAULT_MASTER_KEY: undefined },
    );
    expect(res.status).toBe(503);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.message).toContain('VAULT_MASTER_KEY');
  });
});
