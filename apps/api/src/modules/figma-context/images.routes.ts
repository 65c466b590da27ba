import { createRoute, z } from '@hono/zod-openapi';
import { FigmaArtifactNameSchema, FigmaImagesRequestSchema, FigmaImagesResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-context'];

export const imagesRoute = createRoute({
  method: 'post',
  path: '/figma-context/images',
  tags,
  summary: 'Render nodes and store image fills as artifacts (each fetched once)',
  description:
    'Renders `node_ids` (and the URL\'s node-id) with Figma\'s `GET /v1/images/:key` (Tier 1, ≤ 50 ids per call) and, with `include_fills`, stores every image fill of the file (`GET /v1/files/:key/images`, Tier 2). Artifacts have stable names — `figma/<file_key>/nodes/<node>@<scale>x.<fmt>`, `figma/<file_key>/fills/<imageRef>.<ext>` — and are kept per project: a render already stored is not rendered again (unless `refresh`), a fill is downloaded once per imageRef. A node Figma cannot render is listed in `failed`.',
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(FigmaImagesRequestSchema),
  responses: { 200: jsonResponse(FigmaImagesResponseSchema, 'Stored artifacts'), ...errorResponses(400, 401, 404, 422, 429, 502) },
});

export const artifactRoute = createRoute({
  method: 'get',
  path: '/figma-context/artifacts',
  tags,
  summary: 'Download one of your project\'s artifacts by name',
  description: 'The bytes of an artifact named by `POST /figma-context/images`. Another project\'s artifact answers 404.',
  security: BEARER,
  middleware: guard(),
  request: { query: z.object({ name: FigmaArtifactNameSchema }) },
  responses: {
    200: { description: 'The artifact (its stored content type)', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(400, 401, 404, 429),
  },
});
