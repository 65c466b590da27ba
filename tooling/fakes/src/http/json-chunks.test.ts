import { describe, expect, it } from 'vitest';
import { byteLength, serializeJsonChunks } from './json-chunks';

describe('serializeJsonChunks', () => {
  it('round-trips values, including nodes with children nested inside envelopes', () => {
    const value = {
      name: 'é ✓ "quoted"',
      empty: {},
      skipped: undefined,
      nodes: { '1:2': { document: { id: '1:2', children: [{ id: '1:3', children: [] }, { id: '1:4' }] } }, '9:9': null },
      list: [1, 'two', null, { deep: { deeper: [true] } }],
    };
    const chunks = serializeJsonChunks(value);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('splits big values into several chunks whose byte length adds up', () => {
    const children = Array.from({ length: 5_000 }, (_, i) => ({ id: `1:${i}`, name: `Rectangle ${i}`, children: [] }));
    const chunks = serializeJsonChunks({ document: { id: '0:0', children } });
    expect(chunks.length).toBeGreaterThan(1);
    const joined = Buffer.concat(chunks);
    expect(byteLength(chunks)).toBe(joined.length);
    expect((JSON.parse(joined.toString('utf8')) as { document: { children: unknown[] } }).document.children).toHaveLength(5_000);
  });
});
