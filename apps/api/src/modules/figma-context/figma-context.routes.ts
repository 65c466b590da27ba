import { createRoute, z } from '@hono/zod-openapi';
import {
  ApplyFigmaContextSchema,
  ApplyResultSchema,
  FigmaContextPageSchema,
  FigmaContextQuerySchema,
  FigmaJobStatusSchema,
  JobIdBodySchema,
  StartFigmaContextResponseSchema,
  StartFigmaContextSchema,
  StreamFigmaContextSchema,
  UuidSchema,
} from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-context'];

export const startRoute = createRoute({
  method: 'post',
  path: '/figma-context/start',
  tags,
  summary: 'Plan the extraction of a Figma file or node',
  description: 'Reads the file at depth 2 (pages and top-level frames) — or the subtree of `node-id` — and plans chunks of ≤ 100 nodes, ≤ 500 per stream call.',
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(StartFigmaContextSchema),
  responses: { 201: jsonResponse(StartFigmaContextResponseSchema, 'Job planned'), ...errorResponses(400, 401, 404, 413, 422, 429, 502) },
});

export const streamRoute = createRoute({
  method: 'post',
  path: '/figma-context/stream',
  tags,
  summary: 'Stream the extracted context (SSE, resumable)',
  description:
    'Events `ready`, `page.ready`, `page.includes`, `page.chunk`, `progress`, `debug`, `keepalive`, `done`, `error`. Every logged event has an increasing `id`; reconnect with `Last-Event-ID` (or `cursor`) to get the rest, none lost or repeated. A call that stops within its time budget ends with `progress` carrying `next_cursor`. `keepalive` carries no id.',
  security: BEARER,
  middleware: guard('figma'),
  request: { ...jsonBody(StreamFigmaContextSchema), headers: z.object({ 'last-event-id': z.string().regex(/^\d{1,12}$/).optional() }) },
  responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } }, ...errorResponses(400, 401, 404, 429) },
});

export const statusRoute = createRoute({
  method: 'get',
  path: '/figma-context/status',
  tags,
  summary: 'State, progress, counts and last error of a job',
  security: BEARER,
  middleware: guard(),
  request: { query: z.object({ job_id: UuidSchema }) },
  responses: { 200: jsonResponse(FigmaJobStatusSchema, 'Status'), ...errorResponses(400, 401, 404, 429) },
});

export const cancelRoute = createRoute({
  method: 'post',
  path: '/figma-context/cancel',
  tags,
  summary: 'Cancel a job (its stream ends with an `error` event, code CANCELLED)',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(JobIdBodySchema),
  responses: { 200: jsonResponse(FigmaJobStatusSchema, 'Cancelled'), ...errorResponses(400, 401, 404, 409, 429) },
});

export const applyRoute = createRoute({
  method: 'post',
  path: '/figma-context/apply',
  tags,
  summary: 'Store a page and its components (idempotent, replace-mode by page, ≤ 300 per call), or a generated page',
  description:
    "A Figma page of a job (`job_id`, `page: { node_id, name, components }`, ≤ 300 components per call, `batch` for more) or a generated page (`page`: a cogo_ui_json document, no `job_id`; `trace_id` puts its `figma_apply_*` events on the chat turn's trace). A generated page is stored under file key `generated` — its sections, blocks and components one row each — in one transaction; the same document again changes nothing (`unchanged` counts every row). A document holding what the UI JSON sanitizer cuts (script URLs, event-handler code, unsafe keys) is a 422 (`details.code: UI_JSON_UNSAFE`, `details.pruned`); two nodes with one id a 400.",
  security: BEARER,
  middleware: guard('heavy'),
  request: jsonBody(ApplyFigmaContextSchema),
  responses: { 200: jsonResponse(ApplyResultSchema, 'Applied'), ...errorResponses(400, 401, 404, 409, 413, 422, 429) },
});

export const healthRoute = createRoute({
  method: 'get',
  path: '/figma-context/healthz',
  tags,
  summary: 'figma-context configuration for your project',
  security: BEARER,
  middleware: guard(),
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ok'), figma_api_base: z.string(), token: z.enum(['vault', 'env', 'missing']) }), 'Module health'),
    ...errorResponses(401, 429),
  },
});

export const contextRoute = createRoute({
  method: 'get',
  path: '/figma-context/context',
  tags,
  summary: "A job's whole compact context (text or JSON), paged by bytes",
  description:
    'Every kept node with its text, layout, styles, variables and component props: the merged `page.chunk` contexts rendered as `text` (toText) or `json` (toJson), at most `max_bytes` UTF-8 bytes of `content` per page. A page ends before a block (dictionary entry, component, top-level node with its subtree) that does not fit; a block larger than a page is cut between lines, a line larger than a page between characters. Pass `next_cursor` as `cursor` for the next page (it names its job and format); the pages concatenated are the whole rendering. A job not done yet is `partial`: its pages hold what was logged when the first page was read.',
  security: BEARER,
  middleware: guard(),
  request: { query: FigmaContextQuerySchema },
  responses: { 200: jsonResponse(FigmaContextPageSchema, 'One page of the context'), ...errorResponses(400, 401, 404, 429) },
});
