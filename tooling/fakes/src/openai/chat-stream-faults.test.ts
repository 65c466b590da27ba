// The streaming faults that only change how a stream ends or how fast it goes: no-done, no-usage,
// slow-stream, and the chunkDelayMs pacing option.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';
import { parseSse } from './sse';
import { jsonChunks, readStream, readTimedStream } from './stream-test-helpers';

type Chunk = { choices: { finish_reason: string | null }[]; usage?: unknown };
const FRAMING = /^(data: [^\n]+\n\n)+$/;
const request = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'one two three' }],
  stream: true,
  stream_options: { include_usage: true },
  ...extra,
});
// role chunk + 6 pieces of "You said: one two three" + finish + usage + [DONE] = 10 frames, 9 gaps; at least 2
// of them must show
// (the fake runs in the test's own event loop, so a busy loop may merge a few frames into one read).
const DELAY = 25;

describe('OpenAI fake: stream-ending faults and pacing', () => {
  let fake: OpenAIFake;
  beforeAll(async () => {
    fake = await startOpenAIFake();
  });
  afterEach(() => fake.clearFaults());
  afterAll(() => fake.close());

  it('no-done: every chunk incl. finish_reason and usage, no [DONE], and a clean end', async () => {
    fake.setFaults([{ kind: 'no-done' }]);
    const { status, text, error } = await readStream(fake.url, request());
    expect(status).toBe(200);
    expect(error).toBeUndefined();
    expect(text).toMatch(FRAMING);
    expect(text).not.toContain('data: [DONE]');
    const chunks = jsonChunks(parseSse(text)) as Chunk[];
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
    expect(fake.pendingFaults()).toBe(0);
    expect(parseSse((await readStream(fake.url, request())).text).at(-1)?.data).toBe('[DONE]');
  });

  it('no-done waits for a streaming request and leaves non-streaming ones alone', async () => {
    fake.setFaults([{ kind: 'no-done' }]);
    const res = await fetch(`${fake.url}/chat/completions`, { method: 'POST', body: JSON.stringify(request({ stream: false })) });
    expect(res.status).toBe(200);
    expect(fake.pendingFaults()).toBe(1);
  });

  it('no-usage: no usage chunk despite include_usage, still finish_reason and [DONE]', async () => {
    fake.setFaults([{ kind: 'no-usage' }]);
    const { text, error } = await readStream(fake.url, request());
    expect(error).toBeUndefined();
    const events = parseSse(text);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = jsonChunks(events) as Chunk[];
    expect(chunks.some((chunk) => chunk.usage != null || chunk.choices.length === 0)).toBe(false);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(fake.pendingFaults()).toBe(0);
  });

  it('no-usage also drops the usage field of a non-streaming completion', async () => {
    fake.setFaults([{ kind: 'no-usage' }]);
    const body = JSON.stringify(request({ stream: false }));
    const res = await fetch(`${fake.url}/chat/completions`, { method: 'POST', body });
    const json = (await res.json()) as Record<string, unknown>;
    expect(json.object).toBe('chat.completion');
    expect('usage' in json).toBe(false);
    const again = (await (await fetch(`${fake.url}/chat/completions`, { method: 'POST', body })).json()) as Record<string, unknown>;
    expect(again.usage).toMatchObject({ total_tokens: expect.any(Number) });
  });

  it('slow-stream: one stream is paced by chunkDelayMs, and the fault is used up', async () => {
    fake.setFaults([{ kind: 'slow-stream', chunkDelayMs: DELAY }]);
    const { reads, text } = await readTimedStream(fake.url, request());
    expect(parseSse(text).at(-1)?.data).toBe('[DONE]');
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect((reads.at(-1)?.at ?? 0) - (reads[0]?.at ?? 0)).toBeGreaterThanOrEqual(2 * DELAY);
    expect(fake.pendingFaults()).toBe(0);
  });

  it('the chunkDelayMs option paces every stream', async () => {
    const paced = await startOpenAIFake({ chunkDelayMs: DELAY });
    try {
      for (let i = 0; i < 2; i++) {
        const { reads, text } = await readTimedStream(paced.url, request());
        expect(parseSse(text).at(-1)?.data).toBe('[DONE]');
        expect((reads.at(-1)?.at ?? 0) - (reads[0]?.at ?? 0)).toBeGreaterThanOrEqual(2 * DELAY);
      }
    } finally {
      await paced.close();
    }
  });

  it('stream-drop still destroys a paced stream after N chunks', async () => {
    fake.setFaults([{ kind: 'stream-drop', afterChunks: 3 }]);
    const paced = await startOpenAIFake({ chunkDelayMs: 5 });
    paced.setFaults([{ kind: 'stream-drop', afterChunks: 3 }]);
    try {
      for (const url of [fake.url, paced.url]) {
        const { text, error } = await readStream(url, request());
        expect(error).toBeInstanceOf(Error);
        expect(parseSse(text)).toHaveLength(3);
      }
    } finally {
      await paced.close();
    }
  });
});
