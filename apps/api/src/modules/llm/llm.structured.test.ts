// Structured output (response_format json_schema): validated before it is returned; one repair call; refused with
// 422 LLM_BAD_OUTPUT when the repair is invalid too. Streams send the validated text as one delta.
import { afterEach, describe, expect, it } from 'vitest';
import { api, readSse } from '../../../test/helpers';
import { llmProject, openaiFake } from '../../../test/llm-helpers';

afterEach(() => openaiFake.clear());

const SCHEMA = {
  type: 'object',
  properties: { title: { type: 'string' }, sections: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  required: ['title', 'sections'],
  additionalProperties: false,
};
const format = { type: 'json_schema', json_schema: { name: 'page_plan', schema: SCHEMA, strict: true } };
const ask = (key: string, extra: Record<string, unknown> = {}) =>
  api('/llm/completions', { method: 'POST', key, json: { model: 'm-alpha', response_format: format, messages: [{ role: 'user', content: 'plan a landing page' }], ...extra } });

describe('structured output', () => {
  it('returns valid output as text and parsed output', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    await openaiFake.replies(p.chatPath('alpha'), ['{"title":"Acme","sections":["hero","cta"]}']);
    const body = (await (await ask(p.key)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ output: { title: 'Acme', sections: ['hero', 'cta'] }, repaired: false });
    expect((await openaiFake.requests(p.prefix('alpha')))[0]!.body).toMatchObject({ response_format: format });
  });

  it('repairs an answer that violates the schema with one more call that shows the model its errors', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    await openaiFake.replies(p.chatPath('alpha'), ['{"title":"Acme","sections":[]}', '{"title":"Acme","sections":["hero"]}']);
    const res = await ask(p.key, { stream: true });
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    const done = events.at(-1)!;
    expect(done.event).toBe('llm.done');
    expect(done.data).toMatchObject({ output: { title: 'Acme', sections: ['hero'] }, repaired: true, text: '{"title":"Acme","sections":["hero"]}' });
    // the invalid first answer never reached the client: the deltas are the validated text
    expect(events.filter((e) => e.event === 'llm.delta').map((e) => e.data.text).join('')).toBe(done.data.text);
    const requests = await openaiFake.requests(p.prefix('alpha'));
    expect(requests).toHaveLength(2);
    const repair = requests[1]!.body as { messages: Array<{ role: string; content: string }> };
    expect(repair.messages.at(-2)).toEqual({ role: 'assistant', content: '{"title":"Acme","sections":[]}' });
    expect(repair.messages.at(-1)!.content).toContain('/sections');
  });

  it('refuses with 422 LLM_BAD_OUTPUT when the repaired answer is still invalid', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    await openaiFake.replies(p.chatPath('alpha'), ['not json at all', '{"title":1}']);
    const res = await ask(p.key);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { errors: string[] } } };
    expect(body.error.code).toBe('LLM_BAD_OUTPUT');
    expect(body.error.details.errors.length).toBeGreaterThan(0);
  });
});
