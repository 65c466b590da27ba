import { createRoute, z } from '@hono/zod-openapi';
import {
  AiDryRunSchema,
  AiJobAcceptedSchema,
  AiJobListQuerySchema,
  AiJobSchema,
  AiSettingsSchema,
  GenerateEditsRequestSchema,
  GenerateEditsResultSchema,
  GenerateImagesRequestSchema,
  pageOf,
  PromptInfoSchema,
  RenameLayersRequestSchema,
  UuidSchema,
} from '@cogo/types';
import { BEARER, errorResponses, jsonBody } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['ai-jobs'];
const accepted = { 202: { description: 'Queued: poll `poll_url` or stream `stream_url`', content: { 'application/json': { schema: AiJobAcceptedSchema } } } };
const dryRun = { 200: { description: '`dry_run: true`: the estimate only, nothing queued', content: { 'application/json': { schema: AiDryRunSchema } } } };
const idParam = { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }) };
const limits = 'Rate limited per user (key or JWT subject): AI_RATE_LIMIT_PER_MIN (10) a minute for rename-layers, AI_HEAVY_RATE_LIMIT_PER_MIN (3) for generate-edits and generate-images; a 429 says when to retry (`Retry-After`).';

export const renameLayersRoute = createRoute({
  method: 'post',
  path: '/api/rename-layers',
  tags,
  summary: 'Rename layers meaningfully, in parallel batches (a queued job)',
  description: `The layers are split into batches of RENAME_BATCH_SIZE (10), siblings together; the job runs at most RENAME_MAX_CONCURRENT (5) model calls at once through the LLM gateway. Each batch's answer must name every id once; names get the project's casing (PUT /api/ai/settings) and stay unique among siblings. A failed batch is retried (3 attempts, 1 s then 2 s, or the provider's Retry-After) and then reported in \`result.failed\` without losing the others. Partial results show on GET /api/jobs/{id} while it runs. ${limits}`,
  security: BEARER,
  middleware: guard('default', 'ai'),
  request: jsonBody(RenameLayersRequestSchema),
  responses: { ...accepted, ...dryRun, ...errorResponses(400, 401, 402, 413, 422, 429, 503) },
});

export const generateEditsRoute = createRoute({
  method: 'post',
  path: '/api/generate-edits',
  tags,
  summary: 'Design edits for a selection: streamed (SSE) or a queued job',
  description: `\`mode: "stream"\` answers \`text/event-stream\`: \`ready\` ({ trace_id }), \`edits.delta\` ({ text }: the model's answer as it comes, a preview), then exactly one \`edits.done\` (the validated GenerateEditsResult) or \`error\` (the envelope's body). \`mode: "queued"\` (default) answers 202 with a job. \`prompt_name\` picks a prompt of GET /api/prompts. Edits on nodes outside the selection are dropped and listed in \`dropped\`. ${limits}`,
  security: BEARER,
  middleware: guard('default', 'ai-heavy'),
  request: jsonBody(GenerateEditsRequestSchema),
  responses: {
    ...accepted,
    200: {
      description: '`dry_run`: the estimate; `mode: "stream"`: the events',
      content: { 'application/json': { schema: AiDryRunSchema }, 'text/event-stream': { schema: z.string().openapi({ description: `events; edits.done carries ${GenerateEditsResultSchema.description ?? 'a GenerateEditsResult'}` }) } },
    },
    ...errorResponses(400, 401, 402, 413, 422, 429, 503),
  },
});

export const generateImagesRoute = createRoute({
  method: 'post',
  path: '/api/generate-images',
  tags,
  summary: 'Generate images (a queued job; images stored in R2, served by /artifacts)',
  description: `The request is stored in R2 (an artifact of kind \`job_input\`) and the job row keeps only its pointer; each image is asked for alone from the provider's OpenAI-compatible images API and stored as an \`image\` artifact before the next, so none is ever held with another in memory or written to Postgres. The result lists the artifacts (GET /artifacts/{id} serves the PNG). ${limits}`,
  security: BEARER,
  middleware: guard('default', 'ai-heavy'),
  request: jsonBody(GenerateImagesRequestSchema),
  responses: { ...accepted, ...dryRun, ...errorResponses(400, 401, 413, 422, 429, 503) },
});

