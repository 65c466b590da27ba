/**
 * The API under load (issue 10), two scenarios side by side on one frozen stack. Run from the repo root:
 *   ./cogo bench load [--json-clients 20] [--stream-clients 200] [--jobs 10] [--seconds 30]
 *                         [--stages 5s:100%,30s:100%,5s:0%] [--nodes 20000] [--latency-ms 20] [--port 8897]
 *                         [--json-only] [--profile] [--heap-profile] [--settle 60] [--database-url postgres://… (or TEST_DATABASE_URL)]
 *                         [--max-heap-mib 128] [--no-peer] [--chunk-slots N (FIGMA_CHUNK_SLOTS)]
 *                         [--var NAME=VALUE …(any other Worker var)]
 * --profile: CPU profiles of the worker (its inspector on port+1) and of this process during each scenario, summarised
 * by package and function (bench/lib/cpu-profile.ts); --heap-profile: where the worker's live heap was allocated in
 * scenario 2, sampled every 2 s and printed at its highest (bench/lib/heap-profile.ts); --json-only: scenario 1 alone.
 * Bundles the API once and runs it under `wrangler dev` (bench/lib/frozen-stack.ts, embedded Postgres, fakes).
 *   1. json: N clients, each cycling ten non-streaming GET routes (keep-alive, one request at a time);
 *   2. json+sse: the same N JSON clients plus M SSE clients following J live figma-context jobs (M/J stream
 *      calls on each job: the first becomes its producer, the rest follow), each reconnecting with the closing
 *      `next_cursor` (or its last event id) as `cogo extract` does. A job that ends inside the window is
 *      replaced by a new one, so streams stay live for the whole window.
 * Stages are k6-style `duration:target`, target a percentage of the clients of each kind (default: ramp up over
 * 5 s, hold --seconds, ramp down over 5 s); a client is active while its index is below the target.
 * Warm/cold: both scenarios run on a warm isolate (setup ran a job and every route once); in 2 every job is a
 * Figma-cache miss (FIGMA_VERSION_CACHE=false), i.e. cold extraction work.
 * Per scenario: requests/s, p50/p95/p99 of non-streaming latency, error rate (non-2xx/3xx or network error),
 * per-route p95 and errors; streams: events lost/duplicated against each job's full log (read again from
 * cursor 0 once the job ended), time to first event; workerd (worker) VmRSS at start/peak/end; CPU (% of one
 * core) of the worker and proxy workerd and of this process, which also hosts the embedded Postgres and the fakes
 * (a worker far below 100 % while latencies climb means the time goes waiting, not computing).
 * Every isolate runs under a V8 heap cap (--max-heap-mib, default 128: the Workers limit; 0 lifts it), and wrangler's
 * local trace collector is off (tooling/devstack/src/wrangler.ts: `wranglerEnv`). The RSS goal gets a peer in the same
 * run (bench/lib/hello-peer.ts, skipped by --no-peer): a hello-world Worker under the same wrangler dev and environment,
 * called as many times by as many clients as the JSON routes were, and measured the same way.
 * Loopback only; every loop is bounded by the stages' end. Prints figures only.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { generateLargeFile } from '@cogo/fakes';
import { parseSse } from '../packages/api-client/src/sse';
import { runApiJob } from './lib/api-job';
import { printSummary, profileSelf, profileWorker, summarise, workerHeapAfterGc } from './lib/cpu-profile';
import { printHeapSummary, sampleWorkerHeap, type HeapProfileSummary } from './lib/heap-profile';
import { startFrozenStack, type FrozenStack, LIMITS_LIFTED } from './lib/frozen-stack';
import { helloWorldRss, type PeerRss } from './lib/hello-peer';
import { cpuSeconds, findWorkerd, rssOf } from './lib/rss';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const JSON_CLIENTS = Number(arg('json-clients') ?? 20);
const STREAM_CLIENTS = Number(arg('stream-clients') ?? 200);
const JOBS = Math.max(1, Number(arg('jobs') ?? 10));
const SECONDS = Number(arg('seconds') ?? 30);
const NODES = Number(arg('nodes') ?? 20000);
const LATENCY_MS = Number(arg('latency-ms') ?? 20);
const PORT = Number(arg('port') ?? 8897);
/** CPU profiles of the worker and of this process during scenario 1, summarised after the table. */
const PROFILE = process.argv.includes('--profile');
/**
 * Where the worker's live heap was allocated during scenario 2, at the highest of samples taken every 2 s, each after
 * a forced full GC (so only what is live counts; the GCs themselves slow the scenario: a diagnosis, not a figure).
 */
