// AI plugin jobs (issue 16, seed 004): rename layers in parallel batches, generate design edits, generate images —
// queued (Queues + Postgres), polled (GET /api/jobs/{id}), streamed (GET /api/jobs/{id}/events), cancellable.
// Every model call goes through the LLM gateway; images and image payloads live in R2 (served through /artifacts).
import { z } from '@hono/zod-openapi';
import { ArtifactPointerSchema } from './artifacts';
import { UuidSchema } from './ids';

export const AI_JOB_KINDS = ['rename-layers', 'generate-edits', 'generate-images'] as const;
export const AiJobKindSchema = z.enum(AI_JOB_KINDS).openapi('AiJobKind');
export type AiJobKind = z.infer<typeof AiJobKindSchema>;

export const AI_JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const AiJobStatusSchema = z.enum(AI_JOB_STATUSES).openapi('AiJobStatus');
export type AiJobStatus = z.infer<typeof AiJobStatusSchema>;

/** The most layers one rename request may carry. */
export const RENAME_MAX_LAYERS = 2_000;

// A Figma node id ("12:34", "I5:6;7:8") or any short id a client uses: printable, no NUL, no line breaks.
const NodeIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'printable characters only');
const text = (max: number) => z.string().max(max).regex(/^[^\u0000]*$/, 'no NUL characters');

export const LayerInputSchema = z
  .object({
    id: NodeIdSchema,
    name: text(255),
    type: z.string().min(1).max(40).regex(/^[A-Z_]+$/, 'a Figma node type such as FRAME or TEXT'),
    path: text(1_000).default('').openapi({ description: "The parents' names, outermost first, joined by `/`; layers with the same path are siblings" }),
    text: text(1_000).optional().openapi({ description: 'Characters of a TEXT layer' }),
    children_summary: text(500).optional().openapi({ description: 'What the layer contains, e.g. "icon, 2 texts"' }),
  })
  .strict()
  .openapi('LayerInput');
export type LayerInput = z.infer<typeof LayerInputSchema>;

const dryRun = z.boolean().default(false).openapi({ description: 'Only estimate cost and time; nothing is queued' });
const model = z.string().min(1).max(200).optional().openapi({ description: "A model of the project's catalogue; the routing default otherwise" });

export const RenameLayersRequestSchema = z
  .object({
    layers: z
      .array(LayerInputSchema)
      .min(1)
      .max(RENAME_MAX_LAYERS)
      .refine((layers) => new Set(layers.map((l) => l.id)).size === layers.length, 'layer ids must be unique'),
    context: text(4_000).optional().openapi({ description: 'What the design is, in a sentence or two' }),
    model,
    dry_run: dryRun,
  })
  .strict()
  .openapi('RenameLayersRequest');
export type RenameLayersRequest = z.infer<typeof RenameLayersRequestSchema>;

export const SelectionNodeSchema = z
  .object({
    id: NodeIdSchema,
    name: text(255),
    type: z.string().min(1).max(40).regex(/^[A-Z_]+$/),
    path: text(1_000).default(''),
    text: text(2_000).optional(),
    props: z.record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
  })
  .strict()
  .openapi('SelectionNode');

export const GenerateEditsRequestSchema = z
  .object({
    prompt: text(4_000).min(1),
    prompt_name: z.string().min(1).max(64).default('design-edits').openapi({ description: 'A prompt file of GET /api/prompts' }),
    selection: z
      .array(SelectionNodeSchema)
      .min(1)
      .max(200)
      .refine((nodes) => new Set(nodes.map((n) => n.id)).size === nodes.length, 'node ids must be unique'),
    variants: z.number().int().min(1).max(4).default(1),
    mode: z.enum(['stream', 'queued']).default('queued').openapi({ description: '`stream`: SSE deltas on this request; `queued`: a job to poll' }),
    model,
    dry_run: dryRun,
  })
  .strict()
  .openapi('GenerateEditsRequest');
export type GenerateEditsRequest = z.infer<typeof GenerateEditsRequestSchema>;

export const EDIT_PROPERTIES = ['name', 'text', 'fill', 'stroke', 'opacity', 'corner_radius', 'width', 'height', 'font_size', 'font_weight', 'visible', 'padding', 'gap'] as const;
export const DesignEditSchema = z
  .object({
    node_id: z.string(),
    property: z.enum(EDIT_PROPERTIES),
    value: z.union([z.string().max(2_000), z.number(), z.boolean()]),
  })
  .strict()
  .openapi('DesignEdit');
export const EditVariantSchema = z
  .object({ title: z.string().max(200), rationale: z.string().max(2_000), edits: z.array(DesignEditSchema).max(500) })
  .strict()
  .openapi('EditVariant');
export const GenerateEditsResultSchema = z
  .object({
    variants: z.array(EditVariantSchema),
    /** Edits the model proposed for nodes outside the selection: left out. */
    dropped: z.array(z.object({ node_id: z.string(), property: z.string() })),
    prompt_name: z.string(),
    model: z.string(),
    cost_usd: z.number(),
  })
  .openapi('GenerateEditsResult');
export type GenerateEditsResult = z.infer<typeof GenerateEditsResultSchema>;

export const IMAGE_SIZES = ['256x256', '512x512', '1024x1024', '1024x1536', '1536x1024'] as const;
export const GenerateImagesRequestSchema = z
  .object({
    prompt: text(4_000).min(1),
    n: z.number().int().min(1).max(4).default(1),
    size: z.enum(IMAGE_SIZES).default('1024x1024'),
    model,
    dry_run: dryRun,
  })
  .strict()
  .openapi('GenerateImagesRequest');
