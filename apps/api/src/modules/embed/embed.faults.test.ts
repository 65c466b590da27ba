// POST /embed under provider faults and limits: dimension mismatch, 429 + Retry-After, fallback on 5xx (keeping
// batches only when the fallback serves the same model), the budget refused before any provider call.
import { EmbedResultSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, readSse } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { createApp } from '../../app';

afterEach(() => openaiFake.clear());

const embed = (key: string, json: Record<string, unknown>, vars: Record<string, string> = {}) =>
  Object.keys(vars).length === 0
    ? api('/embed', { method: 'POST', key, json })
    : createApp().request('/embed', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(json) }, { ...env, ...vars });

const embeddingsPath = (prefix: string) => `/${prefix}/v1/embeddings`;
const TEXTS = ['red shoes', 'blue hat', 'green scarf'];
const ONE_PER_CALL = { VECTOR_DIMENSIONS: '8', EMBED_MAX_BATCH: '1', EMBED_PROVIDER_MAX_RETRIES: '0' };

describe('POST /embed faults', () => {
  it('answers 502 EMBED_DIMENSION_MISMATCH naming model, expected and got, with no vectors, when the vectors are not VECTOR_DIMENSIONS long', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e-small', kind: 'embedding', dimensions: 8 }] }]);
    const res = await embed(p.key, { model: 'e-small', input: TEXTS });
    expect(res.status).toBe(502);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    const { error } = ErrorEnvelopeSchema.parse(body);
    expect(error.code).toBe('EMBED_DIMENSION_MISMATCH');
    expect(error.details).toMatchObject({ model: 'e-small', provider: 'alpha', expected: 1024, got: 8 });
    expect(error.message).toContain('VECTOR_DIMENSIONS');
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    expect(rows[0]).toMatchObject({ route: 'embed', outcome: 'failed', errorCode: 'dimension_mismatch' });
  });

  it('waits out a 429 for its Retry-After, then succeeds on the same provider', async () => {
    const p = await llmProject(
      [
        { name: 'alpha', models: [{ name: 'e-alpha', kind: 'embedding' }] },
        { name: 'beta', models: [{ name: 'e-beta', kind: 'embedding' }] },
      ],
      { fallbackOrder: ['e-beta'] },
    );
    await openaiFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, times: 1, path: embeddingsPath(p.prefix('alpha')) }]);
    const started = Date.now();
    const res = await embed(p.key, { model: 'e-alpha', input: 'red shoes' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(res.status).toBe(200);
    expect(EmbedResultSchema.parse(await res.json())).toMatchObject({ provider: 'alpha', model: 'e-alpha' });
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(2);
    expect(await openaiFake.requests(p.prefix('beta'))).toHaveLength(0);
  });

  it('falls back to the next embedding model on a 500 that outlasts the retries; the stream still ends with one embed.done', async () => {
    const p = await llmProject(
      [
        { name: 'alpha', models: [{ name: 'e-alpha', kind: 'embedding', dimensions: 8 }] },
        { name: 'beta', models: [{ name: 'e-beta', kind: 'embedding', dimensions: 8 }] },
      ],
      { fallbackOrder: ['e-beta'] },
    );
    // alpha answers the first batch, then fails: its vectors must not be mixed with another model's
    await openaiFake.faults([
      { fault: { kind: 'latency', ms: 1 }, times: 1, path: embeddingsPath(p.prefix('alpha')) },
      { fault: { kind: 'server-error', status: 500 }, times: null, path: embeddingsPath(p.prefix('alpha')) },
    ]);
    const res = await embed(p.key, { model: 'e-alpha', input: TEXTS, stream: true }, ONE_PER_CALL);
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    expect(events.filter((e) => e.event === 'embed.done' || e.event === 'error')).toHaveLength(1);
    const done = events.at(-1)!;
    expect(done.event).toBe('embed.done');
    expect(done.data).toMatchObject({ provider: 'beta', model: 'e-beta', providers: ['beta'], batches: 3 });
    expect((await openaiFake.requests(p.prefix('beta'))).map((r) => r.body?.input)).toEqual(TEXTS.map((t) => [t]));
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 5 ? usageRows(p.id) : undefined));
    expect(rows.map((r) => [r.provider, r.outcome])).toEqual([
      ['alpha', 'ok'],
      ['alpha', 'failed'],
      ['beta', 'ok'],
      ['beta', 'ok'],
      ['beta', 'ok'],
    ]);
  });

  it('keeps the batches already done when the fallback provider serves the same model', async () => {
    const p = await llmProject([
      { name: 'alpha', models: [{ name: 'e1', kind: 'embedding', dimensions: 8 }] },
      { name: 'beta', models: [{ name: 'e1', kind: 'embedding', dimensions: 8 }] },
    ]);
    await openaiFake.faults([
      { fault: { kind: 'latency', ms: 1 }, times: 1, path: embeddingsPath(p.prefix('alpha')) },
      { fault: { kind: 'server-error', status: 503 }, times: null, path: embeddingsPath(p.prefix('alpha')) },
    ]);
    const res = await embed(p.key, { model: 'e1', input: TEXTS }, ONE_PER_CALL);
    expect(res.status).toBe(200);
    const body = EmbedResultSchema.parse(await res.json());
    expect(body).toMatchObject({ provider: 'beta', providers: ['alpha', 'beta'] });
    expect((await openaiFake.requests(p.prefix('beta'))).map((r) => r.body?.input)).toEqual([[TEXTS[1]], [TEXTS[2]]]);
    const whole = EmbedResultSchema.parse(await (await embed(p.key, { model: 'e1', input: TEXTS }, { VECTOR_DIMENSIONS: '8' })).json());
    expect(body.data).toEqual(whole.data);
  });

  it('answers 402 BUDGET_EXCEEDED naming the budget before any provider is called', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding', input: 1_000_000 }] }], { dailyBudgetUsd: 0.5 });
    const res = await embed(p.key, { model: 'e1', input: 'a text of several tokens', stream: true });
    expect(res.status).toBe(402);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(error.details).toMatchObject({ budget: 'daily', limit_usd: 0.5 });
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(0);
    expect(await usageRows(p.id)).toHaveLength(0);
  });
});
