import { createRoute, z } from '@hono/zod-openapi';
import { ChatDesignRequestSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody } from '../../lib/openapi';
import { guard } from '../../middleware';

export const chatDesignRoute = createRoute({
  method: 'post',
  path: '/chat/design',
  tags: ['chat'],
  summary: 'A design chat turn: RAG → the model’s page → validated UI JSON preview (→ Gherkin), one trace, SSE',
  description: [
    'Seed 000 §16–§19. The message (`prompt`, or the last user message of `messages`) decides the steps: `generate` a page, `refine` the page being worked on (`cogo_ui_json`, else the project’s last applied generated page), `bdd` — Gherkin scenarios for the page ("Refine button styles and add login flow BDD" is refine + bdd).',
    'Events (`text/event-stream`): `meta` { trace_id, intents } first; `progress` { step: rag|plan|ui|bdd, status: started|done|skipped }; `rag.item` (a RagSearchItem) per retrieved chunk and `rag.done` { count } — the project’s own components and tokens rank in its design index beside its documents; `llm.delta` { text } as the model writes the page and `llm.done` { usage, provider, model }; `ui.preview` — the validated, pruned, matched UI JSON (or its `artifact` pointer when over ARTIFACT_INLINE_MAX_BYTES) with `sections`, `tokens_used`, `report` and a one-line `summary`; `bdd.done` { feature, scenarios }; then exactly one of `done` { trace_id, intents, usage, timings } or `error` (the error envelope’s body). `keepalive` events keep the connection open.',
    'Every step records bus events on the trace — `gen_plan_scheduled|started|succeeded|failed`, `rag_query_*`, `ui_generate_*`, `bdd_generated` — so GET /metrics/trace/{traceId} shows the path with durations, tokens and cost; apply the previewed page with POST /figma-context/apply `{ page, trace_id }` to put the apply on the same trace. Retrieval that fails (no embedding provider) is skipped with `progress` `skipped`; the model’s page that is not valid UI JSON after one repair ends with `error` `LLM_BAD_OUTPUT`. 400 before any event for a request without a message.',
  ].join('\n\n'),
  security: BEARER,
  middleware: guard('chat'),
  request: jsonBody(ChatDesignRequestSchema),
  responses: { 200: { description: 'The turn’s events', content: { 'text/event-stream': { schema: z.string() } } }, ...errorResponses(400, 401, 404, 413, 429) },
});
