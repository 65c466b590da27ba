import { createRoute } from '@hono/zod-openapi';
import { RagUpsertRequestSchema, RagUpsertResultSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

export const ragUpsertRoute = createRoute({
  method: 'post',
  path: '/rag/ingest/upsert',
  tags: ['rag'],
  summary: 'Ingest a small batch of documents synchronously: chunk, embed, store',
  description:
    'Each item is a document of the project, identified by `source` (default `doc`) and `id`. Its text is cut into chunks of ~400 tokens (estimated at 4 characters per token) with ~60 tokens of overlap, at headings first, never inside a fenced code block that fits, each chunk prefixed with its heading path. A document whose title, text and metadata are unchanged and whose chunks carry the current embedding model\'s vectors is `unchanged`: no provider call, no write. A changed document\'s chunks are replaced, but a chunk with the same text keeps its vector. The embedding calls go through `/embed`\'s routing before anything is written, so a provider failure (502) stores nothing. 503 `SERVICE_UNAVAILABLE` when `VECTOR_DIMENSIONS` differs from the stored embeddings\' size (`get_vector_dim()`). Rate-limited as `/embed`.',
  security: BEARER,
  middleware: guard('embed'),
  request: jsonBody(RagUpsertRequestSchema),
  responses: {
    200: jsonResponse(RagUpsertResultSchema, 'One entry per item, in request order'),
    ...errorResponses(400, 401, 402, 413, 422, 429, 502, 503),
  },
});
