// Several providers on one fake: any prefix before /v1/ reaches the same API, while faults, replies and the
// request log keep the full path so a test can tell the providers apart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Ping' }] };

describe('OpenAI fake: path prefixes', () => {
  let fake: OpenAIFake;
  let origin: string;
  const post = async (path: string, body: unknown = chat) => {
    const res = await fetch(`${origin}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  beforeAll(async () => {
    fake = await startOpenAIFake();
    origin = new URL(fake.url).origin;
  });
  afterEach(() => {
    fake.clearFaults();
    fake.clearReplies();
    fake.requests.length = 0;
  });
  afterAll(() => fake.close());

  it('serves chat, embeddings and models under any prefix', async () => {
    const alt = await post('/alt/v1/chat/completions');
    expect(alt.status).toBe(200);
    expect(alt.body.choices[0].message.content).toBe('You said: Ping');
    expect((await post('/providers/groq/openai/v1/chat/completions')).body.object).toBe('chat.completion');
    const embed = await post('/alt/v1/embeddings', { model: 'text-embedding-3-small', input: 'x', dimensions: 8 });
    expect(embed.body.data[0].embedding).toHaveLength(8);
    expect(((await (await fetch(`${origin}/alt/v1/models`)).json()) as { object: string }).object).toBe('list');
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/alt/v1/chat/completions',
      '/providers/groq/openai/v1/chat/completions',
      '/alt/v1/embeddings',
      '/alt/v1/models',
    ]);
  });

  it('still answers 404 when there is no /v1/ in the path', async () => {
    const res = await post('/alt/v2/chat/completions');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Invalid URL (POST /alt/v2/chat/completions)');
  });

  it('a fault scoped to one prefix leaves the other providers alone', async () => {
    fake.setFaults([{ fault: { kind: 'server-error', status: 502 }, times: Infinity, path: '/alt/' }]);
    expect((await post('/alt/v1/chat/completions')).status).toBe(502);
    expect((await post('/v1/chat/completions')).status).toBe(200);
    expect((await post('/other/v1/chat/completions')).status).toBe(200);
    expect((await post('/alt/v1/chat/completions')).status).toBe(502);
  });

  it('a fault scoped to /v1 does not hit a prefixed provider', async () => {
    fake.setFaults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, path: '/v1/' }]);
    expect((await post('/alt/v1/chat/completions')).status).toBe(200);
    expect((await post('/v1/chat/completions')).status).toBe(429);
  });

  it('replies scoped to a prefix, set on the object', async () => {
    fake.setReplies(['from alt'], '/alt/');
    expect((await post('/v1/chat/completions')).body.choices[0].message.content).toBe('You said: Ping');
    expect((await post('/alt/v1/chat/completions')).body.choices[0].message.content).toBe('from alt');
    expect(fake.pendingReplies()).toBe(0);
  });
});
