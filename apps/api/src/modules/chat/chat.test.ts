// POST /chat against the OpenAI fake: the SSE contract (ready first, deltas, exactly one terminal event), both
// messages stored before chat.done, session continuation, failures, tenancy and the chat_done bus event.
import { schema } from '@cogo/db';
import { ChatResultSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { api, createTestProject, eventually, testDb } from '../../../test/helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { chat, chatEvents, joined, storedMessages, terminals } from './chat.test-helpers';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => openaiFake.clear());

const ALPHA = [{ name: 'alpha', models: [{ name: 'm-alpha', input: 2, output: 10 }] }];

describe('POST /chat (SSE)', () => {
  it('sends ready first, deltas that join to chat.done, exactly one terminal event, and stores both messages before done', async () => {
    const p = await llmProject(ALPHA);
    const text = 'Tokens are small pieces of a design system, named once and used everywhere.';
    await openaiFake.replies(p.chatPath('alpha'), [text]);
    const events = await chatEvents(p.key, { content: 'What are design tokens?', model: 'm-alpha' });

    expect(events[0]!.event).toBe('ready');
    const ready = events[0]!.data as { session_id: string; user_message_id: string; trace_id: string };
    expect(ready.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(events.filter((e) => e.event === 'ready')).toHaveLength(1);
    expect(events.filter((e) => e.event === 'chat.delta').length).toBeGreaterThan(3);
    expect(terminals(events)).toHaveLength(1);
    expect(events.at(-1)!.event).toBe('chat.done');
    const ids = events.map((e) => e.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));

    const done = ChatResultSchema.parse(events.at(-1)!.data);
    expect(joined(events)).toBe(text);
    expect(done).toMatchObject({ text, session_id: ready.session_id, user_message_id: ready.user_message_id, provider: 'alpha', model: 'm-alpha', replayed: false, trace_id: ready.trace_id });
    expect(done.usage.input_tokens).toBeGreaterThan(0);
    expect(done.usage.cost_usd).toBeCloseTo((done.usage.input_tokens * 2 + done.usage.output_tokens * 10) / 1e6, 12);

    // read right after done, without waiting: both messages are already there, the answer with its usage
    const stored = await storedMessages(p.key, ready.session_id);
    expect(stored.map((m) => [m.id, m.role, m.content, m.status])).toEqual([
      [ready.user_message_id, 'user', 'What are design tokens?', 'complete'],
      [done.message_id, 'assistant', text, 'complete'],
    ]);
    expect(stored[1]).toMatchObject({ model: 'm-alpha', provider: 'alpha', trace_id: ready.trace_id, input_tokens: done.usage.input_tokens, output_tokens: done.usage.output_tokens });

    // the new session is titled by the message and keeps the model
    const sessions = (await (await api('/chat/sessions', { key: p.key })).json()) as { items: Array<{ id: string; title: string; model: string }> };
    expect(sessions.items).toEqual([expect.objectContaining({ id: ready.session_id, title: 'What are design tokens?', model: 'm-alpha' })]);

    // one usage row on the chat route, and the chat_done bus event on the turn's trace
    const rows = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    expect(rows[0]).toMatchObject({ route: 'chat', provider: 'alpha', traceId: ready.trace_id, outcome: 'ok' });
    const event = await eventually(
      async () => (await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.type, 'chat_done'))))[0],
    );
    expect(event.traceId).toBe(ready.trace_id);
    expect(event.payload).toMatchObject({ session_id: ready.session_id, message_id: done.message_id, provider: 'alpha', model: 'm-alpha' });
    expect((event.payload as { cost_usd: number }).cost_usd).toBeCloseTo(done.usage.cost_usd, 12);
  });

  it("continues a session: the provider is sent the system prompt, the session's previous messages in order and the new one", async () => {
    const p = await llmProject(ALPHA);
    await openaiFake.replies(p.chatPath('alpha'), ['Blue.', 'Because of Rayleigh scattering.']);
    const first = (await chatEvents(p.key, { content: 'Colour of the sky?', model: 'm-alpha' })).at(-1)!.data as { session_id: string };
    const second = await chatEvents(p.key, { session_id: first.session_id, content: 'Why?', system: 'Answer briefly.' });
    expect(second.at(-1)).toMatchObject({ event: 'chat.done', data: { session_id: first.session_id, text: 'Because of Rayleigh scattering.', model: 'm-alpha' } });

    const asked = (await openaiFake.requests(p.prefix('alpha'))).at(-1)!.body as { messages: Array<{ role: string; content: string }> };
    expect(asked.messages).toEqual([
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'Colour of the sky?' },
      { role: 'assistant', content: 'Blue.' },
      { role: 'user', content: 'Why?' },
    ]);
    const stored = await storedMessages(p.key, first.session_id);
    expect(stored.map((m) => `${m.role}:${m.content}`)).toEqual(['user:Colour of the sky?', 'assistant:Blue.', 'user:Why?', 'assistant:Because of Rayleigh scattering.']);
  });

  it('ends a failed answer with one error event, stores no assistant message and leaves the failed question out of later prompts', async () => {
    const p = await llmProject(ALPHA);
    await openaiFake.faults([{ fault: { kind: 'stream-drop', afterChunks: 3 }, times: 1, path: p.chatPath('alpha') }]);
    const events = await chatEvents(p.key, { content: 'tell me something long', model: 'm-alpha' });
    expect(events[0]!.event).toBe('ready');
    expect(terminals(events)).toHaveLength(1);
    expect(events.some((e) => e.event === 'chat.done')).toBe(false);
    const error = ErrorEnvelopeSchema.parse(events.at(-1)!.data);
    expect(events.at(-1)!.event).toBe('error');
    expect(error.error.code).toBe('LLM_STREAM_CUT');

    const { session_id, user_message_id } = events[0]!.data as { session_id: string; user_message_id: string };
    const stored = await storedMessages(p.key, session_id);
    expect(stored.map((m) => [m.id, m.role, m.status])).toEqual([[user_message_id, 'user', 'error']]);

    const failed = await eventually(
      async () => (await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.type, 'chat_failed'))))[0],
    );
    expect(failed.payload).toEqual({ session_id, user_message_id, code: 'LLM_STREAM_CUT' });

    const next = await chatEvents(p.key, { session_id, content: 'hello again' });
    expect(next.at(-1)).toMatchObject({ event: 'chat.done', data: { text: 'You said: hello again' } });
    const asked = (await openaiFake.requests(p.prefix('alpha'))).at(-1)!.body as { messages: Array<{ role: string; content: string }> };
    expect(asked.messages).toEqual([{ role: 'user', content: 'hello again' }]);
  });
});

