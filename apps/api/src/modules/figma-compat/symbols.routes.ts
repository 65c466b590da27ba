import { createRoute } from '@hono/zod-openapi';
import { MAX_REGISTRY_ENTRIES, MapSymbolsRequestSchema, SymbolMapResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

export const mapSymbolsRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/symbols/map',
  tags: ['figma-compat'],
  summary: 'Figma components and component sets, with their properties, mapped to code symbols with a confidence each',
  description: `Collects the component sets and standalone components of the design \`source\` names (a variant is mapped through its set) with their \`componentPropertyDefinitions\` — variants, booleans, texts, instance swaps — or, with \`components_from: "stored"\`, the project's stored components of a page or of a job's file. With a \`registry\` (at most ${MAX_REGISTRY_ENTRIES} code symbols, e.g. the design-sync registry) each component takes the symbol that matches it best (confidence = 0.6 × name + 0.4 × props, at least \`min_confidence\`, default 0.5), every prop mapping with its own confidence; unmatched components (with their best candidate and a symbol derived from their name) and unused symbols are listed. Without one, each component gets the symbol its names give. A malformed registry is a 400 naming the path; a design with no component a 422; a file with several pages and no \`source.node_id\` a 400 listing them; an unknown node, page or job 404.`,
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(MapSymbolsRequestSchema),
  responses: { 200: jsonResponse(SymbolMapResponseSchema, 'The symbols map'), ...errorResponses(400, 401, 404, 413, 422, 429, 502) },
});