const HEAP_PROFILE = process.argv.includes('--heap-profile');
/** Seconds after the load before workerd's RSS is compared with its idle figure (goal: within 50 MiB after 60 s). */
const SETTLE_S = Number(arg('settle') ?? 60);
const ONLY_JSON = process.argv.includes('--json-only');
/** A server Postgres instead of the embedded one (migrated first), so the embedded database's share shows. */
const DATABASE_URL = arg('database-url') ?? process.env.TEST_DATABASE_URL;
/** V8 heap cap of every isolate in MiB (Workers have 128); 0: none. */
const MAX_HEAP_MIB = Number(arg('max-heap-mib') ?? 128);
const PEER = !process.argv.includes('--no-peer');
/** FIGMA_CHUNK_SLOTS of the worker: chunks its isolate fetches and compacts at once (unset: the API's default). */
const CHUNK_SLOTS = arg('chunk-slots');
/** --var NAME=VALUE (repeatable): any other Worker var, e.g. FIGMA_MAX_RESPONSE_BYTES, printed with the figures. */
const EXTRA_VARS = Object.fromEntries(
  process.argv.flatMap((a, i) => (process.argv[i - 1] === '--var' && /^[A-Z][A-Z0-9_]*=/.test(a) ? [[a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]] : [])),
) as Record<string, string>;

interface Stage {
  ms: number;
  /** 0..1 of the clients of each kind */
  target: number;
}
function parseStages(text: string): Stage[] {
  return text.split(',').map((s) => {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m)?:(\d+(?:\.\d+)?)%?$/.exec(s.trim());
    if (!m) throw new Error(`bad stage "${s}": want <duration>:<percent>, e.g. 30s:100%`);
    const unit = m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000;
    return { ms: Number(m[1]) * unit, target: Math.min(1, Number(m[3]) / 100) };
  });
}
const STAGES = parseStages(arg('stages') ?? `5s:100%,${SECONDS}s:100%,5s:0%`);
const TOTAL_MS = STAGES.reduce((a, s) => a + s.ms, 0);

/** The share of clients wanted `t` ms into the run: linear within each stage, from the previous target (k6's ramping-vus). */
function targetAt(t: number): number {
  let from = 0;
  for (const s of STAGES) {
    if (t < s.ms) return from + (s.target - from) * (t / s.ms);
    t -= s.ms;
    from = s.target;
  }
  return 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

interface Answer {
  status: number;
  body: string;
}
/** One request on the keep-alive agent; the body read whole. */
function call(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN);
const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);

interface RouteStats {
  latencies: number[];
  errors: number;
  statuses: Record<string, number>;
}

interface StreamStats {
  calls: number;
  callErrors: number;
  /** non-2xx stream answers and network errors by status (`ERR`) */
  callStatuses: Record<string, number>;
  jobStartErrors: number;
  /** per client: start of its first call → its first event with an id */
  firstEvent: number[];
  lost: number;
  duplicated: number;
  eventsSeen: number;
  jobsStarted: number;
  jobsChecked: number;
}

interface ScenarioResult {
  name: string;
  seconds: number;
  routes: Map<string, RouteStats>;
  streams: StreamStats | null;
  rss: { start: number; peak: number; end: number };
  /** CPU of this process as % of one core: the clients, and the embedded Postgres, its WebSocket proxy and the fakes, which run in it */
  clientCpu: number;
  /** CPU of the worker and the proxy workerd, % of one core over the scenario */
  workerCpu: number;
  proxyCpu: number;
  /** CPU of the database process (PGlite and its WebSocket proxy), % of one core */
  dbCpu: number;
  /** The embedded database over the scenario (null for a server Postgres) */
  db: { connections: number; statements: number; turns: number; busyMs: number; waits: number[] } | null;
  /** The worker's workerd was gone at the scenario's end: its runtime crashed (wrangler starts a new one). */
  workerLost: boolean;
}

