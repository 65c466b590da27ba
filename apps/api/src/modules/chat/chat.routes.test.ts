// The rest of the chat surface: /chat-gateway (ingress to /chat), the retired /chatting, history pagination and
// the OpenAPI document.
import { ChatGatewayResultSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { api, createTestProject, readSse } from '../../../test/helpers';
import { llmProject, openaiFake } from '../../../test/llm-helpers';
import { chatEvents, storedMessages } from './chat.test-helpers';

afterEach(() => openaiFake.clear());

const ALPHA = [{ name: 'alpha', models: [{ name: 'm-alpha' }] }];
const gateway = (key: string, json: Record<string, unknown>, headers: Record<string, string> = {}) => api('/chat-gateway', { method: 'POST', key, json, headers });

describe('POST /chat-gateway', () => {
  it('answers stream:false with output.text, the last user message as content and the system messages as system', async () => {
    const p = await llmProject(ALPHA);
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await gateway(
      p.key,
      {
        model: 'm-alpha',
        stream: false,
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'ignored: history comes from the session' },
          { role: 'system', content: 'Use British spelling.' },
          { role: 'user', content: 'Favourite colour?' },
        ],
      },
      { traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    );
    expect(res.status).toBe(200);
    const body = ChatGatewayResultSchema.parse(await res.json());
    expect(body).toMatchObject({ output: { text: 'You said: Favourite colour?' }, provider: 'alpha', model: 'm-alpha', trace_id: trace });
    const asked = (await openaiFake.requests(p.prefix('alpha'))).at(-1)!.body as { messages: unknown[] };
    expect(asked.messages).toEqual([
      { role: 'system', content: 'You are terse.\n\nUse British spelling.' },
      { role: 'user', content: 'Favourite colour?' },
    ]);
    const stored = await storedMessages(p.key, body.session_id);
    expect(stored.map((m) => [m.role, m.content, m.trace_id])).toEqual([
      ['user', 'Favourite colour?', trace],
      ['assistant', 'You said: Favourite colour?', trace],
    ]);
    expect(stored[1]!.id).toBe(body.message_id);
  });

  it('streams the same events as /chat, continuing the given session', async () => {
    const p = await llmProject(ALPHA);
    const first = (await chatEvents(p.key, { content: 'one', model: 'm-alpha' })).at(-1)!.data as { session_id: string };
    const res = await gateway(p.key, { session_id: first.session_id, messages: [{ role: 'user', content: 'two' }] });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    expect(events[0]!.event).toBe('ready');
    expect(events.filter((e) => e.event === 'chat.done' || e.event === 'error')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ event: 'chat.done', data: { session_id: first.session_id, text: 'You said: two' } });
    expect((await storedMessages(p.key, first.session_id)).map((m) => m.content)).toEqual(['one', 'You said: one', 'two', 'You said: two']);
  });

  it('answers 400 naming body.messages when there is no user message', async () => {
    const p = await llmProject(ALPHA);
    const res = await gateway(p.key, { stream: false, messages: [{ role: 'system', content: 'only a system prompt' }] });
    expect(res.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.issues?.[0]?.path).toBe('body.messages');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(0);
  });
});

describe('POST /chatting (retired)', () => {
  it('answers 410 GONE in the envelope with Deprecation and a Link to /chat', async () => {
    const p = await createTestProject();
    const res = await api('/chatting', { method: 'POST', key: p.key, json: { message: 'hi' } });
    expect(res.status).toBe(410);
    expect(res.headers.get('deprecation')).toBe('true');
    expect(res.headers.get('link')).toBe('</chat>; rel="successor-version"');
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('GONE');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('is in the OpenAPI document as deprecated; /chat and /chat-gateway document their event streams', async () => {
    const doc = (await (await api('/openapi.json')).json()) as { paths: Record<string, Record<string, { deprecated?: boolean; responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> }>> };
    expect(doc.paths['/chatting']!.post!.deprecated).toBe(true);
    expect(Object.keys(doc.paths['/chatting']!.post!.responses['410']!.headers!)).toEqual(['Deprecation', 'Link']);
    for (const path of ['/chat', '/chat-gateway']) expect(Object.keys(doc.paths[path]!.post!.responses['200']!.content!)).toContain('text/event-stream');
    expect(doc.paths['/chat/sessions']!.get).toBeDefined();
    expect(doc.paths['/chat/sessions/{id}/messages']!.get).toBeDefined();
  });
});

describe('chat history pagination', () => {
  it('pages through messages with limit 2, oldest first, none lost or repeated; sessions likewise', async () => {
    const p = await llmProject(ALPHA);
    const first = (await chatEvents(p.key, { content: 'm1', model: 'm-alpha' })).at(-1)!.data as { session_id: string };
    await chatEvents(p.key, { session_id: first.session_id, content: 'm2' });
    await chatEvents(p.key, { session_id: first.session_id, content: 'm3' });

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await api(`/chat/sessions/${first.session_id}/messages${q}`, { key: p.key });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: Array<{ content: string }>; nextCursor: string | null };
      pages.push(page.items.map((i) => i.content));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([
      ['m1', 'You said: m1'],
      ['m2', 'You said: m2'],
      ['m3', 'You said: m3'],
    ]);

    await chatEvents(p.key, { content: 'another session', model: 'm-alpha' });
    await chatEvents(p.key, { content: 'and a third', model: 'm-alpha' });
    const titles: string[] = [];
    cursor = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = (await (await api(`/chat/sessions${q}`, { key: p.key })).json()) as { items: Array<{ title: string }>; nextCursor: string | null };
      titles.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor && titles.length < 10);
    expect(titles).toEqual(['m1', 'another session', 'and a third']);
  });

  it('answers a forged cursor with 400 in the envelope, on both lists', async () => {
    const p = await llmProject(ALPHA);
    const { session_id } = (await chatEvents(p.key, { content: 'x', model: 'm-alpha' })).at(-1)!.data as { session_id: string };
    const forged = btoa(JSON.stringify(['2026-02-31T00:00:00.000Z', crypto.randomUUID()])).replaceAll('=', '');
    for (const path of [`/chat/sessions?cursor=${forged}`, `/chat/sessions/${session_id}/messages?cursor=${forged}`, `/chat/sessions/${session_id}/messages?cursor=garbage`]) {
      const res = await api(path, { key: p.key });
      expect(res.status, path).toBe(400);
      const body = ErrorEnvelopeSchema.parse(await res.json());
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details?.issues?.[0]?.path).toBe('query.cursor');
    }
  });

  it("titles a session with the first ~60 characters of its first message, on one line", async () => {
    const p = await llmProject(ALPHA);
    const long = `Plan the   onboarding\nflow for ${'a very long product name '.repeat(5)}`;
    await chatEvents(p.key, { content: long, model: 'm-alpha' });
    const page = (await (await api('/chat/sessions', { key: p.key })).json()) as { items: Array<{ title: string }> };
    const title = page.items[0]!.title;
    expect(title.startsWith('Plan the onboarding flow for a very long')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
    expect(Array.from(title).length).toBeLessThanOrEqual(60);
  });
});
