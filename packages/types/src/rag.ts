// RAG (issue 12, seed 000 §6): ingestion of the project's documents into chunks with embeddings, and retrieval.
import { z } from '@hono/zod-openapi';
import { TraceIdSchema, UuidSchema } from './ids';

// ingestion

/** Where a document comes from; `doc` is what a team adds itself, the rest is indexed from the design and code. */
export const RagSourceSchema = z.enum(['doc', 'page', 'component', 'token', 'flow', 'code']).openapi('RagSource');
export type RagSource = z.infer<typeof RagSourceSchema>;

/** Limits of one ingested item, in UTF-8 bytes (text) and bytes of its JSON (metadata). */
export const RAG_INGEST_LIMITS = { maxItems: 100, maxTextBytes: 200 * 1024, maxMetadataBytes: 16 * 1024 } as const;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).byteLength;

export const RagIngestItemSchema = z
  .object({
    id: z.string().min(1).max(200).openapi({ description: 'The document\'s external id: the same id (and source) updates the same document' }),
    source: RagSourceSchema.default('doc'),
    title: z.string().max(1_000).optional(),
    text: z
      .string()
      .min(1)
      .refine((t) => utf8Bytes(t) <= RAG_INGEST_LIMITS.maxTextBytes, `at most ${RAG_INGEST_LIMITS.maxTextBytes} bytes (UTF-8)`)
      .openapi({ description: 'Markdown or plain text, at most 200 KB; cut into chunks of ~400 tokens' }),
    metadata: z
      .record(z.string(), z.unknown())
      .refine((m) => utf8Bytes(JSON.stringify(m)) <= RAG_INGEST_LIMITS.maxMetadataBytes, `at most ${RAG_INGEST_LIMITS.maxMetadataBytes} bytes as JSON`)
      .optional(),
  })
  .openapi('RagIngestItem');
export type RagIngestItem = z.infer<typeof RagIngestItemSchema>;

const IngestItemsSchema = z.array(RagIngestItemSchema).min(1).max(RAG_INGEST_LIMITS.maxItems);

/** One document per (source, id) and request: two versions of it in one batch would race each other. */
function uniqueItems(body: { items: RagIngestItem[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const [i, item] of body.items.entries()) {
    const key = `${item.source}\u0000${item.id}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate id ${item.id} (source ${item.source}) in this request` });
    seen.add(key);
  }
}

export const RagUpsertRequestSchema = z
  .object({
    items: IngestItemsSchema,
    trace_id: TraceIdSchema.optional(),
  })
  .superRefine(uniqueItems)
  .openapi('RagUpsertRequest');
export type RagUpsertRequest = z.infer<typeof RagUpsertRequestSchema>;

export const RagIngestStatusSchema = z.enum(['created', 'updated', 'unchanged']).openapi('RagIngestStatus');
export type RagIngestStatus = z.infer<typeof RagIngestStatusSchema>;

export const RagUpsertDocumentSchema = z
  .object({
    id: UuidSchema.openapi({ description: 'The stored document' }),
    external_id: z.string(),
    source: RagSourceSchema,
    status: RagIngestStatusSchema,
    chunks: z.number().int().openapi({ description: 'Chunks the document has now' }),
    embedded: z.number().int().openapi({ description: 'Chunks embedded by this request (the others kept their vectors)' }),
  })
  .openapi('RagUpsertDocument');
export type RagUpsertDocument = z.infer<typeof RagUpsertDocumentSchema>;

export const RagUpsertResultSchema = z
  .object({
    documents: z.array(RagUpsertDocumentSchema).openapi({ description: 'One per item, in request order' }),
    embedded_chunks: z.number().int(),
    model: z.string().nullable().openapi({ description: 'The embedding model of the stored vectors (null: no embedding model available and nothing to embed)' }),
    trace_id: z.string(),
  })
  .openapi('RagUpsertResult');
export type RagUpsertResult = z.infer<typeof RagUpsertResultSchema>;

// queued ingestion

export const RagIngestStartRequestSchema = z
  .object({ trace_id: TraceIdSchema.optional() })
  .strict()
  .openapi('RagIngestStartRequest');
export type RagIngestStartRequest = z.infer<typeof RagIngestStartRequestSchema>;

/** Where a queued ingestion stands, counted from its chunks. */
export const RagIngestJobStatusSchema = z
  .enum(['open', 'embedding', 'done', 'failed'])
  .openapi('RagIngestJobStatus', { description: '`open`: nothing received yet; `embedding`: chunks wait for the queue; `done`: every chunk has its vector; `failed`: some chunks were dead-lettered (see `errors`)' });

export const RagIngestJobErrorSchema = z
  .object({
    at: z.string(),
    attempt: z.number().int().optional(),
    final: z.boolean().openapi({ description: 'True when the queue gave up on those chunks (dead-lettered)' }),
    code: z.string(),
    message: z.string(),
    chunks: z.number().int(),
    retry_in_seconds: z.number().int().nullable().optional(),
  })
  .openapi('RagIngestJobError');

