import { createRoute } from '@hono/zod-openapi';
import { ScheduleRequestSchema, ScheduleRunSchema, ScheduleSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../../lib/openapi';
import { guard } from '../../../middleware';

const tags = ['design-sync'];

export const getScheduleRoute = createRoute({
  method: 'get',
  path: '/design-sync/schedule',
  tags,
  summary: "The project's nightly design-sync schedule and its last run",
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(ScheduleSchema, 'The schedule (disabled until set)'), ...errorResponses(401, 429) },
});

export const setScheduleRoute = createRoute({
  method: 'post',
  path: '/design-sync/schedule',
  tags,
  summary: 'Turn the nightly run on or off: re-ingest Storybook, check drift, optionally sync, notify',
  description:
    'Every night at `hour_utc`:00 UTC (a Cron Trigger): the registry is re-ingested from the Storybook URL credential, drift of the confirmed mappings is measured, what drifted is synced when `direction` is set, coverage is measured; Slack hears of drift found, syncs done or failed, and coverage dropped (per the notification settings). With `on_file_update`, a Figma FILE_UPDATE or LIBRARY_PUBLISH webhook for a mapped file runs the drift check at once.',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(ScheduleRequestSchema),
  responses: { 200: jsonResponse(ScheduleSchema, 'The saved schedule'), ...errorResponses(400, 401, 429) },
});

export const runScheduleRoute = createRoute({
  method: 'post',
  path: '/design-sync/schedule/run',
  tags,
  summary: 'Run the nightly schedule now, and answer what it found',
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(ScheduleRunSchema, 'The run'), ...errorResponses(401, 429) },
});
