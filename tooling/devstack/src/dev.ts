// The dev command: embedded Postgres (or DATABASE_URL) + WebSocket proxy + migrations + the
// Figma/OpenAI fakes + the API under `wrangler dev`, then prints where everything is.
//   --check   start, verify /healthz and /docs, stop (used by the tests and bench/dev-start)
// Worker vars (every EnvSchema key) come from the environment, else from .dev.vars, else the
// stack's defaults; wrangler itself would ignore the environment. Without an LLM key (or with
// CHAT_FORCE_MOCK) the LLM gateway's provider is the local OpenAI fake (worker-vars.ts llmWorkerVars), whose
// embeddings come from word vectors prepared once into the data folder (dev-embedder.ts; COGO_WORD_VECTORS=off: hash).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startLocalDatabase } from './database';
import { devFetch } from './dev-client';
import { devEmbedder, type DevWordVectorsMode } from './dev-embedder';
import { ensureDevProject, loadDevCredentials } from './dev-credentials';
import { startSlackFake } from '@cogo/fakes';
import { startChromium } from './chromium';
import { startLocalFakes } from './fakes';
import { startSampleStorybook } from './storybook-sample';
import { FAKE_CHAT_PROVIDER, llmMocked, llmWorkerVars, pickWorkerVars, readDevVars, workerVarNames } from './worker-vars';
import { buildDashboard } from './dashboard';
import { buildPlugin } from './plugin-build';
import { freePort } from './ports';
import { API_CONFIG, startWranglerDev, waitHealthy } from './wrangler';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface DevOptions {
  /** The API's port; 0: a free one, chosen again if another process takes it before wrangler binds it (tests). */
  port: number;
  /** Real Figma instead of the fake: FIGMA_API_KEY (and optionally FIGMA_API_BASE) from the environment. */
  figma?: { base: string; token: string } | undefined;
  dataDir: string;
  databaseUrl?: string | undefined;
  check: boolean;
  log: (line: string) => void;
  /** Worker vars from the environment and .dev.vars; they override the stack's defaults (not its database or Figma wiring). */
  workerVars?: Record<string, string> | undefined;
  /**
   * The offline embedder's word vectors (offline LLM mode only): `prepare` them on first run (`./cogo dev`), use them
   * only if `existing` (the default, and --check: never a 118 MB download in a check), or `off` (hash vectors).
   */
  wordVectors?: DevWordVectorsMode | undefined;
  /** Called once the API is healthy (tests use it to act on the running system). */
  onReady?: (ready: DevReady) => Promise<void>;
}

export interface DevReady {
  apiUrl: string;
  apiKey: string;
  projectId: string;
  sampleUrl: string;
  /** The sample Storybook build's origin (a `storybook` credential's URL). */
  storybookUrl: string;
  /** The Figma fake's origin (its /__fake control API); null when a real Figma is configured. */
  figmaFakeUrl: string | null;
  databaseUrl: string;
  databaseWsProxy: string;
}

/**
 * wrangler dev on `port`, healthy. With port 0 a free port is picked just before the start; a port taken by another
 * process in the moment between (two stacks starting side by side) is picked again, up to three times.
 */
async function startApi(port: number, vars: Record<string, string>, stateDir: string, log: (line: string) => void, cleanups: Array<() => Promise<void>>) {
  for (let attempt = 1; ; attempt++) {
    let taken = false;
    const api = startWranglerDev({
      config: API_CONFIG,
      port: port || (await freePort()),
      stateDir,
      vars,
      onOutput: (line) => {
        taken ||= /Address already in use/.test(line);
        log(`[wrangler] ${line}`);
      },
    });
    try {
      const health = (await waitHealthy(api.url, api.child)) as { db: { serverVersion?: string; migrations?: number } };
      cleanups.push(api.stop);
      return { api, health };
    } catch (err) {
      await api.stop();
      // its last lines may still be in the pipes when it exits: 'close' comes after them (or give up after 2 s)
      if (port === 0 && !taken) await new Promise((resolve) => (api.child.stdout?.readableEnded ? resolve(null) : (api.child.once('close', resolve), setTimeout(resolve, 2_000))));
      if (port !== 0 || !taken || attempt === 3) throw err;
      log(`  (port ${new URL(api.url).port} was taken meanwhile: another)`);
    }
  }
}

/**
 * Reads the dev command's options from argv, the environment and the .dev.vars file beside `./cogo`
 * (or the one COGO_DEV_VARS names); a variable set in the environment wins over the file.
 */
