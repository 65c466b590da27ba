// streamChat on scripted answers: what it yields and returns, how each failure surfaces, and which failures it
// retries (only before any text, always with the same Idempotency-Key). Against the real Worker:
// apps/api/test/cli-chat.test.ts.
import { describe, expect, it } from 'vitest';
import { ChatFailedError, ChatStreamError, readChat, streamChat, type ChatResult, type StreamChatOptions } from './chat';
import { CogoApiError } from './errors';

const SESSION = '0b7c6f1e-4a8d-4a39-9a57-3f3b1f7e2c10';
const READY = { session_id: SESSION, user_message_id: '5d0e2f4b-1c3a-4e6f-8b7d-9a1c2e3f4a5b', trace_id: 'a'.repeat(32) };
const RESULT: ChatResult = {
  ...READY,
  message_id: '7e1f3a5c-2b4d-4f60-9c8e-0b2d4f6a8c1e',
  text: 'You said: hi',
  usage: { input_tokens: 12, output_tokens: 4, cost_usd: 0.000034, estimated: false },
  provider: 'fake-openai',
  model: 'gpt-4o-mini',
  continued: false,
  replayed: false,
  trace_id: READY.trace_id,
};

const frame = (id: number | null, event: string, data: unknown) => `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const envelope = (code: string, message: string) => ({ error: { code, message, requestId: 'req-1' } });

/** A whole turn's events: ready, one delta per piece, done. */
const turn = (pieces: string[], result: ChatResult = RESULT) =>
  frame(1, 'ready', READY) + pieces.map((text, i) => frame(i + 2, 'chat.delta', { text })).join('') + frame(pieces.length + 2, 'chat.done', result);

type Answer = string | Response | Error | ReadableStream<Uint8Array>;

/** A fetch answering the n-th call with the n-th answer (SSE text, a Response, a thrown error, or a body stream). */
function scripted(...answers: Answer[]) {
  const calls: { url: string; method: string; headers: Headers; body: Record<string, unknown> }[] = [];
  const fetch = async (req: Request) => {
    calls.push({ url: req.url, method: req.method, headers: req.headers, body: (await req.json()) as Record<string, unknown> });
    const answer = answers[calls.length - 1];
    if (answer === undefined) throw new Error(`unexpected call ${calls.length}`);
    if (answer instanceof Error) throw answer;
    if (answer instanceof Response) return answer;
    return new Response(answer, { headers: { 'content-type': 'text/event-stream' } });
  };
  const sleeps: number[] = [];
  const conn = { baseUrl: 'http://cogo.test/', apiKey: 'cogo_test', fetch, sleep: async (ms: number) => void sleeps.push(ms) };
  return { conn, calls, sleeps };
}

/** The deltas and the outcome (result or error) of one streamChat. */
async function drive(conn: ReturnType<typeof scripted>['conn'], options: StreamChatOptions) {
  const deltas: string[] = [];
  const gen = streamChat(conn, options);
  try {
    for (let step = await gen.next(); ; step = await gen.next()) {
      if (step.done) return { deltas, result: step.value, error: undefined };
      deltas.push(step.value);
    }
  } catch (error) {
    return { deltas, result: undefined, error };
  }
}

/** A body that sends `text`, then fails like a reset connection. */
function resetAfter(text: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    // erroring in start would drop what was enqueued: the text goes first, the reset on the next read
    pull(controller) {
      if (sent) return controller.error(new TypeError('connection reset'));
      sent = true;
      controller.enqueue(new TextEncoder().encode(text));
    },
  });
}

const errorAnswer = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(envelope(code, `${code.toLowerCase()} here`)), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('streamChat', () => {
  it('yields the deltas in order, skips keepalives and unknown events, and returns the ChatResult', async () => {
    const body = frame(1, 'ready', READY) + frame(null, 'keepalive', { at: 'now' }) + frame(2, 'chat.delta', { text: 'You' }) + frame(3, 'chat.future', {}) + frame(4, 'chat.delta', { text: ' said: hi' }) + frame(5, 'chat.done', RESULT);
    const { conn, calls, sleeps } = scripted(body);
    const readies: unknown[] = [];
    const out = await drive(conn, { content: 'hi', sessionId: SESSION, model: 'gpt-4o-mini', system: 'Be brief.', onReady: (r) => readies.push(r) });
    expect(out.error).toBeUndefined();
    expect(out.deltas).toEqual(['You', ' said: hi']);
    expect(out.result).toEqual(RESULT);
    expect(readies).toEqual([READY]);
    expect(sleeps).toEqual([]);

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect([call!.method, call!.url]).toEqual(['POST', 'http://cogo.test/chat']);
    expect(call!.body).toEqual({ content: 'hi', stream: true, session_id: SESSION, model: 'gpt-4o-mini', system: 'Be brief.' });
    expect(call!.headers.get('authorization')).toBe('Bearer cogo_test');
    expect(call!.headers.get('accept')).toBe('text/event-stream');
    expect(call!.headers.get('content-type')).toBe('application/json');
    // a key is generated when none is given, so a retry of this turn cannot be answered twice
    expect(call!.headers.get('idempotency-key')).toMatch(/^chat-[0-9a-f-]{36}$/);
  });

  it('sends only what was given, and a fresh key per turn', async () => {
    const { conn, calls } = scripted(turn(['a']), turn(['b']));
    await readChat(conn, { content: 'one' });
    await readChat(conn, { content: 'two' });
    expect(calls.map((c) => c.body)).toEqual([
      { content: 'one', stream: true },
      { content: 'two', stream: true },
    ]);
    expect(calls[0]!.headers.get('idempotency-key')).not.toBe(calls[1]!.headers.get('idempotency-key'));
  });

  it("throws an error event as ChatFailedError (a CogoApiError) with the event's code, message and request id", async () => {
    const { conn, calls } = scripted(frame(1, 'ready', READY) + frame(2, 'chat.delta', { text: 'You s' }) + frame(3, 'error', envelope('LLM_STREAM_CUT', 'the provider cut the stream')));
    const out = await drive(conn, { content: 'hi', idempotencyKey: 'turn-1' });
    expect(out.deltas).toEqual(['You s']);
    expect(out.error).toBeInstanceOf(ChatFailedError);
    expect(out.error).toBeInstanceOf(CogoApiError);
    expect(out.error).toMatchObject({ code: 'LLM_STREAM_CUT', requestId: 'req-1', message: 'LLM_STREAM_CUT: the provider cut the stream', idempotencyKey: 'turn-1', text: 'You s' });
    expect(calls).toHaveLength(1);
  });

  it('never returns as if done when the stream ends or breaks after text without a terminal event, and does not resume it', async () => {
    for (const answer of [frame(1, 'ready', READY) + frame(2, 'chat.delta', { text: 'You said' }), resetAfter(frame(1, 'ready', READY) + frame(2, 'chat.delta', { text: 'You said' }) + 'event: chat.de')]) {
      const { conn, calls, sleeps } = scripted(answer, turn(['never asked']));
      const out = await drive(conn, { content: 'hi', idempotencyKey: 'turn-2' });
      expect(out.deltas).toEqual(['You said']);
      expect(out.result).toBeUndefined();
      expect(out.error).toBeInstanceOf(ChatStreamError);
      expect(out.error).toMatchObject({ code: 'STREAM_CUT', idempotencyKey: 'turn-2', text: 'You said', message: 'the chat stream ended without chat.done or error after 8 characters' });
      expect([calls.length, sleeps]).toEqual([1, []]);
    }
  });

  it('throws an error answer before the stream as CogoApiError (HTTP 402 BUDGET_EXCEEDED), without retrying it', async () => {
    const { conn, calls } = scripted(errorAnswer(402, 'BUDGET_EXCEEDED'), turn(['never asked']));
    const out = await drive(conn, { content: 'hi' });
    expect(out.error).toBeInstanceOf(CogoApiError);
    expect(out.error).not.toBeInstanceOf(ChatFailedError);
    expect(out.error).toMatchObject({ status: 402, code: 'BUDGET_EXCEEDED', requestId: 'req-1' });
    expect(calls).toHaveLength(1);
  });

  it('retries a turn nothing of which was yielded with the same Idempotency-Key: network failure, 409 with Retry-After, a cut before text, CONFLICT', async () => {
    const { conn, calls, sleeps } = scripted(
      new TypeError('fetch failed'),
      errorAnswer(409, 'CONFLICT', { 'retry-after': '2' }),
      resetAfter(frame(1, 'ready', READY)),
      frame(1, 'ready', READY) + frame(2, 'error', envelope('CONFLICT', 'another request with this Idempotency-Key stored its answer first; retry to receive it')),
      turn(['You said: hi'], { ...RESULT, replayed: true }),
    );
    const retries: unknown[] = [];
    const out = await drive(conn, { content: 'hi', maxRetries: 4, onRetry: (r) => retries.push([r.attempt, r.waitMs, r.idempotencyKey]) });
    expect(out.error).toBeUndefined();
    expect(out.deltas).toEqual(['You said: hi']);
    expect(out.result).toMatchObject({ replayed: true, text: 'You said: hi' });
    const keys = calls.map((c) => c.headers.get('idempotency-key'));
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(1);
    expect(calls.every((c) => c.body.content === 'hi')).toBe(true);
    // the server's Retry-After first, else 250 ms doubling
    expect(sleeps).toEqual([250, 2000, 1000, 2000]);
    expect(retries).toEqual([1, 2, 3, 4].map((n, i) => [n, sleeps[i], keys[0]]));
  });

  it("sends a caller's key on a retry of its own after a cut", async () => {
    const { conn, calls } = scripted(frame(1, 'ready', READY) + frame(2, 'chat.delta', { text: 'You' }), turn(['You said: hi'], { ...RESULT, replayed: true }));
    const first = await drive(conn, { content: 'hi' });
    const key = (first.error as ChatStreamError).idempotencyKey;
    const again = await drive(conn, { content: 'hi', idempotencyKey: key });
    expect(again.result).toMatchObject({ replayed: true });
    expect(calls.map((c) => c.headers.get('idempotency-key'))).toEqual([key, key]);
  });

  it('gives up after maxRetries, and at once on a Retry-After longer than it would wait', async () => {
    const cut = scripted(resetAfter(''), resetAfter(''), resetAfter(''), turn(['never asked']));
    const exhausted = await drive(cut.conn, { content: 'hi' });
    expect(exhausted.error).toMatchObject({ code: 'STREAM_CUT', text: '' });
    expect([cut.calls.length, cut.sleeps]).toEqual([3, [250, 500]]);

    const cooling = scripted(errorAnswer(503, 'LLM_NO_PROVIDER', { 'retry-after': '60' }), turn(['never asked']));
    const out = await drive(cooling.conn, { content: 'hi' });
    expect(out.error).toMatchObject({ status: 503, code: 'LLM_NO_PROVIDER' });
    expect([cooling.calls.length, cooling.sleeps]).toEqual([1, []]);
  });

  it('reports events it cannot read as STREAM_PROTOCOL', async () => {
    const bad = [
      frame(1, 'ready', READY) + 'event: chat.delta\ndata: {not json\n\n',
      frame(1, 'ready', READY) + frame(2, 'chat.delta', { text: 7 }),
      frame(1, 'ready', READY) + frame(2, 'chat.done', { session_id: SESSION }),
      frame(1, 'ready', READY) + frame(2, 'error', { code: 'X' }),
    ];
    for (const body of bad) {
      const { conn } = scripted(body);
      const out = await drive(conn, { content: 'hi' });
      expect(out.error, body).toBeInstanceOf(ChatStreamError);
      expect(out.error).toMatchObject({ code: 'STREAM_PROTOCOL' });
    }
  });

  it('stops when aborted and does not retry', async () => {
    const controller = new AbortController();
    const { conn, calls } = scripted(turn(['a', 'b', 'c']));
    const gen = streamChat(conn, { content: 'hi', signal: controller.signal });
    expect(await gen.next()).toEqual({ done: false, value: 'a' });
    controller.abort();
    await expect(gen.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });
});
