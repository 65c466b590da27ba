// RAG ingestion, synchronous path (issue 12, `POST /rag/ingest/upsert`): hash, chunk, embed, then write. A document
// whose hash (title + text + metadata) is unchanged and whose chunks all carry the current model's vectors is left
// alone (no provider call, no write). Otherwise its chunks are replaced; a chunk whose own hash is stored with the
// current model's vector keeps it. Every provider call happens before the first write, so a provider failure writes
// nothing; each document's rows are then written in one transaction of their own.
import type { RagIngestItem, RagUpsertDocument, RagUpsertRequest, RagUpsertResult } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { prepareEmbed, runEmbed } from '../embed/embed.service';
import type { CallScope } from '../llm/call-scope';
import { loadCatalogue } from '../llm/catalogue';
import { rankCandidates } from '../llm/router-select';
import { chunkMarkdown, type Chunk } from './chunker';
import { findChunks, findDocuments, storedVectorDimensions, writeDocument, type ChunkWrite, type StoredChunk } from './rag.repo';

/** get_vector_dim() of this isolate's database: the column's size changes only with a migration. */
let storedDimensions: Promise<number> | undefined;

/** Refuses (503) when VECTOR_DIMENSIONS is not the size of the stored embeddings, naming both. */
export async function assertVectorDimensions(scope: CallScope): Promise<void> {
  storedDimensions ??= storedVectorDimensions(scope.db()).catch((err: unknown) => {
    storedDimensions = undefined;
    throw err;
  });
  const stored = await storedDimensions;
  const configured = scope.config.VECTOR_DIMENSIONS;
  if (stored !== configured) {
    throw new ApiError(
      'SERVICE_UNAVAILABLE',
      `VECTOR_DIMENSIONS is ${configured} but the database stores ${stored}-dimensional embeddings (get_vector_dim()); set VECTOR_DIMENSIONS=${stored} or migrate the embedding column`,
      { VECTOR_DIMENSIONS: configured, get_vector_dim: stored },
    );
  }
}

