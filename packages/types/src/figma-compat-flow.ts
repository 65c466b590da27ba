// figma-compat contract, `actionflow/refine` and `actionflows` (issue 13): a prototype's screen graph built from a
// design source, its Mermaid text, and the stored `action_flows` rows. The graph's inner fields are the builder's
// own (`@cogo/figma-compat` ActionFlow, camelCase), so one shape is written once and a stored row reads back as is.
// With `refine`, the LLM's annotations of the graph (snake_case, as the model is asked for them), checked against it.
import { z } from '@hono/zod-openapi';
import { DesignOriginSchema, DesignSourceSchema } from './figma-compat-design';
import { FigmaNodeIdSchema, TraceIdSchema, UuidSchema } from './ids';
import { LlmUsageSchema, ModelNameSchema } from './llm';

/** Longest user instructions for actionflow/refine's LLM step. */
export const ACTION_FLOW_MAX_INSTRUCTIONS_CHARS = 4_000;

const FlowScreenSchema = z.object({
  id: z.string(),
  name: z.string(),
  nodeType: z.string(),
  kind: z.enum(['frame', 'component', 'other', 'offPage']).openapi({
    description: '`frame`: a top-level frame or instance (a screen); `component`: a top-level component or set; `other`: another top-level node that takes part in an interaction; `offPage`: a destination on another page of the input',
  }),
  pageId: z.string().optional(),
  overlay: z.boolean().openapi({ description: 'some edge opens it with OVERLAY navigation' }),
});

const FlowTriggerSchema = z.object({
  type: z.string().openapi({ description: "Figma's trigger type (ON_CLICK, ON_HOVER, AFTER_TIMEOUT, ON_KEY_DOWN…), `NONE` for a null trigger" }),
  timeoutMs: z.number().optional(),
  delayMs: z.number().optional(),
  device: z.string().optional(),
  keyCodes: z.array(z.number()).optional(),
  mediaHitTime: z.number().optional(),
});

const FlowDestinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('screen'), screenId: z.string(), nodeId: z.string() }),
  z.object({ kind: z.literal('back') }),
  z.object({ kind: z.literal('close') }),
  z.object({ kind: z.literal('url'), url: z.string() }),
  z.object({ kind: z.literal('self') }),
  z.object({ kind: z.literal('missing'), nodeId: z.string().nullable(), reason: z.enum(['null-destination', 'not-in-input']) }),
]);

const FlowEdgeSchema = z.object({
  id: z.string().openapi({ description: '`<sourceNodeId>#<interaction>.<action>[/<block>.<action>…]`, or `<sourceNodeId>#legacy`' }),
  from: z.string().openapi({ description: 'the screen holding the source node' }),
  sourceNodeId: z.string(),
  sourceName: z.string(),
  trigger: FlowTriggerSchema,
  action: z.enum(['NODE', 'BACK', 'CLOSE', 'URL', 'SET_VARIABLE', 'SET_VARIABLE_MODE', 'UPDATE_MEDIA_RUNTIME', 'UNKNOWN']).openapi({ description: 'CONDITIONAL is flattened into its branches (`branch`)' }),
  rawAction: z.string().optional(),
  navigation: z.string().optional().openapi({ description: 'NODE actions: NAVIGATE, SWAP, OVERLAY, SCROLL_TO or CHANGE_TO (as Figma sent it)' }),
  destination: FlowDestinationSchema,
  transition: z.object({ type: z.string().optional(), direction: z.string().optional(), durationMs: z.number().optional(), easing: z.string().optional(), matchLayers: z.boolean().optional() }).optional(),
  branch: z.array(z.object({ action: z.number().int(), block: z.number().int(), condition: z.string() })).optional(),
  variable: z.object({ variableId: z.string().nullable(), name: z.string().optional(), value: z.string() }).optional(),
  variableMode: z.object({ collectionId: z.string().nullable(), modeId: z.string().nullable() }).optional(),
  media: z.object({ action: z.string(), targetId: z.string().nullable(), amountToSkip: z.number().optional(), newTimestamp: z.number().optional() }).optional(),
  temporary: z.boolean().optional(),
  legacy: z.enum(['transitionNodeID', 'destinationFromTransitionNodeID']).optional(),
});

