// RAG ingestion, queued path (`POST /rag/ingest/stream`, and the design index): plan as the synchronous upsert does,
// then write each changed document with its chunks at once — a chunk whose text is stored with the current model's
// vector keeps it, every other chunk is written without one (pending) — and return the pending chunk ids for the
// embedding queue. Full-text search finds a staged document at once; vector search once the queue has embedded it.
import type { Db } from '@cogo/db';
import type { RagIngestItem, RagUpsertDocument } from '@cogo/types';
import { batchEntry, planDocuments } from './rag-plan';
import { writeDocuments } from './rag.repo';

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
  const changed = plans.filter((p) => p.chunks);
  const entries = changed.map((plan) => batchEntry(projectId, plan, () => null));
  const written = await writeDocuments(db, projectId, entries, options.current, { jobId: options.jobId });
  const documents: RagUpsertDocument[] = [];
  const pending: string[] = [];
  const pendingByDocument = new Map<string, number>();
  let next = 0;
  for (const plan of plans) {
    const { item } = plan;
    const source = item.source as RagUpsertDocument['source'];
    if (!plan.chunks) {
      documents.push({ id: plan.existingId!, external_id: item.id, source, status: 'unchanged', chunks: plan.storedChunks, embedded: 0 });
      continue;
    }
    const w = written[next++]!;
    pending.push(...w.pending);
    pendingByDocument.set(w.id, w.pending.length);
    documents.push({ id: w.id, external_id: item.id, source, status: w.created ? 'created' : 'updated', chunks: plan.chunks.length, embedded: 0 });
  }
  return { documents, pending, pendingByDocument };
}
