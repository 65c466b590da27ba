import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';

const API_KEY = 'sk-test-0123456789abcdefXYZW';

async function post(fake: OpenAIFake, path: string, body: unknown, key = API_KEY) {
  const res = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi there' }] };

describe('OpenAI fake: chat completions', () => {
  let fake: OpenAIFake;
  beforeAll(async () => {
    fake = await startOpenAIFake({ apiKey: API_KEY });
  });
  afterEach(() => fake.clearFaults());
  afterAll(() => fake.close());

  it('exposes a base URL ending in /v1', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('answers with a real-shaped chat.completion echoing the last user message', async () => {
    const { status, headers, body } = await post(fake, '/chat/completions', chat);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(body).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', system_fingerprint: expect.any(String) });
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(60);
    expect(body.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'You said: Hi there', refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ]);
    const { prompt_tokens, completion_tokens, total_tokens } = body.usage;
    expect(prompt_tokens).toBeGreaterThan(0);
    expect(completion_tokens).toBeGreaterThan(0);
    expect(total_tokens).toBe(prompt_tokens + completion_tokens);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: chat });
    expect(fake.requests.at(-1)?.headers.authorization).toBe('[redacted]');
  });

  it('reads array content parts and gives each completion a new id', async () => {
    const parts = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'from parts' }] }] };
    const first = await post(fake, '/chat/completions', parts);
    const second = await post(fake, '/chat/completions', parts);
    expect(first.body.choices[0].message.content).toBe('You said: from parts');
    expect(first.body.id).not.toBe(second.body.id);
  });

  it('answers 401 with invalid_api_key for a wrong key, without echoing it', async () => {
    const wrong = 'sk-wrong-key-abcdefghijklmnop1234';
    const { status, body } = await post(fake, '/chat/completions', chat, wrong);
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: null, code: 'invalid_api_key' });
    expect(body.error.message).toMatch(/^Incorrect API key provided: /);
    expect(body.error.message).toContain('1234');
    expect(body.error.message).not.toContain(wrong);
  });

  it('answers 401 without a key', async () => {
    const res = await fetch(`${fake.url}/chat/completions`, { method: 'POST', body: JSON.stringify(chat) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  it('answers 400 with OpenAI\'s error shape for bad JSON, missing messages or model', async () => {
    const badJson = await post(fake, '/chat/completions', '{"model": ');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    const noMessages = await post(fake, '/chat/completions', { model: 'gpt-4o-mini' });
    expect(noMessages.status).toBe(400);
    expect(noMessages.body.error).toMatchObject({ param: 'messages', code: 'missing_required_parameter' });
    const noModel = await post(fake, '/chat/completions', { messages: chat.messages });
    expect(noModel.status).toBe(400);
    expect(noModel.body.error).toMatchObject({ param: 'model', code: 'missing_required_parameter' });
  });

  it('rate-limit: 429 with Retry-After, x-ratelimit-* headers and rate_limit_exceeded, then service resumes', async () => {
    fake.setFaults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 2 }, times: 1, path: '/v1/chat' }]);
    const limited = await post(fake, '/chat/completions', chat);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset-requests')).toBe('2s');
    expect(limited.headers.get('x-ratelimit-limit-tokens')).toMatch(/^\d+$/);
    expect(limited.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(limited.body.error.message).toContain('gpt-4o-mini');
    expect((await post(fake, '/chat/completions', chat)).status).toBe(200);
  });

  it('server-error: 500 and 503 with server_error bodies', async () => {
    fake.setFaults([{ kind: 'server-error' }, { kind: 'server-error', status: 503 }]);
    const first = await post(fake, '/chat/completions', chat);
    const second = await post(fake, '/chat/completions', chat);
    expect([first.status, second.status]).toEqual([500, 503]);
    expect(first.body.error.type).toBe('server_error');
    expect(second.body.error.type).toBe('server_error');
  });

  it('latency delays the answer by at least ms', async () => {
    fake.setFaults([{ kind: 'latency', ms: 120 }]);
    const started = performance.now();
    const { status } = await post(fake, '/chat/completions', chat);
    expect(performance.now() - started).toBeGreaterThanOrEqual(120);
    expect(status).toBe(200);
  });

  it('answers 404 Invalid URL for unknown routes and lists models', async () => {
    const unknown = await post(fake, '/completions/nope', chat);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Invalid URL (POST /v1/completions/nope)');
    const models = await fetch(`${fake.url}/models`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(((await models.json()) as { object: string }).object).toBe('list');
  });
});

describe('OpenAI fake: reply option', () => {
  it('uses the reply function for text and tool calls, and the configured model name', async () => {
    const fake = await startOpenAIFake({
      model: 'gpt-4o-mini-2024-07-18',
      reply: (req) =>
        req.tools ? { toolCalls: [{ name: 'get_capital', arguments: { country: 'UK' }, id: 'call_fixed' }] } : 'Fixed answer.',
    });
    try {
      const text = await post(fake, '/chat/completions', chat);
      expect(text.body.choices[0].message.content).toBe('Fixed answer.');
      expect(text.body.model).toBe('gpt-4o-mini-2024-07-18');
      const tools = await post(fake, '/chat/completions', { ...chat, tools: [{ type: 'function', function: { name: 'get_capital' } }] });
      expect(tools.body.choices[0]).toMatchObject({
        finish_reason: 'tool_calls',
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_fixed', type: 'function', function: { name: 'get_capital', arguments: '{"country":"UK"}' } }],
        },
      });
    } finally {
      await fake.close();
    }
  });
});
