/**
 * The dashboard's (apps/web) load budget, Lighthouse-style, on the local build: the API Worker under `wrangler dev`
 * (a frozen bundle) serving the static export at /app, Debian's Chromium driven by playwright-core.
 *   - first load: bytes of JavaScript, CSS and HTML the sign-in page fetches — cold (an empty cache) — gzipped as
 *     Cloudflare's edge sends static assets (wrangler dev sends them uncompressed; that figure is printed too);
 *   - time to interactive: navigation start → the page answers input (a key typed into the form enables its button,
 *     which only React's hydrated handlers do) — cold (a new browser context each run: nothing cached) and warm (the
 *     same context again: HTTP cache and compiled code kept), median and worst of --runs each, alternating.
 * Budgets (printed PASS/FAIL): first-load JavaScript ≤ 250 KB gzipped, time to interactive ≤ 1,500 ms cold.
 * Run from the repo root: ./cogo bench web [--runs 10] [--port 8896]. Prints figures only.
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromiumPath } from '../tooling/devstack/src/chromium';
import { buildDashboard } from '../tooling/devstack/src/dashboard';
import { chromium, type BrowserContext } from 'playwright-core';
import { startFrozenStack } from './lib/frozen-stack';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('runs', '10'));
const PORT = Number(arg('port', '8896'));
const ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUDGET = { jsBytes: 250 * 1024, ttiMs: 1_500 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Load {
  ttiMs: number;
  /** Bytes fetched by kind, as wrangler dev sends them (uncompressed), and gzipped as Cloudflare's edge sends them. */
  bytes: Record<string, number>;
  gzipped: Record<string, number>;
}

/** One load of /app/ in `context`: time to interactive and bytes by resource kind. */
async function load(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  const bytes: Record<string, number> = { script: 0, css: 0, document: 0, other: 0 };
  const gzipped: Record<string, number> = { script: 0, css: 0, document: 0, other: 0 };
  const reads: Array<Promise<void>> = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    const kind = type === 'script' ? 'script' : type === 'stylesheet' ? 'css' : type === 'document' ? 'document' : 'other';
    reads.push(
      res.body().then(
        (body) => {
          bytes[kind] = (bytes[kind] ?? 0) + body.length;
          gzipped[kind] = (gzipped[kind] ?? 0) + gzipSync(body).length;
        },
        () => {},
      ),
    );
  });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const input = page.getByLabel('Project API key');
  const button = page.getByRole('button', { name: 'Sign in' });
  await input.waitFor();
  // interactive once typing enables the button: React's handlers are attached
  for (;;) {
    await input.fill('k');
    if (await button.isEnabled()) break;
    await input.fill('');
    await page.waitForTimeout(5);
  }
  const ttiMs = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  await Promise.all(reads);
  await page.close();
  return { ttiMs, bytes, gzipped };
}

async function main() {
  buildDashboard((l) => console.log(l));
  const stack = await startFrozenStack({ port: PORT, log: (l) => console.log(l) });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
  const url = `${stack.url}/app/`;
  try {
    const cold: Load[] = [];
    const warm: number[] = [];
    const warmContext = await browser.newContext();
    await load(warmContext, url); // fills its cache
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      cold.push(await load(context, url));
      await context.close();
      warm.push((await load(warmContext, url)).ttiMs);
    }
    await warmContext.close();
    const first = cold[0]!.bytes;
    const gz = cold[0]!.gzipped;
    const total = Object.values(first).reduce((a, b) => a + b, 0);
    const totalGz = Object.values(gz).reduce((a, b) => a + b, 0);
    const ttiCold = cold.map((c) => c.ttiMs);
    console.log(`\ndashboard /app/ (sign-in page), ${RUNS} runs each, cold and warm alternating`);
    console.log(`first load, gzipped (as the edge sends it): JavaScript ${kb(gz.script!)}, CSS ${kb(gz.css!)}, HTML ${kb(gz.document!)}, other ${kb(gz.other!)} — ${kb(totalGz)} in all`);
    console.log(`first load, uncompressed (as wrangler dev sends it): JavaScript ${kb(first.script!)} — ${kb(total)} in all`);
    console.log(`time to interactive, cold: median ${median(ttiCold).toFixed(0)} ms, worst ${Math.max(...ttiCold).toFixed(0)} ms`);
    console.log(`time to interactive, warm: median ${median(warm).toFixed(0)} ms, worst ${Math.max(...warm).toFixed(0)} ms`);
    console.log(`budget: first-load JavaScript gzipped ≤ ${kb(BUDGET.jsBytes)}: ${gz.script! <= BUDGET.jsBytes ? 'PASS' : 'FAIL'}; time to interactive cold ≤ ${BUDGET.ttiMs} ms: ${median(ttiCold) <= BUDGET.ttiMs ? 'PASS' : 'FAIL'}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
