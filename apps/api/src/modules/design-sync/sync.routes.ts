import { createRoute, z } from '@hono/zod-openapi';
import {
  CoverageQuerySchema,
  CoverageResponseSchema,
  DESIGN_SYNC_LIMITS,
  DriftFeedbackRequestSchema,
  DriftFeedbackSchema,
  DriftQuerySchema,
  DriftResponseSchema,
  PageQuerySchema,
  SyncOperationRequestSchema,
  SyncOperationSchema,
  UndoRequestSchema,
  UndoResponseSchema,
  pageOf,
} from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['design-sync'];

export const driftRoute = createRoute({
  method: 'get',
  path: '/design-sync/drift',
  tags,
  summary: 'Drift between each confirmed mapping’s coded component and its Figma component',
  description:
    "Per confirmed mapping: Figma properties missing in code, code props with no Figma counterpart (handlers, className, style and other code-only props are not drift), variant options vs enum values, defaults, incompatible types, tokens whose value changed since the last sync, a renamed or removed Figma component, a removed code component. Each side is hashed canonically (sorted keys); a mapping whose sides and baseline are unchanged reuses its stored report (`cached`). `diff_hash` is what a sync operation is keyed by.",
  security: BEARER,
  middleware: guard(),
  request: { query: DriftQuerySchema },
  responses: { 200: jsonResponse(DriftResponseSchema, 'The drift report'), ...errorResponses(400, 401, 404, 429) },
});

export const runOperationRoute = createRoute({
  method: 'post',
  path: '/design-sync/operations',
  tags,
  summary: 'Sync drifted components, atomically per component, with an undo entry',
  description: `\`design_to_code\`: the registry component takes the design's props, and a Storybook CSF3 story and a Playwright test are generated as artifacts (kind \`scaffold\`). \`code_to_design\`: the stored Figma component's property definitions take the code's. Each component is its own transaction: one that fails (its Figma or code component is gone) is reported and the others apply (\`partial\`). The operation id is derived from the components and the diff hash, so the same request on the same drift answers the stored operation (\`replayed\`); when nothing drifted it is a \`noop\`. An applied operation is pushed on the project's undo stack (${DESIGN_SYNC_LIMITS.undoDepth} deep, ${DESIGN_SYNC_LIMITS.undoWindowHours} h). Only confirmed mappings sync (another is a 409); an unknown mapping id is a 404.`,
  security: BEARER,
  middleware: guard(),
  request: jsonBody(SyncOperationRequestSchema),
  responses: { 200: jsonResponse(SyncOperationSchema, 'The operation'), ...errorResponses(400, 401, 404, 409, 429) },
});

export const listOperationsRoute = createRoute({
  method: 'get',
  path: '/design-sync/operations',
  tags,
  summary: 'Sync operations, newest first',
  security: BEARER,
  middleware: guard(),
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(pageOf(SyncOperationSchema), 'A page of operations'), ...errorResponses(400, 401, 429) },
});

export const getOperationRoute = createRoute({
  method: 'get',
  path: '/design-sync/operations/{id}',
  tags,
  summary: 'One sync operation',
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: z.string().regex(/^op_[0-9a-f]{32,64}$/).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse(SyncOperationSchema, 'The operation'), ...errorResponses(400, 401, 404, 429) },
});

export const undoRoute = createRoute({
  method: 'post',
  path: '/design-sync/undo',
  tags,
  summary: 'Undo a sync operation: restore exactly what it changed, or refuse with the reason',
  description: `Restores every component the operation changed to its state before it, checked by hash (the restored state's hash equals the recorded pre-state's). Refused with 409 and \`details.reason\`: \`expired\` (older than ${DESIGN_SYNC_LIMITS.undoWindowHours} h), \`already_undone\`, \`later_operation\` (a later, not undone operation changed the same components — undo it first), \`changed_since\` (the components changed after the operation, e.g. a new ingest or apply), \`not_undoable\` (a no-op or failed operation, or one evicted from the ${DESIGN_SYNC_LIMITS.undoDepth}-deep stack). Without \`operation_id\`, the latest undoable operation.`,
  security: BEARER,
  middleware: guard(),
  request: jsonBody(UndoRequestSchema),
  responses: { 200: jsonResponse(UndoResponseSchema, 'What was restored'), ...errorResponses(400, 401, 404, 409, 429) },
});

export const coverageRoute = createRoute({
  method: 'get',
  path: '/design-sync/coverage',
  tags,
  summary: 'Stories and tests per coded component and Figma variant',
  description: "Per registry component: its stories, its tests (stories tagged `test` or `play-fn`), and which of its mapped Figma component's variant options (\"Size=Small\") some story covers (by its args, else by its name).",
  security: BEARER,
  middleware: guard(),
  request: { query: CoverageQuerySchema },
  responses: { 200: jsonResponse(CoverageResponseSchema, 'The coverage report'), ...errorResponses(400, 401, 429) },
});

export const driftFeedbackRoute = createRoute({
  method: 'post',
  path: '/design-sync/drift/feedback',
  tags,
  summary: 'Judge a reported drift item: real, or a false positive',
  description: 'One verdict per (mapping, kind, subject); a new one replaces it. The verdicts give `design_drift_false_positive_ratio` in /metrics and /metrics/overview.',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(DriftFeedbackRequestSchema),
  responses: { 200: jsonResponse(DriftFeedbackSchema, 'The verdict stored'), ...errorResponses(400, 401, 404, 429) },
});
