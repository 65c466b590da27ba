import { createRoute, z } from '@hono/zod-openapi';
import { BrowserSessionRequestSchema, BrowserSessionSchema, BrowserSessionSummarySchema, PageQuerySchema, pageOf, UuidSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../../lib/openapi';
import { guard } from '../../../middleware';

const tags = ['design-sync'];

export const startSessionRoute = createRoute({
  method: 'post',
  path: '/design-sync/browser-session',
  tags,
  summary: 'Render every story of the Storybook build in a real browser: status, console errors and a screenshot per story',
  description:
    "Answers 202 at once with the queued session (`Location` names it); a queue consumer renders each story (the registry's stories, or `story_ids`) at the Storybook URL credential in Cloudflare Browser Rendering (production) or the local Chromium (`./cogo dev`, tests), two at a time, each in its own browser context. A story is `failed` on an uncaught error, a console error or a failed load, `timeout` when it does not render in 15 s. Screenshots are artifacts (kind `screenshot`).",
  security: BEARER,
  middleware: guard(),
  request: jsonBody(BrowserSessionRequestSchema),
  responses: { 202: jsonResponse(BrowserSessionSchema, 'Queued'), ...errorResponses(400, 401, 422, 429) },
});

export const getSessionRoute = createRoute({
  method: 'get',
  path: '/design-sync/browser-session/{id}',
  tags,
  summary: 'A browser test session and its results so far',
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse(BrowserSessionSchema, 'The session'), ...errorResponses(400, 401, 404, 429) },
});

export const listSessionsRoute = createRoute({
  method: 'get',
  path: '/design-sync/browser-session',
  tags,
  summary: "The project's browser test sessions, newest first, without their results",
  security: BEARER,
  middleware: guard(),
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(pageOf(BrowserSessionSummarySchema), 'A page of sessions'), ...errorResponses(400, 401, 429) },
});
