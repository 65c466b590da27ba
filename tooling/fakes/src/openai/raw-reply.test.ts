// Recorded answers: what a test queues as { raw: { contentType, body } } comes back byte for byte, frame by frame
// for an event stream, with the fault rules still applied; embeddings take only recorded answers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OPENAI_FIXTURES_DIR } from './fixture-paths';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake, RawReply } from './openai-types';
import { splitSseFrames } from './raw-reply';
import { readStream, readTimedStream } from './stream-test-helpers';

const SSE = 'text/event-stream; charset=utf-8';
const chunk = (fields: Record<string, unknown>) => `data: ${JSON.stringify({ id: 'chatcmpl-rec', object: 'chat.completion.chunk', ...fields })}\n\n`;
const FRAMES = [
  chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }], usage: null, obfuscation: 'Zq' }),
  chunk({ choices: [{ index: 0, delta: { content: 'Héllo' }, finish_reason: null }], usage: null }),
  chunk({ choices: [{ index: 0, delta: { content: ' wörld' }, finish_reason: null }], usage: null }),
  chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: null }),
  chunk({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 } }),
  'data: [DONE]\n\n',
];
const RECORDED = FRAMES.join('');
const raw = (body: string, contentType = SSE): RawReply => ({ raw: { contentType, body } });
const request = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } };

describe('splitSseFrames', () => {
  it('cuts after each blank line (LF, CRLF, CR) and joins back to the exact body', () => {
    expect(splitSseFrames(RECORDED)).toEqual(FRAMES);
    for (const body of ['data: a\r\n\r\ndata: b\r\n\r\n', 'data: a\rdata: a2\r\rdata: [DONE]\r\r', 'data: a\n\ndata: [DONE]\n\n\n', 'data: partial']) {
      expect(splitSseFrames(body).join('')).toBe(body);
    }
    expect(splitSseFrames('data: a\r\n\r\ndata: b\r\n\r\n')).toEqual(['data: a\r\n\r\n', 'data: b\r\n\r\n']);
    expect(splitSseFrames('data: a\ndata: b\n\ndata: [DONE]\n\n\n')).toEqual(['data: a\ndata: b\n\n', 'data: [DONE]\n\n', '\n']);
  });
});

