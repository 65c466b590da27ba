/**
 * The LLM gateway's added latency (issue 11). Run from the repo root:
 *   ./cogo bench llm-gateway [--pairs 200] [--concurrency 50] [--seconds 10] [--port 8899] [--profile]
 * --profile: a V8 CPU profile of the worker (inspector on port+1) during the concurrent gateway phase, by package and function.
 * One run, one local OpenAI-compatible fake (in a worker thread of this process, fixed ~60-token reply, no pacing),
 * the API frozen under `wrangler dev` (bench/lib/frozen-stack.ts: embedded Postgres in its own process) with the
 * fake as its CHAT_API_BASE provider. Side by side, alternating call by call:
 *   direct  = POST <fake>/v1/chat/completions                    (what a client calling the provider sees)
 *   gateway = POST <api>/llm/completions (API key, rate limit, router-select, circuit, usage row, SSE re-framing)
 * for streaming (first content byte and total) and non-streaming (total). Added latency = gateway − direct of each
 * pair; median and p95 printed. The first gateway call after start-up is reported apart (cold isolate); the rest
 * are warm. The in-process figure comes from the gateway's own `Server-Timing` header (time in the Worker outside
 * the provider call), which excludes the client → wrangler proxy → workerd hops that a loopback measurement adds.
 * Then requests/s at --concurrency clients for --seconds, direct and through the gateway (non-streaming).
 * Goal (issue 11): median added < 2 ms in-process, p95 < 5 ms. Prints figures only.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { printSummary, profileWorker, summarise } from './lib/cpu-profile';
import { startFrozenStack, LIMITS_LIFTED } from './lib/frozen-stack';
import { startOpenAIFakeWorker } from './lib/openai-fake';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const PAIRS = Number(arg('pairs') ?? 200);
const CONCURRENCY = Number(arg('concurrency') ?? 50);
const SECONDS = Number(arg('seconds') ?? 10);
const PORT = Number(arg('port') ?? 8899);
const PROFILE = process.argv.includes('--profile');
const REPLY = 'COGO turns Figma designs into structured product data and keeps code and design in sync, one stream at a time, with every token accounted for and every stream ending right.';
const MESSAGES = [{ role: 'user', content: 'Describe COGO in one sentence.' }];

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

interface Timing {
  status: number;
  firstMs: number;
  totalMs: number;
  serverTiming: string | undefined;
}

/** POSTs JSON; `firstMs` is when the first chunk holding `marker` arrived (streams) or the body ended. */
function post(url: string, headers: Record<string, string>, body: unknown, marker?: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let first = -1;
      res.on('data', (chunk: Buffer) => {
        if (first < 0 && marker && chunk.includes(marker)) first = performance.now() - started;
      });
      res.on('end', () => {
        const total = performance.now() - started;
        resolve({ status: res.statusCode ?? 0, firstMs: first < 0 ? total : first, totalMs: total, serverTiming: res.headers['server-timing'] as string | undefined });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

const startFake = (apiKey: string) => startOpenAIFakeWorker(apiKey, REPLY);

/** `name;dur=x` of a Server-Timing header. */
const timingOf = (header: string | undefined, name: string) => {
  const m = header && new RegExp(`(?:^|,\\s*)${name};dur=([\\d.]+)`).exec(header);
  return m ? Number(m[1]) : NaN;
};

async function main() {
  const apiKey = `sk-bench-${crypto.randomUUID().replaceAll('-', '')}`;
  const fake = await startFake(apiKey);
  const stack = await startFrozenStack({
    port: PORT,
    log: (l) => console.log(l),
    inspectorPort: PORT + 1,
    vars: { ...LIMITS_LIFTED, CHAT_RATE_LIMIT_PER_MIN: '1000000', CHAT_API_BASE: fake.url, CHAT_API_KEY: apiKey, CHAT_PROVIDER_NAME: 'fake-openai', LOG_LEVEL: 'warn' },
  });
  try {
    const direct = (stream: boolean) => post(`${fake.url}/chat/completions`, { authorization: `Bearer ${apiKey}` }, { model: 'gpt-4o-mini', messages: MESSAGES, stream, ...(stream ? { stream_options: { include_usage: true } } : {}) }, stream ? '"content":"COGO' : undefined);
    const gateway = (stream: boolean) => post(`${stack.url}/llm/completions`, { authorization: `Bearer ${stack.apiKey}` }, { messages: MESSAGES, stream }, stream ? 'event: llm.delta' : undefined);

    const cold = await gateway(false);
    if (cold.status !== 200) throw new Error(`gateway answered ${cold.status}`);
    await direct(false);
    for (let i = 0; i < 20; i++) await Promise.all([gateway(i % 2 === 0), direct(i % 2 === 0)]); // warm both paths
    console.log(`\ncold: first gateway call after start-up ${f(cold.totalMs)} ms (non-streaming)`);

    // the floor of any request through this stack (wrangler dev's proxy, workerd, Hono, no guard): GET /livez
    const floor: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => request(`${stack.url}/livez`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end());
      floor.push(performance.now() - started);
    }
    console.log(`floor: GET /livez through the same stack p50 ${f(pct(floor, 50))}  p95 ${f(pct(floor, 95))} ms (what every request pays here before any route work)`);

    for (const stream of [false, true]) {
      const added = { first: [] as number[], total: [] as number[], inProcess: [] as number[], upstream: [] as number[], guard: [] as number[], own: [] as number[] };
      const abs = { direct: [] as number[], gateway: [] as number[] };
      for (let i = 0; i < PAIRS; i++) {
        // alternate which goes first so neither always meets a warmer socket
        const [d, g] = i % 2 === 0 ? [await direct(stream), await gateway(stream)] : (([g2, d2]) => [d2, g2])([await gateway(stream), await direct(stream)]);
        if (d.status !== 200 || g.status !== 200) throw new Error(`status direct ${d.status}, gateway ${g.status}`);
        added.first.push(g.firstMs - d.firstMs);
        added.total.push(g.totalMs - d.totalMs);
        abs.direct.push(d.totalMs);
        abs.gateway.push(g.totalMs);
        const inProc = timingOf(g.serverTiming, 'gateway');
        if (!Number.isNaN(inProc)) added.inProcess.push(inProc);
        const guard = timingOf(g.serverTiming, 'guard');
        if (!Number.isNaN(guard)) added.guard.push(guard);
        if (!Number.isNaN(guard) && !Number.isNaN(inProc)) added.own.push(inProc - guard);
        const up = timingOf(g.serverTiming, 'upstream');
        if (!Number.isNaN(up)) added.upstream.push(up);
      }
      console.log(`\n${stream ? 'streaming' : 'non-streaming'} — ${PAIRS} alternating pairs, warm (ms)`);
      console.log(`  direct total     p50 ${f(pct(abs.direct, 50))}  p95 ${f(pct(abs.direct, 95))}`);
      console.log(`  gateway total    p50 ${f(pct(abs.gateway, 50))}  p95 ${f(pct(abs.gateway, 95))}`);
      if (stream) console.log(`  added 1st token  p50 ${f(pct(added.first, 50))}  p95 ${f(pct(added.first, 95))}`);
      console.log(`  added total      p50 ${f(pct(added.total, 50))}  p95 ${f(pct(added.total, 95))}   (loopback: includes the wrangler proxy hop)`);
      if (added.inProcess.length) console.log(`  added in-process p50 ${f(pct(added.inProcess, 50))}  p95 ${f(pct(added.inProcess, 95))}   (Server-Timing gateway: Worker time outside the provider call)`);
      if (added.guard.length) console.log(`    of which guard p50 ${f(pct(added.guard, 50))}  p95 ${f(pct(added.guard, 95))}   (auth, the project's rate limit: before the handler)`);
      if (added.own.length) console.log(`    the gateway's own p50 ${f(pct(added.own, 50))}  p95 ${f(pct(added.own, 95))}   (router-select, circuit, budget, SDK, usage: the handler minus the provider call; workerd's clock has 1 ms steps)`);
      if (added.upstream.length) console.log(`  provider call    p50 ${f(pct(added.upstream, 50))}  p95 ${f(pct(added.upstream, 95))}   (Server-Timing upstream: as the Worker saw it)`);
    }

    for (const [label, call] of [
      ['direct', () => direct(false)],
      ['gateway', () => gateway(false)],
    ] as const) {
      const profiler = PROFILE && label === 'gateway' ? await profileWorker(PORT + 1) : null;
      const end = performance.now() + SECONDS * 1000;
      const lat: number[] = [];
      let errors = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < end) {
            const t = await call().catch(() => ({ status: 0, totalMs: 0 }) as Timing);
            if (t.status !== 200) errors += 1;
            else lat.push(t.totalMs);
          }
        }),
      );
      if (profiler) printSummary('worker CPU during the gateway phase', summarise(await profiler.stop(), stack.bundle), lat.length);
      console.log(`\n${label} at ${CONCURRENCY} concurrent (non-streaming, ${SECONDS} s): ${f(lat.length / SECONDS)} req/s, p50 ${f(pct(lat, 50))} ms, p95 ${f(pct(lat, 95))} ms, errors ${errors}`);
    }
    console.log('\ngoal (issue 11): added median < 2 ms, p95 < 5 ms in-process; LiteLLM measures 12 ms median');
  } finally {
    await stack.stop();
    await fake.close();
    agent.destroy();
  }
}

await main();
