// What ingestion decides before it writes, shared by the synchronous upsert (rag-ingest.service.ts) and the queued
// path (rag-stage.ts): each item's content hash, whether its stored document is unchanged, its new chunks, and
// which stored vectors a chunk with the same text keeps.
import type { Db } from '@cogo/db';
import type { RagIngestItem } from '@cogo/types';
import type { AppConfig } from '../../env';
import { loadCatalogue } from '../llm/catalogue';
import { rankCandidates } from '../llm/router-select';
import { chunkMarkdown, type Chunk } from './chunker';
import { findChunks, findDocuments, type DocumentBatchEntry, type StoredChunk } from './rag.repo';

/** The embedding model a call without `model` would use first (null: none available); chunks of another are stale. */
export async function currentEmbeddingModel(db: () => Db, projectId: string, config: AppConfig): Promise<string | null> {
  const catalogue = await loadCatalogue(db, projectId, config);
  const ranked = rankCandidates(catalogue, { kind: 'embedding', requested: undefined, defaultModel: config.EMBEDDING_MODEL_DEFAULT, estimatedInputTokens: 0, maxOutputTokens: 0 });
  return ranked.find((c) => c.status === 'available')?.model.name ?? null;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
export const sha256 = async (text: string) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** JSON with object keys sorted, so reordered metadata hashes the same (jsonb does not keep key order either). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/** The document's content hash: title, text and metadata. */
export const documentHash = (item: RagIngestItem) => sha256(JSON.stringify([item.title ?? null, item.text, canonical(item.metadata ?? {})]));

export interface Plan {
  item: RagIngestItem & { source: string };
  hash: string;
  existingId: string | null;
  /** Null: unchanged, nothing to write. */
  chunks: Array<Chunk & { hash: string; reuse: StoredChunk | null }> | null;
  storedChunks: number;
}

/**
 * Plans each item against what is stored: unchanged (same hash, every chunk embedded by `current`) or its new chunks,
 * a chunk whose text is stored with `current`'s vector reusing it (the same ordinal first).
 */
export async function planDocuments(db: Db, projectId: string, items: Array<RagIngestItem & { source: string }>, current: string | null): Promise<Plan[]> {
  const stored = new Map(
    (await findDocuments(db, projectId, items.map((i) => ({ source: i.source, externalId: i.id })), current)).map((s) => [`${s.source}\u0000${s.externalId}`, s]),
  );
  const plans: Plan[] = [];
  for (const item of items) {
    const hash = await documentHash(item);
    const found = stored.get(`${item.source}\u0000${item.id}`);
    const unchanged = found && found.contentHash === hash && found.current === found.chunks;
    const chunks = unchanged ? null : await Promise.all(chunkMarkdown(item.text, { title: item.title }).map(async (c) => ({ ...c, hash: await sha256(c.text), reuse: null })));
    plans.push({ item, hash, existingId: found?.id ?? null, chunks, storedChunks: found?.chunks ?? 0 });
  }
  const old = await findChunks(db, plans.filter((p) => p.chunks && p.existingId).map((p) => p.existingId!));
  for (const plan of plans) {
    if (!plan.chunks || !plan.existingId) continue;
    const mine = old.filter((o) => o.documentId === plan.existingId && o.embedded && o.model === current);
    for (const c of plan.chunks) c.reuse = mine.find((o) => o.contentHash === c.hash && o.ordinal === c.ordinal) ?? mine.find((o) => o.contentHash === c.hash) ?? null;
  }
  return plans;
}

/** A changed plan as rows to write: its document, and its chunks with `embedding(chunk)` (null: reused, or pending). */
export function batchEntry(projectId: string, plan: Plan, embedding: (chunk: NonNullable<Plan['chunks']>[number]) => number[] | null): DocumentBatchEntry {
  const { item } = plan;
  return {
    doc: { projectId, source: item.source, externalId: item.id, title: item.title ?? null, text: item.text, metadata: item.metadata ?? {}, contentHash: plan.hash },
    chunks: plan.chunks!.map((c) => ({ ordinal: c.ordinal, text: c.text, contentHash: c.hash, tokenCount: c.tokenCount, embedding: embedding(c), reuseId: c.reuse?.id ?? null })),
  };
}