describe('OpenAI fake: recorded answers', () => {
  let fake: OpenAIFake;
  const post = (path: string, body: unknown) => fetch(`${fake.origin}${path}`, { method: 'POST', body: JSON.stringify(body) });
  beforeAll(async () => {
    fake = await startOpenAIFake();
  });
  afterEach(() => {
    fake.clearFaults();
    fake.clearReplies();
  });
  afterAll(() => fake.close());

  it('streams a recorded SSE body byte for byte with its content type, once; then the echo is back', async () => {
    fake.setReplies([raw(RECORDED)]);
    const first = await readStream(fake.url, request);
    expect(first).toMatchObject({ status: 200, contentType: SSE, text: RECORDED, error: undefined });
    expect(fake.pendingReplies()).toBe(0);
    const next = await readStream(fake.url, request);
    expect(next.text).toContain('"content":" hi"');
    expect(next.text).not.toContain('Héllo');
  });

  it('writes the recorded frames one by one at the fake’s pacing', async () => {
    const paced = await startOpenAIFake({ chunkDelayMs: 25 });
    try {
      paced.setReplies([raw(RECORDED)]);
      const { reads, text } = await readTimedStream(paced.url, request);
      expect(text).toBe(RECORDED);
      expect(reads.length).toBeGreaterThanOrEqual(3);
      expect((reads.at(-1)?.at ?? 0) - (reads[0]?.at ?? 0)).toBeGreaterThanOrEqual(2 * 25);
    } finally {
      await paced.close();
    }
  });

  it('an error fault answers instead and keeps the recorded reply for the retry', async () => {
    fake.setReplies([raw(RECORDED)]);
    fake.setFaults([{ kind: 'server-error', status: 503 }]);
    expect((await readStream(fake.url, request)).status).toBe(503);
    expect(fake.pendingReplies()).toBe(1);
    expect((await readStream(fake.url, request)).text).toBe(RECORDED);
  });

  it('stream-drop cuts the recording after N frames, no-done leaves out its [DONE] frame', async () => {
    fake.setReplies([raw(RECORDED), raw(RECORDED)]);
    fake.setFaults([{ kind: 'stream-drop', afterChunks: 2 }, { kind: 'no-done' }]);
    const dropped = await readStream(fake.url, request);
    expect(dropped.error).toBeInstanceOf(Error);
    expect(dropped.text).toBe(FRAMES.slice(0, 2).join(''));
    const noDone = await readStream(fake.url, request);
    expect(noDone.error).toBeUndefined();
    expect(noDone.text).toBe(FRAMES.slice(0, -1).join(''));
  });

  it('no-usage drops the usage-only chunk and the usage of a recorded JSON completion, nothing else', async () => {
    const completion = JSON.stringify({ id: 'chatcmpl-rec', object: 'chat.completion', choices: [], usage: { total_tokens: 5 } });
    fake.setReplies([raw(RECORDED), raw(completion, 'application/json')]);
    fake.setFaults([{ fault: { kind: 'no-usage' }, times: 2 }]);
    expect((await readStream(fake.url, request)).text).toBe([...FRAMES.slice(0, 4), FRAMES[5]].join(''));
    const res = await post('/v1/chat/completions', { ...request, stream: false });
    expect(await res.json()).toEqual({ id: 'chatcmpl-rec', object: 'chat.completion', choices: [] });
  });

  it('serves a recorded JSON completion whole, with its content type and length', async () => {
    const body = '{\n  "object": "chat.completion",\n  "choices": []\n}\n';
    fake.setReplies([raw(body, 'application/json')]);
    const res = await post('/v1/chat/completions', { ...request, stream: false });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(await res.text()).toBe(body);
  });

  it('embeddings take a recorded answer of their scope, after validating the request, and never a chat reply', async () => {
    const body = '{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.5,-0.25]}],"model":"rec","usage":{"prompt_tokens":1,"total_tokens":1}}';
    fake.setReplies(['for chat']);
    fake.setReplies([raw(body, 'application/json')], '/rec/v1/embeddings');
    const generated = await post('/rec/v1/chat/completions', { ...request, stream: false });
    expect(((await generated.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content).toBe('for chat');
    expect((await post('/rec/v1/embeddings', { model: 'text-embedding-3-small' })).status).toBe(400);
    expect(fake.pendingReplies()).toBe(1);
    expect(await (await post('/rec/v1/embeddings', { model: 'text-embedding-3-small', input: 'x' })).text()).toBe(body);
    // an unscoped chat reply at the head of the queue is not an embeddings answer
    fake.setReplies(['still for chat']);
    const own = (await (await post('/v1/embeddings', { model: 'text-embedding-3-small', input: 'x', dimensions: 4 })).json()) as { data: { embedding: number[] }[] };
    expect(own.data[0]?.embedding).toHaveLength(4);
    expect(fake.pendingReplies()).toBe(1);
  });

  it('PUT /__fake/replies takes recorded answers and refuses malformed ones with a 400', async () => {
    const put = (body: unknown) => fetch(`${fake.origin}/__fake/replies`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put({ path: '/ctl/', replies: [raw(RECORDED)] })).status).toBe(204);
    expect((await readStream(`${fake.origin}/ctl/v1`, request)).text).toBe(RECORDED);
    const bad = [
      [{ raw: { body: 'x' } }],
      [{ raw: { contentType: '', body: 'x' } }],
      [{ raw: { contentType: SSE, body: 42 } }],
      [{ raw: { contentType: SSE, body: 'x' }, content: 'both' }],
      [{ raw: null }],
    ];
    for (const body of bad) expect((await put(body)).status, JSON.stringify(body)).toBe(400);
    expect(fake.pendingReplies()).toBe(0);
  });
});

// The real recordings of ../shared/fixtures/openai, where they exist: the fake replays each byte for byte.
const fixtures = existsSync(OPENAI_FIXTURES_DIR) ? readdirSync(OPENAI_FIXTURES_DIR).sort() : [];

describe.runIf(fixtures.length > 0)('OpenAI fake: replaying the shared recordings', () => {
  let fake: OpenAIFake;
  beforeAll(async () => {
    fake = await startOpenAIFake({ chunkDelayMs: 1 });
  });
  afterAll(() => fake.close());

  it.each(fixtures.filter((name) => name.endsWith('.sse.txt')))('%s streams back exactly', async (name) => {
    const body = readFileSync(join(OPENAI_FIXTURES_DIR, name), 'utf8');
    fake.setReplies([raw(body)]);
    expect((await readStream(fake.url, request)).text).toBe(body);
  });

  it.each(fixtures.filter((name) => name.endsWith('.json')))('%s answers an embeddings request exactly', async (name) => {
    const body = readFileSync(join(OPENAI_FIXTURES_DIR, name), 'utf8');
    fake.setReplies([raw(body, 'application/json')]);
    const res = await fetch(`${fake.url}/embeddings`, { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }) });
    expect(await res.text()).toBe(body);
  });
});
