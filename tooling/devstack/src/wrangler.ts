// Runs the API under `wrangler dev` (workerd) and waits until it answers /healthz.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WranglerDev {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

export interface WranglerDevOptions {
  /** Path of a wrangler config: the repository's wrangler.toml (API_CONFIG), or the bench's frozen copy. */
  config: string;
  port: number;
  /** Vars and secrets for the Worker; written to an env file, never put on the command line. */
  vars: Record<string, string>;
  /** Folder for the env file and wrangler's local state (Durable Objects, queues). */
  stateDir: string;
  /** Where wrangler's own output goes. */
  onOutput?: (line: string) => void;
  /** Port of the worker's DevTools inspector (benches take CPU profiles through it); wrangler picks one otherwise. */
  inspectorPort?: number;
  /** A V8 heap cap per isolate in MiB, as Workers have (128): through miniflare's `MINIFLARE_WORKERD_V8_FLAGS`. */
  maxHeapMiB?: number;
}

/**
 * The environment of `wrangler dev`. Its local trace collector (`X_LOCAL_OBSERVABILITY`, on by default since wrangler
 * 4.15x when the config enables `[observability]`) streams every request's tail events to a Durable Object in the
 * worker's own process: ~25 % of the API's throughput under load (`./cogo bench load`), for traces COGO keeps itself
 * (`bus_events`, `/metrics`). Off unless the caller's environment turns it on.
 */
export function wranglerEnv(maxHeapMiB?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    // miniflare fetches Cloudflare's Request.cf data from workers.cloudflare.com (offline: a warning with a stack
    // trace at every start); the API does not read request.cf, so the placeholder it falls back to is enough
    CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
    CI: 'true',
    X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? 'false',
    ...(maxHeapMiB ? { MINIFLARE_WORKERD_V8_FLAGS: `--max-heap-size=${maxHeapMiB}` } : {}),
  };
}

const require = createRequire(import.meta.url);

/** The repository's one Worker config: the API in development ([top level]), test, staging and production. */
export const API_CONFIG = fileURLToPath(new URL('../../../wrangler.toml', import.meta.url));

/** The Worker's static assets (wrangler.toml [assets]): the dashboard's build, apps/web/dist. */
export const ASSETS_DIR = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));

/**
 * Makes sure the assets folder exists: wrangler refuses a config whose [assets] directory is missing. An empty one
 * serves no dashboard (/app answers 404) — `./cogo dev` and `./cogo test` build it first (dashboard.ts).
 */
export function ensureAssetsDir(): void {
  mkdirSync(ASSETS_DIR, { recursive: true });
}

/** Path of the pinned wrangler's CLI script (run it with `process.execPath`). */
export function wranglerBin(): string {
  return join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
}

/** The parts of a resolved wrangler config (one environment of it) the dev tooling reads. */
export interface WranglerConfig {
  name?: string;
  main?: string;
  vars: Record<string, unknown>;
  secrets?: { required?: string[] };
  durable_objects: { bindings: Array<{ name: string; class_name: string }> };
  migrations: Array<{ tag: string; new_classes?: string[]; new_sqlite_classes?: string[] }>;
  r2_buckets: Array<{ binding: string; bucket_name?: string }>;
  queues: { producers?: Array<{ binding: string; queue: string }>; consumers?: Array<{ queue: string }> };
}

interface WranglerApi {
  unstable_readConfig(args: { config: string; env?: string }, options?: { hideWarnings?: boolean }): WranglerConfig;
  experimental_readRawConfig(args: { config: string }): { rawConfig: Record<string, unknown> };
}

/** wrangler's own config reader (TOML, env resolution and its no-inheritance rules), loaded on demand (~3 s). */
export async function loadWrangler(): Promise<WranglerApi> {
  // a computed specifier: wrangler's type declarations pull in the Workers runtime types, which Node code must not see
  const url = pathToFileURL(require.resolve('wrangler')).href;
  return (await import(url)) as WranglerApi;
}

/** Starts `wrangler dev` on 127.0.0.1:port. */
export function startWranglerDev(options: WranglerDevOptions): WranglerDev {
  ensureAssetsDir();
  const envFile = join(options.stateDir, 'dev.vars');
  writeFileSync(envFile, Object.entries(options.vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n') + '\n', {
    mode: 0o600,
  });
  const child = spawn(
    process.execPath,
    [
      wranglerBin(),
      'dev',
      '--config',
      options.config,
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--env-file',
      envFile,
      '--persist-to',
      join(options.stateDir, 'wrangler'),
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
      ...(options.inspectorPort ? ['--inspector-port', String(options.inspectorPort)] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: wranglerEnv(options.maxHeapMiB) },
  );
  const forward = (buf: Buffer) => {
    for (const line of buf.toString().split('\n')) if (line.trim()) options.onOutput?.(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${options.port}`,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

class ConfigRefused extends Error {
  constructor(message: string) {
    super(`the API refused its vars: ${message}`);
  }
}

/** Polls `${url}/healthz` until it answers 200; rejects after `timeoutMs`, if the process exits, or at once on a refused var. */
export async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      const body = (await res.json()) as { error?: { message?: string } };
      if (res.status === 200) return body;
      // a var it refuses stays refused: say which one now rather than after the timeout
      const message = body.error?.message ?? '';
      if (message.startsWith('server configuration invalid')) throw new ConfigRefused(message);
      last = `${res.status} ${JSON.stringify(body)}`;
    } catch (err) {
      if (err instanceof ConfigRefused) throw err;
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not healthy after ${timeoutMs} ms (last: ${last})`);
}
