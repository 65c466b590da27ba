// /llm/completions against the OpenAI fake: JSON and SSE answers, usage and cost from the provider's own usage.
import { CompletionResultSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, readSse } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';

afterEach(() => openaiFake.clear());

const ask = (key: string, json: Record<string, unknown>) => api('/llm/completions', { method: 'POST', key, json });

describe('POST /llm/completions', () => {
  it('answers JSON with the provider, the provider’s usage and its cost, and stores one usage row equal to it', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', input: 2, output: 10 }] }]);
    await openaiFake.replies(p.chatPath('alpha'), ['Paris is the capital of France.']);
    const res = await ask(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect(res.status).toBe(200);
    const body = CompletionResultSchema.parse(await res.json());
    expect(body).toMatchObject({ text: 'Paris is the capital of France.', provider: 'alpha', model: 'm-alpha', continued: false, providers: ['alpha'], finish_reason: 'stop' });
    expect(body.usage.estimated).toBe(false);
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.usage.cost_usd).toBeCloseTo((body.usage.input_tokens * 2 + body.usage.output_tokens * 10) / 1e6, 12);
    // a JSON answer is asked as one JSON answer upstream (no per-chunk work)
    const sent = (await openaiFake.requests(p.prefix('alpha'))).at(-1)!;
    expect(sent.body).toMatchObject({ model: 'm-alpha' });
    expect(sent.body!.stream).toBeUndefined();
    // the call's trace went along (W3C traceparent with the answer's trace id)
    expect(sent.headers.traceparent).toMatch(new RegExp(`^00-${body.trace_id}-[0-9a-f]{16}-01$`));
    const rows = await eventually(async () => {
      const r = await usageRows(p.id);
      return r.length === 1 ? r : undefined;
    });
    expect(rows[0]).toMatchObject({ provider: 'alpha', model: 'm-alpha', route: 'llm.completions', outcome: 'ok', tokensIn: body.usage.input_tokens, tokensOut: body.usage.output_tokens, estimated: false });
    expect(rows[0]!.costUsd).toBeCloseTo(body.usage.cost_usd, 12);
  });

  it('streams llm.delta events that join to the llm.done text, and ends with exactly one terminal event', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    const text = 'Once upon a time, a designer met a developer — and they shipped.';
    await openaiFake.replies(p.chatPath('alpha'), [text]);
    const res = await ask(p.key, { model: 'm-alpha', stream: true, messages: [{ role: 'user', content: 'story' }] });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    const deltas = events.filter((e) => e.event === 'llm.delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((e) => e.data.text).join('')).toBe(text);
    const terminal = events.filter((e) => e.event === 'llm.done' || e.event === 'error');
    expect(terminal).toHaveLength(1);
    expect(events.at(-1)!.event).toBe('llm.done');
    expect(events.at(-1)!.data).toMatchObject({ text, provider: 'alpha', continued: false });
    // streamed upstream, usage asked for in the stream
    const sent = (await openaiFake.requests(p.prefix('alpha'))).at(-1)!;
    expect(sent.body).toMatchObject({ model: 'm-alpha', stream: true, stream_options: { include_usage: true } });
  });

  it('counts tokens from the text and marks the row estimated when the provider sends no usage', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', input: 1, output: 1 }] }]);
    await openaiFake.faults([{ fault: { kind: 'no-usage' }, times: 1, path: p.chatPath('alpha') }]);
    const res = await ask(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'hello there' }] });
    const body = CompletionResultSchema.parse(await res.json());
    expect(body.usage.estimated).toBe(true);
    expect(body.usage.output_tokens).toBeGreaterThan(0);
    expect(body.usage.cost_usd).toBeGreaterThan(0);
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    expect(rows[0]).toMatchObject({ estimated: true, tokensOut: body.usage.output_tokens });
  });

  it('answers 422 naming the models the project can use when the model is unknown', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    const res = await ask(p.key, { model: 'nope', messages: [{ role: 'user', content: 'x' }] });
    expect(res.status).toBe(422);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.message).toContain('m-alpha');
  });
});
