// The dev command: embedded Postgres (or DATABASE_URL) + WebSocket proxy + migrations + the
// Figma/OpenAI fakes + the API under `wrangler dev`, then prints where everything is.
//   --check   start, verify /healthz and /docs, stop (used by the tests and bench/dev-start)
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startLocalDatabase } from './database';
import { ensureDevProject, loadDevCredentials } from './dev-credentials';
import { startLocalFakes } from './fakes';
import { startWranglerDev, waitHealthy } from './wrangler';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface DevOptions {
  port: number;
  /** Real Figma instead of the fake: FIGMA_API_KEY (and optionally FIGMA_API_BASE) from the environment. */
  figma?: { base: string; token: string } | undefined;
  dataDir: string;
  databaseUrl?: string | undefined;
  check: boolean;
  log: (line: string) => void;
  /** Called once the API is healthy (tests use it to act on the running system). */
  onReady?: (ready: DevReady) => Promise<void>;
}

export interface DevReady {
  apiUrl: string;
  apiKey: string;
  projectId: string;
  sampleUrl: string;
  databaseUrl: string;
  databaseWsProxy: string;
}

/** Reads the dev command's options from argv and the environment. */
export function devOptionsFrom(argv: string[], env: NodeJS.ProcessEnv): DevOptions {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port, got ${env.PORT}`);
  return {
    port,
    dataDir: env.COGO_DATA_DIR ?? `${ROOT}.data`,
    databaseUrl: env.DATABASE_URL || undefined,
    figma: env.FIGMA_API_KEY ? { base: env.FIGMA_API_BASE || 'https://api.figma.com', token: env.FIGMA_API_KEY } : undefined,
    check: argv.includes('--check'),
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
    const fakes = await startLocalFakes(creds.figmaToken);
    cleanups.push(fakes.stop);
    const figma = options.figma ?? { base: fakes.figmaUrl, token: creds.figmaToken };
    const api = startWranglerDev({
      config: `${ROOT}apps/api/wrangler.jsonc`,
      port: options.port,
      stateDir: options.dataDir,
      vars: {
        ENVIRONMENT: 'development',
        DATABASE_URL: db.url,
        DATABASE_WS_PROXY: db.wsProxy,
        ADMIN_TOKEN: creds.adminToken,
        VAULT_MASTER_KEY: creds.vaultMasterKey,
        UPLOAD_SIGNING_KEY: creds.uploadSigningKey,
        FIGMA_API_BASE: figma.base,
        FIGMA_API_KEY: figma.token,
      },
      onOutput: (line) => log(`[wrangler] ${line}`),
    });
    cleanups.push(api.stop);
    const health = (await waitHealthy(api.url, api.child)) as { db: { serverVersion?: string; migrations?: number } };
    const project = await ensureDevProject(api.url, options.dataDir, creds);
    const sampleUrl = 'https://www.figma.com/design/COGOSAMPLE0001/COGO-Sample-Storefront';
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log('');
    log(`COGO is up in ${seconds}s`);
    log(`  API        ${api.url}`);
    log(`  Docs       ${api.url}/docs`);
    log(`  OpenAPI    ${api.url}/openapi.json`);
    log(`  Health     ${api.url}/healthz   (Postgres ${health.db.serverVersion}, ${health.db.migrations} migrations)`);
    log(`  Database   ${db.kind === 'embedded' ? `embedded PGlite, data in ${options.dataDir}/pglite` : 'DATABASE_URL'}`);
    log(`  Figma      ${options.figma ? options.figma.base : `fake at ${fakes.figmaUrl} (sample file COGOSAMPLE0001)`}   OpenAI fake ${fakes.openaiUrl}`);
    log('');
    log(`  Dev project ${project.projectId}${project.created ? ' (created)' : ''}`);
    log(`  API key     ${project.apiKey}`);
    log(`  Admin token ${creds.adminToken}   (all kept in ${options.dataDir}/dev-credentials.json)`);
    log('');
    log('  Try it:');
    log(`    COGO_API_URL=${api.url} COGO_API_KEY=${project.apiKey} ./cogo extract ${sampleUrl}`);
    log(`    curl -s -H 'authorization: Bearer ${project.apiKey}' -H 'content-type: application/json' \\`);
    log(`      -d '{"figma_url":"${sampleUrl}"}' ${api.url}/figma-context/start`);
    await options.onReady?.({ apiUrl: api.url, apiKey: project.apiKey, projectId: project.projectId, sampleUrl, databaseUrl: db.url, databaseWsProxy: db.wsProxy });
    if (options.check) {
      const docs = await fetch(`${api.url}/docs`);
      if (docs.status !== 200) throw new Error(`/docs answered ${docs.status}`);
      log('check passed');
      return 0;
    }
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
  const code = await runDev(devOptionsFrom(process.argv.slice(2), process.env));
  process.exit(code);
}
