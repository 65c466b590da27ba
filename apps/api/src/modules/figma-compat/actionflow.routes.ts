import { createRoute } from '@hono/zod-openapi';
import { ActionFlowsQuerySchema, ActionFlowsResponseSchema, RefineActionFlowRequestSchema, RefineActionFlowResponseSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['figma-compat'];

export const refineActionFlowRoute = createRoute({
  method: 'post',
  path: '/figma-compat/uui/actionflow/refine',
  tags,
  summary: "A prototype's screen graph (every interaction and action kind), its Mermaid text, stored per file and page; optionally annotated by an LLM",
  description:
    "Reads the design `source` names (a stored page, a job's file, a plugin upload, a Figma file through the version cache, or an inline document) and builds its screen graph: screens are the page's top-level frames (inside sections too), edges every action of every prototype interaction (ON_CLICK, ON_HOVER, AFTER_TIMEOUT…; NODE NAVIGATE/SWAP/OVERLAY/SCROLL_TO/CHANGE_TO, BACK, CLOSE, URL, SET_VARIABLE, SET_VARIABLE_MODE, media; CONDITIONAL flattened into its branches) and the legacy `transitionNodeID`. Flows start at the page's `flowStartingPoints` (else its `prototypeStartNodeID`, else the screens nothing navigates to); the report lists unreachable screens, dead ends, flow ends and links without a destination, with every assumption made. A node other than a page (a frame) is read as a page of its own. The graph is stored as the `action_flows` row of (project, file, page): created, updated when its content or the file version changed, left as it is otherwise; an inline `document` is answered but not stored. A file with several pages and no `source.node_id` is a 400 listing them; an unknown node or page 404; a document that is not a Figma design 422.\n\nWith `refine`, after the graph is stored, one non-streaming call through the LLM gateway (route `figma-compat/actionflow/refine` on its usage rows; a json_schema response format the gateway validates and repairs once) asks for `annotations`: screen purposes, flow summaries and suggestions (dead_end, unreachable, missing_back, other), from a compact summary of the graph. Entries naming a screen id or flow name the graph does not hold are dropped and listed in `annotation_warnings`; when nothing valid is left, one repair call names them, and a second such answer is a 422 (`ACTION_FLOW_ANNOTATIONS_UNKNOWN`) naming them. A page without screens is a 422 before any call. The annotations are stored on the row (not part of its content hash; a rebuild whose graph changed clears them, an unchanged one keeps and answers them) and `llm` says who wrote them at what cost. The gateway's errors are the answer as it gives them (402 budget, 503 no provider, 502 upstream, 422 unknown model or invalid JSON): the deterministic row was stored before the call and stays, without new annotations. A 409 when another build replaced the graph while the model was answering.",
  security: BEARER,
  middleware: guard('figma'),
  request: jsonBody(RefineActionFlowRequestSchema),
  responses: { 200: jsonResponse(RefineActionFlowResponseSchema, 'The screen graph'), ...errorResponses(400, 401, 402, 404, 409, 413, 422, 429, 502, 503) },
});

export const listActionFlowsRoute = createRoute({
  method: 'get',
  path: '/figma-compat/uui/actionflows',
  tags,
  summary: 'The stored screen graphs of a file (one page, or every page)',
  description: 'The `action_flows` rows this project stored with POST /figma-compat/uui/actionflow/refine, in page id order, each with the `annotations` of its last refinement (null when none ran since its graph last changed). None stored for the file (or page) is a 404.',
  security: BEARER,
  middleware: guard(),
  request: { query: ActionFlowsQuerySchema },
  responses: { 200: jsonResponse(ActionFlowsResponseSchema, 'The stored graphs'), ...errorResponses(400, 401, 404, 422, 429) },
});
