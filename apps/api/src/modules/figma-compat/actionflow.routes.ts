import { createRoute } from '@hono/zod-openapi';
import { ActionFlowsQuerySchema, ActionFlowsResponseSchema, RefineActionFlowRequestSchema, RefineActionFlowResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-compat'];

export const refineActionFlowRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/actionflow/refine',
  tags,
  summary: "A prototype's screen graph (every interaction and action kind), its Mermaid text, stored per file and page",
  description:
    "Reads the design `source` names (a stored page, a job's file, a plugin upload, a Figma file through the version cache, or an inline document) and builds its screen graph: screens are the page's top-level frames (inside sections too), edges every action of every prototype interaction (ON_CLICK, ON_HOVER, AFTER_TIMEOUT…; NODE NAVIGATE/SWAP/OVERLAY/SCROLL_TO/CHANGE_TO, BACK, CLOSE, URL, SET_VARIABLE, SET_VARIABLE_MODE, media; CONDITIONAL flattened into its branches) and the legacy `transitionNodeID`. Flows start at the page's `flowStartingPoints` (else its `prototypeStartNodeID`, else the screens nothing navigates to); the report lists unreachable screens, dead ends, flow ends and links without a destination, with every assumption made. A node other than a page (a frame) is read as a page of its own. The graph is stored as the `action_flows` row of (project, file, page): created, updated when its content or the file version changed, left as it is otherwise; an inline `document` is answered but not stored. A file with several pages and no `source.node_id` is a 400 listing them; an unknown node or page 404; a document that is not a Figma design 422.",
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(RefineActionFlowRequestSchema),
  responses: { 200: jsonResponse(RefineActionFlowResponseSchema, 'The screen graph'), ...errorResponses(400, 401, 404, 413, 422, 429, 502) },
});

export const listActionFlowsRoute = createRoute({
  method: 'get',
  path: '/figma-compat/uui/actionflows',
  tags,
  summary: 'The stored screen graphs of a file (one page, or every page)',
  description: 'The `action_flows` rows this project stored with POST /figma-compat/uui/actionflow/refine, in page id order. None stored for the file (or page) is a 404.',
  security: BEARER,
  middleware: guard(),
  request: { query: ActionFlowsQuerySchema },
  responses: { 200: jsonResponse(ActionFlowsResponseSchema, 'The stored graphs'), ...errorResponses(400, 401, 404, 422, 429) },
});
