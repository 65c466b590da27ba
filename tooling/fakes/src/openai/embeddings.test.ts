import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToFloat32 } from './embeddings';
import { OPENAI_FIXTURES_DIR } from './fixture-paths';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';

type EmbeddingsBody = {
  object: string;
  model: string;
  data: { object: string; index: number; embedding: number[] | string }[];
  usage: { prompt_tokens: number; total_tokens: number };
};

async function embed(fake: OpenAIFake, body: Record<string, unknown>) {
  const res = await fetch(`${fake.url}/embeddings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'text-embedding-3-small', ...body }),
  });
  return { status: res.status, body: (await res.json()) as EmbeddingsBody & { error?: { param: string | null } } };
}

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
const floats = (value: number[] | string | undefined): number[] => {
  if (!Array.isArray(value)) throw new Error('expected a float embedding');
  return value;
};

describe('OpenAI fake: embeddings', () => {
  let fake: OpenAIFake;
  beforeAll(async () => {
    fake = await startOpenAIFake();
  });
  afterAll(() => fake.close());

  it('returns one unit-length float vector per input, 1536 wide by default', async () => {
    const { status, body } = await embed(fake, { input: ['red shoes', 'blue hat'] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'list', model: 'text-embedding-3-small' });
    expect(body.data.map(({ object, index }) => ({ object, index }))).toEqual([
      { object: 'embedding', index: 0 },
      { object: 'embedding', index: 1 },
    ]);
    for (const item of body.data) {
      const vector = floats(item.embedding);
      expect(vector).toHaveLength(1536);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(floats(body.data[0]?.embedding)).not.toEqual(floats(body.data[1]?.embedding));
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens);
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('is deterministic per text across requests', async () => {
    const first = await embed(fake, { input: 'red shoes' });
    const second = await embed(fake, { input: ['blue hat', 'red shoes'] });
    expect(floats(second.body.data[1]?.embedding)).toEqual(floats(first.body.data[0]?.embedding));
  });

  it('base64 decodes (little-endian float32) to exactly the float format', async () => {
    const asFloat = await embed(fake, { input: 'red shoes', encoding_format: 'float' });
    const asBase64 = await embed(fake, { input: 'red shoes', encoding_format: 'base64' });
    const encoded = asBase64.body.data[0]?.embedding;
    expect(typeof encoded).toBe('string');
    expect(Buffer.from(encoded as string, 'base64')).toHaveLength(1536 * 4);
    expect(base64ToFloat32(encoded as string)).toEqual(floats(asFloat.body.data[0]?.embedding));
  });

  it('respects dimensions from the request, and from the options', async () => {
    const { body } = await embed(fake, { input: 'red shoes', dimensions: 256 });
    const vector = floats(body.data[0]?.embedding);
    expect(vector).toHaveLength(256);
    expect(norm(vector)).toBeCloseTo(1, 5);
    const small = await startOpenAIFake({ dimensions: 64 });
    try {
      expect(floats((await embed(small, { input: 'red shoes' })).body.data[0]?.embedding)).toHaveLength(64);
    } finally {
      await small.close();
    }
  });

  it('answers 400 for missing input, empty input or a bad encoding_format', async () => {
    expect((await embed(fake, {})).body.error?.param).toBe('input');
    expect((await embed(fake, { input: '' })).status).toBe(400);
    expect((await embed(fake, { input: 'x', encoding_format: 'hex' })).status).toBe(400);
    expect((await embed(fake, { input: 'x', dimensions: 0 })).status).toBe(400);
  });

  it('rate-limit: a 429 with Retry-After and rate_limit_exceeded for embeddings too, then service resumes', async () => {
    fake.setFaults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 3, limitType: 'tokens' }, path: '/v1/embeddings' }]);
    const res = await fetch(`${fake.url}/embeddings`, {
      method: 'POST',
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'red shoes' }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('x-ratelimit-remaining-tokens')).toBe('0');
    const body = (await res.json()) as { error: { type: string; code: string; message: string } };
    expect(body.error).toMatchObject({ type: 'tokens', code: 'rate_limit_exceeded' });
    expect(body.error.message).toContain('text-embedding-3-small');
    expect(body.error.message).toContain('tokens per min (TPM)');
    expect((await embed(fake, { input: 'red shoes' })).status).toBe(200);
    expect(fake.pendingFaults()).toBe(0);
  });
});

const fixturesDir = OPENAI_FIXTURES_DIR;

describe.runIf(existsSync(fixturesDir))('OpenAI fake vs recorded embeddings responses', () => {
  const files = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((name) => name.endsWith('embeddings.response.json')) : [];

  it.each(files)('%s has the same shape as the fake', async (name) => {
    const real = JSON.parse(readFileSync(join(fixturesDir, name), 'utf8')) as EmbeddingsBody;
    const format = typeof real.data[0]?.embedding === 'string' ? 'base64' : 'float';
    const fake = await startOpenAIFake();
    try {
      const { body: ours } = await embed(fake, { input: real.data.map((_, i) => `text ${i}`), encoding_format: format });
      expect(Object.keys(ours).sort()).toEqual(Object.keys(real).sort());
      expect(Object.keys(ours.usage).sort()).toEqual(Object.keys(real.usage).sort());
      expect(ours.data).toHaveLength(real.data.length);
      real.data.forEach((item, i) => {
        const mine = ours.data[i];
        expect(Object.keys(mine ?? {}).sort()).toEqual(Object.keys(item).sort());
        expect(mine?.index).toBe(item.index);
        expect(typeof mine?.embedding).toBe(typeof item.embedding);
        const realVector = typeof item.embedding === 'string' ? base64ToFloat32(item.embedding) : item.embedding;
        const ourVector = typeof mine?.embedding === 'string' ? base64ToFloat32(mine.embedding) : floats(mine?.embedding);
        // Real vectors are unit length too; ours match their width when asked for the same dimensions.
        expect(norm(realVector)).toBeCloseTo(1, 2);
        expect(ourVector).toHaveLength(1536);
        expect(realVector).toHaveLength(1536);
      });
    } finally {
      await fake.close();
    }
  });
});
