// The control API over HTTP, as a Worker test (which cannot reach the fake object) drives it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';

const API_KEY = 'sk-test-control0123456789abcd';
const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi there' }] };
type Json = Record<string, any>;

describe('OpenAI fake: control API', () => {
  let fake: OpenAIFake;
  let origin: string;
  const control = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${origin}/__fake/${path}`, init);
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as any };
  };
  const post = async (path: string, body: unknown = chat, headers: Record<string, string> = {}) => {
    const res = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const content = async (path = '/v1/chat/completions', body: unknown = chat) =>
    (await post(path, body)).body.choices?.[0]?.message?.content as string | null | undefined;

  beforeAll(async () => {
    fake = await startOpenAIFake({ apiKey: API_KEY });
    origin = new URL(fake.url).origin;
  });
  afterEach(async () => {
    await control('DELETE', 'faults');
    await control('DELETE', 'replies');
    await control('DELETE', 'requests');
  });
  afterAll(() => fake.close());

  it('PUT faults: counted rules apply in order, then service resumes', async () => {
    const put = await control('PUT', 'faults', [{ fault: { kind: 'server-error', status: 503 }, times: 2 }]);
    expect(put.status).toBe(204);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('/v1/chat/completions')).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('PUT faults: times null is sticky, pathPattern scopes it, DELETE clears it', async () => {
    const rule = { fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, times: null, pathPattern: '/embeddings$' };
    expect((await control('PUT', 'faults', [rule])).status).toBe(204);
    const embed = () => post('/v1/embeddings', { model: 'text-embedding-3-small', input: 'x' });
    expect((await post('/v1/chat/completions')).status).toBe(200);
    expect([(await embed()).status, (await embed()).status, (await embed()).status]).toEqual([429, 429, 429]);
    expect((await control('DELETE', 'faults')).status).toBe(204);
    expect((await embed()).status).toBe(200);
  });

  it('PUT faults rejects malformed rules with a 400 and keeps the rules it had', async () => {
    await control('PUT', 'faults', [{ fault: { kind: 'server-error' }, times: null }]);
    const bad = [
      '{"fault":',
      { fault: { kind: 'server-error' } },
      [{ fault: { kind: 'no-such-fault' } }],
      [{ fault: { kind: 'stream-drop' } }],
      [{ fault: { kind: 'server-error' }, times: 0 }],
      [{ fault: { kind: 'server-error' }, pathPattern: '(' }],
    ];
    for (const body of bad) {
      const res = await control('PUT', 'faults', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.json().error).toBe('string');
    }
    expect((await post('/v1/chat/completions')).status).toBe(500);
  });

  it('PUT replies: queued replies answer the next chats in order, then the echo is back', async () => {
    const replies = ['first', { toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] }, { content: 'third' }];
    expect((await control('PUT', 'replies', replies)).status).toBe(204);
    expect(await content()).toBe('first');
    const tools = await post('/v1/chat/completions');
    expect(tools.body.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: { content: null, tool_calls: [{ type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }] },
    });
    expect(await content()).toBe('third');
    expect(await content()).toBe('You said: Hi there');
  });

  it('a queued reply is kept for the next chat when a request fails (fault, bad body, bad key, embeddings)', async () => {
    await control('PUT', 'replies', ['kept']);
    await control('PUT', 'faults', [{ kind: 'server-error' }]);
    expect((await post('/v1/chat/completions')).status).toBe(500);
    expect((await post('/v1/chat/completions', { model: 'gpt-4o-mini' })).status).toBe(400);
    expect((await post('/v1/chat/completions', chat, { authorization: 'Bearer sk-wrong-0123456789' })).status).toBe(401);
    expect((await post('/v1/embeddings', { model: 'text-embedding-3-small', input: 'x' })).status).toBe(200);
    expect(await content()).toBe('kept');
  });

  it('replies scoped by path answer only there; other paths use the unscoped queue', async () => {
    expect((await control('PUT', 'replies', { path: '/alt/', replies: ['for alt'] })).status).toBe(204);
    expect((await control('PUT', 'replies', { pathPattern: '^/b/', replies: ['for b'] })).status).toBe(204);
    expect((await control('PUT', 'replies', ['for anyone'])).status).toBe(204);
    expect(await content('/v1/chat/completions')).toBe('for anyone');
    expect(await content('/alt/v1/chat/completions')).toBe('for alt');
    expect(await content('/alt/v1/chat/completions')).toBe('You said: Hi there');
    // PUT again on the same scope replaces that queue only
    await control('PUT', 'replies', { pathPattern: '^/b/', replies: ['b again'] });
    expect(await content('/b/v1/chat/completions')).toBe('b again');
    await control('PUT', 'replies', { path: '/alt/', replies: ['cleared soon'] });
    expect((await control('DELETE', 'replies')).status).toBe(204);
    expect(await content('/alt/v1/chat/completions')).toBe('You said: Hi there');
  });

  it('PUT replies rejects malformed bodies with a 400', async () => {
    const bad = ['nope', { replies: 'x' }, [42], [{ toolCalls: [{ arguments: '{}' }] }], { path: 3, replies: [] }];
    for (const body of bad) expect((await control('PUT', 'replies', body)).status, JSON.stringify(body)).toBe(400);
  });

  it('GET requests: full paths, credentials redacted, filtered by ?path=; DELETE empties it', async () => {
    await post('/v1/chat/completions');
    await post('/alt/v1/chat/completions', chat, { 'x-api-key': 'sk-ant-secret-value-123' });
    const all = await control('GET', 'requests');
    expect(all.status).toBe(200);
    expect(all.json().map((r: { path: string }) => r.path)).toEqual(['/v1/chat/completions', '/alt/v1/chat/completions']);
    expect(all.json()[1]).toMatchObject({ method: 'POST', body: chat, headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' } });
    expect(all.text).not.toContain(API_KEY);
    expect(all.text).not.toContain('sk-ant-secret');
    const alt = await control('GET', 'requests?path=/alt/');
    expect(alt.json().map((r: { path: string }) => r.path)).toEqual(['/alt/v1/chat/completions']);
    expect((await control('DELETE', 'requests')).status).toBe(204);
    expect((await control('GET', 'requests')).json()).toEqual([]);
  });

  it('answers 404 for an unknown control route', async () => {
    expect((await control('GET', 'nothing-here')).status).toBe(404);
  });
});
