import { createRoute, z } from '@hono/zod-openapi';
import { PutSecretSchema, SecretAliasSchema, SecretAuditSchema, SecretVersionSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const AliasParam = z.object({ alias: SecretAliasSchema.openapi({ param: { name: 'alias', in: 'path' } }) });

export const listSecretsRoute = createRoute({
  method: 'get',
  path: '/vault/secrets',
  tags: ['vault'],
  summary: 'Every secret version of the project (metadata only)',
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(z.object({ items: z.array(SecretVersionSchema) }), 'Versions'), ...errorResponses(401, 429) },
});

export const putSecretRoute = createRoute({
  method: 'put',
  path: '/vault/secrets/{alias}',
  tags: ['vault'],
  summary: 'Set a secret (a new version; the previous one is retired)',
  security: BEARER,
  middleware: guard(),
  request: { params: AliasParam, ...jsonBody(PutSecretSchema) },
  responses: { 201: jsonResponse(SecretVersionSchema, 'Stored'), ...errorResponses(400, 401, 409, 422, 429, 503) },
});

export const rotateSecretRoute = createRoute({
  method: 'post',
  path: '/vault/secrets/{alias}/rotate',
  tags: ['vault'],
  summary: 'Rotate an existing secret to a new value',
  security: BEARER,
  middleware: guard(),
  request: { params: AliasParam, ...jsonBody(PutSecretSchema) },
  responses: { 201: jsonResponse(SecretVersionSchema, 'Rotated'), ...errorResponses(400, 401, 404, 409, 422, 429, 503) },
});

export const revokeSecretRoute = createRoute({
  method: 'delete',
  path: '/vault/secrets/{alias}',
  tags: ['vault'],
  summary: 'Revoke every version of a secret',
  security: BEARER,
  middleware: guard(),
  request: { params: AliasParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(SecretVersionSchema) }), 'Revoked versions'), ...errorResponses(401, 404, 409, 422, 429) },
});

export const secretAuditRoute = createRoute({
  method: 'get',
  path: '/vault/secrets/{alias}/audit',
  tags: ['vault'],
  summary: 'Audit trail of a secret: every change and every use',
  security: BEARER,
  middleware: guard(),
  request: { params: AliasParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(SecretAuditSchema) }), 'Audit rows'), ...errorResponses(401, 429) },
});
