import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wordTokens } from './word-tokens';
import { loadWordVectors } from './word-vectors';
import { writeTinyTable } from './word-vectors-fixture';

const dirs: string[] = [];
const tiny = () => {
  const dir = writeTinyTable();
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
const norm = (a: ArrayLike<number>) => Math.sqrt(dot(a, a));
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => dot(a, b) / (norm(a) * norm(b));

describe('word tokens', () => {
  it('lowercases and splits on punctuation, kebab, snake and camel case', () => {
    expect(wordTokens('call-to-action')).toEqual(['call', 'to', 'action']);
    expect(wordTokens('PrimaryButton')).toEqual(['primary', 'button']);
    expect(wordTokens('primary_button')).toEqual(['primary', 'button']);
    expect(wordTokens('HTMLButton, 2x "Blue"!')).toEqual(['html', 'button', 'x', 'blue']);
    expect(wordTokens('  42 -- !! ')).toEqual([]);
  });
});

describe('word-vector embedder (tiny synthetic table)', () => {
  const words = loadWordVectors(tiny());

  it('names its model and width', () => {
    expect(words).toMatchObject({ model: 'glove-100d-mean', dimensions: 8 });
  });

  it('is the L2-normalised mean of the known words', () => {
    const vector = words.embed('primary button');
    expect(Array.from(vector)).toEqual([Math.SQRT1_2, Math.SQRT1_2, 0, 0, 0, 0, 0, 0].map(Math.fround));
    expect(norm(words.embed('call action blue'))).toBeCloseTo(1, 6);
    // (1,1,0,0,0) + (0,1,0,0,1) + (0,0,1,0,0) = (1,2,1,0,1), norm √7
    expect(words.embed('call action blue')[1]).toBeCloseTo(2 / Math.sqrt(7), 6);
  });

  it('reads identifiers like prose: camelCase, kebab-case and snake_case give the same vector', () => {
    const prose = Array.from(words.embed('primary button'));
    expect(Array.from(words.embed('PrimaryButton'))).toEqual(prose);
    expect(Array.from(words.embed('primary_button'))).toEqual(prose);
    expect(Array.from(words.embed('primary-button!'))).toEqual(prose);
  });

  it('skips stop words and unknown words, but uses stop words when they are all a text knows', () => {
    expect(Array.from(words.embed('the primary to button xyzzy'))).toEqual(Array.from(words.embed('primary button')));
    // "the" alone: its own direction (0,…,1,1)/√2, not the fallback
    expect(Array.from(words.embed('the')).slice(6)).toEqual([Math.SQRT1_2, Math.SQRT1_2].map(Math.fround));
  });

  it('ranks a paraphrase above an unrelated text', () => {
    const query = words.embed('primary button blue rounded');
    expect(cosine(query, words.embed('main call-to-action blue pill button'))).toBeGreaterThan(0.8);
    expect(cosine(query, words.embed('invoices exported to PDF'))).toBeLessThan(0.1);
  });

  it('pads to a wider width with zeros, keeping every cosine', () => {
    const a = words.embed('primary button blue', 1024);
    const b = words.embed('call to action', 1024);
    expect(a).toHaveLength(1024);
    expect(Array.from(a.slice(0, 8))).toEqual(Array.from(words.embed('primary button blue')));
    expect(a.slice(8).every((x) => x === 0)).toBe(true);
    expect(cosine(a, b)).toBeCloseTo(cosine(words.embed('primary button blue'), words.embed('call to action')), 6);
  });

  it('refuses a narrower width with a clear error', () => {
    expect(() => words.embed('primary', 4)).toThrow(/glove-100d-mean has 8 dimensions: cannot answer 4/);
  });

  it('gives a text with no known word a stable, finite, unit-length fallback', () => {
    const first = words.embed('zzz qqq');
    expect(first.every(Number.isFinite)).toBe(true);
    expect(norm(first)).toBeCloseTo(1, 5);
    expect(Array.from(loadWordVectors(tiny()).embed('zzz qqq'))).toEqual(Array.from(first));
    expect(Array.from(words.embed('!!! 42'))).not.toEqual(Array.from(first));
    expect(norm(words.embed('!!! 42', 1024))).toBeCloseTo(1, 5);
  });

  it('counts words for usage', () => {
    expect(words.countWords('main call-to-action blue pill button')).toBe(7);
  });
});

describe('word-vector table on disk', () => {
  it('refuses a corrupt vectors.bin, a short vocabulary and a missing meta.json', () => {
    const dir = tiny();
    const bin = readFileSync(join(dir, 'vectors.bin'));
    bin[5] = (bin[5]! + 1) % 256;
    writeFileSync(join(dir, 'vectors.bin'), bin);
    expect(() => loadWordVectors(dir)).toThrow(/vectors\.bin does not match meta\.json/);

    const short = tiny();
    writeFileSync(join(short, 'vocab.txt'), 'the\n');
    expect(() => loadWordVectors(short)).toThrow(/vocab\.txt does not match meta\.json/);

    const bare = tiny();
    rmSync(join(bare, 'meta.json'));
    expect(() => loadWordVectors(bare)).toThrow(/meta\.json missing/);
  });
});
