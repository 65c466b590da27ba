// RAG ingestion, queued path (`POST /rag/ingest/stream`, and the design index): plan as the synchronous upsert does,
// then write each changed document with its chunks at once — a chunk whose text is stored with the current model's
// vector keeps it, every other chunk is written without one (pending) — and return the pending chunk ids for the
// embedding queue. Full-text search finds a staged document at once; vector search once the queue has embedded it.
import type { Db } from '@cogo/db';
import type { RagIngestItem, RagUpsertDocument } from '@cogo/types';
import { planDocuments } from './rag-plan';
import { writeDocument } from './rag.repo';

export interface StageResult {
  documents: RagUpsertDocument[];
  /** Chunks waiting for a vector, now owned by `jobId`. */
  pending: string[];
  /** How many of `pending` each document has (by document id). */
  pendingByDocument: Map<string, number>;
}

/** Stages `items` of `projectId` (see the file header); `current` is the project's embedding model now. */
export async function stageDocuments(
  db: Db,
  projectId: string,
  items: Array<RagIngestItem & { source: string }>,
  options: { current: string | null; jobId: string | null },
): Promise<StageResult> {
  const plans = await planDocuments(db, projectId, items, options.current);
  const documents: RagUpsertDocument[] = [];
  const pending: string[] = [];
  const pendingByDocument = new Map<string, number>();
  for (const plan of plans) {
    const { item } = plan;
    if (!plan.chunks) {
      documents.push({ id: plan.existingId!, external_id: item.id, source: item.source as RagUpsertDocument['source'], status: 'unchanged', chunks: plan.storedChunks, embedded: 0 });
      continue;
    }
    const writes = plan.chunks.map((c) => ({ ordinal: c.ordinal, text: c.text, contentHash: c.hash, tokenCount: c.tokenCount, embedding: null, reuseId: c.reuse?.id ?? null }));
    const doc = { projectId, source: item.source, externalId: item.id, title: item.title ?? null, text: item.text, metadata: item.metadata ?? {}, contentHash: plan.hash };
    const written = await writeDocument(db, doc, writes, options.current, { jobId: options.jobId });
    pending.push(...written.pending);
    pendingByDocument.set(written.id, written.pending.length);
    documents.push({ id: written.id, external_id: item.id, source: item.source as RagUpsertDocument['source'], status: written.created ? 'created' : 'updated', chunks: writes.length, embedded: 0 });
  }
  return { documents, pending, pendingByDocument };
}