const FlowReportSchema = z.object({
  entry: z.enum(['flowStartingPoints', 'prototypeStartNodeID', 'roots', 'none']),
  assumptions: z.array(z.string()),
  unreachable: z.array(z.string()).openapi({ description: 'screens (frame kind) reachable from no flow start, canvas order' }),
  deadEnds: z.array(z.string()).openapi({ description: 'reachable screens with no exit that are not flow ends' }),
  flowEnds: z.array(z.string()),
  missing: z.array(z.object({ edgeId: z.string(), sourceNodeId: z.string(), destinationId: z.string().nullable(), reason: z.enum(['null-destination', 'not-in-input']) })),
  missingStarts: z.array(z.object({ name: z.string(), nodeId: z.string() })),
});

export const ActionFlowSchema = z
  .object({
    version: z.literal(1),
    page: z.object({ id: z.string(), name: z.string() }),
    screens: z.array(FlowScreenSchema),
    edges: z.array(FlowEdgeSchema),
    flows: z.array(z.object({ name: z.string(), startScreenId: z.string(), source: z.enum(['flowStartingPoints', 'prototypeStartNodeID', 'roots']), reachable: z.array(z.string()) })),
    report: FlowReportSchema,
    counts: z.object({ screens: z.number().int(), edges: z.number().int(), navigationEdges: z.number().int(), interactions: z.number().int(), legacyEdges: z.number().int(), flows: z.number().int() }),
  })
  .openapi('ActionFlow');
export type ActionFlowGraph = z.infer<typeof ActionFlowSchema>;

