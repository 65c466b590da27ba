// RAG ingestion, synchronous path (issue 12, `POST /rag/ingest/upsert`): hash, chunk, embed, then write. A document
// whose hash (title + text + metadata) is unchanged and whose chunks all carry the current model's vectors is left
// alone (no provider call, no write). Otherwise its chunks are replaced; a chunk whose own hash is stored with the
// current model's vector keeps it. Every provider call happens before the first write, so a provider failure writes
// nothing; the documents' rows are then written in one transaction (a few statements, whatever the batch size).
import type { RagUpsertDocument, RagUpsertRequest, RagUpsertResult } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { prepareEmbed, runEmbed } from '../embed/embed.service';
import type { CallScope } from '../llm/call-scope';
import { batchEntry, currentEmbeddingModel, planDocuments } from './rag-plan';
import { storedVectorDimensions, writeDocuments } from './rag.repo';

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

/** Embeds the distinct texts (model: the router's choice unless given), emitting embed_done; text → vector. */
export async function embedTexts(scope: CallScope, texts: string[], signal: AbortSignal, model?: string): Promise<{ model: string; vectors: Map<string, number[]> }> {
  const prepared = await prepareEmbed(scope, { input: texts, stream: false, ...(model ? { model } : {}) });
  const result = await runEmbed(prepared, { status: async () => true, signal });
  scope.events.emit('embed_done', { provider: result.provider, model: result.model, inputs: result.data.length, batches: result.batches, dimensions: result.dimensions, cost_usd: result.usage.cost_usd });
  return { model: result.model, vectors: new Map(result.data.map((d, i) => [texts[i]!, d.embedding])) };
}

/** Ingests a batch of documents synchronously; see the file header. */
export async function upsertDocuments(scope: CallScope, request: RagUpsertRequest, signal: AbortSignal): Promise<RagUpsertResult> {
  await assertVectorDimensions(scope);
  const db = scope.db();
  const current = await currentEmbeddingModel(scope.db, scope.projectId, scope.config);
  const plans = await planDocuments(db, scope.projectId, request.items, current);
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

  const entries = changed.map((plan) => batchEntry(scope.projectId, plan, (c) => (c.reuse ? null : vectors.get(c.text)!)));
  const written = await writeDocuments(db, scope.projectId, entries, model);
  const documents: RagUpsertDocument[] = [];
  let embeddedChunks = 0;
  let next = 0;
  for (const plan of plans) {
    const { item } = plan;
    if (!plan.chunks) {
      documents.push({ id: plan.existingId!, external_id: item.id, source: item.source, status: 'unchanged', chunks: plan.storedChunks, embedded: 0 });
      continue;
    }
    const w = written[next]!;
    const embedded = entries[next]!.chunks.filter((c) => c.embedding).length;
    next++;
    embeddedChunks += embedded;
    documents.push({ id: w.id, external_id: item.id, source: item.source, status: w.created ? 'created' : 'updated', chunks: plan.chunks.length, embedded });
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
