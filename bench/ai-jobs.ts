/**
 * AI plugin jobs (issue 16, seed 004) through the API: the Worker under `wrangler dev` (a frozen bundle,
 * bench/lib/frozen-stack.ts) with its queue consumer as wrangler runs it locally, embedded Postgres, and the
 * OpenAI-compatible fake (its own answers: the offline layer namer and design editor) answering every call after
 * --latency-ms (default 1000: "a fake that takes 1 s per call").
 *   1. rename 50 layers: POST /api/rename-layers → completed (seen by polling GET /api/jobs/{id} every 50 ms),
 *      wall time; the first job after start-up (cold isolate) and --runs warm ones. Side by side, alternating run by
 *      run, the peer: seed 004's own plan (5 batches of 10, Promise.all) called directly on the same fake from this
 *      process — the floor the model's latency sets. Seed 004's current server (one call per layer, serial) would
 *      take 50 × the latency; its target is < 45 s, this issue's goal < 6 s.
 *   2. load: --users simulated plugin users (default 200, each its own JWT subject, so each has its own per-user
 *      limits) for --seconds (default 60): each starts a job (70 % rename of 10–50 layers, 20 % generate-edits,
 *      10 % generate-images; heavy ones only while under 3 a minute), polls it every --poll-ms (default 5000, as
 *      seed 004's plugin does) until it ends, thinks 6 s (so renames stay under 10 a minute) and starts the next.
 *      Reports error rate (non-2xx answers, failed jobs, network errors), p50/p95/p99 of job completion — on the
 *      server (the job's created_at → completed_at) and as the user saw it (POST → the poll that saw it done) — and
 *      of the polling route, jobs/s, and the fake's calls/s. Jobs still running when the window ends are counted as
 *      unfinished, not errors.
 *      Where the time went during the load: CPU (% of one core) of the worker's workerd, wrangler's proxy workerd, the
 *      database process and this process (clients + the fake's thread); the embedded database's statements per job
 *      and poll, its busy share and how long each turn waited for its one session; --profile adds a V8 CPU profile of
 *      the worker (through wrangler's inspector), summarised by package and function (bench/lib/cpu-profile.ts).
 * Run from the repo root: ./cogo bench ai-jobs [--latency-ms 1000] [--runs 3] [--users 200] [--seconds 60] [--poll-ms 5000] [--port 8899] [--profile]
 * Loopback only. Prints figures only.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printSummary, profileWorker, summarise } from './lib/cpu-profile';
import { LIMITS_LIFTED, startFrozenStack } from './lib/frozen-stack';
import { startOpenAIFakeWorker } from './lib/openai-fake';
import { cpuSeconds, findWorkerd } from './lib/rss';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const LATENCY_MS = Number(arg('latency-ms', '1000'));
const RUNS = Number(arg('runs', '3'));
const USERS = Number(arg('users', '200'));
const SECONDS = Number(arg('seconds', '60'));
const PORT = Number(arg('port', '8899'));
const POLL_MS = Number(arg('poll-ms', '5000'));
const PROFILE = process.argv.includes('--profile');
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : Number.NaN;
};
const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function http(url: string, method: string, token: string, body?: unknown): Promise<{ status: number; json: any; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode ?? 0, json, ms: performance.now() - started });
      });
    });
    req.on('error', () => resolve({ status: 0, json: null, ms: performance.now() - started }));
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
function jwt(secret: string, claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(createHmac('sha256', secret).update(`${head}.${body}`).digest())}`;
}

function layers(n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => {
    const base = { id: `${seed}:${i}`, name: `Frame ${i}`, path: `Screen ${seed}/Section ${Math.floor(i / 10)}` };
    return i % 3 === 0 ? { ...base, type: 'TEXT', text: `Label ${i} of ${seed}` } : i % 3 === 1 ? { ...base, type: 'FRAME', children_summary: 'icon, text' } : { ...base, type: 'RECTANGLE' };
  });
}

const apiKey = `sk-bench-${crypto.randomUUID().replaceAll('-', '')}`;
const jwtSecret = crypto.randomUUID() + crypto.randomUUID();
const fake = await startOpenAIFakeWorker(apiKey);
const fakeOrigin = fake.url.replace(/\/v1$/, '');
await fetch(`${fakeOrigin}/__fake/faults`, { method: 'PUT', body: JSON.stringify([{ fault: { kind: 'latency', ms: LATENCY_MS }, times: null }]) });
const stack = await startFrozenStack({
  port: PORT,
  log: (l) => console.error(l),
  inspectorPort: PROFILE ? PORT + 1 : undefined,
  vars: { ...LIMITS_LIFTED, CHAT_API_BASE: fake.url, CHAT_API_KEY: apiKey, CHAT_PROVIDER_NAME: 'fake-openai', JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn', LLM_TIMEOUT_MS: String(LATENCY_MS + 30_000) },
});
const callsSoFar = async () => ((await (await fetch(`${fakeOrigin}/__fake/requests?path=/v1/`)).json()) as Array<{ path: string }>).length;

/** POST a job and poll it to its end; answers the wall time and the end state. */
async function runJob(token: string, path: string, body: unknown, pollEveryMs: number, deadline = Number.POSITIVE_INFINITY, polls?: number[]) {
  const started = performance.now();
  const created = await http(`${stack.url}${path}`, 'POST', token, body);
  if (created.status !== 202) return { ok: false as const, status: created.status, ms: performance.now() - started, error: JSON.stringify(created.json).slice(0, 200), finished: true };
  for (;;) {
    await sleep(pollEveryMs);
    const p = await http(`${stack.url}/api/jobs/${created.json.job_id}`, 'GET', token);
    polls?.push(p.ms);
    if (p.status !== 200) return { ok: false as const, status: p.status, ms: performance.now() - started, error: `poll ${p.status}`, finished: true };
    if (p.json.status === 'completed') return { ok: true as const, status: 200, ms: performance.now() - started, job: p.json, finished: true };
    if (p.json.status === 'failed' || p.json.status === 'cancelled') return { ok: false as const, status: 200, ms: performance.now() - started, error: JSON.stringify(p.json.error), finished: true };
    if (performance.now() > deadline) return { ok: true as const, status: 200, ms: performance.now() - started, job: p.json, finished: false };
  }
}