export const RefineActionFlowRequestSchema = z
  .object({
    source: DesignSourceSchema,
    flow_ends: z.array(z.string().min(1).max(500)).max(500).optional().openapi({ description: 'Screen ids or names that end a flow: reached and without exit, they are flow ends, not dead ends' }),
    flow_end_words: z
      .array(z.string().min(1).max(100))
      .max(100)
      .optional()
      .openapi({ description: 'Words (whole, any case) whose presence in a screen name marks a flow end, replacing the default list (success, done, complete, thanks, end…); `[]` turns name matching off' }),
    variable_names: z
      .record(z.string().min(1).max(200), z.string().max(500))
      .refine((m) => Object.keys(m).length <= 10_000, { message: 'at most 10000 variable names' })
      .optional()
      .openapi({ description: 'Variable id → name, so conditions and SET_VARIABLE read `{isLoggedIn}`; an inline document or plugin upload carrying `variables` (as the plugin exports them) names them too; ids stay where no name is known' }),
    mermaid: z
      .object({ direction: z.enum(['LR', 'RL', 'TB', 'TD', 'BT']).optional(), navigation_only: z.boolean().optional() })
      .optional()
      .openapi({ description: 'Chart direction (default LR); `navigation_only` draws only the edges that move the user' }),
    refine: z
      .object({
        instructions: z.string().max(ACTION_FLOW_MAX_INSTRUCTIONS_CHARS).optional().openapi({ description: 'What the model should look at, in plain words' }),
        model: ModelNameSchema.optional().openapi({ description: "Default: the project's routing policy's first model, else the deployment's default" }),
      })
      .optional()
      .openapi({
        description:
          'Ask the LLM gateway to annotate the stored graph (screen purposes, flow summaries, suggestions). Without it no model is called. The graph itself stays deterministic: annotations are not part of its content hash.',
      }),
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('RefineActionFlowRequest');
export type RefineActionFlowRequest = z.infer<typeof RefineActionFlowRequestSchema>;

export const ActionFlowSuggestionKindSchema = z.enum(['dead_end', 'unreachable', 'missing_back', 'other']);

export const ActionFlowAnnotationsSchema = z
  .object({
    screens: z.array(z.object({ id: z.string(), purpose: z.string() })).openapi({ description: "A screen's purpose, by screen id of the graph" }),
    flows: z.array(z.object({ name: z.string(), summary: z.string() })).openapi({ description: "A flow's summary, by flow name of the graph" }),
    suggestions: z.array(z.object({ screen_id: z.string(), kind: ActionFlowSuggestionKindSchema, text: z.string() })),
    model: z.string().openapi({ description: 'The model that wrote them' }),
    provider: z.string(),
    refined_at: z.string().openapi({ description: 'When they were written (ISO 8601)' }),
  })
  .openapi('ActionFlowAnnotations', {
    description: "The LLM's reading of the graph, checked against it: every screen id and flow name exists in `action_flow` (those that did not were dropped and listed in `annotation_warnings`)",
  });
export type ActionFlowAnnotations = z.infer<typeof ActionFlowAnnotationsSchema>;

export const ActionFlowAnnotationWarningSchema = z
  .object({
    path: z.string().openapi({ description: 'Where in the model\'s answer, e.g. `screens[2].id`' }),
    value: z.string().openapi({ description: 'The id or name it gave' }),
    message: z.string(),
  })
  .openapi('ActionFlowAnnotationWarning');

export const ActionFlowLlmSchema = z
  .object({
    model: z.string(),
    provider: z.string(),
    usage: LlmUsageSchema.openapi({ description: 'Summed over the calls (a repair included)' }),
    repaired: z.boolean().openapi({ description: "True when the JSON needed the gateway's repair, or the ids a repair call" }),
  })
  .openapi('ActionFlowLlm');

export const StoredActionFlowStatusSchema = z
  .object({
    id: UuidSchema,
    status: z
      .enum(['created', 'updated', 'unchanged'])
      .openapi({ description: "Of the graph: `unchanged` when the stored row already held this graph, Mermaid text and file version (nothing of it written; `refine`'s annotations may still be)" }),
    file_key: z.string(),
    page_id: z.string(),
    content_hash: z.string(),
    updated_at: z.string(),
  })
  .openapi('StoredActionFlowStatus');

export const RefineActionFlowResponseSchema = z
  .object({
    action_flow: ActionFlowSchema,
    mermaid: z.string().openapi({ description: 'The graph as a Mermaid `flowchart`' }),
    stored: StoredActionFlowStatusSchema.nullable().openapi({ description: 'The `action_flows` row (one per project, file and page); null for an inline `document`, which names no file to store under' }),
    annotations: ActionFlowAnnotationsSchema.nullable().openapi({
      description: "`refine`'s annotations; without `refine`, those the row kept from an earlier refinement of the same graph; null when none",
    }),
    annotation_warnings: z.array(ActionFlowAnnotationWarningSchema).openapi({ description: "What the model named that the graph does not hold: dropped from `annotations`" }),
    llm: ActionFlowLlmSchema.optional().openapi({ description: 'Present when the LLM ran (`refine`)' }),
    origin: DesignOriginSchema,
    trace_id: z.string(),
  })
  .openapi('RefineActionFlowResponse');
export type RefineActionFlowResponse = z.infer<typeof RefineActionFlowResponseSchema>;

export const ActionFlowsQuerySchema = z.object({
  file_key: z
    .string()
    .regex(/^[A-Za-z0-9]{1,128}$/, 'a Figma file key (or `upload…` for a plugin upload)')
    .openapi({ description: 'The file the graphs were built from: a Figma file key, or `upload<id>` for a plugin upload (see `origin.file_key`)' }),
  page_id: FigmaNodeIdSchema.optional().openapi({ description: 'One page (or frame) of the file; every stored page when absent' }),
});
export type ActionFlowsQuery = z.infer<typeof ActionFlowsQuerySchema>;

export const StoredActionFlowSchema = z
  .object({
    id: UuidSchema,
    file_key: z.string(),
    page_id: z.string(),
    page_name: z.string(),
    file_version: z.string().nullable(),
    action_flow: ActionFlowSchema,
    mermaid: z.string(),
    annotations: ActionFlowAnnotationsSchema.nullable().openapi({ description: 'The last refinement of this graph; null when none ran since the graph last changed' }),
    content_hash: z.string(),
    trace_id: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('StoredActionFlow');
export type StoredActionFlow = z.infer<typeof StoredActionFlowSchema>;

export const ActionFlowsResponseSchema = z.object({ action_flows: z.array(StoredActionFlowSchema) }).openapi('ActionFlowsResponse');
export type ActionFlowsResponse = z.infer<typeof ActionFlowsResponseSchema>;
