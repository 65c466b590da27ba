import { createRoute, z } from '@hono/zod-openapi';
import { FigmaWebhookDeliverySchema, FigmaWebhookReceiptSchema, FigmaWebhookSchema, RegisterFigmaWebhookSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { bodyGuard, guard, rateLimit } from '../../middleware';

export const registerWebhookRoute = createRoute({
  method: 'post',
  path: '/figma/webhooks/register',
  tags: ['figma-webhooks'],
  summary: "Register a Figma webhook (FILE_UPDATE or LIBRARY_PUBLISH) for a file, project or team through Figma's POST /v2/webhooks, with the project's Figma token",
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(RegisterFigmaWebhookSchema),
  responses: { 201: jsonResponse(FigmaWebhookSchema, 'Registered (the passcode is never shown)'), ...errorResponses(400, 401, 404, 409, 422, 429, 502) },
});

export const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/figma/webhooks',
  tags: ['figma-webhooks'],
  summary: "The project's Figma webhooks",
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(z.object({ items: z.array(FigmaWebhookSchema) }), 'Webhooks'), ...errorResponses(401, 429) },
});

export const deleteWebhookRoute = createRoute({
  method: 'delete',
  path: '/figma/webhooks/{id}',
  tags: ['figma-webhooks'],
  summary: 'Unregister a webhook, in Figma too (another project’s is 404)',
  security: BEARER,
  middleware: guard('figma'),
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse(FigmaWebhookSchema, 'Deleted'), ...errorResponses(400, 401, 404, 409, 422, 429, 502) },
});

export const receiveWebhookRoute = createRoute({
  method: 'post',
  path: '/figma/webhooks',
  tags: ['figma-webhooks'],
  summary: "Figma's webhook deliveries (public: Figma calls it; the passcode authenticates). A replay answers 200 duplicate: true and does nothing",
  // no credentials and no request signature: Figma sends neither; only the per-IP limit and the body guard
  middleware: [rateLimit({ subject: 'ip' }), bodyGuard()],
  request: jsonBody(FigmaWebhookDeliverySchema),
  responses: { 200: jsonResponse(FigmaWebhookReceiptSchema, 'Received'), ...errorResponses(400, 401, 404, 413, 429) },
});
