// Stream integrity under provider faults: every stream ends with exactly one terminal event; a failure before
// the first token falls back silently; a cut after tokens is continued by the fallback or ends in a typed error.
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, readSse, type StreamedEvent } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';

afterEach(() => openaiFake.clear());

const stream = async (key: string, json: Record<string, unknown>) => {
  const res = await api('/llm/completions', { method: 'POST', key, json: { stream: true, ...json } });
  expect(res.status).toBe(200);
  return (await readSse(res)).filter((e) => e.event !== 'keepalive');
};
const terminals = (events: StreamedEvent[]) => events.filter((e) => e.event === 'llm.done' || e.event === 'error');
const joined = (events: StreamedEvent[]) => events.filter((e) => e.event === 'llm.delta').map((e) => e.data.text).join('');
const TWO = [{ name: 'alpha', models: [{ name: 'm-alpha' }] }, { name: 'beta', models: [{ name: 'm-beta' }] }];
const FALLBACK = { fallbackOrder: ['m-beta'] };

describe('stream integrity', () => {
  it('waits out a 429 for its Retry-After, then succeeds on the same provider', async () => {
    const p = await llmProject(TWO, FALLBACK);
    await openaiFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, times: 1, path: p.chatPath('alpha') }]);
    const started = Date.now();
    const events = await stream(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'hi' }] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(terminals(events)).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ event: 'llm.done', data: { provider: 'alpha', text: 'You said: hi' } });
    expect(await openaiFake.requests(p.prefix('beta'))).toHaveLength(0);
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(2);
  });

  it('falls back silently when the provider fails before its first token: the fallback answers, one terminal event', async () => {
    const p = await llmProject(TWO, FALLBACK);
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: null, path: p.chatPath('alpha') }]);
    const events = await stream(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'hello' }] });
    expect(events.some((e) => e.event === 'error')).toBe(false);
    expect(terminals(events)).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ event: 'llm.done', data: { provider: 'beta', model: 'm-beta', providers: ['beta'], continued: false, text: 'You said: hello' } });
    expect(joined(events)).toBe('You said: hello');
    const rows = await eventually(async () => {
      const r = await usageRows(p.id);
      return r.length === 2 ? r : undefined;
    });
    expect(rows.map((r) => [r.provider, r.outcome])).toEqual([
      ['alpha', 'failed'],
      ['beta', 'ok'],
    ]);
  });

  it('continues a stream cut after tokens on the fallback from the text already sent, marked continued', async () => {
    const p = await llmProject(TWO, FALLBACK);
    await openaiFake.replies(p.chatPath('alpha'), ['The quick brown fox jumps over the lazy dog.']);
    await openaiFake.replies(p.chatPath('beta'), [' over the lazy dog.']);
    await openaiFake.faults([{ fault: { kind: 'stream-drop', afterChunks: 5 }, times: 1, path: p.chatPath('alpha') }]);
    const events = await stream(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'fox' }] });
    expect(terminals(events)).toHaveLength(1);
    const done = events.at(-1)!;
    expect(done.event).toBe('llm.done');
    expect(done.data).toMatchObject({ continued: true, providers: ['alpha', 'beta'], provider: 'beta' });
    expect(joined(events)).toBe(done.data.text);
    const prefix = done.data.text.slice(0, done.data.text.length - ' over the lazy dog.'.length);
    expect(prefix.length).toBeGreaterThan(0);
    // the fallback was sent the prefix as the assistant's partial answer and asked to continue
    const asked = (await openaiFake.requests(p.prefix('beta'))).at(-1)!.body as { messages: Array<{ role: string; content: string }> };
    expect(asked.messages.at(-2)).toEqual({ role: 'assistant', content: prefix });
    expect(asked.messages.at(-1)!.role).toBe('user');
  });

  it('ends a cut stream with a typed error event when no fallback can continue it — never a silent end', async () => {
    const p = await llmProject([TWO[0]!]);
    await openaiFake.faults([{ fault: { kind: 'stream-drop', afterChunks: 4 }, times: 1, path: p.chatPath('alpha') }]);
    const events = await stream(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'tell me something long' }] });
    expect(terminals(events)).toHaveLength(1);
    expect(events.some((e) => e.event === 'llm.done')).toBe(false);
    const error = events.at(-1)!;
    expect(error.event).toBe('error');
    expect(error.data.error.code).toBe('LLM_STREAM_CUT');
    expect(error.data.error.details.sent_chars).toBe(joined(events).length);
    expect(joined(events).length).toBeGreaterThan(0);
  });

  it('treats a stream without [DONE] as a failure', async () => {
    const p = await llmProject([TWO[0]!]);
    await openaiFake.faults([{ fault: { kind: 'no-done' }, times: 1, path: p.chatPath('alpha') }]);
    const events = await stream(p.key, { model: 'm-alpha', messages: [{ role: 'user', content: 'hi' }] });
    expect(terminals(events)).toHaveLength(1);
    expect(events.at(-1)!.event).toBe('error');
    expect(events.at(-1)!.data.error.message).toContain('[DONE]');
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    expect(rows[0]).toMatchObject({ outcome: 'cut', errorCode: 'cut' });
  });

  it('answers 502 with every attempt named when all providers fail (JSON)', async () => {
    const p = await llmProject(TWO, FALLBACK);
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 503 }, times: null, pathPattern: `^/(${p.prefix('alpha')}|${p.prefix('beta')})/` }]);
    const res = await api('/llm/completions', { method: 'POST', key: p.key, json: { model: 'm-alpha', messages: [{ role: 'user', content: 'x' }] } });
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { code: string; details: { attempts: Array<{ provider: string }> } } };
    expect(body.error.code).toBe('LLM_UPSTREAM');
    expect(body.error.details.attempts.map((a) => a.provider)).toEqual(['alpha', 'beta']);
  });
});

describe('fallback statuses (LLM_FALLBACK_STATUSES)', () => {
  it('moves a call to the next model only on the configured statuses; another failure ends it as LLM_UPSTREAM', async () => {
    const { createApp } = await import('../../app');
    const { env } = await import('cloudflare:test');
    const { BASE } = await import('../../../test/helpers');
    const p = await llmProject(TWO, FALLBACK);
    const ask = (bindings: Record<string, unknown>) =>
      createApp().request(`${BASE}/llm/completions`, { method: 'POST', headers: { authorization: `Bearer ${p.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm-alpha', messages: [{ role: 'user', content: 'x' }] }) }, bindings);
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 503 }, times: null, path: p.chatPath('alpha') }]);
    const strict = await ask({ ...env, LLM_FALLBACK_STATUSES: '429', LLM_MAX_RETRIES: '0' });
    expect(strict.status).toBe(502);
    expect(((await strict.json()) as { error: { code: string } }).error.code).toBe('LLM_UPSTREAM');
    expect(await openaiFake.requests(p.prefix('beta'))).toHaveLength(0);
    const lenient = await ask({ ...env, LLM_MAX_RETRIES: '0' });
    expect(lenient.status).toBe(200);
    expect(((await lenient.json()) as { provider: string }).provider).toBe('beta');
  });
});