export type GenerateImagesRequest = z.infer<typeof GenerateImagesRequestSchema>;

export const GenerateImagesResultSchema = z
  .object({ images: z.array(ArtifactPointerSchema), model: z.string(), size: z.string(), cost_usd: z.number() })
  .openapi('GenerateImagesResult');

export const AiJobEstimateSchema = z
  .object({
    kind: AiJobKindSchema,
    items: z.number().int().openapi({ description: 'Layers, selection nodes or images' }),
    model_calls: z.number().int(),
    model: z.string(),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    cost_usd: z.number(),
    concurrency: z.number().int(),
    expected_seconds: z.number().openapi({ description: 'Waves of concurrent calls × the model\'s recent latency, plus queueing' }),
  })
  .openapi('AiJobEstimate');
export type AiJobEstimate = z.infer<typeof AiJobEstimateSchema>;

export const AiJobAcceptedSchema = z
  .object({
    job_id: UuidSchema,
    status: z.literal('queued'),
    poll_url: z.string(),
    stream_url: z.string(),
    estimate: AiJobEstimateSchema,
  })
  .openapi('AiJobAccepted');
export type AiJobAccepted = z.infer<typeof AiJobAcceptedSchema>;

export const AiDryRunSchema = z.object({ dry_run: z.literal(true), estimate: AiJobEstimateSchema }).openapi('AiDryRun');

export const RenamedLayerSchema = z.object({ id: z.string(), old_name: z.string(), name: z.string() }).openapi('RenamedLayer');
export const RenameLayersResultSchema = z
  .object({
    layers: z.array(RenamedLayerSchema),
    /** Layers whose batch failed after its retries: not renamed. */
    failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
    /** Ids whose proposed name was changed to keep sibling names unique or to follow the naming convention. */
    adjusted: z.array(z.string()),
    partial: z.boolean().openapi({ description: 'True while running, or when some batches failed' }),
  })
  .openapi('RenameLayersResult');
export type RenameLayersResult = z.infer<typeof RenameLayersResultSchema>;

export const AiJobProgressSchema = z
  .object({ done: z.number().int(), total: z.number().int(), failed: z.number().int(), unit: z.enum(['batches', 'calls', 'images']) })
  .openapi('AiJobProgress');

/** A job as seed 004's plugin polls it. */
export const AiJobSchema = z
  .object({
    id: UuidSchema,
    type: z.string(),
    status: z.string().openapi({ description: 'queued | running | completed | failed | cancelled (figma-context jobs: running | done | error | cancelled)' }),
    payload: z.record(z.string(), z.unknown()),
    progress: z.record(z.string(), z.unknown()),
    result: z.record(z.string(), z.unknown()).nullable(),
    result_artifact: ArtifactPointerSchema.nullable().openapi({
      description:
        'A finished job whose result is over ARTIFACT_INLINE_MAX_BYTES: `result` is null and this points at it (kind `job_output`; GET its `url` with the same key: the result as JSON, byte for byte)',
    }),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    attempts: z.number().int(),
    trace_id: z.string().nullable(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    completed_at: z.string().nullable(),
    poll_url: z.string(),
    stream_url: z.string(),
  })
  .openapi('AiJob');
export type AiJob = z.infer<typeof AiJobSchema>;

export const AiJobListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
  type: z.string().min(1).max(40).optional().openapi({ description: 'rename-layers, generate-edits, generate-images, figma-context …' }),
  status: AiJobStatusSchema.optional(),
  mine: z.enum(['true', 'false']).optional().openapi({ description: '`true`: only the jobs you started' }),
});
export type AiJobListQuery = z.infer<typeof AiJobListQuerySchema>;

export const PromptInfoSchema = z
  .object({ name: z.string(), kind: AiJobKindSchema, description: z.string() })
  .openapi('PromptInfo');

export const NAMING_CONVENTIONS = ['as_is', 'title', 'sentence', 'kebab', 'snake', 'camel', 'pascal'] as const;
export const AiSettingsSchema = z
  .object({
    naming_convention: z.enum(NAMING_CONVENTIONS).default('as_is').openapi({ description: 'How renamed layers are cased; `as_is` keeps what the model proposes' }),
    naming_rules: text(2_000).default('').openapi({ description: "The team's own naming rules, given to the model" }),
    keep_completed: z.number().int().min(1).max(10_000).default(100).openapi({ description: "Finished jobs kept per kind (seed 004's removeOnComplete)" }),
    keep_failed: z.number().int().min(1).max(10_000).default(50).openapi({ description: "Failed jobs kept per kind (removeOnFail)" }),
    keep_minutes: z.number().int().min(0).max(43_200).default(60).openapi({ description: 'Every finished job is kept at least this long, whatever the counts: a plugin still polling it finds it' }),
  })
  .strict()
  .openapi('AiSettings');
export type AiSettings = z.infer<typeof AiSettingsSchema>;

/** SSE events of GET /api/jobs/{id}/events (ids are the job's event sequence: Last-Event-ID resumes). */
export const AI_JOB_EVENTS = ['job.queued', 'job.started', 'job.progress', 'job.retrying', 'job.completed', 'job.failed', 'job.cancelled'] as const;
export const AiJobEventTypeSchema = z.enum(AI_JOB_EVENTS);
export type AiJobEventType = z.infer<typeof AiJobEventTypeSchema>;
