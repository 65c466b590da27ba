import { createRoute, z } from '@hono/zod-openapi';
import { ArtifactListQuerySchema, ArtifactSchema, pageOf, UuidSchema } from '@cogo/types';
import { BEARER, errorResponses } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['artifacts'];

export const getArtifactRoute = createRoute({
  method: 'get',
  path: '/artifacts/{id}',
  tags,
  summary: "Download one of your project's artifacts (streamed, with an ETag)",
  description:
    'The bytes of an artifact (a generated plan, UI JSON, diff or large job output; answers that were too large to send inline carry its `url`), byte for byte as stored, with its content type, `Content-Length`, `ETag: "<sha256>"` and `Cache-Control: private, max-age=…` (never past its expiry). `If-None-Match` with the ETag answers 304 with no body. An unknown, expired or other project\'s id answers 404.',
  security: BEARER,
  middleware: guard(),
  request: {
    params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }),
    headers: z.object({ 'if-none-match': z.string().max(1_000).optional() }),
  },
  responses: {
    200: {
      description: 'The artifact (its stored content type)',
      headers: z.object({ ETag: z.string().openapi({ example: '"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"' }), 'Cache-Control': z.string() }),
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    304: { description: 'Not modified: If-None-Match named the current ETag' },
    ...errorResponses(400, 401, 404, 429),
  },
});

export const listArtifactsRoute = createRoute({
  method: 'get',
  path: '/artifacts',
  tags,
  summary: "Your project's live artifacts, newest first",
  description: 'Filtered by `kind` and `trace_id`, in keyset pages (`nextCursor`, null at the end; a cursor this API did not issue is a 400). Expired artifacts are not listed.',
  security: BEARER,
  middleware: guard(),
  request: { query: ArtifactListQuerySchema },
  responses: { 200: { description: 'A page of artifacts', content: { 'application/json': { schema: pageOf(ArtifactSchema) } } }, ...errorResponses(400, 401, 429) },
});
