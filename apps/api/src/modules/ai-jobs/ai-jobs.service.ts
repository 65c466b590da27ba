// AI plugin jobs (issue 16, seed 004): a request is checked, estimated (dry_run answers only that), written as a queued
// job (with its batches, or its payload in R2 for images) and its id sent to the AI_JOBS_QUEUE; the consumer runs it.
// Reads: one job (with the partial result of a running rename), a page of history, cancel.
import type { Db } from '@cogo/db';
import type { AiJob, AiJobAccepted, ArtifactPointer, AiSettings, AiJobEstimate, AiJobKind, AiJobListQuery, GenerateEditsRequest, GenerateImagesRequest, RenameLayersRequest } from '@cogo/types';
import type { AppConfig } from '../../env';
import { ApiError } from '../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/keyset-cursor';
import { openArtifact, storeArtifact } from '../artifacts/artifacts.service';
import * as repo from './ai-jobs.repo';
import { settingsAndVocabulary } from './ai-settings';
import { editOutputTokens, editsRequest } from './edits/edits-prompt';
import { estimateCalls, estimateImages } from './estimate';
import { findPrompt } from './prompts';
import { planBatches } from './rename/rename-plan';
import { renameRequest } from './rename/rename-prompt';
import { renameResult } from './rename/rename.run';

/** Who asks, on what: the request's tenant database and identity. */
export interface JobContext {
  db: Db;
  config: AppConfig;
  projectId: string;
  actor: string;
  traceId: string;
}

export type CreateAnswer = AiJobAccepted | { dry_run: true; estimate: AiJobEstimate };

const pollUrl = (id: string) => `/api/jobs/${id}`;
const streamUrl = (id: string) => `/api/jobs/${id}/events`;

async function enqueue(ctx: JobContext, job: Omit<repo.NewAiJob, 'projectId' | 'actor' | 'traceId'>, estimate: AiJobEstimate): Promise<AiJobAccepted> {
  await repo.insertAiJob(ctx.db, { ...job, projectId: ctx.projectId, actor: ctx.actor, traceId: ctx.traceId });
  try {
    await ctx.config.AI_JOBS_QUEUE.send({ job_id: job.id, project_id: ctx.projectId }, { contentType: 'json' });
  } catch {
    // nothing will run it: the job ends now rather than waiting forever as queued
    await repo.finishJob(ctx.db, job.id, { status: 'failed', error: { code: 'SERVICE_UNAVAILABLE', message: 'the job queue did not accept the job' } });
    throw new ApiError('SERVICE_UNAVAILABLE', 'the job queue is unavailable; nothing was started', undefined, { 'Retry-After': '5' });
  }
  return { job_id: job.id, status: 'queued', poll_url: pollUrl(job.id), stream_url: streamUrl(job.id), estimate };
}

/** POST /api/rename-layers. */
export async function createRenameJob(ctx: JobContext, req: RenameLayersRequest): Promise<CreateAnswer> {
  const { config } = ctx;
  const batches = planBatches(req.layers, config.RENAME_BATCH_SIZE);
  const { settings, vocabulary } = await settingsAndVocabulary(ctx.db, ctx.projectId);
  const byId = new Map(req.layers.map((l) => [l.id, l]));
  const calls = batches.map((ids) => {
    const r = renameRequest(ids.map((id) => byId.get(id)!), { context: req.context, settings, vocabulary, model: req.model, jobId: ctx.traceId, traceId: ctx.traceId });
    return { messages: r.messages, maxOutputTokens: r.max_tokens ?? 0 };
  });
  const estimate = await estimateCalls(ctx.db, config, ctx.projectId, 'rename-layers', req.layers.length, calls, config.RENAME_MAX_CONCURRENT, req.model);
  if (req.dry_run) return { dry_run: true, estimate };
  // the settings and vocabulary of now travel with the job: a job runs as it was asked, and neither its runs nor its
  // polls read them again
  const input = { layers: req.layers, settings, vocabulary, ...(req.context ? { context: req.context } : {}), ...(req.model ? { model: req.model } : {}) };
  return enqueue(ctx, { id: crypto.randomUUID(), kind: 'rename-layers', input, progress: { unit: 'batches', total: batches.length, done: 0, failed: 0 }, batches }, estimate);
}

/** The prompt a generate-edits request names; 422 naming the ones there are. */
export function editPrompt(name: string) {
  const prompt = findPrompt(name, 'generate-edits');
  if (!prompt) throw new ApiError('UNPROCESSABLE', `no edit prompt named "${name}"; see GET /api/prompts`, { prompt_name: name });
  return prompt;
}

/** The estimate of one generate-edits call. */
export async function estimateEdits(ctx: JobContext, req: GenerateEditsRequest): Promise<AiJobEstimate> {
  const r = editsRequest(req, editPrompt(req.prompt_name), { stream: false, traceId: ctx.traceId });
  return estimateCalls(ctx.db, ctx.config, ctx.projectId, 'generate-edits', req.selection.length, [{ messages: r.messages, maxOutputTokens: editOutputTokens(req) }], 1, req.model);
}

/** POST /api/generate-edits in queued mode. */
export async function createEditsJob(ctx: JobContext, req: GenerateEditsRequest): Promise<CreateAnswer> {
  const estimate = await estimateEdits(ctx, req);
  if (req.dry_run) return { dry_run: true, estimate };
  return enqueue(ctx, { id: crypto.randomUUID(), kind: 'generate-edits', input: { ...req }, progress: { unit: 'calls', total: 1, done: 0, failed: 0 } }, estimate);
}

