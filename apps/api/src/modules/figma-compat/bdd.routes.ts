import { createRoute } from '@hono/zod-openapi';
import { BddGenerateRequestSchema, BddGenerateResponseSchema, BddRefineRequestSchema, BddRefineResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-compat'];

const SOURCE =
  'The design is read from `source` (exactly one of `page_id`, `job_id`, `upload_id`, `file_key`/`figma_url`, `document`, plus `node_id`): a Figma file through the version cache (a second read of the same file version makes no Tier-1 call; `origin.figma_calls` says so). A file with several pages and no `node_id` is a 400 listing them; an unknown node, page, job or upload a 404.';

export const bddGenerateRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/bdd/generate',
  tags,
  summary: "Gherkin scenarios from a page's structure: forms, inputs, buttons, links, navigation and prototype paths (deterministic)",
  description: `${SOURCE} One Feature per page, one scenario per user path (a form's button: an outline over its fields; a prototype flow: a journey across screens). The same page always gives the same text, and it parses with @cucumber/gherkin. A page without top-level frames gives a Feature without scenarios and says so in \`warnings\`. JSON that is not a Figma node tree (a field of the wrong type included) is a 400 naming where.`,
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(BddGenerateRequestSchema),
  responses: { 200: jsonResponse(BddGenerateResponseSchema, 'The feature'), ...errorResponses(400, 401, 404, 413, 422, 429, 502) },
});

export const bddRefineRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/bdd/refine',
  tags,
  summary: 'A Gherkin feature refined by an LLM through the gateway, checked with @cucumber/gherkin: repaired once, then refused with line and column',
  description: `${SOURCE} The feature to refine is \`feature\` (it must parse: else a 400 naming its line and column, before any LLM call) or what bdd/generate gives for the source; the model also gets the page's summary (screens, fields, buttons, links, paths) and \`instructions\`. One non-streaming call through the LLM gateway (route \`figma-compat/bdd/refine\` on its usage rows); an answer that does not parse (or has no scenario) gets one repair call showing the parser's error; a second such answer is a 422 whose details carry the parser's \`line\`, \`column\`, \`message\` and the \`text\`. A page that gives no scenarios and no \`feature\` is a 422 before any call. The gateway's errors pass through: 402 budget, 503 no provider, 502 upstream.`,
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(BddRefineRequestSchema),
  responses: { 200: jsonResponse(BddRefineResponseSchema, 'The refined feature'), ...errorResponses(400, 401, 402, 404, 413, 422, 429, 502, 503) },
});
