/**
 * The design chat's own cost (issue 14: "time to first ui.preview and total, with a fake provider at realistic token
 * pacing; the orchestration's own overhead (total minus provider time) median < 50 ms"). Run from the repo root:
 *   ./cogo bench chat-design [--runs 20] [--tokens-per-second 50] [--rag-limit 6] [--port 8896]
 * One stack: the API frozen under `wrangler dev` (bench/lib/frozen-stack.ts: embedded Postgres in its own process)
 * with one OpenAI-compatible fake (a worker thread of this process) as both its chat and its embedding provider. The
 * fake answers every chat completion with the same model reply — a cogo_ui_json landing page (bench/lib/chat-design-
 * page.ts: navbar, hero, features, pricing, cta; 43 components, ~1,800 tokens) streamed at --tokens-per-second
 * (bench/lib/openai-paced.ts; calibrated on the first direct call). The project first gets a design library and
 * knowledge through the API: the Figma fake's sample file extracted (its components stored), its variables derived
 * (tokens stored) and a dozen product documents upserted into RAG (embedded by the fake).
 * Side by side, alternating call by call (and which goes first, pair by pair):
 *   design = POST <api>/chat/design { prompt, rag: { limit } }: meta, rag.item…, llm.delta…, llm.done, ui.preview, done
 *   direct = POST <fake>/v1/chat/completions, stream: the same reply asked from the provider itself
 * Per design call (client clock): time to the first `ui.preview` and to the end of the stream; provider time =
 * done.timings.llm_ms (the gateway's own latency_ms) + the query's embedding call (its usage row's latency_ms, read
 * from GET /metrics/trace/{traceId} after the runs); overhead = total − provider time; and per pair design total −
 * direct total. The first call of each (cold isolate, first stream) is reported apart.
 * The transport floor: before each design call, GET <api>/livez (no guards, no database) on the same connection pool —
 * what any answer of this stack costs to get through wrangler dev's proxy and this process's client, with nothing of
 * the orchestration in it; the overhead is printed with and without it. Prints figures only.
 */
import { Agent, request } from 'node:http';
import { SAMPLE_FILE_KEY } from '@cogo/fakes';
import { FigmaPageCollector } from '../packages/api-client/src/figma-collect';
import type { FigmaStreamEvent } from '../packages/api-client/src/figma-types';
import { runApiJob } from './lib/api-job';
import { componentCount, landingPage } from './lib/chat-design-page';
import { LIMITS_LIFTED, startFrozenStack } from './lib/frozen-stack';
import { pacingOf, startPacedOpenAIFake } from './lib/openai-paced';
import { postTimed, type TimedStream } from './lib/sse-timed';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const RUNS = Number(arg('runs') ?? 20);
const TPS = Number(arg('tokens-per-second') ?? 50);
const RAG_LIMIT = Number(arg('rag-limit') ?? 6);
const PORT = Number(arg('port') ?? 8896);
const PROMPT = 'Generate a landing page for Acme Cloud with a hero, features, pricing and a call to action';

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

const pct = (xs: number[], p: number) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const row = (label: string, xs: number[], note = '') => console.log(`  ${label.padEnd(34)} p50 ${f(pct(xs, 50)).padStart(8)}  p95 ${f(pct(xs, 95)).padStart(8)} ms${note ? `   ${note}` : ''}`);

/** What the product knows: documents the turn's retrieval finds beside the design index. */
const DOCUMENTS = [
  ['pricing', 'Acme Cloud pricing', 'Starter is free for one store and 10k visits a month. Growth costs 49 euros a month for three stores, 500k visits, analytics and email support. Scale costs 299 euros a month with unlimited stores, an SLA of 99.99 % and a dedicated engineer.'],
  ['edge', 'The edge network', 'Acme Cloud renders storefront pages in 30 edge regions, so shoppers get the first byte in under 50 ms. Static assets are cached at the edge and purged on every deploy.'],
  ['checkout', 'Checkout at scale', 'Carts and payments run on an autoscaling checkout that absorbs launch-day spikes without warm-up. Payments are PCI DSS level 1.'],
  ['security', 'Security', 'Every plan includes TLS certificates, bot protection, a web application firewall and isolated build environments.'],
  ['rollbacks', 'Deploys and rollbacks', 'Every deploy is immutable and has its own preview link. Rolling back to any earlier version takes one click and no rebuild.'],
  ['analytics', 'Analytics', 'Conversion funnels and Core Web Vitals per page, in real time, with no third-party script.'],
  ['brand', 'Brand voice', 'Acme Cloud speaks plainly and confidently: short sentences, concrete numbers, no jargon. Primary actions say what happens next: Start free, Create your account.'],
  ['audience', 'Who buys Acme Cloud', 'Independent brands and growing retailers with one to twenty storefronts, usually a small team without dedicated operations staff.'],
  ['teams', 'Team workflows', 'Preview links, approvals and audit logs for every change; roles for developers, marketers and finance.'],
  ['support', 'Support', 'Community support on Starter, email support within one business day on Growth, a dedicated engineer and a shared channel on Scale.'],
  ['trial', 'Free trial', 'Growth and Scale start with a 14-day free trial; no credit card is needed for Starter.'],
  ['migration', 'Migrating a store', 'Stores move from other platforms with an import of products, customers and orders; DNS switches over with no downtime.'],
].map(([id, title, text]) => ({ id: `acme-${id}`, title, text: `# ${title}\n\n${text}`, metadata: { product: 'acme-cloud' } }));

