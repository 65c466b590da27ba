import { createRoute, z } from '@hono/zod-openapi';
import {
  CodeComponentSchema,
  CodeConnectExportSchema,
  ComponentMappingSchema,
  CreateMappingRequestSchema,
  DESIGN_SYNC_LIMITS,
  MappingListQuerySchema,
  PageQuerySchema,
  RegistryIngestRequestSchema,
  RegistryIngestResponseSchema,
  StorybookIngestRequestSchema,
  StorybookIngestResponseSchema,
  SuggestMappingsRequestSchema,
  SuggestMappingsResponseSchema,
  UpdateMappingRequestSchema,
  UuidSchema,
  pageOf,
} from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['design-sync'];

export const ingestRegistryRoute = createRoute({
  method: 'post',
  path: '/design-sync/registry',
  tags,
  summary: 'Ingest a Storybook build into the code registry (idempotent)',
  description: `Reads a Storybook \`index.json\` (v5), props from a Storybook 10 components manifest or react-docgen-typescript JSON, and Code Connect mappings, and upserts one registry component per Storybook title (at most ${DESIGN_SYNC_LIMITS.components}): the same input again changes nothing (\`unchanged\`). Code Connect mappings are stored confirmed. \`prune: true\` deletes components the input no longer names (and their mappings). A document the parser cannot read is a 400 naming its JSON path; entries it skips are listed in \`warnings\`.`,
  security: BEARER,
  middleware: guard(),
  request: jsonBody(RegistryIngestRequestSchema),
  responses: { 200: jsonResponse(RegistryIngestResponseSchema, 'What the ingest changed'), ...errorResponses(400, 401, 413, 422, 429) },
});

export const ingestStorybookRoute = createRoute({
  method: 'post',
  path: '/design-sync/registry/storybook',
  tags,
  summary: "Ingest the project's Storybook build from its URL",
  description:
    "Reads `index.json` from the project's Storybook URL (the `storybook` credential), Storybook 10's components manifest (`manifests/components.json`) and, when the build publishes them beside it, `docgen.json` (react-docgen-typescript) and `code-connect.json`; then ingests them as POST /design-sync/registry does. A file that is not there is a warning (a props document not when the other one gave the props); no Storybook URL, or an index.json that cannot be read, is a 422 saying why (never the URL).",
  security: BEARER,
  middleware: guard(),
  request: jsonBody(StorybookIngestRequestSchema),
  responses: { 200: jsonResponse(StorybookIngestResponseSchema, 'What the ingest changed, and the files it read'), ...errorResponses(400, 401, 422, 429) },
});

export const listRegistryRoute = createRoute({
  method: 'get',
  path: '/design-sync/registry',
  tags,
  summary: "The project's coded components, by key",
  security: BEARER,
  middleware: guard(),
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(pageOf(CodeComponentSchema), 'A page of registry components'), ...errorResponses(400, 401, 429) },
});

export const listMappingsRoute = createRoute({
  method: 'get',
  path: '/design-sync/mappings',
  tags,
  summary: 'Code ↔ Figma component mappings',
  description: 'Filtered by `status` and `file_key`, ordered by code component key, in keyset pages.',
  security: BEARER,
  middleware: guard(),
  request: { query: MappingListQuerySchema },
  responses: { 200: jsonResponse(pageOf(ComponentMappingSchema), 'A page of mappings'), ...errorResponses(400, 401, 429) },
});

export const createMappingRoute = createRoute({
  method: 'post',
  path: '/design-sync/mappings',
  tags,
  summary: 'Map a coded component to a stored Figma component (confirmed)',
  description: 'The code component by registry key (or id); the Figma component set or component by file key and node id, as POST /figma-context/apply stored it. An unknown code component or Figma component is a 404; mapping it again updates the props map and confirms it.',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(CreateMappingRequestSchema),
  responses: { 201: jsonResponse(ComponentMappingSchema, 'The mapping'), ...errorResponses(400, 401, 404, 429) },
});

export const suggestMappingsRoute = createRoute({
  method: 'post',
  path: '/design-sync/mappings/suggest',
  tags,
  summary: 'Suggest mappings by name and prop similarity, for a person to confirm',
  description: 'Pairs unmapped registry components with unmapped stored Figma components (sets and standalone components) by name and property similarity (confidence = 0.6 × name + 0.4 × props, at least `min_confidence`), one each, and stores them as `suggested`. A pair a person rejected is never suggested again.',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(SuggestMappingsRequestSchema),
  responses: { 200: jsonResponse(SuggestMappingsResponseSchema, 'The suggestions'), ...errorResponses(400, 401, 429) },
});

export const updateMappingRoute = createRoute({
  method: 'patch',
  path: '/design-sync/mappings/{id}',
  tags,
  summary: 'Confirm or reject a mapping',
  description: "Confirming records the baseline drift is measured against (the Figma name and the bound tokens' values now).",
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }), ...jsonBody(UpdateMappingRequestSchema) },
  responses: { 200: jsonResponse(ComponentMappingSchema, 'The mapping'), ...errorResponses(400, 401, 404, 429) },
});

export const exportCodeConnectRoute = createRoute({
  method: 'get',
  path: '/design-sync/mappings/code-connect',
  tags,
  summary: 'Confirmed and suggested mappings as Code Connect template files',
  description: 'One `<Name>.figma.tsx` per mapping (`figma.connect` with the props map as figma.enum/boolean/string/instance), to review and commit beside the components.',
  security: BEARER,
  middleware: guard(),
  request: { query: z.object({ status: z.enum(['confirmed', 'suggested', 'all']).default('confirmed') }) },
  responses: { 200: jsonResponse(CodeConnectExportSchema, 'The files'), ...errorResponses(400, 401, 429) },
});
