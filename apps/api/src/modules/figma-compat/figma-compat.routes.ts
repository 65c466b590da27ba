import { createRoute } from '@hono/zod-openapi';
import { DeriveTokensRequestSchema, DerivedTokensResponseSchema, TokensDiffQuerySchema, TokensDiffResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-compat'];

export const deriveVariablesRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/variables/derive',
  tags,
  summary: "A Figma file's variables and styles as W3C DTCG 2025.10 design tokens, stored per file version",
  description:
    "Asks Figma's `/meta` for the file's version (Tier 2). When tokens are stored for that version in this project they are answered (`cached: true`) with no other Figma call. Otherwise reads `/variables/local` (Tier 2; Enterprise only — a 403 is `sources.variables: \"unavailable\"` and the styles still give tokens), the file at depth 1 for its styles map and `/nodes` of the style nodes (Tier 1: 1 + ⌈styles / 500⌉ calls), derives the DTCG document (default modes) and the Resolver document (every mode), validates them against the DTCG schema, stores them under the version and answers. `formats` adds CSS custom properties (`css`) and a Tailwind v4 `@theme` block (`tailwind`). A file with neither variables nor styles with values is a 422 and nothing is stored; an unknown file 404; Figma's 429 is a 429 with `Retry-After`.",
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(DeriveTokensRequestSchema),
  responses: { 200: jsonResponse(DerivedTokensResponseSchema, 'The tokens of the current version'), ...errorResponses(400, 401, 404, 413, 422, 429, 502) },
});

export const diffVariablesRoute = createRoute({
  method: 'get',
  path: '/figma-compat/uui/variables/diff',
  tags,
  summary: 'Tokens added, removed, changed and renamed between two stored versions of a file',
  description: 'Both versions must have been derived (POST /figma-compat/uui/variables/derive) by this project; a missing one is a 404 naming it. Every mode is compared; a renamed variable is one rename, not a removal and an addition.',
  security: BEARER,
  middleware: guard(),
  request: { query: TokensDiffQuerySchema },
  responses: { 200: jsonResponse(TokensDiffResponseSchema, 'The diff'), ...errorResponses(400, 401, 404, 429) },
});