async function call(url: string, key: string, body: unknown, method = 'POST'): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    return { status: res.status, json: text };
  }
}

interface DesignRun {
  stream: TimedStream;
  previewMs: number;
  llmDoneMs: number;
  totalMs: number;
  traceId: string;
  timings: { total_ms: number; rag_ms: number; llm_ms: number; ui_ms: number };
  /** The embedded database's counters over the call (with what other work the API did meanwhile: usage rows…). */
  db: { statements: number; turns: number; connections: number; busyMs: number } | null;
  preview: { summary: string; report: { unknown_components: unknown[]; unknown_tokens?: unknown[]; pruned: unknown[] }; sections: unknown[]; artifact?: unknown };
}

async function main() {
  const reply = JSON.stringify(landingPage());
  const pacing = pacingOf(reply, TPS);
  const apiKey = `sk-bench-${crypto.randomUUID().replaceAll('-', '')}`;
  const fake = await startPacedOpenAIFake(apiKey, reply, pacing.chunkDelayMs);
  const stack = await startFrozenStack({
    port: PORT,
    log: (l) => console.log(l),
    vars: {
      ...LIMITS_LIFTED,
      CHAT_RATE_LIMIT_PER_MIN: '1000000',
      EMBED_RATE_LIMIT_PER_MIN: '1000000',
      CHAT_API_BASE: fake.url,
      CHAT_API_KEY: apiKey,
      CHAT_PROVIDER_NAME: 'fake-openai',
      EMBEDDING_API_BASE: fake.url,
      EMBEDDING_API_KEY: apiKey,
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const key = stack.apiKey;
    // the project's design library and knowledge, through the API
    const collector = new FigmaPageCollector();
    const job = await runApiJob(stack.url, key, { fileKey: SAMPLE_FILE_KEY, onEvent: (event, data) => collector.add({ event, data: JSON.parse(data) } as FigmaStreamEvent) });
    if (job.terminal !== 'done' || !job.start.job_id) throw new Error(`extraction of the sample file: ${job.terminal}`);
    let stored = 0;
    for (const page of collector.pages()) {
      // the sample's pages hold far fewer than the 300 components one apply takes
      const applied = await call(`${stack.url}/figma-context/apply`, key, { job_id: job.start.job_id, page: { node_id: page.page_id, name: page.name, components: page.components } });
      if (applied.status !== 200) throw new Error(`figma-context/apply: ${applied.status} ${JSON.stringify(applied.json).slice(0, 300)}`);
      stored += page.components.length;
    }
    const derived = await call(`${stack.url}/figma-compat/uui/variables/derive`, key, { file_key: SAMPLE_FILE_KEY });
    if (derived.status !== 200) throw new Error(`variables/derive: ${derived.status} ${JSON.stringify(derived.json).slice(0, 300)}`);
    const ingested = await call(`${stack.url}/rag/ingest/upsert`, key, { items: DOCUMENTS });
    if (ingested.status !== 200) throw new Error(`rag/ingest/upsert: ${ingested.status} ${JSON.stringify(ingested.json).slice(0, 300)}`);
    console.log(`\nproject: sample file extracted (${job.chunks} chunks) and applied (${stored} components and frames), tokens derived, ${DOCUMENTS.length} documents in RAG`);
    console.log(`model reply: cogo_ui_json, ${componentCount(landingPage())} components, ${reply.length} chars ≈ ${pacing.tokens} tokens (chars/4), streamed as ${pacing.frames} chunks`);

    const design = async (): Promise<DesignRun> => {
      const before = await stack.dbStats();
      const stream = await postTimed(`${stack.url}/chat/design`, { authorization: `Bearer ${key}` }, { prompt: PROMPT, rag: { limit: RAG_LIMIT } }, agent);
      const done = stream.first.get('done');
      if (stream.status !== 200 || !done) throw new Error(`design chat: ${stream.status} ${stream.body.slice(0, 300)}${stream.first.get('error')?.data.slice(0, 500) ?? ''}`);
      const preview = stream.first.get('ui.preview');
      const data = JSON.parse(done.data) as { trace_id: string; timings: DesignRun['timings'] };
      const after = await stack.dbStats();
      return {
        db: before && after ? { statements: after.statements - before.statements, turns: after.turns - before.turns, connections: after.connections - before.connections, busyMs: after.busyMs - before.busyMs } : null,
        stream,
        previewMs: preview?.at ?? NaN,
        llmDoneMs: stream.first.get('llm.done')?.at ?? NaN,
        totalMs: stream.totalMs,
        traceId: data.trace_id,
        timings: data.timings,
        preview: preview ? JSON.parse(preview.data) : null,
      };
    };
    const direct = async (): Promise<TimedStream> => {
      const stream = await postTimed(
        `${fake.url}/chat/completions`,
        { authorization: `Bearer ${apiKey}` },
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: PROMPT }], stream: true, stream_options: { include_usage: true }, response_format: { type: 'json_object' } },
        agent,
      );
      if (stream.status !== 200 || !stream.events.some((e) => e.data === '[DONE]')) throw new Error(`direct: ${stream.status} ${stream.body.slice(0, 300)}`);
      return stream;
    };

    // cold: the first turn after start-up (a fresh isolate), then the first direct stream, which calibrates the pace:
    // each pause overshoots by the timer's granularity, so it is shortened by the measured excess per chunk
    const cold = await design();
    const coldDirect = await direct();
    const excess = (coldDirect.totalMs - pacing.targetMs) / (pacing.frames - 1);
    const paced = Math.max(0, pacing.chunkDelayMs - excess);
    await fake.pace(paced);
    const p = cold.preview;
    console.log(`preview: ${p?.summary ?? '(none)'}; unknown components ${p?.report.unknown_components.length ?? '–'}${p?.report.unknown_components.length ? ` (${[...new Set(p.report.unknown_components.map((u) => (u as { name: string }).name))].join(', ')})` : ''}, unknown tokens ${p?.report.unknown_tokens?.length ?? '–'}, pruned ${p?.report.pruned.length ?? '–'}${p?.artifact ? ', offloaded to an artifact' : ''}`);
    console.log(`pacing: target ${TPS} tokens/s = ${f(pacing.targetMs / 1000, 1)} s a reply; ${f(pacing.chunkDelayMs, 2)} ms between chunks measured ${f(coldDirect.totalMs / 1000, 2)} s, now ${f(paced, 2)} ms`);
    console.log(`\ncold (first call after start-up): design total ${f(cold.totalMs)} ms, first ui.preview ${f(cold.previewMs)} ms, llm_ms ${cold.timings.llm_ms}, total − llm_ms ${f(cold.totalMs - cold.timings.llm_ms)} ms; direct total ${f(coldDirect.totalMs)} ms (before calibration)`);

    const runs: DesignRun[] = [];
    const directs: TimedStream[] = [];
    const floors: number[] = [];
    // the same client and connection pool as the design calls (node:http, keep-alive)
    const floor = () =>
      new Promise<void>((resolve, reject) => {
        const t = performance.now();
        const req = request(`${stack.url}/livez`, { agent }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(void floors.push(performance.now() - t)) : reject(new Error(`livez: ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end();
      });
    for (let i = 0; i < RUNS; i++) {
      await floor();
      // alternate which goes first so neither always meets the warmer socket
      if (i % 2 === 0) {
        runs.push(await design());
        directs.push(await direct());
      } else {
        directs.push(await direct());
        runs.push(await design());
      }
      process.stdout.write(`\r  ${i + 1}/${RUNS} pairs`);
    }
    process.stdout.write('\n');

    // provider time of the query's embedding: its usage row (written through the events queue, so read after the runs)
    await new Promise((r) => setTimeout(r, 2_000));
    const embedMs = async (traceId: string): Promise<number> => {
      const t = await call(`${stack.url}/metrics/trace/${traceId}`, key, undefined, 'GET');
      const calls = (t.json?.llm?.calls ?? []) as { route: string; latency_ms: number }[];
      const embeds = calls.filter((c) => c.route === 'embed');
      return embeds.length ? embeds.reduce((s, c) => s + c.latency_ms, 0) : NaN;
    };
    const embed = await Promise.all(runs.map((r) => embedMs(r.traceId)));
    const coldEmbed = await embedMs(cold.traceId);

    const provider = runs.map((r, i) => r.timings.llm_ms + (Number.isFinite(embed[i]!) ? embed[i]! : 0));
    const tokensPerS = directs.map((d) => pacing.tokens / (d.totalMs / 1000));
    console.log(`\n${RUNS} alternating pairs, warm (client clock unless said; ms)`);
    row('direct: first chunk', directs.map((d) => d.firstByteMs));
    row('direct: total', directs.map((d) => d.totalMs), `(${f(pct(tokensPerS, 50))} tokens/s effective)`);
    row('design: meta (first event)', runs.map((r) => r.stream.first.get('meta')?.at ?? NaN), '(request → the turn’s first frame: proxy, guards, handler)');
    row('design: first llm.delta', runs.map((r) => r.stream.first.get('llm.delta')?.at ?? NaN));
    row('design: llm.done', runs.map((r) => r.llmDoneMs));
    row('design: first ui.preview', runs.map((r) => r.previewMs));
    row('design: total (done, stream end)', runs.map((r) => r.totalMs));
    row('provider: llm_ms (gateway)', runs.map((r) => r.timings.llm_ms));
    row('provider: query embedding', embed, `(${embed.filter(Number.isFinite).length}/${RUNS} found in the trace)`);
    row('transport: GET /livez', floors, '(the floor: proxy + client, no orchestration)');
    row('overhead: total − provider', runs.map((r, i) => r.totalMs - provider[i]!), '(client: includes wrangler’s proxy hop)');
    row('overhead: − the transport floor', runs.map((r, i) => r.totalMs - provider[i]! - floors[i]!), '(each call less the /livez just before it)');
    row('overhead: 1st ui.preview − provider', runs.map((r, i) => r.previewMs - provider[i]!));
    row('overhead: design − direct (pair)', runs.map((r, i) => r.totalMs - directs[i]!.totalMs));
    row('  in-Worker: timings total − llm', runs.map((r) => r.timings.total_ms - r.timings.llm_ms), '(done.timings; workerd’s clock moves only across I/O)');
    row('  in-Worker: rag_ms', runs.map((r) => r.timings.rag_ms));
    row('  in-Worker: rag_ms − embedding', runs.map((r, i) => r.timings.rag_ms - embed[i]!));
    row('  in-Worker: ui_ms (validate, preview)', runs.map((r) => r.timings.ui_ms));
    row('  llm.done → ui.preview (client)', runs.map((r) => r.previewMs - r.llmDoneMs));
    const counts = (label: string, xs: number[]) => console.log(`  ${label.padEnd(34)} p50 ${f(pct(xs, 50), 0).padStart(8)}  p95 ${f(pct(xs, 95), 0).padStart(8)}`);
    counts('  db: statements a call', runs.map((r) => r.db?.statements ?? NaN));
    counts('  db: connections opened a call', runs.map((r) => r.db?.connections ?? NaN));
    row('  db: session busy a call', runs.map((r) => r.db?.busyMs ?? NaN), '(the embedded PGlite executing)');
    console.log(`\ncold: overhead total − provider ${f(cold.totalMs - cold.timings.llm_ms - (Number.isFinite(coldEmbed) ? coldEmbed : 0))} ms (embedding ${f(coldEmbed)} ms)`);
    const overhead = pct(runs.map((r, i) => r.totalMs - provider[i]!), 50);
    const net = pct(runs.map((r, i) => r.totalMs - provider[i]! - floors[i]!), 50);
    console.log(`goal (issue 14): overhead (total − provider time) median < 50 ms: client clock ${f(overhead)} ms (${overhead < 50 ? 'met' : 'not met'}); less the transport floor ${f(net)} ms (${net < 50 ? 'met' : 'not met'})`);
  } finally {
    await stack.stop();
    await fake.close();
    agent.destroy();
  }
}

await main();