/** POST /api/generate-images: the payload goes to R2 first, the job row keeps only its pointer. */
export async function createImagesJob(ctx: JobContext, req: GenerateImagesRequest): Promise<CreateAnswer> {
  const model = req.model ?? ctx.config.IMAGE_MODEL_DEFAULT;
  const estimate = estimateImages(ctx.config, req.n, model);
  if (req.dry_run) return { dry_run: true, estimate };
  const payload = await storeArtifact(ctx.db, ctx.config.ARTIFACTS, { projectId: ctx.projectId, kind: 'job_input', contentType: 'application/json', body: JSON.stringify(req), traceId: ctx.traceId, ttlDays: ctx.config.ARTIFACT_TTL_DAYS });
  const input = { payload, n: req.n, size: req.size, model };
  return enqueue(ctx, { id: crypto.randomUUID(), kind: 'generate-images', input, progress: { unit: 'images', total: req.n, done: 0, failed: 0 } }, estimate);
}

/** What a poll shows of the payload: its shape, not its bulk (a rename's layers are counted, an image's is a pointer). */
function payloadSummary(row: repo.JobRow): Record<string, unknown> {
  const input = row.input as Record<string, unknown>;
  switch (row.kind as AiJobKind) {
    case 'rename-layers':
      return { layers: (input.layers as unknown[] | undefined)?.length ?? 0, ...(input.context ? { context: input.context } : {}), ...(input.model ? { model: input.model } : {}) };
    case 'generate-edits':
      return { prompt: input.prompt, prompt_name: input.prompt_name, variants: input.variants, selection: (input.selection as unknown[] | undefined)?.length ?? 0 };
    default:
      return input;
  }
}

/** The seed-004 view of a job row. */
export function aiJobView(row: repo.JobRow, result: Record<string, unknown> | null = (row.result as Record<string, unknown> | null) ?? null): AiJob {
  return {
    id: row.id,
    type: row.kind,
    status: row.status,
    payload: payloadSummary(row),
    progress: row.progress,
    result,
    result_artifact: (row.resultArtifact as ArtifactPointer | null) ?? null,
    error: row.error ?? null,
    attempts: row.attempts,
    trace_id: row.traceId,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.finishedAt?.toISOString() ?? null,
    poll_url: pollUrl(row.id),
    stream_url: streamUrl(row.id),
  };
}

/** A job of the project; a running rename shows the names of its finished batches (partial: true). */
export async function getAiJob(ctx: Pick<JobContext, 'db' | 'projectId'>, id: string): Promise<AiJob> {
  const { row, batches } = await repo.findProjectJobForPoll(ctx.db, ctx.projectId, id);
  if (!row) throw new ApiError('NOT_FOUND', 'job not found');
  if (row.kind === 'rename-layers' && (row.status === 'running' || row.status === 'cancelled')) {
    const input = row.input as { layers: RenameLayersRequest['layers']; settings?: AiSettings };
    return aiJobView(row, { ...renameResult(input.layers, batches, input.settings?.naming_convention ?? 'as_is', true) });
  }
  return aiJobView(row);
}

/** The job with its result inline even when it was kept as an artifact: for callers that cannot follow a URL (MCP). */
export async function getAiJobWithResult(ctx: Pick<JobContext, 'db' | 'projectId' | 'config'>, id: string): Promise<AiJob> {
  const job = await getAiJob(ctx, id);
  if (!job.result_artifact) return job;
  const opened = await openArtifact(ctx.db, ctx.config.ARTIFACTS, ctx.projectId, job.result_artifact.artifact_id);
  return { ...job, result: JSON.parse(await new Response(opened.body).text()) as Record<string, unknown> };
}

/** The project's job (404 for another project's, which reads exactly like a missing one). */
export async function findOwn(db: Db, projectId: string, id: string): Promise<repo.JobRow> {
  const row = await repo.findProjectJob(db, projectId, id);
  if (!row) throw new ApiError('NOT_FOUND', 'job not found');
  return row;
}

/** A page of the project's jobs, newest first. */
export async function aiJobsPage(ctx: Pick<JobContext, 'db' | 'projectId' | 'actor'>, query: AiJobListQuery) {
  const position = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const rows = await repo.listJobs(ctx.db, ctx.projectId, { kind: query.type, status: query.status, actor: query.mine === 'true' ? ctx.actor : undefined }, query.limit + 1, position);
  const items = rows.slice(0, query.limit);
  return { items: items.map((r) => aiJobView(r)), nextCursor: rows.length > query.limit ? encodeKeysetCursor(items[items.length - 1]!) : null };
}

/** POST /api/jobs/{id}/cancel: an active job stops starting work; a finished one is a 409. */
export async function cancelAiJob(ctx: Pick<JobContext, 'db' | 'projectId' | 'actor'>, id: string): Promise<AiJob> {
  const row = await repo.cancelActiveJob(ctx.db, ctx.projectId, id, `cancelled by ${ctx.actor}`);
  if (!row) {
    const existing = await findOwn(ctx.db, ctx.projectId, id);
    throw new ApiError('CONFLICT', `job is already ${existing.status}`, { status: existing.status });
  }
  await repo.appendEvent(ctx.db, ctx.projectId, id, 'job.cancelled', { status: 'cancelled', by: ctx.actor });
  return aiJobView(row);
}
