/**
 * deriveTokens in workerd (the API's runtime), cold and warm, for bench/tokens.ts:
 *   node --import tsx bench/lib/tokens-workerd.ts <fixture.json | --generate N> [--cold K] [--warm W] [--profile]
 * Each cold sample is a fresh `wrangler dev` (a new isolate): the input is sent first (POST /prepare), then one
 * POST /derive is timed; the next W calls in that isolate are warm. A call's time is its round trip less the
 * median round trip of /noop (workerd's clocks stand still while code runs, so the time is read by the client).
 * Prints one `@@workerd {json}` line. `--profile`: one more isolate, its cold call under the CPU profiler (not
 * counted in the figures), summed by phase (bench/lib/tokens-profile.ts) on `@@profile` lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../tooling/devstack/src/ports';
import { startWranglerDev } from '../../tooling/devstack/src/wrangler';
import { profileWorker } from './cpu-profile';
import { printTokensProfile, tokensProfile } from './tokens-profile';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const COLD = Number(arg('cold') ?? 3);
const WARM = Number(arg('warm') ?? 10);
const generate = arg('generate');
const body = generate ? undefined : readFileSync(process.argv[2]!, 'utf8');
const ENTRY = fileURLToPath(new URL('./tokens-worker.ts', import.meta.url));

async function timed(url: string, init?: RequestInit): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', ...init });
  await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One fresh isolate: its cold call and WARM warm ones; with `profile`, the cold call is profiled and printed instead. */
async function isolate(profile = false): Promise<{ cold: number; warm: number[]; noop: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-tokens-'));
  const config = join(dir, 'wrangler.toml');
  writeFileSync(config, `name = "cogo-tokens-bench"\nmain = ${JSON.stringify(ENTRY)}\ncompatibility_date = "2026-11-01"\ncompatibility_flags = ["nodejs_compat"]\n`);
  const port = await freePort();
  const inspectorPort = profile ? await freePort() : undefined;
  const dev = startWranglerDev({ config, port, vars: {}, stateDir: dir, ...(inspectorPort ? { inspectorPort } : {}) });
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        if ((await fetch(`${dev.url}/noop`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('wrangler dev did not answer in 90 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const noops: number[] = [];
    for (let i = 0; i < 15; i++) noops.push(await timed(`${dev.url}/noop`));
    const noop = median(noops);
    await timed(`${dev.url}/prepare${generate ? `?generate=${generate}` : ''}`, body ? { body, headers: { 'content-type': 'application/json' } } : {});
    const profiler = inspectorPort ? await profileWorker(inspectorPort, 100) : undefined;
    const cold = (await timed(`${dev.url}/derive`)) - noop;
    if (profiler) {
      printTokensProfile(tokensProfile(await profiler.stop()), cold, (line) => console.log(`@@profile ${line}`));
      return { cold, warm: [], noop };
    }
    const warm: number[] = [];
    for (let i = 0; i < WARM; i++) warm.push((await timed(`${dev.url}/derive`)) - noop);
    return { cold, warm, noop };
  } finally {
    await dev.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = [];
for (let i = 0; i < COLD; i++) runs.push(await isolate());
if (process.argv.includes('--profile')) await isolate(true);
console.log('@@workerd ' + JSON.stringify({ cold: runs.map((r) => r.cold), warm: runs.flatMap((r) => r.warm), noop: runs.map((r) => r.noop) }));