export async function devOptionsFrom(argv: string[], processEnv: NodeJS.ProcessEnv): Promise<DevOptions> {
  const file = processEnv.COGO_DEV_VARS ? readDevVars(processEnv.COGO_DEV_VARS, true) : readDevVars(`${ROOT}.dev.vars`);
  const env: Record<string, string | undefined> = { ...file, ...processEnv };
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port, got ${env.PORT}`);
  return {
    port,
    dataDir: env.COGO_DATA_DIR ?? `${ROOT}.data`,
    databaseUrl: env.DATABASE_URL || undefined,
    figma: env.FIGMA_API_KEY ? { base: env.FIGMA_API_BASE || 'https://api.figma.com', token: env.FIGMA_API_KEY } : undefined,
    workerVars: pickWorkerVars(env, await workerVarNames()),
    check: argv.includes('--check'),
    wordVectors: env.COGO_WORD_VECTORS === 'off' ? 'off' : argv.includes('--check') ? 'existing' : 'prepare',
    log: (line) => console.log(line),
  };
}

/** Runs the local system until a signal (or, with --check, until verified). Returns the exit code. */
export async function runDev(options: DevOptions): Promise<number> {
  const started = Date.now();
  const { log } = options;
  mkdirSync(options.dataDir, { recursive: true });
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
    cleanups.length = 0;
  };
  try {
    const db = await startLocalDatabase({ databaseUrl: options.databaseUrl, dataDir: `${options.dataDir}/pglite` });
    cleanups.push(db.stop);
    const creds = loadDevCredentials(options.dataDir);
    const given = options.workerVars ?? {};
    const embedder = llmMocked(given) ? await devEmbedder(options.wordVectors ?? 'existing', options.dataDir, { log }) : undefined;
    // the fake checks its key like OpenAI does, so the Worker's key handling runs as in production; a new one per run
    const openaiKey = `sk-dev-${randomBytes(16).toString('hex')}`;
    // pacing like a model producing tokens, so streams look and feel real
    const fakes = await startLocalFakes(creds.figmaToken, { apiKey: openaiKey, chunkDelayMs: 15, wordVectors: embedder?.wordVectors });
    cleanups.push(fakes.stop);
    const figma = options.figma ?? { base: fakes.figmaUrl, token: creds.figmaToken };
    // design-sync offline: the sample Storybook build, a Slack fake, and the local Chromium for browser sessions
    const storybook = await startSampleStorybook(6006);
    cleanups.push(storybook.close);
    const slack = await startSlackFake();
    cleanups.push(slack.close);
    const chromium = await startChromium().catch((err: unknown) => {
      log(`  (browser sessions off: ${err instanceof Error ? err.message : String(err)})`);
      return null;
    });
    if (chromium) cleanups.push(chromium.close);
    const designSyncVars: Record<string, string> = {
      SLACK_WEBHOOK_BASE: slack.url,
      ...(chromium ? { BROWSER_CDP_URL: chromium.cdpUrl } : {}),
      OUTBOUND_ALLOWLIST: [given.OUTBOUND_ALLOWLIST, new URL(storybook.url).host].filter(Boolean).join(','),
    };
    const llmVars = llmWorkerVars(given, { url: fakes.openaiUrl, apiKey: openaiKey, embeddingModel: embedder?.model });
    const vars: Record<string, string> = {
      ENVIRONMENT: 'development',
      ADMIN_TOKEN: creds.adminToken,
      VAULT_MASTER_KEY: creds.vaultMasterKey,
      UPLOAD_SIGNING_KEY: creds.uploadSigningKey,
      // the local Figma fake has no quota: pacing it at a real plan's 10 calls a minute only slows the demo
      ...(options.figma || given.FIGMA_PLAN_TIER || given.FIGMA_SEAT ? {} : { FIGMA_REQUESTS_PER_MIN: '600' }),
      // images from the fake come from its own image host, as Figma's come from S3
      ...(options.figma ? {} : { FIGMA_IMAGE_HOSTS: fakes.figmaImagesHost }),
      ...designSyncVars,
      // the Figma plugin's iframe calls from the opaque origin `null`; the dashboard is same-origin and needs nothing
      CORS_ORIGINS: 'null',
      ...given,
      ...llmVars,
      OUTBOUND_ALLOWLIST: designSyncVars.OUTBOUND_ALLOWLIST!,
      DATABASE_URL: db.url,
      DATABASE_WS_PROXY: db.wsProxy,
      FIGMA_API_BASE: figma.base,
      FIGMA_API_KEY: figma.token,
    };
    const adminToken = vars.ADMIN_TOKEN!;
    buildDashboard(log);
    buildPlugin(log);
    const { api, health } = await startApi(options.port, vars, options.dataDir, log, cleanups);
    // signed whenever there is a secret: harmless without REQUIRE_HMAC, required with it
    const project = await ensureDevProject(devFetch(api.url, vars.HMAC_SECRET), adminToken, options.dataDir, creds);
    const sampleUrl = 'https://www.figma.com/design/COGOSAMPLE0001/COGO-Sample-Storefront';
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log('');
    log(`COGO is up in ${seconds}s`);
    log(`  API        ${api.url}`);
    log(`  Dashboard  ${api.url}/app/`);
    log(`  Docs       ${api.url}/docs`);
    log(`  Plugin     apps/figma-plugin/manifest.json, built in apps/figma-plugin/dist (Figma: Plugins → Development → Import plugin from manifest; CORS_ORIGINS=${vars.CORS_ORIGINS})`);
    log(`  OpenAPI    ${api.url}/openapi.json`);
    log(`  Health     ${api.url}/healthz   (Postgres ${health.db.serverVersion}, ${health.db.migrations} migrations)`);
    log(`  Database   ${db.kind === 'embedded' ? `embedded PGlite, data in ${options.dataDir}/pglite` : 'DATABASE_URL'}`);
    log(`  Figma      ${options.figma ? options.figma.base : `fake at ${fakes.figmaUrl} (sample file COGOSAMPLE0001)`}   OpenAI fake ${fakes.openaiUrl}`);
    log(`  Storybook  sample build at ${storybook.url}   Slack fake ${slack.url} (webhooks: POST ${slack.url}/__fake/webhooks)   Chromium ${chromium ? chromium.cdpUrl : 'off'}`);
    log(
      llmMocked(given)
        ? `  LLM: local OpenAI-compatible fake at ${fakes.openaiUrl}; every answer's provider is ${FAKE_CHAT_PROVIDER} (set CHAT_API_BASE and CHAT_API_KEY for a real provider)`
        : `  LLM: ${vars.CHAT_API_BASE ? `your provider at ${vars.CHAT_API_BASE}, answers name it ${vars.CHAT_PROVIDER_NAME ?? 'env-chat'}` : 'CHAT_API_BASE unset, only providers stored as rows'} (your CHAT_API_* / EMBEDDING_API_* vars)`,
    );
    if (embedder) log(embedder.line);
    // names only: several of these are secrets
    const givenNames = Object.keys(given).sort();
    if (givenNames.length) log(`  Worker vars ${givenNames.join(', ')}   (from the environment / .dev.vars)`);
    log('');
    log(`  Dev project ${project.projectId}${project.created ? ' (created)' : ''}`);
    log(`  API key     ${project.apiKey}`);
    log(`  Admin token ${given.ADMIN_TOKEN ? '(the ADMIN_TOKEN you set)' : creds.adminToken}   (credentials kept in ${options.dataDir}/dev-credentials.json)`);
    log('');
    log('  Try it:');
    if (vars.HMAC_SECRET && /^(true|1)$/.test(vars.REQUIRE_HMAC ?? '')) log('    (REQUIRE_HMAC is on: sign every request, see README "Signing")');
    log(`    COGO_API_URL=${api.url} COGO_API_KEY=${project.apiKey} ./cogo extract ${sampleUrl}`);
    log(`    curl -s -H 'authorization: Bearer ${project.apiKey}' -H 'content-type: application/json' \\`);
    log(`      -d '{"figma_url":"${sampleUrl}"}' ${api.url}/figma-context/start`);
    await options.onReady?.({ apiUrl: api.url, apiKey: project.apiKey, projectId: project.projectId, sampleUrl, storybookUrl: storybook.url, figmaFakeUrl: options.figma ? null : fakes.figmaUrl, databaseUrl: db.url, databaseWsProxy: db.wsProxy });
    if (options.check) {
      const docs = await fetch(`${api.url}/docs`);
      if (docs.status !== 200) throw new Error(`/docs answered ${docs.status}`);
      log('check passed');
      return 0;
    }
    // wrangler dev does not fire cron triggers: fire the Worker's (outbox sweep, provider probes) as production would, each minute
    const cron = setInterval(() => {
      fetch(`${api.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}`).catch(() => {});
    }, 60_000);
    cleanups.push(async () => clearInterval(cron));
    log('  Cron       the Worker\'s scheduled handler (outbox sweep, LLM provider probes) fired every minute');
    log('Press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      api.child.once('exit', resolve);
    });
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // a driver message could quote the connection string; never print its credentials
    console.error(`dev failed: ${message.replace(/postgres(ql)?:\/\/[^\s@]*@/g, 'postgres://***@')}`);
    return 1;
  } finally {
    await stopAll();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = await devOptionsFrom(process.argv.slice(2), process.env).catch((err: unknown) => {
    console.error(`dev failed: ${err instanceof Error ? err.message : String(err)}`);
    return process.exit(1);
  });
  process.exit(await runDev(options));
}
