import { startFigmaFake, startOpenAIFake } from '@cogo/fakes';
import { startLocalDatabase } from '@cogo/devstack/database';
import { devEmbedder } from '@cogo/devstack/embedder';
import { loadConformance } from './conformance-fixtures';
import { loadOpenAIConformance } from './openai-conformance-fixtures';
import { startJwksFake } from './jwks-fake';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseWsProxy: string;
    adminToken: string;
    jwtSecret: string;
    vaultMasterKey: string;
    figmaBase: string;
    figmaToken: string;
    conformance: string;
    jwksBase: string;
    jwksDownUrl: string;
    /** The OpenAI-compatible fake's base URL (…/v1); `<origin>/<prefix>/v1` is a second provider, `<origin>/__fake/` its control API. */
    openaiBase: string;
    openaiKey: string;
    /** JSON of OpenAIConformanceCase[]: the recorded OpenAI answers with what each must yield ([] without ../shared). */
    openaiConformance: string;
    /** The model the OpenAI fake answers from real word vectors (glove-100d-mean), or `unavailable: <why>`. */
    wordVectors: string;
  }
}

/** Starts an in-memory database (or uses TEST_DATABASE_URL) for the workerd test run. */
export default async function setup(project: TestProject) {
  const db = await startLocalDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
  project.provide('databaseUrl', db.url);
  project.provide('databaseWsProxy', db.wsProxy);
  project.provide('adminToken', randomBytes(24).toString('hex'));
  project.provide('jwtSecret', randomBytes(32).toString('hex'));
  project.provide('vaultMasterKey', randomBytes(32).toString('base64'));
  // the Figma fake checks the token like Figma does; the Worker gets it as its fallback FIGMA_API_KEY
  const figmaToken = `figd_test_${randomBytes(8).toString('hex')}`;
  const conformance = loadConformance();
  const figma = await startFigmaFake({ token: figmaToken, files: conformance.files as never, includeSamples: true });
  project.provide('conformance', JSON.stringify(conformance.cases));
  project.provide('figmaBase', figma.url);
  project.provide('figmaToken', figmaToken);
  const jwks = await startJwksFake();
  project.provide('jwksBase', jwks.url);
  project.provide('jwksDownUrl', jwks.downUrl);
  // the OpenAI fake checks its key like OpenAI does; tests drive faults and replies through its /__fake/ API
  const openaiKey = `sk-test-${randomBytes(16).toString('hex')}`;
  // real word vectors (as `./cogo dev` serves them): requests for glove-100d-mean get real, if modest, semantic
  // similarity (the design index's paraphrase test); every other model keeps the hash vectors. Prepared once into the
  // data folder (~5 s) from the installed package (tooling/devstack/src/word-vectors-prepare.ts), then loaded (~0.1 s).
  const dataDir = process.env.COGO_DATA_DIR ?? fileURLToPath(new URL('../../../.data', import.meta.url));
  const words = await devEmbedder('prepare', dataDir);
  project.provide('wordVectors', words.wordVectors ? words.wordVectors.model : `unavailable:${words.line.replace(/^\s*Embeddings/, '')}`);
  const openai = await startOpenAIFake({ apiKey: openaiKey, ...(words.wordVectors ? { wordVectors: words.wordVectors } : {}) });
  project.provide('openaiBase', openai.url);
  project.provide('openaiKey', openaiKey);
  project.provide('openaiConformance', JSON.stringify(loadOpenAIConformance()));
  return async () => {
    await openai.close();
    await jwks.close();
    await figma.close();
    await db.stop();
  };
}
