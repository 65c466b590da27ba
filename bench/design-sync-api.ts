/**
 * design-sync through the API (issue 15): the Worker under `wrangler dev` (a frozen bundle, bench/lib/frozen-stack.ts)
 * with its embedded Postgres, the Figma fake, a Slack fake, the sample Storybook build and a local Chromium.
 * For N = 50 and 200 (`--sizes`) Button-like component pairs, each with 4 drift items (bench/lib/design-sync-api-data.ts):
 *   drift   GET /design-sync/drift — cold (first read after the ingest) and warm (unchanged sides: cached reports)
 *   sync    POST /design-sync/operations code_to_design of all N — components per second
 *   undo    POST /design-sync/undo of that operation
 *   coverage GET /design-sync/coverage
 * and once: a browser session of the sample's 6 stories (POST → 202 latency, initiation_ms, total) and Slack
 * dispatch (a sync_done notification: POST /operations sent, and answered, → the Slack fake received it).
 * Run from the repo root: ./cogo bench design-sync-api [--sizes 50,200] [--port 8795]. Prints figures only.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { startSlackFake } from '../tooling/fakes/src/slack';
import { startChromium } from '../tooling/devstack/src/chromium';
import { startSampleStorybook } from '../tooling/devstack/src/storybook-sample';
import { buttonBuild, buttonFile } from './lib/design-sync-api-data';
import { LIMITS_LIFTED, startFrozenStack } from './lib/frozen-stack';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (arg('sizes') ?? '50,200').split(',').map(Number);
const PORT = Number(arg('port') ?? 8795);

const storybook = await startSampleStorybook();
const slack = await startSlackFake();
const chromium = await startChromium();
const stack = await startFrozenStack({
  port: PORT,
  vars: { ...LIMITS_LIFTED, FIGMA_REQUESTS_PER_MIN: '100000', SLACK_WEBHOOK_BASE: slack.url, BROWSER_CDP_URL: chromium.cdpUrl, OUTBOUND_ALLOWLIST: new URL(storybook.url).host },
  log: (l) => console.error(l),
});

async function call(key: string, method: string, path: string, body?: unknown): Promise<{ ms: number; status: number; json: any }> {
  const t = performance.now();
  const res = await fetch(`${stack.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = await res.json().catch(() => null);
  const ms = performance.now() - t;
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return { ms, status: res.status, json };
}

async function newProject(): Promise<string> {
  const res = await fetch(`${stack.url}/projects`, { method: 'POST', headers: { authorization: `Bearer ${stack.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ slug: `ds-${crypto.randomUUID().slice(0, 8)}`, name: 'bench' }) });
  return ((await res.json()) as { api_key: { key: string } }).api_key.key;
}

/** `cogo extract --apply` in a child process, awaited: the Figma fake lives in this process, so never block it. */
const extract = (fileKey: string, key: string) =>
  promisify(execFile)(process.execPath, ['packages/api-client/bin/cogo.mjs', 'extract', fileKey, '--apply'], { env: { ...process.env, COGO_API_URL: stack.url, COGO_API_KEY: key }, maxBuffer: 64 * 1024 * 1024 });

