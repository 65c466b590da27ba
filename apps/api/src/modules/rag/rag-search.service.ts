// RAG retrieval (issue 12, `POST /rag`): the query is embedded through the gateway's `/embed` routing (one input),
// then two lists of the top N = max(limit × 4, 40) chunks — vector (cosine, chunks of the query's model only) and
// full text (websearch_to_tsquery, ts_rank_cd) — are fused by reciprocal rank (k = 60) and cut to `limit`.
import type { RagSearchFilter, RagSearchItem, RagSearchRequest, RagSource } from '@cogo/types';
import { prepareEmbed, runEmbed, type PreparedEmbed } from '../embed/embed.service';
import type { Db } from '@cogo/db';
import { ApiError } from '../../lib/errors';
import type { CallScope } from '../llm/call-scope';
import { assertVectorDimensions } from './rag-ingest.service';
import { chunkDetails, nearestChunks, textMatchedChunks, type ChunkFilter, type VectorStrategy } from './rag-search.repo';

/** The RRF constant of Cormack et al.: damps the weight of the very first ranks. */
export const RRF_K = 60;

export interface PreparedSearch {
  scope: CallScope;
  request: RagSearchRequest;
  embed: PreparedEmbed;
}

export interface SearchOutcome {
  items: RagSearchItem[];
  /** Which path produced the vector list (for logs and tests). */
  strategy: VectorStrategy;
  model: string;
}

/** Candidates taken from each list. */
export const candidatesPerList = (limit: number) => Math.max(limit * 4, 40);

/** Checks dimensions and prepares the query's embedding; throws 503 / 402 / 422 before any provider is called. */
export async function prepareSearch(scope: CallScope, request: RagSearchRequest): Promise<PreparedSearch> {
  await assertVectorDimensions(scope);
  const embed = await prepareEmbed(scope, { input: request.q, stream: false, ...(request.trace_id ? { trace_id: request.trace_id } : {}) });
  return { scope, request, embed };
}

/** Fuses ranked id lists: score = Σ 1 / (k + rank); ties keep the vector list's order, then the text list's. */
export function fuse(vector: string[], text: string[], k = RRF_K): Array<{ id: string; score: number; vectorRank: number | null; textRank: number | null }> {
  const byId = new Map<string, { id: string; score: number; vectorRank: number | null; textRank: number | null; first: number }>();
  const add = (ids: string[], list: 'vectorRank' | 'textRank', offset: number) =>
    ids.forEach((id, i) => {
      const entry = byId.get(id) ?? { id, score: 0, vectorRank: null, textRank: null, first: offset + i };
      entry[list] = i + 1;
      entry.score += 1 / (k + i + 1);
      byId.set(id, entry);
    });
  add(vector, 'vectorRank', 0);
  add(text, 'textRank', vector.length);
  return [...byId.values()].sort((a, b) => b.score - a.score || a.first - b.first).map(({ first: _, ...rest }) => rest);
}

/** Embeds the query (the full-text list runs meanwhile), runs the vector list and answers the fused top `limit`. */
export async function runSearch(prepared: PreparedSearch, signal: AbortSignal): Promise<SearchOutcome> {
  const { scope, request } = prepared;
  const filter = toChunkFilter(request.filter);
  const n = candidatesPerList(request.limit);
  const db = scope.db();
  // the full-text list needs no vector: it runs while the query is embedded
  const textList = textMatchedChunks(db, request.q, filter, n);
  textList.catch(() => {}); // awaited below; a failure must not go unhandled while the embedding runs
  const embedded = await runEmbed(prepared.embed, { status: async () => true, signal });
  const vector = embedded.data[0]!.embedding;
  const near = await nearestChunks(db, vector, embedded.model, filter, n);
  const text = await textList;
  return { items: await fusedItems(db, near.ids, text, request.limit), strategy: near.strategy, model: embedded.model };
}

/** The fused top `limit` of the two lists, with their chunks' details. */
async function fusedItems(db: Db, vector: string[], text: string[], limit: number): Promise<RagSearchItem[]> {
  const fused = fuse(vector, text).slice(0, limit);
  const details = new Map((await chunkDetails(db, fused.map((f) => f.id))).map((row) => [row.id, row]));
  const items = fused.flatMap((f) => {
    const row = details.get(f.id);
    if (!row) return []; // deleted between the two queries
    return [
      {
        chunk_id: row.id,
        document_id: row.documentId,
        source: row.source as RagSource,
        external_id: row.externalId,
        title: row.title,
        text: row.text,
        score: f.score,
        vector_rank: f.vectorRank,
        text_rank: f.textRank,
        metadata: row.metadata,
      },
    ];
  });
  return items;
}

/** Codes that mean no embedding can be had now (none configured, all cooling down, the provider failing). */
const NO_EMBEDDING = new Set<string>(['LLM_NO_PROVIDER', 'LLM_UPSTREAM', 'UPSTREAM_FAILED']);

/**
 * Hybrid retrieval when an embedding can be had; the full-text list alone (strategy `text`) when none can — a
 * design-system search (MCP's search_design_system) still answers what the words find.
 */
export async function designSearch(scope: CallScope, request: RagSearchRequest, signal: AbortSignal): Promise<Omit<SearchOutcome, 'strategy' | 'model'> & { strategy: VectorStrategy | 'text'; model: string | null }> {
  try {
    return await runSearch(await prepareSearch(scope, request), signal);
  } catch (err) {
    if (!(err instanceof ApiError) || !NO_EMBEDDING.has(err.code)) throw err;
    scope.log.warn('design search: full text only', { code: err.code });
    const db = scope.db();
    const text = await textMatchedChunks(db, request.q, toChunkFilter(request.filter), candidatesPerList(request.limit));
    return { items: await fusedItems(db, [], text, request.limit), strategy: 'text', model: null };
  }
}

function toChunkFilter(filter: RagSearchFilter | undefined): ChunkFilter {
  return {
    ...(filter?.source ? { sources: filter.source } : {}),
    ...(filter?.metadata ? { metadata: filter.metadata } : {}),
    ...(filter?.document_ids ? { documentIds: filter.document_ids } : {}),
  };
}
