// figma-context contract (seed 000 §3–§9): start → stream (SSE, resumable) → apply.
import { z } from '@hono/zod-openapi';
import { ErrorBodySchema } from './errors';
import { TraceIdSchema, UuidSchema } from './ids';
import { CogoUiJsonSchema, type CogoUiJson } from './ui-json';

/** Limits of the seed: ≤ 500 node ids per stream call, ≤ 100 nodes per chunk, ≤ 300 components per apply. */
export const FIGMA_LIMITS = { maxIdsPerCall: 500, maxNodesPerChunk: 100, maxComponentsPerApply: 300 } as const;

export const StartFigmaContextSchema = z
  .object({
    figma_url: z.string().min(1).max(4096).optional().openapi({ example: 'https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2' }),
    file_key: z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a Figma file key').optional(),
    node_id: z.string().min(1).max(200).optional().openapi({ example: '9:5240' }),
    options: z
      .object({
        max_ids_per_call: z
          .number()
          .int()
          .min(1)
          .max(FIGMA_LIMITS.maxIdsPerCall)
          .optional()
          .openapi({ description: 'most node ids one stream call plans, and one Figma /nodes request takes (small chunks are fetched together up to it)' }),
        max_nodes_per_chunk: z.number().int().min(1).max(FIGMA_LIMITS.maxNodesPerChunk).optional(),
      })
      .optional(),
  })
  .refine((v) => Boolean(v.figma_url) !== Boolean(v.file_key), { message: 'give either figma_url or file_key', path: ['figma_url'] })
  .openapi('StartFigmaContext');
export type StartFigmaContext = z.infer<typeof StartFigmaContextSchema>;

export const FigmaPlanSchema = z
  .object({
    pages: z.array(z.object({ id: z.string(), name: z.string(), frame_count: z.number().int() })),
    chunks: z.number().int(),
    calls: z.number().int().openapi({ description: 'stream calls needed at ≤ max_ids_per_call ids each' }),
    node_count_estimate: z.number().int(),
    figma_calls: z
      .object({ tier1: z.number().int(), tier2: z.number().int() })
      .openapi({
        description:
          "Figma calls the job makes by endpoint tier, start's included, after the version cache (a hit: tier1 0, tier2 1 — its own /meta). The stream's /nodes requests are sized from answer sizes: replayed over the cache index when it holds the version, else at the size the project's last job on the file learned (one request per chunk when none did)",
      }),
    estimated_seconds: z.number().int().openapi({ description: "how long the stream's Figma calls wait for the token's budget (FigmaPacer), at the plan's rate; Figma's own latency not included" }),
  })
  .openapi('FigmaPlan');

/** Where a job's Figma answers come from: all from the version cache, some, none; bypass: /meta did not say the version; off: FIGMA_VERSION_CACHE=false. */
export const FigmaCacheStatusSchema = z.enum(['hit', 'partial', 'miss', 'bypass', 'off']).openapi('FigmaCacheStatus');
export type FigmaCacheStatus = z.infer<typeof FigmaCacheStatusSchema>;

export const StartFigmaContextResponseSchema = z
  .object({
    job_id: UuidSchema,
    first_cursor: z.string().openapi({ example: '0' }),
    file_key: z.string(),
    node_id: z.string().nullable(),
    cache: FigmaCacheStatusSchema,
    file_version: z.string().nullable().openapi({ description: "the file's version per Figma's /meta, asked with the project's own token (null: not asked, or it did not answer)" }),
    cache_note: z.string().nullable().openapi({ description: 'why the cache was bypassed or off; null otherwise' }),
    plan: FigmaPlanSchema,
  })
  .openapi('StartFigmaContextResponse');

/** A cursor is the id of the last event the client has (as in Last-Event-ID); `0` = from the start. */
export const CursorSchema = z.string().regex(/^\d{1,12}$/, 'a decimal event id');

export const StreamFigmaContextSchema = z
  .object({ job_id: UuidSchema, cursor: CursorSchema.default('0') })
  .openapi('StreamFigmaContext');

export const JobIdBodySchema = z.object({ job_id: UuidSchema }).openapi('JobIdBody');

