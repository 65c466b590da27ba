/**
 * RAG ingestion rates through the real Worker (issue 12, "ingest items/s through the queue"). Run from the repo root:
 *   ./cogo bench rag-ingest [--items 600] [--chars 2400] [--rounds 2] [--port 8897]
 * One stack: the API frozen under `wrangler dev` (bench/lib/frozen-stack.ts: embedded Postgres with the HNSW index in
 * its own process; the `cogo-embed` queue and its consumer as wrangler runs them locally) and the OpenAI-compatible
 * fake (a worker thread; hash vectors, no pacing) as the embedding provider, so the figures are COGO's own cost.
 * Side by side, alternating round by round on fresh projects (round 1 cold: a fresh isolate and empty tables):
 *   queued = POST /rag/ingest/start, then /rag/ingest/stream calls of 100 items (wait_seconds 0), then GET the job until
 *            settled — items/s and chunks/s end to end, and how long until the stream calls had all returned
 *   sync   = POST /rag/ingest/upsert in calls of 100 items (the peer: embedding inline, a call returns when stored)
 * Then a re-send of the same items to each (unchanged: nothing embedded). Items are ~`--chars` characters of
 * markdown (2–3 chunks each). Prints figures only.
 */
import { performance } from 'node:perf_hooks';
import { LIMITS_LIFTED, startFrozenStack } from './lib/frozen-stack';
import { startOpenAIFakeWorker } from './lib/openai-fake';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ITEMS = Number(arg('items') ?? 600);
const CHARS = Number(arg('chars') ?? 2400);
const ROUNDS = Number(arg('rounds') ?? 2);
const PORT = Number(arg('port') ?? 8897);
const CALL = 100;

const WORDS = 'button card modal input primary secondary token colour spacing radius shadow layout grid page header footer navigation brand tone voice accessible contrast focus state hover pressed disabled'.split(' ');

/** `n` markdown documents of ~CHARS characters, distinct per `seed`. */
function documents(n: number, seed: string) {
  let x = 0;
  const word = () => WORDS[(x = (x * 1103515245 + 12345) % 2147483648) % WORDS.length]!;
  return Array.from({ length: n }, (_, i) => {
    const parts: string[] = [`# Note ${seed}-${i}`];
    let size = 0;
    let section = 0;
    while (size < CHARS) {
      if (size > (section + 1) * 900) parts.push(`## Part ${++section}`);
      const sentence = `${Array.from({ length: 12 }, word).join(' ')} (${seed} ${i} ${size}).`;
      parts.push(sentence);
      size += sentence.length + 1;
    }
    return { id: `note-${i}`, title: `Note ${i}`, text: parts.join('\n\n'), metadata: { seed } };
  });
}

async function json(url: string, key: string, body?: unknown): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(url, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* an SSE answer */
  }
  return { status: res.status, body: parsed, text };
}

async function newProject(url: string, adminToken: string): Promise<string> {
  const res = await json(`${url}/projects`, adminToken, { slug: `bench-${crypto.randomUUID().slice(0, 8)}`, name: 'bench' });
  if (res.status !== 201) throw new Error(`project: ${res.status} ${res.text}`);
  return res.body.api_key.key as string;
}

interface Figures {
  seconds: number;
  callsSeconds: number;
  chunks: number;
}

async function queued(url: string, key: string, items: ReturnType<typeof documents>): Promise<Figures> {
  const started = performance.now();
  const job = await json(`${url}/rag/ingest/start`, key, {});
  if (job.status !== 201) throw new Error(`start: ${job.status} ${job.text}`);
  const id = job.body.job_id as string;
  for (let i = 0; i < items.length; i += CALL) {
    const res = await json(`${url}/rag/ingest/stream`, key, { job_id: id, items: items.slice(i, i + CALL), wait_seconds: 0 });
    if (res.status !== 200 || !res.text.includes('event: rag.ingest.done')) throw new Error(`stream: ${res.status} ${res.text.slice(0, 300)}`);
  }
  const callsSeconds = (performance.now() - started) / 1000;
  for (;;) {
    const view = await json(`${url}/rag/ingest/jobs/${id}`, key);
    if (view.body.status === 'failed') throw new Error(`job failed: ${JSON.stringify(view.body.errors)}`);
    if (view.body.chunks.pending === 0 && view.body.status !== 'open') return { seconds: (performance.now() - started) / 1000, callsSeconds, chunks: view.body.chunks.total };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function sync(url: string, key: string, items: ReturnType<typeof documents>): Promise<Figures> {
  const started = performance.now();
  let chunks = 0;
  for (let i = 0; i < items.length; i += CALL) {
    const res = await json(`${url}/rag/ingest/upsert`, key, { items: items.slice(i, i + CALL) });
    if (res.status !== 200) throw new Error(`upsert: ${res.status} ${res.text.slice(0, 300)}`);
    chunks += (res.body.documents as Array<{ chunks: number }>).reduce((s, d) => s + d.chunks, 0);
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, callsSeconds: seconds, chunks };
}

const line = (label: string, n: number, f: Figures) =>
  console.log(
    `  ${label.padEnd(22)} ${(n / f.seconds).toFixed(1).padStart(7)} items/s  ${(f.chunks / f.seconds).toFixed(1).padStart(7)} chunks/s  ${f.seconds.toFixed(2).padStart(7)} s` +
      (f.callsSeconds !== f.seconds ? `   (stream calls returned after ${f.callsSeconds.toFixed(2)} s)` : ''),
  );

async function main() {
  const apiKey = `sk-bench-${crypto.randomUUID().replaceAll('-', '')}`;
  const fake = await startOpenAIFakeWorker(apiKey, 'ok');
  const stack = await startFrozenStack({
    port: PORT,
    log: (l) => console.log(l),
    vars: { ...LIMITS_LIFTED, EMBED_RATE_LIMIT_PER_MIN: '1000000', EMBEDDING_API_BASE: fake.url, EMBEDDING_API_KEY: apiKey, LOG_LEVEL: 'warn' },
  });
  try {
    console.log(`\nRAG ingestion, ${ITEMS} items of ~${CHARS} chars per round, calls of ${CALL}; provider: the local fake (hash vectors, no pacing)`);
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}${round === 1 ? ' (cold: fresh isolate, empty tables)' : ' (warm)'}`);
      const order: Array<'queued' | 'sync'> = round % 2 ? ['queued', 'sync'] : ['sync', 'queued'];
      for (const mode of order) {
        const key = await newProject(stack.url, stack.adminToken);
        const items = documents(ITEMS, `${mode}-${round}`);
        const first = mode === 'queued' ? await queued(stack.url, key, items) : await sync(stack.url, key, items);
        line(`${mode} new`, ITEMS, first);
        const again = mode === 'queued' ? await queued(stack.url, key, items) : await sync(stack.url, key, items);
        line(`${mode} unchanged`, ITEMS, { ...again, chunks: first.chunks });
      }
    }
  } finally {
    await stack.stop();
    await fake.close();
  }
}

await main();