export const RagIngestJobSchema = z
  .object({
    job_id: UuidSchema,
    status: RagIngestJobStatusSchema,
    items: z.number().int().openapi({ description: 'Items received over every stream call' }),
    unchanged: z.number().int().openapi({ description: 'Items that were unchanged (nothing to embed)' }),
    chunks: z.object({ total: z.number().int(), embedded: z.number().int(), pending: z.number().int(), failed: z.number().int() }),
    errors: z.array(RagIngestJobErrorSchema).openapi({ description: 'The last 20 embedding failures, oldest first' }),
    trace_id: z.string(),
    created_at: z.string(),
    settled_at: z.string().nullable().openapi({ description: 'When its last chunk was embedded or dead-lettered' }),
  })
  .openapi('RagIngestJob');
export type RagIngestJob = z.infer<typeof RagIngestJobSchema>;

export const RagIngestStreamRequestSchema = z
  .object({
    job_id: UuidSchema,
    items: IngestItemsSchema,
    wait_seconds: z.number().int().min(0).max(120).default(30).openapi({ description: 'How long the stream follows the queue embedding this call\'s chunks before it ends (0: end once queued)' }),
  })
  .superRefine(uniqueItems)
  .openapi('RagIngestStreamRequest');
export type RagIngestStreamRequest = z.infer<typeof RagIngestStreamRequestSchema>;

/** Data of `rag.ingest.item`: one per item, in request order, once it is stored. */
export const RagIngestItemEventSchema = RagUpsertDocumentSchema.omit({ embedded: true })
  .extend({ queued: z.number().int().openapi({ description: 'Chunks of it sent to the embedding queue' }) })
  .openapi('RagIngestItemEvent');

/** Data of `rag.ingest.progress` (this call's chunks) and, with the item counts, of the terminal `rag.ingest.done`. */
export const RagIngestProgressSchema = z
  .object({ queued: z.number().int(), embedded: z.number().int(), pending: z.number().int(), failed: z.number().int() })
  .openapi('RagIngestProgress');

export const RagIngestDoneSchema = RagIngestProgressSchema.extend({
  job_id: UuidSchema,
  documents: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  settled: z.boolean().openapi({ description: 'False when `wait_seconds` ran out first: follow `GET /rag/ingest/jobs/{job_id}`' }),
  trace_id: z.string(),
}).openapi('RagIngestDone');
export type RagIngestDone = z.infer<typeof RagIngestDoneSchema>;

// retrieval

export const RagSearchFilterSchema = z
  .object({
    source: z.array(RagSourceSchema).min(1).max(6).optional().openapi({ description: 'Only documents of these sources' }),
    metadata: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Only documents whose metadata contains this object (jsonb `@>`)' }),
    document_ids: z.array(UuidSchema).min(1).max(1_000).optional().openapi({ description: 'Only chunks of these documents' }),
  })
  .strict()
  .openapi('RagSearchFilter');
export type RagSearchFilter = z.infer<typeof RagSearchFilterSchema>;

export const RagSearchRequestSchema = z
  .object({
    q: z.string().trim().min(1).max(2_000),
    limit: z.number().int().min(1).max(50).default(10),
    filter: RagSearchFilterSchema.optional(),
    trace_id: TraceIdSchema.optional(),
    stream: z.boolean().default(false).openapi({ description: 'Answer `text/event-stream`: one `rag.item` per item, then `rag.done` (or `error`)' }),
  })
  .openapi('RagSearchRequest');
export type RagSearchRequest = z.infer<typeof RagSearchRequestSchema>;

export const RagSearchItemSchema = z
  .object({
    chunk_id: UuidSchema,
    document_id: UuidSchema,
    source: RagSourceSchema,
    external_id: z.string(),
    title: z.string().nullable(),
    text: z.string(),
    score: z.number().openapi({ description: 'Reciprocal-rank fusion score: Σ 1 / (60 + rank) over the vector and full-text lists' }),
    vector_rank: z.number().int().nullable().openapi({ description: 'Rank (1-based) in the vector list; null when not in it' }),
    text_rank: z.number().int().nullable().openapi({ description: 'Rank (1-based) in the full-text list; null when not in it' }),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi('RagSearchItem');
export type RagSearchItem = z.infer<typeof RagSearchItemSchema>;

export const RagSearchResultSchema = z
  .object({
    items: z.array(RagSearchItemSchema),
    trace_id: z.string(),
  })
  .openapi('RagSearchResult');
export type RagSearchResult = z.infer<typeof RagSearchResultSchema>;

/** Data of the terminal `rag.done` event. */
export const RagSearchDoneSchema = z.object({ count: z.number().int(), trace_id: z.string() }).openapi('RagSearchDone');
export type RagSearchDone = z.infer<typeof RagSearchDoneSchema>;