export const FigmaJobStatusSchema = z
  .object({
    job_id: UuidSchema,
    kind: z.string(),
    status: z.enum(['pending', 'running', 'done', 'error', 'cancelled']),
    file_key: z.string().nullable(),
    node_id: z.string().nullable(),
    progress: z.object({ chunks_done: z.number().int(), chunks_total: z.number().int(), last_event_id: z.number().int() }),
    counts: z.record(z.string(), z.number()),
    last_error: z.object({ code: z.string(), message: z.string() }).nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('FigmaJobStatus');

export const ApplyComponentSchema = z
  .object({
    node_id: z.string().min(1).max(200),
    name: z.string().max(500),
    type: z.string().min(1).max(40),
    props: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('ApplyComponent');

export const ApplyPageSchema = z
  .object({
    node_id: z.string().min(1).max(200).openapi({ description: 'Figma node id of the page (CANVAS) or top-level frame' }),
    name: z.string().max(500),
    components: z.array(ApplyComponentSchema).openapi({ description: `At most ${FIGMA_LIMITS.maxComponentsPerApply} per call; split larger pages with batch` }),
  })
  .openapi('ApplyPage');
export type ApplyPage = z.infer<typeof ApplyPageSchema>;

export const ApplyFigmaContextSchema = z
  .object({
    job_id: UuidSchema.optional().openapi({ description: 'The figma-context job whose page this is (required for a Figma page; absent for a generated page)' }),
    page: z.union([ApplyPageSchema, CogoUiJsonSchema]).openapi({
      description:
        'A Figma page of the job (`{ node_id, name, components }`), or a generated page: a `cogo_ui_json` document (POST /figma-compat/uui/generate, `ui.preview` of /chat/design), stored under file key `generated` in one transaction (its sections, blocks and components as rows, written 300 a statement)',
    }),
    batch: z
      .object({ index: z.number().int().min(0), count: z.number().int().min(1).max(1000) })
      .refine((b) => b.index < b.count, { message: 'index must be < count', path: ['index'] })
      .optional()
      .openapi({ description: 'For Figma pages split across calls: components absent from every batch are removed after the last one' }),
    trace_id: TraceIdSchema.optional().openapi({ description: 'Record the apply on this trace (the chat turn that generated the page)' }),
  })
  .superRefine((b, ctx) => {
    if (isCogoUiPage(b.page)) {
      if (b.job_id) ctx.addIssue({ code: 'custom', path: ['job_id'], message: 'a generated page (cogo_ui_json) is applied without job_id' });
      if (b.batch) ctx.addIssue({ code: 'custom', path: ['batch'], message: 'a generated page is applied whole, in one call' });
    } else if (!b.job_id) ctx.addIssue({ code: 'custom', path: ['job_id'], message: 'required for a Figma page' });
  })
  .openapi('ApplyFigmaContext');
export type ApplyFigmaContext = z.infer<typeof ApplyFigmaContextSchema>;
/** An apply of a Figma page: a job's page, maybe one batch of it. */
export type ApplyFigmaPage = Omit<ApplyFigmaContext, 'job_id' | 'page'> & { job_id: string; page: ApplyPage };

/** Whether an apply's page is a generated page (cogo_ui_json) rather than a Figma page. */
export function isCogoUiPage(page: ApplyPage | CogoUiJson): page is CogoUiJson {
  return 'schema' in page && page.schema === 'cogo_ui_json';
}

export const ApplyResultSchema = z
  .object({
    page_id: UuidSchema,
    inserted: z.number().int(),
    updated: z.number().int(),
    deleted: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('ApplyResult');

/** Data of each SSE event of /figma-context/stream, by event name. */
export const FigmaStreamEvents = {
  ready: z.object({
    job_id: z.string(),
    file_key: z.string(),
    name: z.string().nullable(),
    chunks_total: z.number().int(),
    resumed_after: z.number().int(),
    /** What became of the file's local variables at start (Figma jobs): `ok`, or `unavailable` with why — 403 `not_enterprise` is normal below Enterprise. */
    variables: z
      .object({
        status: z.enum(['ok', 'unavailable']),
        count: z.number().int().optional(),
        reason: z.enum(['not_enterprise', 'not_found', 'rate_limited', 'quota_exhausted', 'upstream']).optional(),
        message: z.string().optional(),
        retry_at: z.string().optional(),
        limit_type: z.string().nullable().optional(),
        upgrade_link: z.string().nullable().optional(),
      })
      .optional(),
  }),
  /** one per planned page, in plan order; `chunks: 0` for a page with nothing to fetch (no page.chunk follows) */
  'page.ready': z.object({ page_id: z.string(), name: z.string(), chunks: z.number().int() }),
  'page.includes': z.object({ page_id: z.string(), chunk_index: z.number().int(), node_ids: z.array(z.string()) }),
  /**
   * One part of a chunk: no event's data is over FIGMA_EVENT_MAX_BYTES (default 1 MiB), so a larger chunk
   * comes in several, logged together and in order (only something that cannot be cut goes over it, alone in
   * its part: a node's own fields without its children, one dictionary entry or one component). Merging every
   * part's `context` in order with @cogo/figma-context's `mergeChunks` rebuilds the chunk; nothing else is needed.
   */
  'page.chunk': z.object({
    page_id: z.string(),
    chunk_index: z.number().int(),
    /** 0..parts-1, in log order */
    part: z.number().int(),
    /** how many events this chunk has */
    parts: z.number().int(),
    /**
     * the compact context of this part (see @cogo/figma-context): nodes plus only the dictionary entries new in
     * it — those of a split chunk come first, in its leading parts. Part 0 carries the chunk's `name`, `missing`
     * and counts (the others count zero). A subtree too large for one part is sent as a shell (the node without
     * `ch`); its children follow in later parts whose `under` is that node's id: append their `nodes`, in order,
     * to that node's children. A part without `under` continues the chunk's top level.
     */
    context: z.record(z.string(), z.unknown()),
    /** components/frames ready for /figma-context/apply: those of the whole chunk, spread over its parts in order */
    components: z.array(ApplyComponentSchema),
  }),
  /**
   * logged after each chunk with `next_cursor: null`; a call that stops before the job ends closes with one
   * progress NOT logged (no id of its own) whose next_cursor is the id of the last event it sent: resume there
   */
  progress: z.object({ chunks_done: z.number().int(), chunks_total: z.number().int(), next_cursor: z.string().nullable() }),
  debug: z.object({ message: z.string() }).catchall(z.unknown()),
  keepalive: z.object({ at: z.string() }),
  /** counts: nodes kept by kind, `pages` (every planned page, empty ones too) and `empty_pages` */
  done: z.object({ job_id: z.string(), chunks_total: z.number().int(), counts: z.record(z.string(), z.number()), duration_ms: z.number() }),
  error: z.object({ error: ErrorBodySchema }),
} as const;
export type FigmaStreamEventName = keyof typeof FigmaStreamEvents;
export type FigmaStreamEvent = { [K in FigmaStreamEventName]: { id: number | null; event: K; data: z.infer<(typeof FigmaStreamEvents)[K]> } }[FigmaStreamEventName];
