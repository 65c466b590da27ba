import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';
import { parseSse } from './sse';
import { jsonChunks, readStream } from './stream-test-helpers';

type Chunk = {
  object: string;
  id: string;
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
};

const FRAMING = /^(data: [^\n]+\n\n)+$/;
const request = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello, how are you today?' }],
  stream: true,
  ...extra,
});

describe('OpenAI fake: streaming', () => {
  let fake: OpenAIFake;
  beforeAll(async () => {
    fake = await startOpenAIFake({
      reply: (req) =>
        req.tools
          ? { toolCalls: [{ name: 'get_capital', arguments: { country: 'UK' } }] }
          : `Echo! ${JSON.stringify(req.messages.at(-1)?.content)}`,
    });
  });
  afterEach(() => fake.clearFaults());
  afterAll(() => fake.close());

  it('frames chunks as data lines with blank-line separation, ending in [DONE]', async () => {
    const { status, contentType, text, error } = await readStream(fake.url, request());
    expect(error).toBeUndefined();
    expect(status).toBe(200);
    expect(contentType).toBe('text/event-stream; charset=utf-8');
    expect(text).toMatch(FRAMING);
    const events = parseSse(text);
    expect(events.at(-1)?.data).toBe('[DONE]');
    expect(events.filter((event) => event.data === '[DONE]')).toHaveLength(1);

    const chunks = jsonChunks(events) as Chunk[];
    expect(new Set(chunks.map((chunk) => chunk.object))).toEqual(new Set(['chat.completion.chunk']));
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe('Echo! "Hello, how are you today?"');
    expect(chunks.length).toBeGreaterThan(5);
    const last = chunks.at(-1);
    expect(last?.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(true);
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('adds a usage chunk with empty choices when include_usage is set', async () => {
    const { text } = await readStream(fake.url, request({ stream_options: { include_usage: true } }));
    const chunks = jsonChunks(parseSse(text)) as Chunk[];
    const usageChunk = chunks.at(-1);
    expect(usageChunk?.choices).toEqual([]);
    const usage = usageChunk?.usage;
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
    expect(usage?.completion_tokens).toBe(chunks.length - 3);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams a tool call: name first, arguments in pieces, finish_reason tool_calls', async () => {
    const { text } = await readStream(fake.url, request({ tools: [{ type: 'function', function: { name: 'get_capital' } }] }));
    const chunks = jsonChunks(parseSse(text)) as Chunk[];
    type ToolDelta = { index: number; id?: string; type?: string; function: { name?: string; arguments: string } };
    const first = chunks[0]?.choices[0]?.delta as { role: string; content: null; tool_calls: ToolDelta[] };
    expect(first.role).toBe('assistant');
    expect(first.content).toBeNull();
    expect(first.tool_calls[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_capital', arguments: '' } });
    expect(first.tool_calls[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    const pieces = chunks
      .slice(1)
      .flatMap((chunk) => (chunk.choices[0]?.delta.tool_calls as ToolDelta[] | undefined) ?? [])
      .map((call) => call.function.arguments);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('{"country":"UK"}');
    expect(chunks.at(-1)?.choices[0]).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
  });

  it('stream-drop destroys the connection after N chunks, without [DONE]', async () => {
    fake.setFaults([{ kind: 'stream-drop', afterChunks: 2 }]);
    const { status, text, error } = await readStream(fake.url, request());
    expect(status).toBe(200);
    expect(error).toBeInstanceOf(Error);
    const events = parseSse(text);
    expect(events).toHaveLength(2);
    expect(events.some((event) => event.data === '[DONE]')).toBe(false);
    expect(fake.pendingFaults()).toBe(0);
    const healthy = await readStream(fake.url, request());
    expect(healthy.error).toBeUndefined();
    expect(parseSse(healthy.text).at(-1)?.data).toBe('[DONE]');
  });

  it('stream-drop with 0 chunks sends the headers, then dies', async () => {
    fake.setFaults([{ kind: 'stream-drop', afterChunks: 0 }]);
    const { status, text, error } = await readStream(fake.url, request());
    expect(status).toBe(200);
    expect(error).toBeInstanceOf(Error);
    expect(text).toBe('');
  });

  it('stream-drop leaves non-streaming requests alone and stays pending', async () => {
    fake.setFaults([{ kind: 'stream-drop', afterChunks: 1 }]);
    const res = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request({ stream: false })),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { object: string }).object).toBe('chat.completion');
    expect(fake.pendingFaults()).toBe(1);
  });
});
