import { createRoute, z } from '@hono/zod-openapi';
import { NotificationEventListSchema, NotificationEventStatusSchema, NotificationSettingsSchema, PutNotificationSettingsSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../../lib/openapi';
import { guard } from '../../../middleware';

const tags = ['design-sync'];

export const getSettingsRoute = createRoute({
  method: 'get',
  path: '/design-sync/notifications',
  tags,
  summary: "The project's notification settings: per category off / immediate / digest, the digest hour, Slack's state",
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(NotificationSettingsSchema, 'The settings (defaults until saved)'), ...errorResponses(401, 429) },
});

export const putSettingsRoute = createRoute({
  method: 'put',
  path: '/design-sync/notifications',
  tags,
  summary: 'Choose per category (sync_done, sync_failed, drift_found, credential_expiring, coverage_dropped) and the digest hour',
  description: 'Categories not named keep their mode. `immediate`: a Slack message per event (through a Queue that honours 429 Retry-After and disables a webhook answering 404/410); `digest`: one message a day at `digest_hour_utc`; `off`: nothing is recorded.',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(PutNotificationSettingsSchema),
  responses: { 200: jsonResponse(NotificationSettingsSchema, 'The saved settings'), ...errorResponses(400, 401, 429) },
});

export const listEventsRoute = createRoute({
  method: 'get',
  path: '/design-sync/notifications/events',
  tags,
  summary: 'Notifications recorded, newest first, with what Slack answered',
  security: BEARER,
  middleware: guard(),
  request: { query: z.object({ status: NotificationEventStatusSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: jsonResponse(NotificationEventListSchema, 'Events and the count of failed ones'), ...errorResponses(400, 401, 429) },
});