/** Seed 004's plan, called directly on the fake: 5 batches of 10 layers at once. */
async function seedPlan(n: number): Promise<number> {
  const started = performance.now();
  const all = layers(n, 99);
  const batches = Array.from({ length: Math.ceil(n / 10) }, (_, i) => all.slice(i * 10, i * 10 + 10));
  await Promise.all(
    batches.map((batch) =>
      http(`${fake.url}/chat/completions`, 'POST', apiKey, {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `Name these.\n\`\`\`json\n${JSON.stringify(batch)}\n\`\`\`` }],
        response_format: { type: 'json_schema', json_schema: { name: 'layer_names', schema: { type: 'object' } } },
      }),
    ),
  );
  return performance.now() - started;
}

try {
  const project = (await http(`${stack.url}/projects/current`, 'GET', stack.apiKey)).json as { id: string };
  console.log(`AI plugin jobs — wrangler dev (frozen bundle) with its local queue consumer, embedded Postgres, OpenAI fake answering after ${LATENCY_MS} ms`);

  // 1. rename 50 layers, cold then warm, alternating with the seed's plan on the same fake
  console.log('\n1. rename 50 layers (5 batches of 10, at most 5 calls at once), POST → completed by polling every 50 ms');
  console.log('   run      COGO (ms)   seed plan direct on the fake (ms)   calls');
  for (let run = 0; run <= RUNS; run++) {
    const before = await callsSoFar();
    const token = jwt(jwtSecret, { sub: `bench-${run}`, project_id: project.id, exp: Math.floor(Date.now() / 1000) + 3600 });
    const cogo = await runJob(token, '/api/rename-layers', { layers: layers(50, run) }, 50);
    if (!cogo.ok) throw new Error(`rename failed: ${cogo.error}`);
    const calls = (await callsSoFar()) - before;
    const peer = await seedPlan(50);
    console.log(`   ${run === 0 ? 'cold' : `warm ${run}`}   ${f(cogo.ms).padStart(9)}   ${f(peer).padStart(33)}   ${String(calls).padStart(5)}`);
  }
  console.log(`   seed 004's current server (50 serial calls) ≈ ${f((50 * LATENCY_MS) / 1000, 1)} s at this latency; seed target < 45 s; goal < 6 s`);

  // 2. load: USERS plugin users for SECONDS
  console.log(`\n2. load: ${USERS} plugin users for ${SECONDS} s (70 % rename 10–50 layers, 20 % generate-edits, 10 % generate-images; poll every ${POLL_MS / 1000} s; think 6 s)`);
  const completion: Record<string, number[]> = { 'rename-layers': [], 'generate-edits': [], 'generate-images': [] };
  const seen: Record<string, number[]> = { 'rename-layers': [], 'generate-edits': [], 'generate-images': [] };
  const polls: number[] = [];
  let errors = 0;
  let unfinished = 0;
  const errorSamples: string[] = [];
  const callsBefore = await callsSoFar();
  const procs = findWorkerd(stack.wrangler.child.pid!, PORT);
  const cpuPids = { worker: procs.find((p) => p.role === 'worker')?.pid, proxy: procs.find((p) => p.role === 'proxy')?.pid, database: stack.dbPid };
  const cpu0 = Object.fromEntries(Object.entries(cpuPids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const self0 = process.cpuUsage();
  const db0 = await stack.dbStats();
  const profiler = PROFILE ? await profileWorker(PORT + 1) : null;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      const token = jwt(jwtSecret, { sub: `user-${u}`, project_id: project.id, exp: Math.floor(Date.now() / 1000) + 3600 });
      const heavy: number[] = [];
      await sleep((u / USERS) * 5_000); // users arrive over 5 s
      let seq = 0;
      while (performance.now() < end) {
        const r = Math.random();
        const heavyOk = heavy.filter((t) => t > performance.now() - 60_000).length < 3;
        const kind = r < 0.7 || !heavyOk ? 'rename-layers' : r < 0.9 ? 'generate-edits' : 'generate-images';
        if (kind !== 'rename-layers') heavy.push(performance.now());
        const body =
          kind === 'rename-layers'
            ? { layers: layers(10 + Math.floor(Math.random() * 41), u * 1000 + seq++) }
            : kind === 'generate-edits'
              ? { prompt: 'Tighten the spacing', selection: layers(5, u).map((l) => ({ id: l.id, name: l.name, type: l.type, ...(l.text ? { text: l.text } : {}) })), variants: 2 }
              : { prompt: 'A friendly empty-state illustration', n: 1, size: '256x256' };
        const result = await runJob(token, `/api/${kind}`, body, POLL_MS, end + 30_000, polls);
        if (!result.ok) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`${kind}: ${result.status} ${result.error}`);
        } else if (!result.finished) unfinished += 1;
        else {
          seen[kind]!.push(result.ms);
          completion[kind]!.push(Date.parse(result.job.completed_at) - Date.parse(result.job.created_at));
        }
        await sleep(6_000);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const profile = await profiler?.stop();
  const cpu = Object.fromEntries(Object.entries(cpuPids).map(([k, pid]) => [k, (100 * (cpuSeconds(pid) - cpu0[k]!)) / elapsed]));
  const self = process.cpuUsage(self0);
  const db1 = await stack.dbStats();
  const jobs = Object.values(completion).reduce((s, xs) => s + xs.length, 0);
  const fakeCalls = (await callsSoFar()) - callsBefore;
  console.log(`   jobs completed ${jobs} (${f(jobs / elapsed, 1)}/s), failed or refused ${errors}, unfinished at the end ${unfinished}; model calls ${fakeCalls} (${f(fakeCalls / elapsed, 1)}/s)`);
  console.log(`   error rate: ${f((100 * errors) / Math.max(1, jobs + errors + unfinished), 2)} % of jobs (goal < 1 %)`);
  console.log('   job completion (ms)        n    server: p50       p95       p99    seen by the user: p50       p95       p99');
  for (const [kind, xs] of Object.entries(completion)) {
    const ys = seen[kind]!;
    console.log(`   ${kind.padEnd(20)} ${String(xs.length).padStart(7)} ${f(pct(xs, 50)).padStart(14)} ${f(pct(xs, 95)).padStart(9)} ${f(pct(xs, 99)).padStart(9)} ${f(pct(ys, 50)).padStart(24)} ${f(pct(ys, 95)).padStart(9)} ${f(pct(ys, 99)).padStart(9)}`);
  }
  console.log(`   GET /api/jobs/{id} (ms)  ${String(polls.length).padStart(7)} ${f(pct(polls, 50)).padStart(9)} ${f(pct(polls, 95)).padStart(9)} ${f(pct(polls, 99)).padStart(9)}   (goal p95 < 300)`);
  if (errorSamples.length) console.log(`   errors, first ${errorSamples.length}: ${errorSamples.join(' | ')}`);
  console.log(`   CPU % of a core: worker ${f(cpu.worker!)} / proxy workerd ${f(cpu.proxy!)} / database process ${f(cpu.database!)} / bench (users + fake) ${f((100 * (self.user + self.system)) / 1e6 / elapsed)}`);
  if (db0 && db1) {
    const since = (a: number[], b: number[]) => b.slice(a.length >= 100_000 ? 0 : a.length).sort((x, y) => x - y);
    const waits = since(db0.waits, db1.waits);
    const holds = since(db0.holds, db1.holds);
    const statements = db1.statements - db0.statements;
    console.log(
      `   embedded database: ${statements} statements (${f(statements / Math.max(1, jobs), 1)} a job, polls included), ${db1.turns - db0.turns} turns, busy ${f((100 * (db1.busyMs - db0.busyMs)) / (elapsed * 1000))} % of wall; held ${f((100 * (db1.heldMs - db0.heldMs)) / (elapsed * 1000))} %; a turn waited p50 / p95 / max ${f(pct(waits, 50), 1)} / ${f(pct(waits, 95), 1)} / ${f(waits.at(-1) ?? Number.NaN, 1)} ms and held the session p50 / p95 / max ${f(pct(holds, 50), 1)} / ${f(pct(holds, 95), 1)} / ${f(holds.at(-1) ?? Number.NaN, 1)} ms`,
    );
  }
  if (profile) {
    const dir = mkdtempSync(join(tmpdir(), 'cogo-profile-'));
    writeFileSync(join(dir, 'worker.cpuprofile'), JSON.stringify(profile));
    printSummary(`worker CPU profile (load, ${jobs} jobs, ${polls.length} polls; ms per job)`, summarise(profile, stack.bundle), jobs);
    console.log(`\nprofile: ${dir}/worker.cpuprofile (open in Chrome DevTools)`);
  }
} finally {
  await stack.stop();
  await fake.close();
  agent.destroy();
}