const f = (ms: number) => ms.toFixed(0).padStart(7);
try {
  console.log('design-sync through the API — wrangler dev (frozen bundle), embedded Postgres, loopback fakes; one client, sequential requests');
  console.log('    N   drift cold   drift warm   sync (ms)   components/s   undo (ms)   coverage first / warm median (ms)   drift items');
  for (const n of SIZES) {
    const key = await newProject();
    const design = buttonFile(n, `COGOBENCHDS${String(n).padStart(4, '0')}`);
    await fetch(`${stack.figmaUrl}/__fake/files/${design.fileKey}`, { method: 'PUT', body: design.file });
    await extract(design.fileKey, key);
    const ingest = await call(key, 'POST', '/design-sync/registry', buttonBuild(design));
    if (ingest.json.mappings.inserted !== n) throw new Error(`expected ${n} Code Connect mappings, got ${JSON.stringify(ingest.json.mappings)} ${JSON.stringify(ingest.json.warnings.slice(0, 3))}`);
    const cold = await call(key, 'GET', '/design-sync/drift');
    const warm = await call(key, 'GET', '/design-sync/drift');
    if (warm.json.counts.cached !== n) throw new Error(`warm drift: ${JSON.stringify(warm.json.counts)}`);
    const op = await call(key, 'POST', '/design-sync/operations', { direction: 'code_to_design' });
    if (op.json.counts.applied !== n) throw new Error(`sync: ${JSON.stringify(op.json.counts)}`);
    const undo = await call(key, 'POST', '/design-sync/undo', { operation_id: op.json.id });
    const covs: number[] = [];
    for (let i = 0; i < 8; i++) covs.push((await call(key, 'GET', '/design-sync/coverage')).ms);
    const covWarm = covs.slice(1).sort((a, b) => a - b)[3]!; // the median of the seven after the first
    console.log(`${String(n).padStart(5)}   ${f(cold.ms)}      ${f(warm.ms)}      ${f(op.ms)}     ${(n / (op.ms / 1000)).toFixed(0).padStart(8)}       ${f(undo.ms)}     ${f(covs[0]!)} / ${f(covWarm).trim()}    ${cold.json.counts.items}`);
  }

  // a browser session of the sample build's 6 stories
  const key = await newProject();
  await call(key, 'POST', '/design-sync/registry', { index: await (await fetch(`${storybook.url}/index.json`)).json() });
  await call(key, 'POST', '/design-sync/credentials', { kind: 'storybook', value: storybook.url });
  const sessions: Array<{ post: number; init: number; total: number }> = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const started = await call(key, 'POST', '/design-sync/browser-session', {});
    const post = performance.now() - t;
    let s = started.json;
    while (s.status === 'queued' || s.status === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      s = (await call(key, 'GET', `/design-sync/browser-session/${s.id}`)).json;
    }
    if (s.status !== 'done') throw new Error(`session ${s.status}: ${s.error}`);
    sessions.push({ post, init: s.initiation_ms, total: performance.now() - t });
  }
  console.log(`\nbrowser session, 6 stories (2 at a time), 3 runs: POST answered ${sessions.map((s) => s.post.toFixed(0)).join(' / ')} ms; initiation_ms ${sessions.map((s) => s.init).join(' / ')} (seed: < 3 s); request → done ${sessions.map((s) => s.total.toFixed(0)).join(' / ')} ms`);

  // Slack dispatch: each sync_done notified at once
  const hook = slack.createWebhook();
  const lat: number[] = [];
  const dispatch: number[] = [];
  const nk = await newProject();
  for (const k of [nk]) {
    await call(k, 'POST', '/design-sync/credentials', { kind: 'slack', value: hook.url });
    await call(k, 'PUT', '/design-sync/notifications', { categories: { sync_done: 'immediate' } });
    for (let i = 0; i < 5; i++) {
      const design = buttonFile(1, `COGOBENCHSL${i}`);
      await fetch(`${stack.figmaUrl}/__fake/files/${design.fileKey}`, { method: 'PUT', body: design.file });
      await extract(design.fileKey, k);
      const build = buttonBuild(design) as { index: { entries: Record<string, { title: string }> }; docgen: Array<{ displayName: string }>; code_connect: Array<{ component: string }> };
      // a distinct component name per round: each sync is a new operation
      for (const e of Object.values(build.index.entries)) e.title = `Components/Round${i}Button`;
      build.index.entries = Object.fromEntries(Object.entries(build.index.entries).map(([id, e]) => [id.replace('button1', `round${i}button`), { ...e, id: id.replace('button1', `round${i}button`) }]));
      build.docgen[0]!.displayName = `Round${i}Button`;
      build.code_connect[0]!.component = `Round${i}Button`;
      await call(k, 'POST', '/design-sync/registry', build);
      const before = slack.posts().length;
      const t = performance.now();
      await call(k, 'POST', '/design-sync/operations', { direction: 'code_to_design' });
      const answered = performance.now();
      while (slack.posts().length === before) await new Promise((r) => setTimeout(r, 5));
      lat.push(performance.now() - t);
      dispatch.push(performance.now() - answered);
    }
  }
  console.log(`Slack dispatch, sync_done immediate, 5 syncs: POST /operations sent → Slack fake received ${lat.map((x) => x.toFixed(0)).join(' / ')} ms (includes the sync); answered → received ${dispatch.map((x) => x.toFixed(0)).join(' / ')} ms (seed: p95 < 500 ms)`);
} finally {
  await stack.stop();
  await chromium.close();
  await slack.close();
  await storybook.close();
}
