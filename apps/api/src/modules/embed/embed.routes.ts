import { createRoute, z } from '@hono/zod-openapi';
import { EmbedRequestSchema, EmbedResultSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody } from '../../lib/openapi';
import { guard } from '../../middleware';

export const embedRoute = createRoute({
  method: 'post',
  path: '/embed',
  tags: ['llm'],
  summary: 'Embeddings through router-select: JSON, or SSE `ready` · `embed.status` … `embed.done`',
  description:
    'Inputs go to the provider in batches of at most `EMBED_MAX_BATCH`, in order; `data[i]` is the vector of input `i`. Each batch is retried `EMBED_PROVIDER_MAX_RETRIES` times (honouring `Retry-After`); a provider that still fails with 429, 5xx or a timeout is replaced by the next of the policy (vectors of one answer always come from one model). Every vector has `VECTOR_DIMENSIONS` components, else 502 `EMBED_DIMENSION_MISMATCH` and no vectors. With `stream: true` the answer is `text/event-stream`: `ready` (`{ trace_id, inputs, batches }`), one `embed.status` (`{ batch, batches, done }`) per batch, then one terminal `embed.done` (an EmbedResult) or `error` (the error envelope\'s body). Budgets: 402 `BUDGET_EXCEEDED` before the call. Rate-limited by `EMBED_RATE_LIMIT_PER_MIN`.',
  security: BEARER,
  middleware: guard('embed'),
  request: jsonBody(EmbedRequestSchema),
  responses: {
    200: {
      description: 'The vectors (JSON), or the call\'s events (text/event-stream)',
      content: { 'application/json': { schema: EmbedResultSchema }, 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(400, 401, 402, 422, 429, 502, 503),
  },
});
