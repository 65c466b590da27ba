import { createRoute, z } from '@hono/zod-openapi';
import { RagIngestJobSchema, RagIngestStartRequestSchema, RagIngestStreamRequestSchema, UuidSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

export const ragIngestStartRoute = createRoute({
  method: 'post',
  path: '/rag/ingest/start',
  tags: ['rag'],
  summary: 'Start a queued ingestion: a job that takes items over `/rag/ingest/stream` calls and embeds them through a queue',
  description:
    'Answers the job (status `open`). Send its items with `POST /rag/ingest/stream` (≤ 100 per call, as many calls as you like), follow it with `GET /rag/ingest/jobs/{id}`. Rate-limited as `/embed`.',
  security: BEARER,
  middleware: guard('embed'),
  request: jsonBody(RagIngestStartRequestSchema),
  responses: {
    201: jsonResponse(RagIngestJobSchema, 'The new job'),
    ...errorResponses(400, 401, 422, 429),
  },
});

export const ragIngestStreamRoute = createRoute({
  method: 'post',
  path: '/rag/ingest/stream',
  tags: ['rag'],
  summary: 'Send a job items; SSE `rag.ingest.item` per item, `rag.ingest.progress` while the queue embeds them, then `rag.ingest.done`',
  description:
    'Each item is chunked and stored at once, as `/rag/ingest/upsert` does (an unchanged document is `unchanged`: nothing queued; a chunk with the same text keeps its vector), but without a vector: its chunks go to the embedding queue in messages of `EMBED_MAX_BATCH` (each message one provider call, paced per project by `EMBED_RATE_LIMIT_PER_MIN`, retried after the provider\'s `Retry-After` or 2^attempt s, after 3 retries dead-lettered: the chunks are then `failed` and the job shows the errors). Full-text retrieval finds the documents at once, vector retrieval once embedded. Everything is validated and stored before the answer starts, so a 4xx stores nothing. The answer is `text/event-stream`: one `rag.ingest.item` per item in order, `rag.ingest.progress` (`{ queued, embedded, pending, failed }` of this call\'s chunks) when it changes, then one terminal `rag.ingest.done` (with `settled: false` when `wait_seconds` ran out first) or `error`. 404 when the job is not the project\'s; 503 when `VECTOR_DIMENSIONS` differs from `get_vector_dim()`. Rate-limited as `/embed`.',
  security: BEARER,
  middleware: guard('embed'),
  request: jsonBody(RagIngestStreamRequestSchema),
  responses: {
    200: { description: 'The events (text/event-stream)', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(400, 401, 404, 413, 422, 429, 503),
  },
});

export const ragIngestJobRoute = createRoute({
  method: 'get',
  path: '/rag/ingest/jobs/{id}',
  tags: ['rag'],
  summary: 'A queued ingestion: its status, chunk counts and last errors',
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: jsonResponse(RagIngestJobSchema, 'The job'),
    ...errorResponses(400, 401, 404, 429),
  },
});