async function main(): Promise<void> {
  const stack: FrozenStack = await startFrozenStack({
    port: PORT,
    // every request comes from 127.0.0.1: the per-IP and per-project limits would measure themselves
    vars: {
      ...LIMITS_LIFTED,
      FIGMA_VERSION_CACHE: 'false',
      LOG_LEVEL: 'warn',
      ...(CHUNK_SLOTS ? { FIGMA_CHUNK_SLOTS: CHUNK_SLOTS } : {}),
      ...EXTRA_VARS,
    },
    log: (l) => console.error(l),
    // the worker's inspector: CPU profiles (--profile) and its heap after the load
    inspectorPort: PORT + 1,
    databaseUrl: DATABASE_URL,
    maxHeapMiB: MAX_HEAP_MIB,
  });
  try {
    const procs = findWorkerd(stack.wrangler.child.pid!, PORT);
    const worker = procs.find((p) => p.role === 'worker');
    if (!worker) throw new Error(`no worker workerd under wrangler (found ${JSON.stringify(procs)})`);
    const proxyPid = procs.find((p) => p.role === 'proxy')?.pid;
    const idleRss = rssOf(worker.pid)?.rss ?? Number.NaN;
    const auth = { authorization: `Bearer ${stack.apiKey}`, 'content-type': 'application/json' };

    // the jobs' file, and a done job for the job-reading routes
    const fileKey = `BENCHLOADGEN${NODES}`;
    await fetch(`${stack.figmaUrl}/__fake/files/${fileKey}`, { method: 'PUT', body: JSON.stringify({ ...generateLargeFile({ nodes: NODES, seed: 7 }), version: '1' }) }).then(async (r) => {
      if (!r.ok) throw new Error(`fake PUT file: ${r.status} ${await r.text()}`);
    });
    console.error('setup: one job to completion…');
    const setup = await runApiJob(stack.url, stack.apiKey, { fileKey });
    const doneJob = setup.start.job_id;
    if (!doneJob || setup.terminal !== 'done') throw new Error(`setup job did not finish: ${setup.terminal}`);
    const setupJobS = (setup.totalMs / 1000).toFixed(1);
    if (LATENCY_MS > 0) {
      await fetch(`${stack.figmaUrl}/__fake/faults`, { method: 'PUT', body: JSON.stringify([{ fault: { kind: 'latency', ms: LATENCY_MS }, times: null }]) }).then((r) => r.arrayBuffer());
    }

    const routes: Array<[string, string]> = [
      ['GET /livez', '/livez'],
      ['GET /healthz', '/healthz'],
      ['GET /projects/current', '/projects/current'],
      ['GET /keys', '/keys'],
      ['GET /pages', '/pages?limit=20'],
      ['GET /jobs/{id}', `/jobs/${doneJob}`],
      ['GET /vault/secrets', '/vault/secrets'],
      ['GET /figma-context/status', `/figma-context/status?job_id=${doneJob}`],
      ['GET /figma-context/context', `/figma-context/context?job_id=${doneJob}&max_bytes=16384`],
      ['GET /metrics/overview', '/metrics/overview?window=5m'],
    ];
    // warm-up: every route once, so neither scenario pays first-call compilation
    for (const [name, path] of routes) {
      const a = await call(stack.url, 'GET', path, auth);
      if (a.status >= 400) console.error(`warning: ${name} answers ${a.status} ${a.body.slice(0, 160)}`);
    }

    const profiles: Array<() => void> = [];
    const run = async (name: string, withStreams: boolean, profile = false, heapProfile = false): Promise<ScenarioResult> => {
      const profilers = profile ? await Promise.all([profileWorker(PORT + 1), profileSelf()]) : null;
      const heapSampler = heapProfile ? await heapPeak(PORT + 1, stack.bundle) : null;
      const stats = new Map<string, RouteStats>(routes.map(([n]) => [n, { latencies: [], errors: 0, statuses: {} }]));
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const worker0 = cpuSeconds(worker.pid);
      const proxy0 = cpuSeconds(proxyPid);
      const end = t0 + TOTAL_MS;
      const active = (i: number, n: number) => i < Math.round(targetAt(performance.now() - t0) * n);
      const db0 = await stack.dbStats();
      const dbCpu0 = cpuSeconds(stack.dbPid);
      const startRss = rssOf(worker.pid)?.rss ?? Number.NaN;
      let peak = startRss;
      const sampler = setInterval(() => {
        const r = rssOf(worker.pid)?.rss;
        if (r !== undefined && r > peak) peak = r;
      }, 250);

      const jsonClient = async (i: number) => {
        let k = i % routes.length; // clients start on different routes
        while (performance.now() < end) {
          if (!active(i, JSON_CLIENTS)) {
            await sleep(50);
            continue;
          }
          const [routeName, path] = routes[k++ % routes.length]!;
          const s = stats.get(routeName)!;
          const t = performance.now();
          let status: string;
          try {
            status = String((await call(stack.url, 'GET', path, auth)).status);
          } catch {
            status = 'ERR';
          }
          s.latencies.push(performance.now() - t);
          s.statuses[status] = (s.statuses[status] ?? 0) + 1;
          if (status === 'ERR' || Number(status) >= 400) s.errors++;
        }
      };

      let streams: StreamStats | null = null;
      const streamWork: Array<Promise<void>> = [];
      if (withStreams) {
        const st: StreamStats = { calls: 0, callErrors: 0, callStatuses: {}, jobStartErrors: 0, firstEvent: [], lost: 0, duplicated: 0, eventsSeen: 0, jobsStarted: 0, jobsChecked: 0 };
        streams = st;
        /** job id → every follower's ids, to compare with the job's full log once it ended */
        const seen = new Map<string, number[][]>();
        const slots: Array<Promise<string | null>> = [];
        const startJob = async (): Promise<string | null> => {
          try {
            const a = await call(stack.url, 'POST', '/figma-context/start', auth, JSON.stringify({ file_key: fileKey }));
            const id = (JSON.parse(a.body) as { job_id?: string }).job_id ?? null;
            if (id) st.jobsStarted++;
            else st.jobStartErrors++;
            if (!id) console.error(`start: ${a.status} ${a.body.slice(0, 160)}`);
            return id;
          } catch {
            st.jobStartErrors++;
            return null;
          }
        };
        for (let j = 0; j < JOBS; j++) slots.push(startJob());
        /** ended jobs already replaced: the slot's followers all see the end, only the first starts a new job */
        const replaced = new Set<string>();
        /** slot j's job ended: it gets a new one, synchronously, so a second follower finds the new promise */
        const replace = (j: number, ended: string) => {
          if (replaced.has(ended)) return;
          replaced.add(ended);
          slots[j] = startJob();
        };

        const follow = async (i: number, jobId: string, until: () => boolean): Promise<'ended' | 'stopped'> => {
          const ids: number[] = [];
          (seen.get(jobId) ?? seen.set(jobId, []).get(jobId)!).push(ids);
          let cursor = '0';
          let firstAt = Number.NaN;
          const callStart = performance.now();
          for (let calls = 0; calls < 1000; calls++) {
            if (!until() || performance.now() >= end) return 'stopped';
            st.calls++;
            const abort = new AbortController();
            let next: string | null = null;
            let terminal = false;
            try {
              const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
                const req = request(`${stack.url}/figma-context/stream`, { method: 'POST', headers: { ...auth, accept: 'text/event-stream', ...(cursor !== '0' ? { 'last-event-id': cursor } : {}) }, agent, signal: abort.signal }, resolve);
                req.on('error', reject);
                req.end(JSON.stringify({ job_id: jobId, cursor }));
              });
              if ((res.statusCode ?? 0) >= 300) {
                st.callErrors++;
                st.callStatuses[String(res.statusCode)] = (st.callStatuses[String(res.statusCode)] ?? 0) + 1;
                res.resume();
                await sleep(250);
                continue;
              }
              const stop = setInterval(() => {
                if (!until() || performance.now() >= end) abort.abort();
              }, 200);
              try {
                for await (const frame of parseSse(Readable.toWeb(res) as ReadableStream<Uint8Array>)) {
                  if (frame.id && !frame.idInherited) {
                    ids.push(Number(frame.id));
                    cursor = frame.id;
                    st.eventsSeen++;
                    if (Number.isNaN(firstAt)) {
                      firstAt = performance.now() - callStart;
                      st.firstEvent.push(firstAt);
                    }
                  }
                  if (frame.event === 'progress') next = (JSON.parse(frame.data) as { next_cursor?: string | null }).next_cursor ?? next;
                  if (frame.event === 'done' || frame.event === 'error') terminal = true;
                  if (terminal) break;
                }
              } finally {
                clearInterval(stop);
                abort.abort();
              }
            } catch {
              if (!until() || performance.now() >= end) return 'stopped';
              st.callErrors++;
              st.callStatuses.ERR = (st.callStatuses.ERR ?? 0) + 1;
              await sleep(250);
            }
            if (terminal) return 'ended';
            if (next) cursor = next;
          }
          return 'stopped';
        };

        for (let i = 0; i < STREAM_CLIENTS; i++) {
          streamWork.push(
            (async () => {
              const j = i % JOBS;
              while (performance.now() < end) {
                if (!active(i, STREAM_CLIENTS)) {
                  await sleep(100);
                  continue;
                }
                const slot = slots[j]!;
                const jobId = await slot;
                if (!jobId) {
                  // a failed start is retried once per slot, by the first follower to see it
                  if (slots[j] === slot) slots[j] = sleep(500).then(startJob);
                  continue;
                }
                const how = await follow(i, jobId, () => active(i, STREAM_CLIENTS));
                if (how === 'ended') replace(j, jobId);
              }
            })(),
          );
        }
        // once the window is over: each job's full log from cursor 0 (the job may still run: then the
        // log read now is compared up to what each follower got)
        streamWork.push(
          (async () => {
            await sleep(TOTAL_MS);
            await Promise.all(streamWork.slice(0, -1));
            for (const [jobId, lists] of seen) {
              const full = await fullLog(stack, auth, jobId);
              if (!full) continue;
              st.jobsChecked++;
              for (const ids of lists) {
                const set = new Set<number>();
                for (const id of ids) {
                  if (set.has(id)) st.duplicated++;
                  set.add(id);
                }
                const max = ids.length ? Math.max(...ids) : -1;
                for (const id of full) if (id <= max && !set.has(id)) st.lost++;
              }
            }
          })(),
        );
      }

      await Promise.all([...Array.from({ length: JSON_CLIENTS }, (_, i) => jsonClient(i)), ...streamWork.slice(0, -1)]);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const workerCpu = (100 * (cpuSeconds(worker.pid) - worker0)) / seconds;
      const proxyCpu = (100 * (cpuSeconds(proxyPid) - proxy0)) / seconds;
      clearInterval(sampler);
      const db1 = await stack.dbStats();
      const dbCpu = (100 * (cpuSeconds(stack.dbPid) - dbCpu0)) / seconds;
      const db =
        db0 && db1
          ? {
              connections: db1.connections - db0.connections,
              statements: db1.statements - db0.statements,
              turns: db1.turns - db0.turns,
              busyMs: db1.busyMs - db0.busyMs,
              waits: db1.waits.slice(db0.waits.length >= 100_000 ? 0 : db0.waits.length).sort((a, b) => a - b),
            }
          : null;
      const endSample = rssOf(worker.pid);
      const endRss = endSample?.rss ?? Number.NaN;
      if (!endSample) console.error(`the worker's workerd (pid ${worker.pid}) is gone: its runtime crashed during ${name}`);
      await streamWork.at(-1);
      if (heapSampler) {
        const peak = await heapSampler.stop();
        profiles.push(() => {
          if (!peak) return console.log(`\nheap profile (${name}): no sample`);
          printHeapSummary(`worker heap at its highest sample in ${name} (${peak.usedMiB.toFixed(0)} MiB live, ${peak.at.toFixed(0)} s in)`, peak.summary, 25);
          console.log(`live heap every 2 s (MiB): ${peak.series.map((x) => x.toFixed(0)).join(' ')}`);
        });
      }
      if (profilers) {
        const [w, self] = await Promise.all(profilers.map((p) => p.stop()));
        const dir = mkdtempSync(join(tmpdir(), 'cogo-profile-'));
        writeFileSync(join(dir, 'worker.cpuprofile'), JSON.stringify(w));
        writeFileSync(join(dir, 'bench.cpuprofile'), JSON.stringify(self));
        const n = [...stats.values()].reduce((a, s) => a + s.latencies.length, 0);
        profiles.push(() => {
          printSummary(`worker CPU profile (${name}, ${n} requests)`, summarise(w!, stack.bundle), n);
          printSummary(`bench process CPU profile (${name}: clients and fakes; the database runs in its own process)`, summarise(self!), n);
          console.log(`\nprofiles: ${dir}/worker.cpuprofile, ${dir}/bench.cpuprofile (open in Chrome DevTools)`);
        });
      }
      return { name, seconds, routes: stats, streams, rss: { start: startRss, peak: Math.max(peak, endRss), end: endRss }, clientCpu: (100 * (cpu.user + cpu.system)) / 1e6 / seconds, workerCpu, proxyCpu, dbCpu, db, workerLost: !endSample };
    };

    console.error(`scenario 1 (json): ${JSON_CLIENTS} clients, stages ${arg('stages') ?? `5s:100%,${SECONDS}s:100%,5s:0%`}`);
    const r1 = await run('json', false, PROFILE);
    const results = [r1];
    if (!ONLY_JSON) {
      await sleep(3000);
      console.error(`scenario 2 (json+sse): ${JSON_CLIENTS} JSON + ${STREAM_CLIENTS} SSE clients on ${JOBS} jobs`);
      results.push(await run('json+sse', true, PROFILE, HEAP_PROFILE));
    }
    console.error(`settling ${SETTLE_S} s for the RSS verdict…`);
    await sleep(SETTLE_S * 1000);
    const settledRss = rssOf(worker.pid)?.rss ?? Number.NaN;
    // what of it is the isolate's heap (our objects and caches) and what the process keeps besides
    const heap = results.some((r) => r.workerLost) ? null : await workerHeapAfterGc(PORT + 1).catch(() => null);
    const afterGcRss = rssOf(worker.pid)?.rss ?? Number.NaN;
    const jsonRequests = results.reduce((a, r) => a + [...r.routes.values()].reduce((b, x) => b + x.latencies.length, 0), 0);
    if (PEER) console.error(`RSS peer: a hello-world Worker, ${jsonRequests} requests from ${JSON_CLIENTS} clients, then ${SETTLE_S} s…`);
    const peer = PEER
      ? await helloWorldRss({ requests: jsonRequests, clients: JSON_CLIENTS, settleS: SETTLE_S, maxHeapMiB: MAX_HEAP_MIB, get: (base, path) => call(base, 'GET', path, {}) })
      : null;
    print(results, worker.pid, setupJobS);
    console.log(
      `\nafter the load + ${SETTLE_S} s: workerd RSS ${settledRss} MiB; isolate heap after a full GC ${heap ? `${heap.usedMiB} MiB used of ${heap.totalMiB} MiB` : 'n/a'}; RSS after that GC ${afterGcRss} MiB (idle before the load: ${idleRss} MiB)`,
    );
    if (peer) {
      console.log(
        `RSS peer, a hello-world Worker under the same wrangler dev (${peer.requests} requests in ${peer.seconds.toFixed(1)} s): workerd RSS idle ${peer.idle} → end ${peer.end} → ${SETTLE_S} s after ${peer.settled} MiB (+${peer.settled - peer.idle} MiB)`,
      );
    }
    verdict(results, idleRss, settledRss, peer);
    for (const p of profiles) p();
  } finally {
    agent.destroy();
    await stack.stop();
  }
}