export const listJobsRoute = createRoute({
  method: 'get',
  path: '/api/jobs',
  tags,
  summary: "The project's jobs, newest first (filters: type, status, mine)",
  security: BEARER,
  middleware: guard(),
  request: { query: AiJobListQuerySchema },
  responses: { 200: { description: 'A page of jobs', content: { 'application/json': { schema: pageOf(AiJobSchema) } } }, ...errorResponses(400, 401, 429) },
});

export const getJobRoute = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags,
  summary: 'Poll a job (seed 004): status, progress, result (partial while a rename runs), error',
  description:
    'A finished job whose result is over ARTIFACT_INLINE_MAX_BYTES (a rename of thousands of layers) keeps it as a `job_output` artifact: `result` is null and `result_artifact` points at it (GET its `url` with the same key; kept ARTIFACT_TTL_DAYS). A running or cancelled rename shows the names of its finished batches inline, computed at each poll.',
  security: BEARER,
  middleware: guard(),
  request: idParam,
  responses: { 200: { description: 'The job', content: { 'application/json': { schema: AiJobSchema } } }, ...errorResponses(400, 401, 404, 429) },
});

export const jobEventsRoute = createRoute({
  method: 'get',
  path: '/api/jobs/{id}/events',
  tags,
  summary: "A job's live progress as SSE; resumable with Last-Event-ID",
  description:
    "Every event of the job in order, each with its sequence number as `id`: `job.queued`, `job.started`, `job.progress` (a batch's names, an image's artifact), `job.retrying`, then one of `job.completed` / `job.failed` / `job.cancelled`, followed by exactly one terminal `done` (the job as GET /api/jobs/{id} shows it). Reconnecting with `Last-Event-ID: n` sends only the events after n.",
  security: BEARER,
  middleware: guard(),
  request: { ...idParam, headers: z.object({ 'last-event-id': z.string().regex(/^\d{1,9}$/).optional() }) },
  responses: { 200: { description: 'The events', content: { 'text/event-stream': { schema: z.string() } } }, ...errorResponses(400, 401, 404, 429) },
});

export const cancelJobRoute = createRoute({
  method: 'post',
  path: '/api/jobs/{id}/cancel',
  tags,
  summary: 'Cancel a queued or running job: no further batch or image is started',
  security: BEARER,
  middleware: guard(),
  request: idParam,
  responses: { 200: { description: 'The cancelled job', content: { 'application/json': { schema: AiJobSchema } } }, ...errorResponses(400, 401, 404, 409, 429) },
});

export const listPromptsRoute = createRoute({
  method: 'get',
  path: '/api/prompts',
  tags,
  summary: 'The prompt files a request may name (`prompt_name`)',
  security: BEARER,
  middleware: guard(),
  responses: { 200: { description: 'The prompts', content: { 'application/json': { schema: z.object({ items: z.array(PromptInfoSchema) }) } } }, ...errorResponses(401, 429) },
});

export const getSettingsRoute = createRoute({
  method: 'get',
  path: '/api/ai/settings',
  tags,
  summary: "The project's AI settings: naming convention and rules, job retention",
  security: BEARER,
  middleware: guard(),
  responses: { 200: { description: 'The settings', content: { 'application/json': { schema: AiSettingsSchema } } }, ...errorResponses(401, 429) },
});

export const putSettingsRoute = createRoute({
  method: 'put',
  path: '/api/ai/settings',
  tags,
  summary: "Replace the project's AI settings",
  security: BEARER,
  middleware: guard(),
  request: jsonBody(AiSettingsSchema),
  responses: { 200: { description: 'The settings now', content: { 'application/json': { schema: AiSettingsSchema } } }, ...errorResponses(400, 401, 429) },
});
