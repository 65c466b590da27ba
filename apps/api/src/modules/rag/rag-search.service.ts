// RAG retrieval (issue 12, `POST /rag`): the query is embedded through the gateway's `/embed` routing (one input),
// then two lists of the top N = max(limit × 4, 40) chunks — vector (cosine, chunks of the query's model only) and
// full text (websearch_to_tsquery, ts_rank_cd) — are fused by reciprocal rank (k = 60) and cut to `limit`: one statement
// after the embedding, lists, fusion and the chunks' details together (rag-search.repo.ts's fusedChunks).
import type { RagSearchFilter, RagSearchItem, RagSearchRequest, RagSource } from '@cogo/types';
import { prepareEmbed, runEmbed, type PreparedEmbed } from '../embed/embed.service';
import { ApiError } from '../../lib/errors';
import type { CallScope } from '../llm/call-scope';
import { assertVectorDimensions } from './rag-ingest.service';
import { fusedChunks, type ChunkFilter, type FusedChunk, type VectorStrategy } from './rag-search.repo';

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

/** Embeds the query, then answers the fused top `limit` of the two lists (one statement). */
export async function runSearch(prepared: PreparedSearch, signal: AbortSignal): Promise<SearchOutcome> {
  const { scope, request } = prepared;
  const filter = toChunkFilter(request.filter);
  const n = candidatesPerList(request.limit);
  const embedded = await runEmbed(prepared.embed, { status: async () => true, signal });
  const vector = embedded.data[0]!.embedding;
  const { chunks, strategy } = await fusedChunks(scope.db(), { vector: { embedding: vector, model: embedded.model }, query: request.q, filter, n, limit: request.limit, k: RRF_K });
  return { items: chunks.map(toItem), strategy, model: embedded.model };
}

function toItem(c: FusedChunk): RagSearchItem {
  return {
    chunk_id: c.id,
    document_id: c.documentId,
    source: c.source as RagSource,
    external_id: c.externalId,
    title: c.title,
    text: c.text,
    score: c.score,
    vector_rank: c.vectorRank,
    text_rank: c.textRank,
    metadata: c.metadata,
  };
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
    const { chunks } = await fusedChunks(scope.db(), { vector: null, query: request.q, filter: toChunkFilter(request.filter), n: candidatesPerList(request.limit), limit: request.limit, k: RRF_K });
    return { items: chunks.map(toItem), strategy: 'text', model: null };
  }
}

function toChunkFilter(filter: RagSearchFilter | undefined): ChunkFilter {
  return {
    ...(filter?.source ? { sources: filter.source } : {}),
    ...(filter?.metadata ? { metadata: filter.metadata } : {}),
    ...(filter?.document_ids ? { documentIds: filter.document_ids } : {}),
  };
}
