// What the AI plugin jobs need from the OpenAI fake: the offline layer namer, images as real PNGs, faults aimed at
// one request by its body, and when each answer finished (to count overlapping calls).
import { inflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';

async function post(fake: OpenAIFake, path: string, body: unknown) {
  const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const renameChat = (layers: unknown[]) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: `Rename these.\n\`\`\`json\n${JSON.stringify(layers)}\n\`\`\`` }],
  response_format: { type: 'json_schema', json_schema: { name: 'layer_names', schema: { type: 'object' } } },
});

describe('OpenAI fake: plugin jobs', () => {
  let fake: OpenAIFake;
  beforeAll(async () => {
    fake = await startOpenAIFake();
  });
  afterEach(() => fake.clearFaults());
  afterAll(() => fake.close());

  it('names every layer of a layer_names request from its text, contents or parent', async () => {
    const layers = [
      { id: '1:2', type: 'TEXT', path: 'Home/Hero', text: 'Sign in now!' },
      { id: '1:3', type: 'FRAME', path: 'Home/Hero', children_summary: 'icon, label' },
      { id: '1:4', type: 'RECTANGLE', path: 'Home/Hero' },
    ];
    const { status, body } = await post(fake, '/chat/completions', renameChat(layers));
    expect(status).toBe(200);
    expect(JSON.parse(body.choices[0].message.content)).toEqual({
      names: [
        { id: '1:2', name: 'Sign In Now' },
        { id: '1:3', name: 'Frame / Icon Label' },
        { id: '1:4', name: 'Hero Rectangle' },
      ],
    });
  });

  it('answers images as PNGs of the requested size, one per n, and refuses a bad size', async () => {
    const { status, body } = await post(fake, '/images/generations', { model: 'gpt-image-1', prompt: 'a red chair', n: 2, size: '256x256' });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(2);
    const png = Buffer.from(body.data[0].b64_json, 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect(raw.length).toBe(256 * (1 + 256 * 3));
    expect(body.data[0].b64_json).not.toBe(body.data[1].b64_json);
    const bad = await post(fake, '/images/generations', { prompt: 'x', size: '300x300' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('size');
  });

  it('aims a fault at the requests whose body carries a text, and records when each answer finished', async () => {
    fake.setFaults([{ fault: { kind: 'server-error', status: 500 }, times: Infinity, bodyContains: 'only-9:9' }]);
    const hit = await post(fake, '/chat/completions', renameChat([{ id: 'only-9:9', type: 'TEXT', text: 'x' }]));
    const missed = await post(fake, '/chat/completions', renameChat([{ id: '1:1', type: 'TEXT', text: 'x' }]));
    expect([hit.status, missed.status]).toEqual([500, 200]);
    const last = fake.requests.at(-1)!;
    expect(last.doneAt).toBeGreaterThanOrEqual(last.at);
  });
});
