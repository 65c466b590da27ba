// `./cogo deploy --dry-run` as CI runs it (through `./cogo test`): it passes on this repository's
// wrangler.toml for staging and production, fails naming a binding an environment lacks, refuses vars
// production must not have, and lists the migrations a target database has not applied.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalDatabase } from './database';
import { checkConfig } from './deploy-check';
import { localMigrations, pendingMigrations } from './deploy-migrations';
import { parseDeployArgs, runDryRun, SIZE_LIMITS } from './deploy';
import { loadEnvSchema } from './worker-vars';
import { API_CONFIG, loadWrangler } from './wrangler';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of wrangler.toml in a temporary folder, edited by `edit`; `main` and the assets directory made absolute so the copy still builds. */
function configCopy(edit: (toml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-deploy-test-'));
  dirs.push(dir);
  const toml = readFileSync(API_CONFIG, 'utf8')
    .replace(/^main = "(.+)"$/m, (_, main: string) => `main = ${JSON.stringify(join(API_CONFIG, '..', main))}`)
    .replace(/^directory = "(.+)"$/m, (_, dir: string) => `directory = ${JSON.stringify(join(API_CONFIG, '..', dir))}`);
  const path = join(dir, 'wrangler.toml');
  writeFileSync(path, edit(toml));
  return path;
}

describe('./cogo deploy --dry-run', () => {
  for (const env of ['staging', 'production'] as const) {
    it(`passes for ${env}: bundle within the free plan's gzip limit, every binding declared, secrets named`, async () => {
      const lines: string[] = [];
      const result = await runDryRun({ env, plan: 'free', config: API_CONFIG, log: (l) => lines.push(l) });
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.bundle!.gzip).toBeGreaterThan(10_000);
      expect(result.bundle!.gzip).toBeLessThan(SIZE_LIMITS.free);
      expect(result.report.bindings.map((b) => b.name).sort()).toEqual(
        ['AI_JOBS_QUEUE', 'ARTIFACTS', 'BROWSER_QUEUE', 'EMBED_QUEUE', 'EVENTS_QUEUE', 'FIGMA_CACHE', 'FIGMA_PACER', 'IDEMPOTENCY', 'JOB_CURSOR', 'NONCE_STORE', 'NOTIFY_QUEUE', 'PROJECT_GATE', 'PROJECT_UPDATES', 'PROVIDER_CIRCUIT', 'RATE_LIMITER', 'SPEND_METER', 'UPLOADS'],
      );
      expect(result.report.bindings.find((b) => b.name === 'PROJECT_UPDATES')!.resource).toBe(`cogo-project-updates-${env}`);
      expect(result.report.bindings.find((b) => b.name === 'EMBED_QUEUE')!.resource).toBe(`cogo-embed-${env}`);
      expect(result.report.bindings.find((b) => b.name === 'NOTIFY_QUEUE')!.resource).toBe(`cogo-notify-${env}`);
      expect(result.report.bindings.find((b) => b.name === 'BROWSER_QUEUE')!.resource).toBe(`cogo-browser-${env}`);
      expect(result.report.bindings.find((b) => b.name === 'AI_JOBS_QUEUE')!.resource).toBe(`cogo-ai-jobs-${env}`);
      // per-environment resources: nothing of production is shared with staging
      expect(result.report.bindings.find((b) => b.name === 'UPLOADS')!.resource).toBe(`cogo-uploads-${env}`);
      const output = lines.join('\n');
      expect(output).toContain(`wrangler secret put DATABASE_URL --env ${env}`);
      expect(output).toMatch(/DATABASE_URL\s+required/);
      expect(output).toMatch(/bundle: .* KiB gzip — \d+% of the free plan's 3\.00 MiB gzip limit/);
      expect(output).toContain('migrations: not checked');
      expect(output).toContain(`dry run passed for env ${env}`);
    });
  }

  it('fails naming the binding and the environment when one is missing', async () => {
    const config = configCopy((toml) =>
      toml.replace('[[env.production.r2_buckets]]\nbinding = "ARTIFACTS"\nbucket_name = "cogo-artifacts-production"\n', ''),
    );
    const lines: string[] = [];
    const result = await runDryRun({ env: 'production', plan: 'free', config, log: (l) => lines.push(l) });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^binding ARTIFACTS \(R2 bucket\) is not declared for env production/)]);
    expect(lines.join('\n')).toContain('dry run FAILED for env production');
    // the other environment of the same copy is untouched
    expect((await runDryRun({ env: 'staging', plan: 'free', config, log: () => {} })).ok).toBe(true);
  });

  it('refuses vars production must not have and secrets written as vars', async () => {
    const config = configCopy((toml) =>
      toml.replace('[env.production.vars]\nENVIRONMENT = "production"\n', '[env.production.vars]\nENVIRONMENT = "production"\nEDGE_AUTH_OPTIONAL = "true"\nJWT_SECRET = "x"\n'),
    );
    const resolved = (await loadWrangler()).unstable_readConfig({ config, env: 'production' }, { hideWarnings: true });
    const { problems } = checkConfig(resolved, await loadEnvSchema(), 'production');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('var EDGE_AUTH_OPTIONAL=true is refused in [env.production]'),
        expect.stringContaining('JWT_SECRET is a secret and must not be in [env.production].vars'),
      ]),
    );
  });

  it('gives the embedding queue EMBED_QUEUE_MAX_RETRIES retries and its dead-letter queue in every environment', async () => {
    const { EMBED_QUEUE_MAX_RETRIES } = (await import(new URL('../../../apps/api/src/modules/rag/rag-embed-queue.ts', import.meta.url).href)) as { EMBED_QUEUE_MAX_RETRIES: number };
    const wrangler = await loadWrangler();
    for (const env of [undefined, 'test', 'staging', 'production']) {
      const config = wrangler.unstable_readConfig({ config: API_CONFIG, ...(env ? { env } : {}) }, { hideWarnings: true });
      const suffix = env === 'staging' || env === 'production' ? `-${env}` : '';
      const consumers = (config.queues.consumers ?? []) as Array<{ queue: string; max_retries?: number; dead_letter_queue?: string }>;
      expect(consumers.find((c) => c.queue === `cogo-embed${suffix}`), String(env)).toMatchObject({ max_retries: EMBED_QUEUE_MAX_RETRIES, dead_letter_queue: `cogo-embed-dlq${suffix}` });
      expect(consumers.some((c) => c.queue === `cogo-embed-dlq${suffix}`), String(env)).toBe(true);
    }
  });

  it('lists the migrations the target database has not applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogo-deploy-db-'));
    dirs.push(dir);
    const db = await startLocalDatabase({ dataDir: join(dir, 'pglite') }); // migrated on start
    try {
      expect(await pendingMigrations(db.url)).toEqual([]);
      const { createDb } = await import('@cogo/db');
      const { ws } = await import('@cogo/db/node');
      const handle = createDb({ url: db.url, wsProxy: db.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
      await handle.pool.query('delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)');
      await handle.close();
      const all = localMigrations();
      expect(await pendingMigrations(db.url)).toEqual([all.at(-1)!.tag]);
    } finally {
      await db.stop();
    }
  });

  it('refuses a real deploy and unknown environments at the argument level', () => {
    expect(parseDeployArgs(['--env', 'staging']).dryRun).toBe(false);
    expect(parseDeployArgs(['--env=production', '--dry-run', '--plan', 'paid'])).toMatchObject({ env: 'production', dryRun: true, plan: 'paid' });
    expect(() => parseDeployArgs(['--env', 'prod', '--dry-run'])).toThrow('--env must be one of staging, production');
    expect(() => parseDeployArgs(['--env', 'staging', '--plan', 'gold'])).toThrow('--plan must be free');
  });
});