/**
 * Samples the worker's allocations and, every 2 s, its live heap (after a full GC); the sampling profile is kept from
 * the moment the live heap was highest. `stop()` returns that summary (null if no sample came back).
 */
async function heapPeak(port: number, bundle: string) {
  // the sampler's inspector session answers the heap readings too
  const sampler = await sampleWorkerHeap(port, bundle);
  const t0 = performance.now();
  const series: number[] = [];
  let best: { usedMiB: number; at: number; summary: HeapProfileSummary } | null = null;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const usedMiB = await sampler.usedMiB(true);
      series.push(usedMiB);
      if (!best || usedMiB > best.usedMiB) best = { usedMiB, at: (performance.now() - t0) / 1000, summary: await sampler.take() };
    })()
      .catch((e: Error) => console.error(`heap sample: ${e.message}`))
      .finally(() => (busy = false));
  }, 2000);
  return {
    stop: async () => {
      clearInterval(timer);
      while (busy) await sleep(50);
      await sampler.stop();
      return best ? { ...(best as { usedMiB: number; at: number; summary: HeapProfileSummary }), series } : null;
    },
  };
}

/** Every logged event id of the job, read from cursor 0 on fresh calls until `done`/`error` or the live edge. */
async function fullLog(stack: FrozenStack, auth: Record<string, string>, jobId: string): Promise<number[] | null> {
  const ids: number[] = [];
  let cursor = '0';
  for (let calls = 0; calls < 50; calls++) {
    const res = await fetch(`${stack.url}/figma-context/stream`, { method: 'POST', headers: auth, body: JSON.stringify({ job_id: jobId, cursor }) });
    if (!res.ok || !res.body) return ids.length ? ids : null;
    let next: string | null = null;
    let terminal = false;
    const abort = setTimeout(() => void res.body?.cancel().catch(() => {}), 20_000);
    try {
      for await (const frame of parseSse(res.body)) {
        if (frame.id && !frame.idInherited) {
          ids.push(Number(frame.id));
          cursor = frame.id;
        }
        if (frame.event === 'progress') next = (JSON.parse(frame.data) as { next_cursor?: string | null }).next_cursor ?? next;
        if (frame.event === 'done' || frame.event === 'error') terminal = true;
        if (terminal) break;
      }
    } catch {
      // cancelled at the live edge: what was read is the log so far
      return ids;
    } finally {
      clearTimeout(abort);
    }
    if (terminal) return ids;
    if (next) cursor = next;
    else return ids;
  }
  return ids;
}

