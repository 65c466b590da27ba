// Structured output: with response_format json_schema and nothing queued, the fake answers a minimal JSON
// instance of the schema; queued replies still win (tests queue broken JSON to exercise repair).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';
import { schemaInstance } from './schema-instance';
import { parseSse } from './sse';
import { jsonChunks, readStream } from './stream-test-helpers';

const componentSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    kind: { type: 'string', enum: ['button', 'card'] },
    score: { type: 'number', minimum: 0.5 },
    count: { type: 'integer', exclusiveMinimum: 2 },
    visible: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
    props: { type: 'array', items: { $ref: '#/$defs/prop' } },
    owner: { $ref: '#/$defs/owner' },
    note: { type: ['string', 'null'] },
    optional: { type: 'string' },
  },
  required: ['name', 'kind', 'score', 'count', 'visible', 'tags', 'props', 'owner', 'note'],
  additionalProperties: false,
  $defs: {
    prop: { type: 'object', properties: { key: { type: 'string' } }, required: ['key'] },
    owner: { anyOf: [{ type: 'object', properties: { id: { type: 'string', minLength: 12 } }, required: ['id'] }, { type: 'null' }] },
  },
};

describe('schemaInstance', () => {
  it('builds a minimal instance with every required property of the right type', () => {
    const value = schemaInstance(componentSchema) as Record<string, any>;
    expect(Object.keys(value).sort()).toEqual(componentSchema.required.slice().sort());
    expect(typeof value.name).toBe('string');
    expect(value.kind).toBe('button');
    expect(value.score).toBeGreaterThanOrEqual(0.5);
    expect(Number.isInteger(value.count) && value.count > 2).toBe(true);
    expect(typeof value.visible).toBe('boolean');
    expect(value.tags).toHaveLength(2);
    expect(value.tags.every((tag: unknown) => typeof tag === 'string')).toBe(true);
    expect(value.props).toEqual([]);
    expect(typeof value.owner.id).toBe('string');
    expect(value.owner.id.length).toBeGreaterThanOrEqual(12);
    expect(typeof value.note).toBe('string');
  });

  it('honours const, maxLength and a schema without a type', () => {
    expect(schemaInstance({ const: 'v1' })).toBe('v1');
    expect((schemaInstance({ type: 'string', maxLength: 2 }) as string).length).toBeLessThanOrEqual(2);
    expect(schemaInstance({ properties: { a: { type: 'number' } }, required: ['a'] })).toEqual({ a: 0 });
    expect(schemaInstance({})).toEqual({});
  });
});

describe('OpenAI fake: structured output', () => {
  let fake: OpenAIFake;
  const responseFormat = { type: 'json_schema', json_schema: { name: 'component', strict: true, schema: componentSchema } };
  const request = (extra: Record<string, unknown> = {}) => ({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Describe the button' }],
    response_format: responseFormat,
    ...extra,
  });
  const complete = async (body: unknown) => {
    const res = await fetch(`${fake.url}/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
    return ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content;
  };
  beforeAll(async () => {
    fake = await startOpenAIFake();
  });
  afterEach(() => fake.clearReplies());
  afterAll(() => fake.close());

  it('answers JSON text that matches the schema', async () => {
    const content = await complete(request());
    expect(JSON.parse(content ?? '')).toEqual(schemaInstance(componentSchema));
  });

  it('streams the same JSON text in pieces', async () => {
    const { text } = await readStream(fake.url, request({ stream: true }));
    const pieces = jsonChunks(parseSse(text)).map((chunk) => {
      const choice = (chunk.choices as { delta: { content?: string } }[])[0];
      return choice?.delta.content ?? '';
    });
    expect(pieces.filter((piece) => piece !== '').length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toEqual(schemaInstance(componentSchema));
  });

  it('a queued reply wins, even when it is not valid JSON', async () => {
    fake.setReplies(['{"name": "Butt', 'not json at all']);
    expect(await complete(request())).toBe('{"name": "Butt');
    expect(await complete(request())).toBe('not json at all');
    expect(JSON.parse((await complete(request())) ?? '')).toMatchObject({ kind: 'button' });
  });

  it('json_object mode answers a JSON object carrying the echo', async () => {
    const content = await complete(request({ response_format: { type: 'json_object' } }));
    expect(JSON.parse(content ?? '')).toEqual({ reply: 'You said: Describe the button' });
  });
});
