// Idempotency of /chat beyond the middleware (which releases the key of an SSE answer): a retried turn never stores
// a message twice and never asks a provider twice for an answered turn.
import { ChatResultSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { readSse } from '../../../test/helpers';
import { llmProject, openaiFake } from '../../../test/llm-helpers';
import { chat, chatEvents, joined, storedMessages, terminals } from './chat.test-helpers';

afterEach(() => openaiFake.clear());

const ALPHA = [{ name: 'alpha', models: [{ name: 'm-alpha' }] }];
const keyed = (key: string) => ({ 'Idempotency-Key': key });

describe('POST /chat with an Idempotency-Key', () => {
  it('answers a streamed retry from the stored pair: same text and message id, replayed, one provider call, one pair stored', async () => {
    const p = await llmProject(ALPHA);
    const key = `turn-${crypto.randomUUID()}`;
    const body = { content: 'Name three primary colours.', model: 'm-alpha' };
    const first = await chatEvents(p.key, body, keyed(key));
    const second = await chatEvents(p.key, body, keyed(key));

    const a = ChatResultSchema.parse(first.at(-1)!.data);
    const b = ChatResultSchema.parse(second.at(-1)!.data);
    expect(a.replayed).toBe(false);
    expect(second.map((e) => e.event)).toEqual(['ready', 'chat.delta', 'chat.done']);
    expect(second[0]!.data).toEqual({ session_id: a.session_id, user_message_id: a.user_message_id, trace_id: a.trace_id });
    expect(joined(second)).toBe(a.text);
    expect(b).toMatchObject({ replayed: true, text: a.text, message_id: a.message_id, user_message_id: a.user_message_id, session_id: a.session_id, provider: 'alpha', model: 'm-alpha' });
    expect(b.usage).toMatchObject({ input_tokens: a.usage.input_tokens, output_tokens: a.usage.output_tokens, cost_usd: 0 });

    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
    expect((await storedMessages(p.key, a.session_id)).map((m) => [m.id, m.role])).toEqual([
      [a.user_message_id, 'user'],
      [a.message_id, 'assistant'],
    ]);

    // the body field is the same key; a JSON retry of the streamed turn is a replay too
    const json = await chat(p.key, { ...body, stream: false, idempotency_key: key });
    expect(json.status).toBe(200);
    expect(ChatResultSchema.parse(await json.json())).toMatchObject({ replayed: true, message_id: a.message_id, text: a.text });
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
  });

  it('answers a JSON retry with the same message and asks the provider once', async () => {
    const p = await llmProject(ALPHA);
    const key = `turn-${crypto.randomUUID()}`;
    const body = { content: 'hello', model: 'm-alpha', stream: false };
    const first = ChatResultSchema.parse(await (await chat(p.key, body, keyed(key))).json());
    const again = await chat(p.key, body, keyed(key));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(ChatResultSchema.parse(await again.json())).toMatchObject({ message_id: first.message_id, text: first.text });
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
    expect(await storedMessages(p.key, first.session_id)).toHaveLength(2);
  });

  it('answers a retry of a turn still being answered with 409, then the stored answer once it is done', async () => {
    const p = await llmProject(ALPHA);
    await openaiFake.faults([{ fault: { kind: 'slow-stream', chunkDelayMs: 150 }, times: 1, path: p.chatPath('alpha') }]);
    const key = `turn-${crypto.randomUUID()}`;
    const body = { content: 'a slow answer please', model: 'm-alpha', stream: true };
    const running = await chat(p.key, body, keyed(key));
    expect(running.status).toBe(200);

    const meanwhile = await chat(p.key, body, keyed(key));
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.headers.get('retry-after')).toBeTruthy();
    expect(ErrorEnvelopeSchema.parse(await meanwhile.json()).error.message).toContain('still being answered');

    const events = (await readSse(running)).filter((e) => e.event !== 'keepalive');
    const done = ChatResultSchema.parse(events.at(-1)!.data);
    const replay = await chatEvents(p.key, body, keyed(key));
    expect(replay.at(-1)!.data).toMatchObject({ replayed: true, message_id: done.message_id });
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
    expect(await storedMessages(p.key, done.session_id)).toHaveLength(2);
  });

  it('lets exactly one of concurrent duplicates ask the provider; the others are refused (409) or replayed', async () => {
    const p = await llmProject(ALPHA);
    await openaiFake.faults([{ fault: { kind: 'slow-stream', chunkDelayMs: 100 }, times: 1, path: p.chatPath('alpha') }]);
    const key = `turn-${crypto.randomUUID()}`;
    const body = { content: 'only once', model: 'm-alpha', stream: true };
    const answers = await Promise.all([1, 2, 3].map(() => chat(p.key, body, keyed(key))));
    const dones: Array<{ message_id: string; replayed: boolean }> = [];
    for (const res of answers) {
      if (res.status === 200) dones.push((await readSse(res)).at(-1)!.data);
      else {
        expect(res.status).toBe(409);
        expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('CONFLICT');
      }
    }
    expect(dones.filter((d) => !d.replayed)).toHaveLength(1);
    expect(new Set(dones.map((d) => d.message_id)).size).toBe(1);
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
    const sessionId = ((await readSse(await chat(p.key, body, keyed(key)))).at(-1)!.data as { session_id: string }).session_id;
    expect(await storedMessages(p.key, sessionId)).toHaveLength(2);
  });

  it('asks again on a retry of a failed turn, keeping its one user message', async () => {
    const p = await llmProject(ALPHA);
    await openaiFake.faults([{ fault: { kind: 'stream-drop', afterChunks: 2 }, times: 1, path: p.chatPath('alpha') }]);
    const key = `turn-${crypto.randomUUID()}`;
    const body = { content: 'try me', model: 'm-alpha' };
    const failed = await chatEvents(p.key, body, keyed(key));
    expect(terminals(failed).map((e) => e.event)).toEqual(['error']);
    const { session_id, user_message_id } = failed[0]!.data as { session_id: string; user_message_id: string };

    const retried = await chatEvents(p.key, body, keyed(key));
    expect(terminals(retried)).toHaveLength(1);
    expect(retried.at(-1)).toMatchObject({ event: 'chat.done', data: { replayed: false, session_id, user_message_id, text: 'You said: try me' } });
    // the retry's prompt holds the question once
    const asked = (await openaiFake.requests(p.prefix('alpha'))).at(-1)!.body as { messages: unknown[] };
    expect(asked.messages).toEqual([{ role: 'user', content: 'try me' }]);
    const stored = await storedMessages(p.key, session_id);
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(stored[0]!.id).toBe(user_message_id);
  });

  it('refuses a key already used for another message with 422', async () => {
    const p = await llmProject(ALPHA);
    const key = `turn-${crypto.randomUUID()}`;
    await chatEvents(p.key, { content: 'first question', model: 'm-alpha' }, keyed(key));
    const res = await chat(p.key, { content: 'another question', model: 'm-alpha' }, keyed(key));
    expect(res.status).toBe(422);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('UNPROCESSABLE');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
  });
});
