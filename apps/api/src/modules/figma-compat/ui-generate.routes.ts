import { createRoute } from '@hono/zod-openapi';
import { UiGenerateLlmRequestSchema, UiGenerateRequestSchema, UiGenerateResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-compat'];
const ANSWER =
  'The page as `cogo_ui_json` (page → sections → blocks → components, with props, layout, token references `{path}` and actions) and `uui_json` (the renderer form), or — when the two are over ARTIFACT_INLINE_MAX_BYTES together — `artifact` (GET its `url`: `{ cogo_ui_json, uui_json }` byte for byte). `sections` says which stored components each section uses; `report` what was pruned and which component or token references the project lacks. Apply it with POST /figma-context/apply `{ page: <cogo_ui_json> }`. Emits `ui_generate_started` and `ui_generate_succeeded` (or `_failed`) on the trace (`trace_id`).';

export const uiGenerateRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/generate',
  tags,
  summary: "A page from a prompt's sections, built from the project's components and tokens (keyword, offline, deterministic)",
  description: `The prompt's sections ("hero", "CTA", "features", "pricing", "login form", "FAQ", … in the order named; a landing page naming none gets navbar, hero, features, CTA, footer), or \`sections\` given, each built from the project's stored components where one fits the role by name and generic blocks otherwise, styled with its tokens where they fit. No model is asked; the same prompt and project give the same page.\n\n${ANSWER}`,
  security: BEARER,
  middleware: guard(),
  request: jsonBody(UiGenerateRequestSchema),
  responses: { 200: jsonResponse(UiGenerateResponseSchema, 'The page'), ...errorResponses(400, 401, 413, 429) },
});

export const uiGenerateLlmRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/generate/llm',
  tags,
  summary: 'A page from a prompt through the LLM gateway (JSON mode), validated, pruned and matched to the project',
  description: `The model is given the cogo_ui_json shape, the project's components and tokens, \`context\` (knowledge to ground the texts in) and \`cogo_ui_json\` (a page to refine). Its answer is sanitized (\`__proto__\`/\`constructor\`/\`prototype\` keys, script-ish URLs and event-handler code are cut and listed in \`report.pruned\`), validated against the schema and UI JSON limits, and matched: references to components the project does not have are dropped (\`report.unknown_components\`), unknown token references reported. An answer that is not valid is asked again once with its problems; a second is a 422 \`LLM_BAD_OUTPUT\` (\`details.code\`: \`UI_JSON_NOT_JSON\`, \`UI_JSON_INVALID\`, \`UI_JSON_TOO_LARGE\`; \`details.issues\`). Nothing unvalidated is answered or stored. Gateway errors pass through (402 budget, 503 no provider, 502 upstream).\n\n${ANSWER}`,
  security: BEARER,
  middleware: guard('chat'),
  request: jsonBody(UiGenerateLlmRequestSchema),
  responses: { 200: jsonResponse(UiGenerateResponseSchema, 'The page'), ...errorResponses(400, 401, 402, 413, 422, 429, 502, 503) },
});