/** The embedding model a call without `model` would use first (null: none available); chunks of another are stale. */
async function currentEmbeddingModel(scope: CallScope): Promise<string | null> {
  const catalogue = await loadCatalogue(scope.db, scope.projectId, scope.config);
  const ranked = rankCandidates(catalogue, { kind: 'embedding', requested: undefined, defaultModel: scope.config.EMBEDDING_MODEL_DEFAULT, estimatedInputTokens: 0, maxOutputTokens: 0 });
  return ranked.find((c) => c.status === 'available')?.model.name ?? null;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (text: string) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** JSON with object keys sorted, so reordered metadata hashes the same (jsonb does not keep key order either). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/** The document's content hash: title, text and metadata. */
export const documentHash = (item: RagIngestItem) => sha256(JSON.stringify([item.title ?? null, item.text, canonical(item.metadata ?? {})]));

interface Plan {
  item: RagIngestItem;
  hash: string;
  existingId: string | null;
  /** Null: unchanged, nothing to write. */
  chunks: Array<Chunk & { hash: string; reuse: StoredChunk | null }> | null;
  storedChunks: number;
}

/** Embeds the distinct texts (model: the router's choice unless given), emitting embed_done; text → vector. */
async function embedTexts(scope: CallScope, texts: string[], signal: AbortSignal, model?: string): Promise<{ model: string; vectors: Map<string, number[]> }> {
  const prepared = await prepareEmbed(scope, { input: texts, stream: false, ...(model ? { model } : {}) });
  const result = await runEmbed(prepared, { status: async () => true, signal });
  scope.events.emit('embed_done', { provider: result.provider, model: result.model, inputs: result.data.length, batches: result.batches, dimensions: result.dimensions, cost_usd: result.usage.cost_usd });
  return { model: result.model, vectors: new Map(result.data.map((d, i) => [texts[i]!, d.embedding])) };
}

/** Ingests a batch of documents synchronously; see the file header. */
export async function upsertDocuments(scope: CallScope, request: RagUpsertRequest, signal: AbortSignal): Promise<RagUpsertResult> {
  await assertVectorDimensions(scope);
  const db = scope.db();
  const current = await currentEmbeddingModel(scope);
  const stored = new Map(
    (await findDocuments(db, scope.projectId, request.items.map((i) => ({ source: i.source, externalId: i.id })), current)).map((s) => [`${s.source}\u0000${s.externalId}`, s]),
  );
  const plans: Plan[] = [];
  for (const item of request.items) {
    const hash = await documentHash(item);
    const found = stored.get(`${item.source}\u0000${item.id}`);
    const unchanged = found && found.contentHash === hash && found.current === found.chunks;
    const chunks = unchanged ? null : await Promise.all(chunkMarkdown(item.text, { title: item.title }).map(async (c) => ({ ...c, hash: await sha256(c.text), reuse: null })));
    plans.push({ item, hash, existingId: found?.id ?? null, chunks, storedChunks: found?.chunks ?? 0 });
  }

  // a stored chunk with the same text and the current model's vector keeps it (the same ordinal first)
  const old = await findChunks(db, plans.filter((p) => p.chunks && p.existingId).map((p) => p.existingId!));
  for (const plan of plans) {
    if (!plan.chunks || !plan.existingId) continue;
    const mine = old.filter((o) => o.documentId === plan.existingId && o.embedded && o.model === current);
    for (const c of plan.chunks) c.reuse = mine.find((o) => o.contentHash === c.hash && o.ordinal === c.ordinal) ?? mine.find((o) => o.contentHash === c.hash) ?? null;
  }
  const changed = plans.filter((p) => p.chunks);
  const missing = [...new Set(changed.flatMap((p) => p.chunks!.filter((c) => !c.reuse).map((c) => c.text)))];
  let model = current;
  let vectors = new Map<string, number[]>();
  if (missing.length) {
    ({ model, vectors } = await embedTexts(scope, missing, signal));
    if (model !== current) {
      // the router fell back to another model: kept vectors would be another space, so those chunks are embedded too
      const kept = [...new Set(changed.flatMap((p) => p.chunks!.filter((c) => c.reuse).map((c) => c.text)))];
      if (kept.length) for (const [t, v] of (await embedTexts(scope, kept, signal, model)).vectors) vectors.set(t, v);
      for (const p of changed) for (const c of p.chunks!) c.reuse = null;
    }
  }

  const documents: RagUpsertDocument[] = [];
  let embeddedChunks = 0;
  for (const plan of plans) {
    const { item } = plan;
    if (!plan.chunks) {
      documents.push({ id: plan.existingId!, external_id: item.id, source: item.source, status: 'unchanged', chunks: plan.storedChunks, embedded: 0 });
      continue;
    }
    const writes: ChunkWrite[] = plan.chunks.map((c) => ({
      ordinal: c.ordinal,
      text: c.text,
      contentHash: c.hash,
      tokenCount: c.tokenCount,
      embedding: c.reuse ? null : vectors.get(c.text)!,
      reuseId: c.reuse?.id ?? null,
    }));
    const doc = { projectId: scope.projectId, source: item.source, externalId: item.id, title: item.title ?? null, text: item.text, metadata: item.metadata ?? {}, contentHash: plan.hash };
    const written = await writeDocument(db, doc, writes, model);
    const embedded = writes.filter((w) => w.embedding).length;
    embeddedChunks += embedded;
    documents.push({ id: written.id, external_id: item.id, source: item.source, status: written.created ? 'created' : 'updated', chunks: writes.length, embedded });
  }
  const count = (status: RagUpsertDocument['status']) => documents.filter((d) => d.status === status).length;
  scope.events.emit('rag_ingest_done', {
    documents: documents.length,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    chunks: documents.reduce((sum, d) => sum + d.chunks, 0),
    embedded_chunks: embeddedChunks,
    model,
  });
  return { documents, embedded_chunks: embeddedChunks, model, trace_id: scope.traceId };
}
