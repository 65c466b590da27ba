// `./cogo deploy --env staging|production --dry-run [--plan free|paid] [--config PATH]`
// Builds the Worker bundle exactly as a deploy would (`wrangler deploy --dry-run --outdir`, offline: no
// login, no Cloudflare API token) and checks it before anything is sent: bundle size against the Workers
// limit, every binding EnvSchema needs declared for the environment, every secret named with the command
// that sets it, vars production must not have, and — with DATABASE_URL — the migrations the target
// database has not applied. A real deploy is refused here (it needs the network and a Cloudflare login).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { checkConfig, DEPLOY_ENVS, type ConfigReport, type DeployEnv } from './deploy-check';
import { pendingMigrations } from './deploy-migrations';
import { loadEnvSchema } from './worker-vars';
import { API_CONFIG, ensureAssetsDir, loadWrangler, wranglerBin } from './wrangler';

const MiB = 1024 * 1024;
/** The pinned wrangler from the repository root (it finds wrangler.toml by looking upwards from apps/api). */
const WRANGLER = './cogo --filter @cogo/api exec wrangler';
/** Workers' compressed (gzip) script size limit per plan. */
export const SIZE_LIMITS = { free: 3 * MiB, paid: 10 * MiB } as const;
export type Plan = keyof typeof SIZE_LIMITS;

export interface DryRunOptions {
  env: DeployEnv;
  plan: Plan;
  /** wrangler config; the repository's wrangler.toml unless a test names a copy. */
  config: string;
  /** Target database whose pending migrations are listed; unset: "not checked". */
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

export interface DryRunResult {
  ok: boolean;
  problems: string[];
  report: ConfigReport;
  bundle?: { raw: number; gzip: number; limit: number } | undefined;
  pending?: string[] | undefined;
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / MiB).toFixed(2)} MiB`;

/** Runs `wrangler deploy --dry-run --env <env> --outdir <dir>` with no Cloudflare credentials; rejects with wrangler's output. */
function buildBundle(config: string, env: string, outdir: string): Promise<void> {
  ensureAssetsDir();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' };
  // the dry run must never authenticate or call Cloudflare: take away anything that would let it
  for (const name of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_API_KEY', 'CLOUDFLARE_EMAIL', 'CLOUDFLARE_ACCOUNT_ID']) delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [wranglerBin(), 'deploy', '--dry-run', '--config', config, '--env', env, '--outdir', outdir],
      { cwd: dirname(config), stdio: ['ignore', 'pipe', 'pipe'], env: childEnv },
    );
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`wrangler deploy --dry-run failed (exit ${code}):\n${output.trim().split('\n').slice(-20).join('\n')}`)),
    );
  });
}

/** Raw and gzip size of what would be uploaded: the bundle's modules, not its source maps or README. */
function bundleSize(outdir: string): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.map') && name !== 'README.md') {
        const bytes = readFileSync(path);
        raw += bytes.length;
        gzip += gzipSync(bytes).length;
      }
    }
  };
  walk(outdir);
  return { raw, gzip };
}

/** The dry run: checks config, bundle and (with a database) migrations, prints a report; never deploys. */
export async function runDryRun(options: DryRunOptions): Promise<DryRunResult> {
  const { env, log } = options;
  const wrangler = await loadWrangler();
  const config = wrangler.unstable_readConfig({ config: options.config, env }, { hideWarnings: true });
  const report = checkConfig(config, await loadEnvSchema(), env);
  const problems = [...report.problems];
  log(`deploy dry run: env ${env}, Worker ${config.name ?? '?'}, config ${relative(process.cwd(), options.config) || options.config}`);

  log('bindings:');
  for (const b of report.bindings) log(`  ${b.name.padEnd(14)} ${b.kind.padEnd(15)} ${b.resource}`);

  log(`vars: ${Object.entries(report.vars).map(([k, v]) => `${k}=${v}`).join(', ') || '(none)'}`);

  log(`secrets (not readable offline; set each once per environment, from the repository root):`);
  for (const s of report.secrets) {
    log(`  ${s.name.padEnd(20)} ${s.required ? 'required' : 'optional'}   ${WRANGLER} secret put ${s.name} --env ${env}`);
  }

  const outdir = mkdtempSync(join(tmpdir(), `cogo-deploy-${env}-`));
  let bundle: DryRunResult['bundle'];
  try {
    await buildBundle(options.config, env, outdir);
    const size = bundleSize(outdir);
    const limit = SIZE_LIMITS[options.plan];
    bundle = { ...size, limit };
    const share = ((size.gzip / limit) * 100).toFixed(0);
    log(`bundle: ${kib(size.raw)} raw, ${kib(size.gzip)} gzip — ${share}% of the ${options.plan} plan's ${mib(limit)} gzip limit (--plan ${options.plan === 'free' ? 'paid' : 'free'} for the other)`);
    if (size.gzip > limit) problems.push(`bundle is ${mib(size.gzip)} gzip, over the ${options.plan} plan's ${mib(limit)} limit`);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }

  let pending: string[] | undefined;
  if (!options.databaseUrl) log('migrations: not checked (set DATABASE_URL to the target database to list the pending ones)');
  else {
    try {
      pending = await pendingMigrations(options.databaseUrl);
      log(pending.length ? `migrations pending on the target database (apply with DATABASE_URL=… ./cogo db:migrate):` : 'migrations: none pending');
      for (const tag of pending) log(`  ${tag}`);
    } catch (err) {
      // the driver's message may quote the URL: never print its credentials
      const message = (err instanceof Error ? err.message : String(err)).replace(/postgres(ql)?:\/\/[^\s@]*@/g, 'postgres://***@');
      problems.push(`could not read the migrations of the target database: ${message}`);
    }
  }

  if (problems.length) {
    log(`dry run FAILED for env ${env}:`);
    for (const p of problems) log(`  - ${p}`);
  } else log(`dry run passed for env ${env} (nothing was deployed)`);
  return { ok: problems.length === 0, problems, report, bundle, pending };
}

export interface DeployArgs {
  env: DeployEnv;
  dryRun: boolean;
  plan: Plan;
  config: string;
}

/** Parses `./cogo deploy`'s arguments; throws a usage message. */
export function parseDeployArgs(argv: string[]): DeployArgs {
  let env: string | undefined;
  let plan = 'free';
  let config = API_CONFIG;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s) as [string, string]) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--env') env = value();
    else if (flag === '--plan') plan = value();
    else if (flag === '--config') config = value();
    else if (flag === '--dry-run') dryRun = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!env || !(DEPLOY_ENVS as readonly string[]).includes(env)) throw new Error(`--env must be one of ${DEPLOY_ENVS.join(', ')}`);
  if (!(plan in SIZE_LIMITS)) throw new Error('--plan must be free (3 MiB gzip) or paid (10 MiB gzip)');
  return { env: env as DeployEnv, plan: plan as Plan, config, dryRun };
}

const USAGE = 'usage: ./cogo deploy --env staging|production --dry-run [--plan free|paid] [--config wrangler.toml]';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let args: DeployArgs;
  try {
    args = parseDeployArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`cogo deploy: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(2);
  }
  if (!args.dryRun) {
    console.error(`would run: ${WRANGLER} deploy --env ${args.env}`);
    console.error('cogo deploy: refused: a real deploy needs the network and a Cloudflare login, which this tool does not do; run it with --dry-run (see README "Deploy")');
    process.exit(2);
  }
  const result = await runDryRun({ ...args, databaseUrl: process.env.DATABASE_URL, log: (line) => console.log(line) });
  process.exit(result.ok ? 0 : 1);
}
