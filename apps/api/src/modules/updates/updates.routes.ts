import { createRoute } from '@hono/zod-openapi';
import { ProjectUpdatesPageSchema, ProjectUpdatesQuerySchema, ReplayUpdatesResultSchema, ReplayUpdatesSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { adminGuard, guard } from '../../middleware';

export const listUpdatesRoute = createRoute({
  method: 'get',
  path: '/projects/current/updates',
  tags: ['projects'],
  summary: "Your project's changes (the outbox), oldest first: follow them with `after`",
  security: BEARER,
  middleware: guard(),
  request: { query: ProjectUpdatesQuerySchema },
  responses: { 200: jsonResponse(ProjectUpdatesPageSchema, 'A page of updates'), ...errorResponses(400, 401, 429) },
});

export const replayUpdatesRoute = createRoute({
  method: 'post',
  path: '/admin/updates/replay',
  tags: ['admin'],
  summary: 'Send undelivered updates to the projection worker again (admin; after a DLQ incident)',
  security: BEARER,
  middleware: adminGuard(),
  request: jsonBody(ReplayUpdatesSchema),
  responses: { 200: jsonResponse(ReplayUpdatesResultSchema, 'What was sent'), ...errorResponses(400, 401, 403, 429, 503) },
});
