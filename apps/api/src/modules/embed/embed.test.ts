// POST /embed against the OpenAI fake: JSON and SSE answers, batching in input order, base64 answers decoded,
// the provider asked for float and VECTOR_DIMENSIONS, one usage row per provider call, the embed_done bus event.
import { schema } from '@cogo/db';
import { EmbedResultSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, readSse, testDb } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { createApp } from '../../app';

afterEach(() => openaiFake.clear());

/** POST /embed; with `vars`, through an app whose Worker vars are overridden. */
const embed = (key: string, json: Record<string, unknown>, vars: Record<string, string> = {}) =>
  Object.keys(vars).length === 0
    ? api('/embed', { method: 'POST', key, json })
    : createApp().request('/embed', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(json) }, { ...env, ...vars });

const TEXTS = ['red shoes', 'blue hat', 'green scarf', 'yellow coat', 'purple gloves'];
const SMALL = { VECTOR_DIMENSIONS: '8' };

describe('POST /embed', () => {
  it('answers JSON with VECTOR_DIMENSIONS vectors, asks the provider for float and those dimensions, and bills one usage row', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding', input: 3 }] }]);
    const traceId = crypto.randomUUID().replaceAll('-', '');
    const res = await embed(p.key, { model: 'e1', input: 'red shoes', trace_id: traceId });
    expect(res.status).toBe(200);
    const body = EmbedResultSchema.parse(await res.json());
    expect(body).toMatchObject({ model: 'e1', provider: 'alpha', providers: ['alpha'], dimensions: 1024, batches: 1, trace_id: traceId });
    expect(body.data).toHaveLength(1);
    expect(body.data[0]!.embedding).toHaveLength(1024);
    expect(body.usage).toMatchObject({ output_tokens: 0, estimated: false });
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.usage.cost_usd).toBeCloseTo((body.usage.input_tokens * 3) / 1e6, 12);
    const sent = await openaiFake.requests(p.prefix('alpha'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ path: `/${p.prefix('alpha')}/v1/embeddings`, body: { model: 'e1', input: ['red shoes'], encoding_format: 'float', dimensions: 1024 } });
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    expect(rows[0]).toMatchObject({ route: 'embed', provider: 'alpha', model: 'e1', outcome: 'ok', tokensIn: body.usage.input_tokens, tokensOut: 0, estimated: false, traceId });
    expect(rows[0]!.costUsd).toBeCloseTo(body.usage.cost_usd, 12);
    const handle = testDb();
    try {
      const events = await eventually(async () => {
        const found = await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.type, 'embed_done')));
        return found.length ? found : undefined;
      });
      expect(events[0]).toMatchObject({ traceId, payload: { provider: 'alpha', model: 'e1', inputs: 1, batches: 1, dimensions: 1024 } });
    } finally {
      await handle.close();
    }
  });

  it('sends at most EMBED_MAX_BATCH inputs per call, in order, and answers every vector at its input’s index', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding', dimensions: 8 }] }]);
    const whole = EmbedResultSchema.parse(await (await embed(p.key, { model: 'e1', input: TEXTS }, SMALL)).json());
    expect(whole.batches).toBe(1);
    const res = await embed(p.key, { model: 'e1', input: TEXTS }, { ...SMALL, EMBED_MAX_BATCH: '2' });
    expect(res.status).toBe(200);
    const body = EmbedResultSchema.parse(await res.json());
    expect(body.batches).toBe(3);
    const calls = (await openaiFake.requests(p.prefix('alpha'))).slice(1);
    expect(calls.map((r) => r.body?.input)).toEqual([TEXTS.slice(0, 2), TEXTS.slice(2, 4), TEXTS.slice(4)]);
    expect(body.data.map((d) => d.index)).toEqual([0, 1, 2, 3, 4]);
    // the fake's vectors depend on the text only: batching must not move them
    expect(body.data.map((d) => d.embedding)).toEqual(whole.data.map((d) => d.embedding));
    expect(new Set(body.data.map((d) => JSON.stringify(d.embedding))).size).toBe(5);
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 4 ? usageRows(p.id) : undefined));
    expect(rows.slice(1).map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(rows.slice(1).reduce((sum, r) => sum + r.tokensIn, 0)).toBe(body.usage.input_tokens);
  });

  it('decodes base64 answers (quirk embeddings_encoding_format) to the same vectors as the float answer', async () => {
    const p = await llmProject([
      { name: 'plain', models: [{ name: 'e-float', kind: 'embedding', dimensions: 8 }] },
      { name: 'packed', models: [{ name: 'e-b64', kind: 'embedding', dimensions: 8 }], quirks: { embeddings_encoding_format: 'base64' } },
    ]);
    const asFloat = EmbedResultSchema.parse(await (await embed(p.key, { model: 'e-float', input: TEXTS }, SMALL)).json());
    const res = await embed(p.key, { model: 'e-b64', input: TEXTS }, SMALL);
    expect(res.status).toBe(200);
    const asBase64 = EmbedResultSchema.parse(await res.json());
    expect((await openaiFake.requests(p.prefix('packed')))[0]!.body).toMatchObject({ encoding_format: 'base64', dimensions: 8 });
    expect((await openaiFake.requests(p.prefix('plain')))[0]!.body).toMatchObject({ encoding_format: 'float' });
    expect(asBase64.provider).toBe('packed');
    expect(asBase64.data.map((d) => d.embedding)).toEqual(asFloat.data.map((d) => d.embedding));
    expect(asBase64.data[0]!.embedding).toHaveLength(8);
  });

  it('streams ready, one embed.status per batch, then exactly one terminal embed.done with the vectors', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding', dimensions: 8 }] }]);
    const res = await embed(p.key, { model: 'e1', input: TEXTS, stream: true }, { ...SMALL, EMBED_MAX_BATCH: '2' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    expect(events.map((e) => e.event)).toEqual(['ready', 'embed.status', 'embed.status', 'embed.status', 'embed.done']);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5]);
    expect(events[0]!.data).toEqual({ trace_id: res.headers.get('x-trace-id'), inputs: 5, batches: 3 });
    expect(events.slice(1, 4).map((e) => e.data)).toEqual([
      { batch: 1, batches: 3, done: 1 },
      { batch: 2, batches: 3, done: 2 },
      { batch: 3, batches: 3, done: 3 },
    ]);
    const done = EmbedResultSchema.parse(events[4]!.data);
    expect(done.data).toHaveLength(5);
    expect(done.batches).toBe(3);
  });

  it('answers 422 naming the embedding models the project can use when the model is unknown, 400 for an empty input', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] }]);
    const unknown = await embed(p.key, { model: 'nope', input: 'x' });
    expect(unknown.status).toBe(422);
    expect(ErrorEnvelopeSchema.parse(await unknown.json()).error.message).toContain('e1');
    const empty = await embed(p.key, { model: 'e1', input: [] });
    expect(empty.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await empty.json()).error.code).toBe('VALIDATION_FAILED');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(0);
  });
});
