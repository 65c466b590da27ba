import { createRoute } from '@hono/zod-openapi';
import { DeriveTokensRequestSchema, DerivedTokensResponseSchema, TokensDiffQuerySchema, TokensDiffResponseSchema, TokenVersionsQuerySchema, TokenVersionsResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-compat'];

export const deriveVariablesRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/variables/derive',
  tags,
  summary: "A Figma file's (or a plugin export's) variables and styles as W3C DTCG 2025.10 design tokens, stored per version",
  description: [
    'Sources (`source`, inferred when absent): Figma (`file_key` or `figma_url`), a plugin upload (`upload_id`: any Figma plan, no Figma call), or both merged by variable id.',
    "**Figma**: asks `/meta` for the file's version (Tier 2). When tokens are stored for that version in this project they are answered (`cached: true`) with no other Figma call. Otherwise reads `/variables/local` (Tier 2; Enterprise only — a 403 is `sources.variables: \"unavailable\"` and the styles still give tokens), the file at depth 1 for its styles map and `/nodes` of the style nodes (Tier 1: 1 + ⌈styles / 500⌉ calls).",
    '**Plugin upload** (POST /figma-compat/uui/presign, then PUT the export to its URL): the export object carries its variables at the top level as `variables` and `variableCollections`, beside the REST-shaped `document` (or `nodes`) — arrays (or maps keyed by id) of what `figma.variables.getLocalVariablesAsync()` and `getLocalVariableCollectionsAsync()` return, serialised: variables with `id`, `name`, `resolvedType`, `valuesByMode` (aliases `{ "type": "VARIABLE_ALIAS", "id" }`), `variableCollectionId`, `scopes`, `codeSyntax`; collections with `id`, `name`, `modes` (`modeId`, `name`), `defaultModeId`, `variableIds`. Its styles come from the document\'s `styles` map and the nodes using them. Alone, the tokens are stored under version `upload:<upload_id>` and `file_key` (given, else `upload<upload_id without dashes>` as ingest names it), so two uploads of one file can be diffed; the same upload again is answered from storage without reading it.',
    "**Both**: Figma's reads as above plus the upload's variables (Figma's copy wins on the same id); stored under Figma's version, and reused only when stored with this upload (a version stored without it is derived again and replaced). `sources` says where the variables came from (`rest`, `plugin`, `both`, `unavailable`) and `plugin` counts the export's variables.",
    'The DTCG document (default modes) and the Resolver document (every mode) are validated against the DTCG schema, stored and answered. `formats` adds CSS custom properties (`css`) and a Tailwind v4 `@theme` block (`tailwind`).',
    'Bad input stores nothing: neither variables nor styles with values is a 422 (`details.code: TOKENS_NO_SOURCE`) naming what is missing; malformed `variables` a 422 (`TOKENS_MALFORMED_VARIABLES`) naming the path (`upload.variables…`); an unknown file or upload 404; an upload over the size cap 413, not JSON or nested too deep 422; Figma\'s 429 is a 429 with `Retry-After`.',
  ].join('\n\n'),
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
  description: 'Both versions must have been derived (POST /figma-compat/uui/variables/derive) by this project: Figma versions, or `upload:<upload_id>` for plugin uploads derived alone under this `file_key`; a missing one is a 404 naming it. Every mode is compared; a renamed variable is one rename, not a removal and an addition. `counts` is always inline; a diff over ARTIFACT_INLINE_MAX_BYTES comes as `artifact` (kind `diff`; GET its `url`: this answer with every list, byte for byte) — the same diff asked again points at the same artifact.',
  security: BEARER,
  middleware: guard(),
  request: { query: TokensDiffQuerySchema },
  responses: { 200: jsonResponse(TokensDiffResponseSchema, 'The diff'), ...errorResponses(400, 401, 404, 429) },
});

export const listVersionsRoute = createRoute({
  method: 'get',
  path: '/figma-compat/uui/variables/versions',
  tags,
  summary: 'The stored token versions of a file, newest first (the versions variables/diff compares)',
  description: 'Every version this project derived for `file_key` (Figma versions, and `upload:<upload_id>` for plugin uploads derived alone), newest first, at most 100, with the number of tokens each holds; an unknown file is an empty list.',
  security: BEARER,
  middleware: guard(),
  request: { query: TokenVersionsQuerySchema },
  responses: { 200: jsonResponse(TokenVersionsResponseSchema, 'The versions'), ...errorResponses(400, 401, 429) },
});
