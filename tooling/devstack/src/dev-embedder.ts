// The dev stack's offline embedder (issue 12): in offline LLM mode the local OpenAI fake answers
// EMBEDDING_MODEL_DEFAULT=glove-100d-mean from real word vectors prepared once into the data folder. When they
// cannot be had (no registry on first run) dev still starts, on the fake's hash vectors, and says so.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORD_VECTORS_MODEL, loadWordVectors, type WordVectors } from '@cogo/fakes';
import { prepareWordVectors, type PrepareWordVectorsOptions } from './word-vectors-prepare';

/** prepare: make the table on first run (the default of `./cogo dev`); existing: use it only if already there; off: hash vectors. */
export type DevWordVectorsMode = 'prepare' | 'existing' | 'off';

export interface DevEmbedder {
  /** For the OpenAI fake; absent when it serves hash vectors only. */
  wordVectors?: WordVectors;
  /** The EMBEDDING_MODEL_DEFAULT the Worker gets, when the word vectors are there. */
  model?: string;
  /** The one start-up line saying what the embeddings are. */
  line: string;
}

const HASH = 'the local fake\'s hash vectors (deterministic, no semantic similarity)';

/** Loads (preparing first when `mode` is prepare) the word vectors of `dataDir`; never throws. */
export async function devEmbedder(
  mode: DevWordVectorsMode,
  dataDir: string,
  prepare: PrepareWordVectorsOptions = {},
): Promise<DevEmbedder> {
  if (mode === 'off') return { line: `  Embeddings ${HASH} (COGO_WORD_VECTORS=off)` };
  const tableDir = join(dataDir, 'word-vectors', 'glove-100d');
  try {
    if (mode === 'existing' && !existsSync(join(tableDir, 'meta.json'))) {
      return { line: `  Embeddings ${HASH}: no word-vector table in ${dataDir} yet (./cogo dev prepares it)` };
    }
    const { dir } = mode === 'prepare' ? await prepareWordVectors(dataDir, prepare) : { dir: tableDir };
    const wordVectors = loadWordVectors(dir);
    return {
      wordVectors,
      model: wordVectors.model,
      line: `  Embeddings ${WORD_VECTORS_MODEL} (bag-of-words GloVe 6B 100-d, fine for dev and tests, not a sentence model; zero-padded to VECTOR_DIMENSIONS)`,
    };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { line: `  Embeddings ${HASH}: word vectors unavailable (${why.split('\n')[0]})` };
  }
}
