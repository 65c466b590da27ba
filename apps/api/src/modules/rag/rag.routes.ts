import { createRoute, z } from '@hono/zod-openapi';
import { RagSearchRequestSchema, RagSearchResultSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody } from '../../lib/openapi';
import { guard } from '../../middleware';

export const ragSearchRoute = createRoute({
  method: 'post',
  path: '/rag',
  tags: ['rag'],
  summary: 'Hybrid retrieval (vector + full text, reciprocal-rank fusion): JSON, or SSE `rag.item` … `rag.done`',
  description:
    'The query is embedded through `/embed`\'s routing; the project\'s chunks embedded by that same model are ranked by cosine distance, and all its chunks by full text (`websearch_to_tsquery(\'english\', q)`, `ts_rank_cd`). The top max(limit × 4, 40) of each list are fused: `score` = Σ 1 / (60 + rank), `vector_rank` / `text_rank` are null where a list did not have the chunk. `filter` (source, metadata containment `@>`, document ids) applies to both lists and still returns `limit` items when that many match: the vector list uses an iterative HNSW scan and, if that is short, exact search. With `stream: true` the answer is `text/event-stream`: one `rag.item` per item in order, then one terminal `rag.done` (`{ count, trace_id }`) or `error` (the error envelope\'s body). 503 `SERVICE_UNAVAILABLE` when `VECTOR_DIMENSIONS` differs from `get_vector_dim()`. Rate-limited as `/embed`.',
  security: BEARER,
  middleware: guard('embed'),
  request: jsonBody(RagSearchRequestSchema),
  responses: {
    200: {
      description: 'The fused items (JSON), or their events (text/event-stream)',
      content: { 'application/json': { schema: RagSearchResultSchema }, 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(400, 401, 402, 422, 429, 502, 503),
  },
});
