/**
 * The dev stack (embedded Postgres + proxy, Figma fake, the API under `wrangler dev`) started from a
 * bundle of the API built once. `./cogo dev` rebuilds and restarts the worker's workerd on every saved
 * source file, which wipes any memory a load left behind; a frozen bundle keeps one process for the
 * whole measurement. Loopback only; everything lives in a temporary folder removed on stop.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDatabaseProcess, type DatabaseProcess } from './database-process';
import { startLocalFakes } from '../../tooling/devstack/src/fakes';
import { API_CONFIG, ensureAssetsDir, loadWrangler, startWranglerDev, waitHealthy, wranglerBin, type WranglerDev } from '../../tooling/devstack/src/wrangler';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface FrozenStack {
  url: string;
  /** The bundle the worker runs (profiles map their positions to source modules through its `// path` comments). */
  bundle: string;
  apiKey: string;
  adminToken: string;
  /** The Figma fake the API reads from (its /__fake control routes put files). */
  figmaUrl: string;
  /** The embedded database's session counters (null with DATABASE_URL). */
  dbStats: DatabaseProcess['stats'];
  /** The database process (embedded PGlite, its WebSocket proxy). */
  dbPid: number;
  /** The wrangler process; workerd runs under it. */
  wrangler: WranglerDev;
  stop: () => Promise<void>;
}

/**
 * Worker vars that take the API's own rate limits and the Figma pacer out of a bench's figures: every request
 * comes from 127.0.0.1, so the per-IP, default and figma limits would measure themselves (the `heavy` class
 * keeps its shipped limit).
 */
export const LIMITS_LIFTED = {
  RATE_LIMIT_IP_PER_MIN: '1000000',
  RATE_LIMIT_DEFAULT_PER_MIN: '1000000',
  FIGMA_RATE_LIMIT_PER_MIN: '1000000',
  FIGMA_REQUESTS_PER_MIN: '100000',
} as const;

export interface FrozenStackOptions {
  port: number;
  /** Worker vars on top of the stack's own (limits, pacing). */
  vars?: Record<string, string>;
  /** V8 heap cap of every isolate in MiB (`startWranglerDev`'s `maxHeapMiB`). */
  maxHeapMiB?: number;
  /** Overrides the config's `observability.enabled` (which turns on wrangler's local trace collector). */
  observability?: boolean;
  /** A config from freezeApi() to run instead of bundling again (several stacks of one bundle; the caller removes its folder). */
  config?: string;
  log: (line: string) => void;
  /** A server Postgres to use instead of the embedded one (its share shows by comparison). */
  databaseUrl?: string | undefined;
  /** Port of the worker's DevTools inspector (CPU profiles: bench/lib/cpu-profile.ts). */
  inspectorPort?: number;
}

/**
 * Bundles the API as it is now (`wrangler deploy --dry-run`, the development config: wrangler.toml's top level)
 * into `dir` and writes a config that runs the bundle as-is: the same top level, read by wrangler's own reader,
 * without the named environments.
 */
export async function freezeApi(dir: string, observability: boolean | undefined): Promise<string> {
  const out = join(dir, 'dist');
  ensureAssetsDir();
  execFileSync(process.execPath, [wranglerBin(), 'deploy', '--dry-run', '--config', API_CONFIG, '--outdir', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
  });
  const { rawConfig } = (await loadWrangler()).experimental_readRawConfig({ config: API_CONFIG });
  const { env: _environments, ...config } = rawConfig;
  // the copy lives elsewhere: the static assets (the dashboard) stay where wrangler.toml names them
  const assets = config.assets as { directory?: string } | undefined;
  if (assets?.directory) config.assets = { ...assets, directory: join(ROOT, assets.directory) };
  const frozen = { ...config, main: join(out, 'index.js'), no_bundle: true, ...(observability === undefined ? {} : { observability: { enabled: observability } }) };
  const path = join(dir, 'wrangler.json');
  writeFileSync(path, JSON.stringify(frozen, null, 2));
  return path;
}

/** Rejects when something already listens on the port: its answers would be taken for ours. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`127.0.0.1:${port} is in use; pass another --port`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** Starts the stack on 127.0.0.1:`port` and creates a project; `stop()` ends every process it started. */
export async function startFrozenStack(options: FrozenStackOptions): Promise<FrozenStack> {
  await assertPortFree(options.port);
  const dir = mkdtempSync(join(tmpdir(), 'cogo-load-memory-'));
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
  };
  try {
    if (!options.config) options.log('bundling the API…');
    const config = options.config ?? (await freezeApi(dir, options.observability));
    // its own process: the bench's clients must not share an event loop with the database they measure
    const db = await startDatabaseProcess({ dataDir: join(dir, 'pglite'), databaseUrl: options.databaseUrl });
    cleanups.push(db.stop);
    const figmaToken = `figd_bench_${crypto.randomUUID().replaceAll('-', '')}`;
    const fakes = await startLocalFakes(figmaToken);
    cleanups.push(fakes.stop);
    const adminToken = `cogo_admin_${crypto.randomUUID().replaceAll('-', '')}`;
    const wrangler = startWranglerDev({
      config,
      port: options.port,
      stateDir: dir,
      ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
      ...(options.maxHeapMiB ? { maxHeapMiB: options.maxHeapMiB } : {}),
      // COGO_BENCH_VERBOSE=1 shows the worker's own output (its error logs) on stderr
      ...(process.env.COGO_BENCH_VERBOSE ? { onOutput: (line: string) => options.log(`[wrangler] ${line}`) } : {}),
      vars: {
        ENVIRONMENT: 'development',
        DATABASE_URL: db.url,
        DATABASE_WS_PROXY: db.wsProxy,
        ADMIN_TOKEN: adminToken,
        VAULT_MASTER_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
        UPLOAD_SIGNING_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex'),
        FIGMA_API_BASE: fakes.figmaUrl,
        FIGMA_API_KEY: figmaToken,
        ...options.vars,
      },
    });
    cleanups.push(wrangler.stop);
    options.log('starting wrangler dev…');
    await waitHealthy(wrangler.url, wrangler.child);
    const res = await fetch(`${wrangler.url}/projects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: `bench-${crypto.randomUUID().slice(0, 8)}`, name: 'bench' }), // unique: a server Postgres keeps its rows between runs
    });
    if (res.status !== 201) throw new Error(`could not create the bench project: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { api_key: { key: string } };
    return { url: wrangler.url, dbStats: db.stats, dbPid: db.pid, bundle: JSON.parse(readFileSync(config, 'utf8')).main as string, apiKey: body.api_key.key, adminToken, figmaUrl: fakes.figmaUrl, wrangler, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