describe('POST /chat (JSON and refusals)', () => {
  it('answers stream:false with a ChatResult whose messages are stored', async () => {
    const p = await llmProject(ALPHA);
    const res = await chat(p.key, { content: 'ping', model: 'm-alpha', stream: false });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = ChatResultSchema.parse(await res.json());
    expect(body).toMatchObject({ text: 'You said: ping', provider: 'alpha', replayed: false });
    const stored = await storedMessages(p.key, body.session_id);
    expect(stored.map((m) => m.id)).toEqual([body.user_message_id, body.message_id]);
  });

  it("answers another project's session with 404 — to a turn and to its messages — and stores nothing", async () => {
    const a = await llmProject(ALPHA);
    const b = await createTestProject();
    const own = (await (await chat(a.key, { content: 'secret plans', model: 'm-alpha', stream: false })).json()) as { session_id: string };
    for (const stream of [true, false]) {
      const res = await chat(b.key, { session_id: own.session_id, content: 'let me in', stream });
      expect(res.status).toBe(404);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('NOT_FOUND');
    }
    const list = await api(`/chat/sessions/${own.session_id}/messages`, { key: b.key });
    expect(list.status).toBe(404);
    expect(await list.text()).not.toContain('secret plans');
    expect(await handle.db.select().from(schema.messages).where(eq(schema.messages.projectId, b.id))).toEqual([]);
    expect((await storedMessages(a.key, own.session_id)).map((m) => m.content)).toEqual(['secret plans', 'You said: secret plans']);
  });

  it('answers an unknown model with 422 before any event, and stores nothing', async () => {
    const p = await llmProject(ALPHA);
    const res = await chat(p.key, { content: 'x', model: 'nope' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.message).toContain('m-alpha');
    expect(await handle.db.select().from(schema.chatSessions).where(eq(schema.chatSessions.projectId, p.id))).toEqual([]);
  });
});