/** The issue's goals, each with the measured figure and PASS/FAIL. */
function verdict(results: ScenarioResult[], idleRss: number, settledRss: number, peer: PeerRss | null): void {
  const lat = (r: ScenarioResult) => [...r.routes.values()].flatMap((x) => x.latencies).sort((a, b) => a - b);
  const errs = (r: ScenarioResult) => [...r.routes.values()].reduce((a, x) => a + x.errors, 0);
  const lines: Array<[string, boolean, string]> = [];
  const json = results.find((r) => r.name === 'json');
  if (json) {
    const l = lat(json);
    const rps = l.length / json.seconds;
    lines.push([`JSON routes, ${JSON_CLIENTS} clients: >= 300 req/s`, rps >= 300, `${rps.toFixed(1)} req/s`]);
    lines.push([`JSON routes, ${JSON_CLIENTS} clients: p95 < 100 ms`, pct(l, 95) < 100, ms(pct(l, 95))]);
  }
  const mixed = results.find((r) => r.name === 'json+sse');
  if (mixed?.streams) {
    const l = lat(mixed);
    const health = mixed.routes.get('GET /healthz')!;
    const unhealthy = Object.entries(health.statuses).filter(([k]) => k !== '200').reduce((a, [, c]) => a + c, 0);
    lines.push([`+${STREAM_CLIENTS} SSE followers: non-streaming p95 < 300 ms`, pct(l, 95) < 300, ms(pct(l, 95))]);
    lines.push([`+${STREAM_CLIENTS} SSE followers: p99 < 1 s`, pct(l, 99) < 1000, ms(pct(l, 99))]);
    const e = errs(mixed) + mixed.streams.callErrors + mixed.streams.jobStartErrors;
    lines.push([`+${STREAM_CLIENTS} SSE followers: 0 errors`, e === 0, String(e)]);
    lines.push(['/healthz 200 every time', unhealthy === 0 && health.latencies.length > 0, `${health.latencies.length - unhealthy}/${health.latencies.length}`]);
    lines.push(['every stream gap-free (no event lost or repeated)', mixed.streams.lost === 0 && mixed.streams.duplicated === 0 && mixed.streams.jobsChecked > 0, `${mixed.streams.lost} lost, ${mixed.streams.duplicated} repeated over ${mixed.streams.jobsChecked} jobs`]);
  }
  const lost = results.filter((r) => r.workerLost).map((r) => r.name);
  lines.push(["the worker's runtime never crashed", lost.length === 0, lost.length ? `gone during ${lost.join(', ')}` : 'same workerd throughout']);
  lines.push([`workerd RSS within 50 MiB of idle ${SETTLE_S} s after the load`, settledRss - idleRss <= 50, `idle ${idleRss} MiB, after ${settledRss} MiB (+${settledRss - idleRss})${peer ? `; the hello-world peer +${peer.settled - peer.idle} MiB` : ''}`]);
  console.log('\n| goal (issue 10) | verdict | measured |');
  console.log('|---|---|---|');
  for (const [goal, ok, got] of lines) console.log(`| ${goal} | ${ok ? 'PASS' : 'FAIL'} | ${got} |`);
}

