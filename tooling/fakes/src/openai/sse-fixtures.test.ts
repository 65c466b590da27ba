// Compares the fake's stream framing with real recorded OpenAI streams, parsed by the same SSE parser.
// The recordings live outside the repository, so this runs only where they exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAI_FIXTURES_DIR } from './fixture-paths';
import { startOpenAIFake } from './openai-fake';
import type { OpenAIFake } from './openai-types';
import { parseSse } from './sse';
import { jsonChunks, readStream } from './stream-test-helpers';

const fixturesDir = OPENAI_FIXTURES_DIR;
const FRAMING = /^(data: [^\n]+\n\n)+$/;

type Shape = { object: string; keys: string[]; choiceKeys: string[][] };

function shapeOf(text: string): { shapes: Shape[]; lastData: string | undefined } {
  const events = parseSse(text);
  const shapes = jsonChunks(events).map((chunk) => ({
    object: String(chunk.object),
    keys: Object.keys(chunk),
    choiceKeys: (chunk.choices as Record<string, unknown>[]).map((choice) => Object.keys(choice)),
  }));
  return { shapes, lastData: events.at(-1)?.data };
}

const REQUIRED_CHUNK_KEYS = ['id', 'object', 'created', 'model', 'choices'];

describe.runIf(existsSync(fixturesDir))('OpenAI fake vs recorded streams', () => {
  const files = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((name) => name.endsWith('.sse.txt')) : [];
  let fake: OpenAIFake;
  beforeAll(async () => {
    fake = await startOpenAIFake({
      reply: (req) => (req.tools ? { toolCalls: [{ name: 'get_capital', arguments: { country: 'UK' } }] } : 'Hello! How can I assist you today?'),
    });
  });
  afterAll(() => fake.close());

  it('finds the recordings', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s parses with the same framing and chunk structure as the fake', async (name) => {
    const recorded = readFileSync(join(fixturesDir, name), 'utf8');
    const real = shapeOf(recorded);
    const usesTools = recorded.includes('"tool_calls"');
    const hasUsage = real.shapes.some((shape) => shape.keys.includes('usage'));
    const { text } = await readStream(fake.url, {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      ...(usesTools ? { tools: [{ type: 'function', function: { name: 'get_capital' } }] } : {}),
      ...(hasUsage ? { stream_options: { include_usage: true } } : {}),
    });
    const ours = shapeOf(text);

    for (const body of [recorded, text]) expect(body).toMatch(FRAMING);
    expect(real.lastData).toBe('[DONE]');
    expect(ours.lastData).toBe('[DONE]');
    for (const { shapes } of [real, ours]) {
      expect(new Set(shapes.map((shape) => shape.object))).toEqual(new Set(['chat.completion.chunk']));
      for (const shape of shapes) expect(shape.keys).toEqual(expect.arrayContaining(REQUIRED_CHUNK_KEYS));
    }
    // Every key a real chunk carries, ours carries too; choices carry the same keys.
    const realKeys = new Set(real.shapes.flatMap((shape) => shape.keys));
    const ourKeys = new Set(ours.shapes.flatMap((shape) => shape.keys));
    for (const key of realKeys) expect(ourKeys).toContain(key);
    const realChoiceKeys = new Set(real.shapes.flatMap((shape) => shape.choiceKeys.flat()));
    const ourChoiceKeys = new Set(ours.shapes.flatMap((shape) => shape.choiceKeys.flat()));
    for (const key of realChoiceKeys) expect(ourChoiceKeys).toContain(key);
    // Same sequence of choice counts: n content chunks with one choice, then a usage chunk with none if any.
    const counts = (shapes: Shape[]) => [...new Set(shapes.map((shape) => shape.choiceKeys.length))];
    expect(counts(ours.shapes)).toEqual(counts(real.shapes));
  });
});
