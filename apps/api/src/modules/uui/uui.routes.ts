import { createRoute, z } from '@hono/zod-openapi';
import { FigmaJobStatusSchema, IngestSchema, PresignResponseSchema, PresignSchema, StartFigmaContextResponseSchema, UploadResultSchema, UuidSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard, rateLimit } from '../../middleware';

const tags = ['figma-compat'];

export const presignRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/presign',
  tags,
  summary: 'An upload URL for a plugin export (plugin-only mode: no Figma token needed)',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(PresignSchema),
  responses: { 201: jsonResponse(PresignResponseSchema, 'Upload URL'), ...errorResponses(400, 401, 413, 429, 503) },
});

export const uploadRoute = createRoute({
  method: 'put',
  path: '/figma-compat/uui/upload/{upload_id}',
  tags,
  summary: 'Upload the export to a presigned URL (the URL is the credential)',
  description: 'Body: the plugin export as JSON (a Figma REST file or nodes response, or JSON_REST_V1 exports). Stored in R2.',
  middleware: [rateLimit({ subject: 'ip' })],
  request: {
    params: z.object({ upload_id: UuidSchema.openapi({ param: { name: 'upload_id', in: 'path' } }) }),
    query: z.object({ p: z.string(), e: z.string(), s: z.string() }),
  },
  responses: { 200: jsonResponse(UploadResultSchema, 'Stored'), ...errorResponses(400, 401, 413, 429, 503) },
});

export const ingestRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/ingest',
  tags,
  summary: 'Plan an uploaded export as a job; stream and apply it like /figma-context',
  security: BEARER,
  middleware: guard('heavy'),
  request: jsonBody(IngestSchema),
  responses: { 201: jsonResponse(StartFigmaContextResponseSchema, 'Job planned'), ...errorResponses(400, 401, 404, 413, 422, 429) },
});

export const ingestResultRoute = createRoute({
  method: 'get',
  path: '/figma-compat/uui/ingest/result',
  tags,
  summary: 'State and result of an ingest job',
  security: BEARER,
  middleware: guard(),
  request: { query: z.object({ job_id: UuidSchema }) },
  responses: { 200: jsonResponse(FigmaJobStatusSchema, 'Status'), ...errorResponses(400, 401, 404, 429) },
});
