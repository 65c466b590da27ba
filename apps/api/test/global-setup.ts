import { createDb } from '@cogo/db';
import { ws } from '@cogo/db/node';
import { startFigmaFake, startOpenAIFake, startSlackFake } from '@cogo/fakes';
import { startChromium } from '@cogo/devstack/chromium';
import { startLocalDatabase } from '@cogo/devstack/database';
import { startSampleStorybook } from '@cogo/devstack/storybook';
import { devEmbedder } from '@cogo/devstack/embedder';
import { loadConformance } from './conformance-fixtures';
import { loadOpenAIConformance } from './openai-conformance-fixtures';
import { startJwksFake } from './jwks-fake';
import { insertVolumeProject, newVolumeProject, startVolumeDatabase, type VolumeDatabase } from './volume-database';
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
    /** rag-search.volume.test.ts's own database (volume-database.ts), seeded in the background; '' when it is not started. */
    volumeDatabaseUrl: string;
    volumeWsProxy: string;
    /** Its project (also in the main database, for the queue consumers' rows) and that project's API key. */
    volumeProjectId: string;
    volumeKey: string;
    /** JSON VolumeStatus of the seeding child, on loopback. */
    volumeStatusUrl: string;
    /** The Slack incoming-webhook fake's origin (SLACK_WEBHOOK_BASE); webhooks are made through its /__fake/ API. */
    slackBase: string;
    /** The sample Storybook build's origin (a storybook credential's URL); its host is on OUTBOUND_ALLOWLIST. */
    storybookUrl: string;
    /** The local Chromium's DevTools endpoint (BROWSER_CDP_URL) for browser test sessions. */
    browserCdpUrl: string;
  }
}

/** The Worker's EMBEDDING_MODEL_DEFAULT (env.ts; the test bindings set none): the volume chunks are stored under it. */
const VOLUME_EMBEDDING_MODEL = 'text-embedding-3-small';
const VOLUME_TEST = 'rag-search.volume.test.ts';

/**
 * True unless the run's file filters leave out the volume test: a run of other files does not pay ~85 s of CPU
 * for a database nobody reads. (Vitest keeps the CLI filters on `filenamePattern`, not in its typed API.)
 */
async function runsVolumeTest(project: TestProject): Promise<boolean> {
  const patterns = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!patterns?.length) return true;
  const specs = await project.vitest.globTestSpecifications(patterns);
  return specs.some((s) => s.moduleId.endsWith(VOLUME_TEST));
}

/** Starts an in-memory database (or uses TEST_DATABASE_URL) for the workerd test run. */
export default async function setup(project: TestProject) {
  // first, so the child's database starts (and then seeds) beside everything else on the machine's other core
  const volume = (await runsVolumeTest(project)) ? startVolumeDatabase() : null;
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
  const slack = await startSlackFake();
  project.provide('slackBase', slack.url);
  const [storybook, chromium] = await Promise.all([startSampleStorybook(), startChromium()]);
  project.provide('storybookUrl', storybook.url);
  project.provide('browserCdpUrl', chromium.cdpUrl);
  await provideVolume(project, volume, { url: db.url, wsProxy: db.wsProxy }, { base: openai.url, key: openaiKey });
  return async () => {
    await volume?.stop();
    await slack.close();
    await chromium.close();
    await storybook.close();
    await openai.close();
    await jwks.close();
    await figma.close();
    await db.stop();
  };
}

/**
 * Provides the volume database and its project: the project and key rows go into the main database here (the queue
 * consumers' rows refer to the project) and into the volume database by the child, which then seeds in the
 * background. This waits for the child's migrated database (started at the top of setup), never for the seeding.
 */
async function provideVolume(project: TestProject, volume: VolumeDatabase | null, mainDb: { url: string; wsProxy: string }, openai: { base: string; key: string }) {
  const none = { url: '', wsProxy: '' };
  const p = await newVolumeProject();
  const at = volume ? ((await volume.ready(120_000)) ?? none) : none;
  if (volume) {
    const main = createDb({ url: mainDb.url, wsProxy: mainDb.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
    try {
      await insertVolumeProject(main.db, p);
    } finally {
      await main.close();
    }
    volume.seed({ project: p, openaiBase: openai.base, openaiKey: openai.key, model: VOLUME_EMBEDDING_MODEL });
  }
  project.provide('volumeDatabaseUrl', at.url);
  project.provide('volumeWsProxy', at.wsProxy);
  project.provide('volumeProjectId', p.id);
  project.provide('volumeKey', p.key);
  project.provide('volumeStatusUrl', volume ? await volume.serveStatus() : '');
}
