import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToFloat32, embedText } from './embeddings';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';
import { loadWordVectors } from './word-vectors';
import { writeTinyTable } from './word-vectors-fixture';

type Answer = {
  status: number;
  body: {
    model: string;
    data: { object: string; index: number; embedding: number[] | string }[];
    usage: { prompt_tokens: number; total_tokens: number };
    error?: { message: string; param: string | null };
  };
};

const dir = writeTinyTable();
const words = loadWordVectors(dir);
let fake: OpenAIFake;
beforeAll(async () => {
  fake = await startOpenAIFake({ wordVectors: words, apiKey: 'sk-test-0123456789' });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function embed(body: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${fake.url}/embeddings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-0123456789' },
    body: JSON.stringify({ model: 'glove-100d-mean', ...body }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}
const floats = (value: number[] | string | undefined) => {
  if (!Array.isArray(value)) throw new Error('expected a float embedding');
  return value;
};

describe('OpenAI fake: /v1/embeddings from word vectors', () => {
  it('answers glove-100d-mean from the table: native width, the embedder’s vectors, words as usage', async () => {
    const texts = ['primary button blue rounded', 'main call-to-action blue pill button'];
    const { status, body } = await embed({ input: texts });
    expect(status).toBe(200);
    expect(body.model).toBe('glove-100d-mean');
    expect(body.data.map((d) => floats(d.embedding))).toEqual(texts.map((t) => Array.from(words.embed(t))));
    expect(body.usage).toEqual({ prompt_tokens: 4 + 7, total_tokens: 4 + 7 });
  });

  it('base64 decodes to exactly the float answer', async () => {
    const asFloat = await embed({ input: 'PrimaryButton' });
    const asBase64 = await embed({ input: 'PrimaryButton', encoding_format: 'base64' });
    expect(typeof asBase64.body.data[0]?.embedding).toBe('string');
    expect(base64ToFloat32(asBase64.body.data[0]?.embedding as string)).toEqual(floats(asFloat.body.data[0]?.embedding));
  });

  it('honours a wider `dimensions` by zero-padding, and refuses a narrower one with a 400', async () => {
    const { status, body } = await embed({ input: 'primary button', dimensions: 1024 });
    expect(status).toBe(200);
    const vector = floats(body.data[0]?.embedding);
    expect(vector).toHaveLength(1024);
    expect(vector.slice(0, 8)).toEqual(Array.from(words.embed('primary button')));
    expect(vector.slice(8).every((x) => x === 0)).toBe(true);

    const narrow = await embed({ input: 'primary button', dimensions: 4 });
    expect(narrow.status).toBe(400);
    expect(narrow.body.error).toMatchObject({ param: 'dimensions', message: expect.stringMatching(/glove-100d-mean has 8 dimensions/) });
  });

  it('keeps the hash vectors for every other model, and lists the word-vector model', async () => {
    const { body } = await embed({ model: 'text-embedding-3-small', input: 'primary button' });
    expect(floats(body.data[0]?.embedding)).toEqual(Array.from(embedText('primary button', 1536)));
    const models = (await (await fetch(`${fake.url}/models`, { headers: { authorization: 'Bearer sk-test-0123456789' } })).json()) as {
      data: { id: string }[];
    };
    expect(models.data.map((m) => m.id)).toContain('glove-100d-mean');
  });
});
