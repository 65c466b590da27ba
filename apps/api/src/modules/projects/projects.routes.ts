import { createRoute, z } from '@hono/zod-openapi';
import { ApiKeySchema, CreateApiKeySchema, CreatedProjectSchema, CreateProjectSchema, IssuedApiKeySchema, ProjectSchema, UuidSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { adminGuard, guard } from '../../middleware';

const KeyIdParam = z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) });

export const createProjectRoute = createRoute({
  method: 'post',
  path: '/projects',
  tags: ['projects'],
  summary: 'Create a project and its first API key (admin)',
  security: BEARER,
  middleware: adminGuard(),
  request: jsonBody(CreateProjectSchema),
  responses: { 201: jsonResponse(CreatedProjectSchema, 'Created; the key is shown once'), ...errorResponses(400, 401, 403, 409, 429) },
});

export const currentProjectRoute = createRoute({
  method: 'get',
  path: '/projects/current',
  tags: ['projects'],
  summary: 'The project the credentials act for',
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(ProjectSchema, 'The project'), ...errorResponses(401, 404, 429) },
});

export const listKeysRoute = createRoute({
  method: 'get',
  path: '/keys',
  tags: ['projects'],
  summary: "The project's API keys (prefixes only)",
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(z.object({ items: z.array(ApiKeySchema) }), 'Keys'), ...errorResponses(401, 429) },
});

export const createKeyRoute = createRoute({
  method: 'post',
  path: '/keys',
  tags: ['projects'],
  summary: 'Issue a new API key',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(CreateApiKeySchema),
  responses: { 201: jsonResponse(IssuedApiKeySchema, 'Issued; the key is shown once'), ...errorResponses(400, 401, 409, 422, 429) },
});

export const rotateKeyRoute = createRoute({
  method: 'post',
  path: '/keys/{id}/rotate',
  tags: ['projects'],
  summary: 'Replace a key with a new one; the old one stops working at once',
  security: BEARER,
  middleware: guard(),
  request: { params: KeyIdParam },
  responses: { 201: jsonResponse(IssuedApiKeySchema, 'The new key, shown once'), ...errorResponses(401, 404, 409, 422, 429) },
});

export const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/keys/{id}',
  tags: ['projects'],
  summary: 'Revoke a key',
  security: BEARER,
  middleware: guard(),
  request: { params: KeyIdParam },
  responses: { 200: jsonResponse(ApiKeySchema, 'The revoked key'), ...errorResponses(401, 404, 409, 422, 429) },
});