function print(results: ScenarioResult[], pid: number, setupJobS: string): void {
  console.log(`load: ${JSON_CLIENTS} JSON clients, ${STREAM_CLIENTS} SSE clients on ${JOBS} jobs (generated ${NODES}-node file, Figma fake +${LATENCY_MS} ms), stages ${STAGES.map((s) => `${s.ms / 1000}s:${Math.round(s.target * 100)}%`).join(',')}`);
  console.log(`database: ${DATABASE_URL ? 'server Postgres (DATABASE_URL)' : 'embedded PGlite'}`);
  console.log(`V8 heap cap per isolate: ${MAX_HEAP_MIB > 0 ? `${MAX_HEAP_MIB} MiB` : 'none'}; FIGMA_CHUNK_SLOTS ${CHUNK_SLOTS ?? 'default'};${Object.entries(EXTRA_VARS).map(([k, v]) => ` ${k}=${v};`).join('')} wrangler's local trace collector ${process.env.X_LOCAL_OBSERVABILITY === 'true' ? 'on' : 'off'}. warm: isolate and every route (setup job ${setupJobS} s, one call per route before scenario 1); cold: every job in scenario 2 (Figma version cache off). workerd worker pid ${pid}, VmRSS MiB`);
  console.log('');
  console.log(`| figure | ${results.map((r) => r.name).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---').join('|')}|`);
  const row = (label: string, f: (r: ScenarioResult) => string) => console.log(`| ${label} | ${results.map(f).join(' | ')} |`);
  const all = (r: ScenarioResult) => [...r.routes.values()].flatMap((s) => s.latencies).sort((a, b) => a - b);
  const errors = (r: ScenarioResult) => [...r.routes.values()].reduce((a, s) => a + s.errors, 0);
  row('JSON requests', (r) => String(all(r).length));
  row('requests/s', (r) => (all(r).length / r.seconds).toFixed(1));
  row('p50 / p95 / p99', (r) => {
    const l = all(r);
    return `${ms(pct(l, 50))} / ${ms(pct(l, 95))} / ${ms(pct(l, 99))}`;
  });
  row('error rate', (r) => `${((100 * errors(r)) / Math.max(1, all(r).length)).toFixed(2)} % (${errors(r)})`);
  for (const name of results[0]!.routes.keys()) {
    row(`p95 ${name}`, (r) => {
      const s = r.routes.get(name)!;
      const bad = Object.entries(s.statuses).filter(([k]) => k === 'ERR' || Number(k) >= 400);
      return `${ms(pct([...s.latencies].sort((a, b) => a - b), 95))}${bad.length ? ` (${bad.map(([k, c]) => `${k}×${c}`).join(' ')})` : ''}`;
    });
  }
  row('stream calls (errors)', (r) => {
    if (!r.streams) return '-';
    const bad = Object.entries(r.streams.callStatuses).map(([k, c]) => `${k}×${c}`).join(' ');
    return `${r.streams.calls} (${r.streams.callErrors}${bad ? `: ${bad}` : ''})`;
  });
  row('jobs started / start errors / logs checked', (r) => (r.streams ? `${r.streams.jobsStarted} / ${r.streams.jobStartErrors} / ${r.streams.jobsChecked}` : '-'));
  row('events seen', (r) => (r.streams ? String(r.streams.eventsSeen) : '-'));
  row('events lost / duplicated', (r) => (r.streams ? `${r.streams.lost} / ${r.streams.duplicated}` : '-'));
  row('first event p50 / p95 (per client × job)', (r) => {
    if (!r.streams) return '-';
    const f = [...r.streams.firstEvent].sort((a, b) => a - b);
    return `${ms(pct(f, 50))} / ${ms(pct(f, 95))}`;
  });
  row('workerd RSS start / peak / end', (r) => `${r.rss.start} / ${r.rss.peak} / ${r.rss.end}`);
  row('CPU % of a core: worker / proxy workerd / database process / bench (clients + fakes)', (r) => `${r.workerCpu.toFixed(0)} / ${r.proxyCpu.toFixed(0)} / ${r.dbCpu.toFixed(0)} / ${r.clientCpu.toFixed(0)}`);
  const perReq = (r: ScenarioResult, n: number) => (n / Math.max(1, all(r).length + (r.streams?.calls ?? 0))).toFixed(1);
  row('Postgres wire connections / statements / session turns per request (streams count as requests; a statement over HTTP is a turn with its tenant scope, no connection)', (r) => (r.db ? `${perReq(r, r.db.connections)} / ${perReq(r, r.db.statements)} / ${perReq(r, r.db.turns)}` : 'server Postgres'));
  row('PGlite busy (% of wall) / wait for the session p50 / p95 / max', (r) =>
    r.db ? `${((100 * r.db.busyMs) / 1000 / r.seconds).toFixed(0)} % / ${ms(pct(r.db.waits, 50))} / ${ms(pct(r.db.waits, 95))} / ${ms(r.db.waits.at(-1) ?? Number.NaN)}` : '-',
  );
  row('seconds', (r) => r.seconds.toFixed(1));
}

await main();
