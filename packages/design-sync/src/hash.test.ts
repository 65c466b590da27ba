import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './hash';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, writes no whitespace', () => {
    const v = { b: [3, { z: 1, a: [{ y: true, x: null }] }], a: 'ü "q"', c: { e: -0.5, d: 'x' } };
    expect(canonicalJson(v)).toBe('{"a":"ü \\"q\\"","b":[3,{"a":[{"x":null,"y":true}],"z":1}],"c":{"d":"x","e":-0.5}}');
    expect(JSON.parse(canonicalJson(v))).toEqual(v);
  });

  it('drops undefined members; an undefined array slot is null, as in JSON', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: { d: undefined } })).toBe('{"b":1,"c":{}}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('sorts keys by code unit, "__proto__" and non-ASCII included', () => {
    const v = JSON.parse('{"b":1,"__proto__":2,"B":3,"é":4,"a":5}') as unknown;
    expect(canonicalJson(v)).toBe('{"B":3,"__proto__":2,"a":5,"b":1,"é":4}');
  });

  it('uses toJSON (dates) and refuses what JSON cannot hold faithfully', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2025, 0, 2)) })).toBe('{"at":"2025-01-02T00:00:00.000Z"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN has no JSON form/);
    expect(() => canonicalJson([Infinity])).toThrow(/Infinity/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson(1n)).toThrow(/bigint/);
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 text', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const text = 'Größe → “Medium” 🎛️';
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('answers the same digest for a text seen before, also after many others and for long texts', async () => {
    const node = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
    expect(await sha256Hex('[]')).toBe(node('[]'));
    for (let i = 0; i < 600; i++) await sha256Hex(`text ${i}`);
    expect(await sha256Hex('[]')).toBe(node('[]'));
    expect(await sha256Hex('text 7')).toBe(node('text 7'));
    const long = 'x'.repeat(5_000);
    expect(await sha256Hex(long)).toBe(node(long));
    expect(await sha256Hex(long)).toBe(node(long));
  });

  it('never changes with key order, nested or not; changes with any value', async () => {
    const a = { name: 'Button', props: [{ name: 'size', values: ['sm', 'md'], meta: { x: 1, y: [{ p: 1, q: 2 }] } }] };
    const b = { props: [{ meta: { y: [{ q: 2, p: 1 }], x: 1 }, values: ['sm', 'md'], name: 'size' }], name: 'Button' };
    expect(await sha256Hex(canonicalJson(a))).toBe(await sha256Hex(canonicalJson(b)));
    const reordered = { ...a, props: [{ ...a.props[0]!, values: ['md', 'sm'] }] };
    expect(await sha256Hex(canonicalJson(reordered))).not.toBe(await sha256Hex(canonicalJson(a)));
    const deeper = { ...b, props: [{ ...b.props[0]!, meta: { x: 1, y: [{ q: 2, p: 2 }] } }] };
    expect(await sha256Hex(canonicalJson(deeper))).not.toBe(await sha256Hex(canonicalJson(a)));
  });
});
