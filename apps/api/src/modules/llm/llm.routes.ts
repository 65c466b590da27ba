import { createRoute, z } from '@hono/zod-openapi';
import { CompletionRequestSchema, CompletionResultSchema, RouterSelectRequestSchema, RouterSelectResultSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['llm'];

export const completionsRoute = createRoute({
  method: 'post',
  path: '/llm/completions',
  tags,
  summary: 'A chat completion through router-select: JSON, or SSE `llm.delta` … `llm.done`',
  description:
    'With `stream: true` the answer is `text/event-stream`: `llm.delta` events (`{ text }`) whose texts join to the `text` of the one terminal `llm.done` (a CompletionResult), or one terminal `error` (the error envelope\'s body). A provider failing before its first token is replaced silently by the next model of the policy; one cut after tokens is continued by the next provider (`continued: true`, both in `providers`) or ends with `error` `LLM_STREAM_CUT`. Budgets: 402 `BUDGET_EXCEEDED` before the call; a stream that would cross one ends with `error` `BUDGET_EXCEEDED`. `response_format` json_schema output is validated (one repair) before it is sent.',
  security: BEARER,
  middleware: guard('chat'),
  request: jsonBody(CompletionRequestSchema),
  responses: {
    200: {
      description: 'The completion (JSON), or its events (text/event-stream)',
      content: { 'application/json': { schema: CompletionResultSchema }, 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(400, 401, 402, 422, 429, 502, 503),
  },
});

export const routerSelectRoute = createRoute({
  method: 'post',
  path: '/llm/router-select',
  tags,
  summary: 'Which provider and model a call would use now, and why each other candidate would not',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(RouterSelectRequestSchema),
  responses: { 200: { description: 'The choice', content: { 'application/json': { schema: RouterSelectResultSchema } } }, ...errorResponses(400, 401, 422, 429) },
});
