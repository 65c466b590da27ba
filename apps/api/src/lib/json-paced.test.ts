import { describe, expect, it } from 'vitest';
import { parseJsonPaced } from './json-paced';

/** parseJsonPaced with a small pace, counting its pauses. */
async function paced(text: string, paceChars = 16) {
  let pauses = 0;
  const value = await parseJsonPaced(text, async () => void pauses++, paceChars);
  return { value, pauses };
}

const nodesAnswer = {
  name: 'Shop "main" {draft}',
  lastModified: '2026-12-01T00:00:00Z',
  version: '123',
  nodes: Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `1:${i}`,
      { document: { id: `1:${i}`, type: 'FRAME', name: `Frame ${i} \\ } ] "quoted" \u00e9 😀`, children: [{ id: `2:${i}`, type: 'TEXT', characters: '{not: "json"}' }] }, components: {}, styles: { s: { name: 'x' } }, schemaVersion: 0 },
    ]),
  ),
  empty: {},
  list: [1, 2.5e3, -0.5, true, false, null, 'a,b}'],
  '9:9': null,
};

describe('parseJsonPaced', () => {
  it('gives what JSON.parse gives for a /nodes answer, with pauses between pieces', async () => {
    for (const text of [JSON.stringify(nodesAnswer), JSON.stringify(nodesAnswer, null, 2), ` \n${JSON.stringify(nodesAnswer, null, '\t')}\r\n `]) {
      const { value, pauses } = await paced(text);
      expect(value).toEqual(JSON.parse(text));
      expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text))); // key order too
      expect(pauses).toBeGreaterThan(5);
    }
  });

  it('keeps an own __proto__ key as JSON.parse does, without touching the prototype', async () => {
    const text = JSON.stringify({ pad: 'x'.repeat(40), nodes: { a: 1 } }).replace('"pad"', '"__proto__":{"polluted":true},"pad"').replace('"a":1', '"a":1,"__proto__":{"x":1}');
    const { value } = await paced(text);
    const v = value as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(v)).toContain('__proto__');
    expect(Object.getOwnPropertyNames(v.nodes)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('throws JSON.parse’s SyntaxError for a body that is not JSON, however it is cut', async () => {
    const good = JSON.stringify(nodesAnswer);
    for (const bad of [good.slice(0, -1), good.slice(0, good.length / 2), `${good}x`, good.replace('"version"', 'version'), good.replace(',"empty"', ',,"empty"'), good.replace('{}', '{,}'), good.replace('2500', '25 00')]) {
      await expect(paced(bad)).rejects.toThrow(SyntaxError);
    }
  });

  it('parses a body that is not an object, or a short one, in one go', async () => {
    for (const text of ['[1,2,{"a":"}"}]', '"a long string value here, long enough"', '{"a":1}', '  42  ']) {
      const { value, pauses } = await paced(text, 8);
      expect(value).toEqual(JSON.parse(text));
      expect(pauses).toBe(0);
    }
  });
});
