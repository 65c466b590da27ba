// Provider circuits: N consecutive failed calls open a provider's circuit; while it is open the provider gets no
// traffic at all (the next model answers); after the cooldown one half-open probe call closes it again.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { schema } from '@cogo/db';
import { and, eq } from 'drizzle-orm';
import { providerCircuitName } from '../../durable-objects/names';
import { BASE, testDb } from '../../../test/helpers';
import { CLOSED_VIEW_MS } from './circuit-view';
import { llmProject, openaiFake } from '../../../test/llm-helpers';

afterEach(() => openaiFake.clear());

const COOLDOWN_MS = 600;
// its own app with a short cooldown and no retries, so each failed call is one upstream request
const app = createApp();
const bindings = { ...env, LLM_CIRCUIT_FAILURES: '2', LLM_CIRCUIT_COOLDOWN_MS: String(COOLDOWN_MS), LLM_MAX_RETRIES: '0' };
const call = async (key: string, json: Record<string, unknown>) => {
  const res = await app.request(`${BASE}/llm/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(json) }, bindings);
  return { status: res.status, body: (await res.json()) as { provider?: string; error?: { code: string } } };
};
const select = async (key: string) => {
  const res = await app.request(`${BASE}/llm/router-select`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm-alpha' }) }, bindings);
  return (await res.json()) as { selected: { provider: string } | null; candidates: Array<{ provider: string; status: string; reason?: string }> };
};

describe('provider circuit', () => {
  it('skips a provider in cooldown without calling it, and a half-open probe brings it back', async () => {
    const p = await llmProject(
      [
        { name: 'alpha', models: [{ name: 'm-alpha' }] },
        { name: 'beta', models: [{ name: 'm-beta' }] },
      ],
      { fallbackOrder: ['m-beta'] },
    );
    const ask = { model: 'm-alpha', messages: [{ role: 'user', content: 'hi' }] };
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: 2, path: p.chatPath('alpha') }]);
    // two failures: each answered by the fallback, and the second opens alpha's circuit
    expect((await call(p.key, ask)).body.provider).toBe('beta');
    expect((await call(p.key, ask)).body.provider).toBe('beta');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(2);
    const inspected = await select(p.key);
    expect(inspected.candidates.find((c) => c.provider === 'alpha')).toMatchObject({ status: 'cooldown' });
    expect(inspected.selected?.provider).toBe('beta');
    // open: alpha gets no request at all, though it would answer now
    expect((await call(p.key, ask)).body.provider).toBe('beta');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(2);
    // after the cooldown one probe goes to alpha; it succeeds and closes the circuit
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 50));
    expect((await call(p.key, ask)).body.provider).toBe('alpha');
    expect((await select(p.key)).candidates.find((c) => c.provider === 'alpha')?.status).toBe('selected');
    expect((await call(p.key, ask)).body.provider).toBe('alpha');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(4);
  });

  it('reopens the circuit when the half-open probe fails', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }, { name: 'beta', models: [{ name: 'm-beta' }] }], { fallbackOrder: ['m-beta'] });
    const ask = { model: 'm-alpha', messages: [{ role: 'user', content: 'hi' }] };
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 503 }, times: 3, path: p.chatPath('alpha') }]);
    await call(p.key, ask);
    await call(p.key, ask);
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 50));
    expect((await call(p.key, ask)).body.provider).toBe('beta'); // the probe failed: beta answered
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(3);
    expect((await call(p.key, ask)).body.provider).toBe('beta'); // open again: alpha not called
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(3);
  });

  it('answers 503 LLM_NO_PROVIDER with Retry-After, without calling it, when the only provider is cooling down', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    const ask = { model: 'm-alpha', messages: [{ role: 'user', content: 'hi' }] };
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: 2, path: p.chatPath('alpha') }]);
    expect((await call(p.key, ask)).status).toBe(502);
    expect((await call(p.key, ask)).status).toBe(502);
    const third = await app.request(`${BASE}/llm/completions`, { method: 'POST', headers: { authorization: `Bearer ${p.key}`, 'content-type': 'application/json' }, body: JSON.stringify(ask) }, bindings);
    expect(third.status).toBe(503);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await third.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('LLM_NO_PROVIDER');
    expect(body.error.message).toContain('circuit open until');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(2);
  });

  it('stops sending calls within CLOSED_VIEW_MS once another isolate opened the circuit', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }, { name: 'beta', models: [{ name: 'm-beta' }] }], { fallbackOrder: ['m-beta'] });
    const ask = { model: 'm-alpha', messages: [{ role: 'user', content: 'hi' }] };
    expect((await call(p.key, ask)).body.provider).toBe('alpha'); // this isolate now holds a 'closed' view
    const handle = testDb();
    const [row] = await handle.db.select().from(schema.llmProviders).where(and(eq(schema.llmProviders.projectId, p.id), eq(schema.llmProviders.name, 'alpha')));
    await handle.close();
    // failures seen elsewhere open the circuit in its Durable Object
    const stub = env.PROVIDER_CIRCUIT.get(env.PROVIDER_CIRCUIT.idFromName(providerCircuitName(row!.id)));
    const policy = { failures: 2, cooldownMs: 60_000 };
    await stub.record(policy, { ok: false, latencyMs: 1, error: 'server' });
    await stub.record(policy, { ok: false, latencyMs: 1, error: 'server' });
    await new Promise((r) => setTimeout(r, CLOSED_VIEW_MS + 20));
    expect((await call(p.key, ask)).body.provider).toBe('beta');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
  });
});
