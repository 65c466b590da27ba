// MCP's Figma tools (issue 17) over figma-context: the design context of a URL or a job in pages, the outline of a
// file or node. Quota-aware: a file is opened with one Tier-2 /meta call (figma-access.ts); a finished extraction
// of that version in the project is answered again (0 Tier-1 calls), else a new job is started — its answer names
// the Figma calls it spends — and driven here through the same stream calls a client makes, for at most
// MCP_EXTRACT_BUDGET_MS; a job that failed (a Figma quota, a refused token) is a tool error naming code and retry time.
import { isTerminal } from '../../durable-objects/job-status';
import { jobCursorOf } from '../../durable-objects/names';
import { MCP_ANSWER_BYTES, type ErrorCode, type FigmaContextPage, type McpDesignContextInput, type McpMetadataInput } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { readContextPage } from '../figma-context/context';
import { openFigmaFile } from '../figma-context/figma-access';
import { FIGMA_JOB_KINDS, doneJobOfVersion, findJob } from '../figma-context/figma-context.repo';
import { FigmaError } from '../figma-context/figma.client';
import { fileSkeleton, nodeSkeleton } from '../figma-context/skeleton';
import { apiErrorOf, resolveTarget, startFigmaJob } from '../figma-context/start';
import { streamCall } from '../figma-context/stream-call';
import { deferredStores } from '../figma-context/version-cache';
import { outlineOf, outlineText } from './mcp.outline';
import type { ToolContext } from './mcp.tools';

/** The longest one get_design_context call drives an extraction before answering what it has (the job goes on when called again). */
export const MCP_EXTRACT_BUDGET_MS = 45_000;

type FigmaCalls = { tier1: number; tier2: number };
/** How a get_design_context call came by its job. */
export interface Extraction {
  job_id: string;
  /** true: a finished extraction of the file's current version in the project, answered again. */
  reused: boolean;
  file_version: string | null;
  cache: string;
  /** Figma calls the answer spends (a new job: start's forecast, the stream's included). */
  figma_calls: FigmaCalls;
}

const targetOf = (input: { figma_url?: string | undefined; file_key?: string | undefined; node_id?: string | undefined }) => {
  if (!input.figma_url === !input.file_key) throw new ApiError('VALIDATION_FAILED', 'give either figma_url or file_key', { issues: [{ path: 'figma_url', message: 'give either figma_url or file_key' }] });
  return { ...(input.figma_url ? { figma_url: input.figma_url } : { file_key: input.file_key! }), ...(input.node_id ? { node_id: input.node_id } : {}) };
};

/** The project's finished extraction of the file's current version, or a new job started for it. */
async function extractionFor(ctx: ToolContext, body: ReturnType<typeof targetOf>): Promise<Extraction> {
  const target = resolveTarget(body);
  const stores = deferredStores(ctx.c, ctx.config, ctx.projectId);
  try {
    const access = await openFigmaFile(ctx.c, target.fileKey, stores);
    if (access.version) {
      const done = await doneJobOfVersion(ctx.db, ctx.projectId, target.fileKey, target.nodeId ?? null, access.version);
      if (done && (await jobCursorOf(ctx.config.JOB_CURSOR, done.id).state())) {
        return { job_id: done.id, reused: true, file_version: access.version, cache: 'hit', figma_calls: { tier1: 0, tier2: access.metaCalls } };
      }
    }
    const started = await startFigmaJob(ctx.c, body, { access, stores });
    return { job_id: started.job_id, reused: false, file_version: started.file_version, cache: started.cache, figma_calls: started.plan.figma_calls };
  } finally {
    await stores.settle();
  }
}

/** Runs the job's stream calls (their events discarded: the log keeps them) until it ends or `deadline`; a failed job is thrown as its error. */
async function driveJob(ctx: ToolContext, jobId: string, deadline: number): Promise<void> {
  const job = await findJob(ctx.db, ctx.projectId, jobId, FIGMA_JOB_KINDS);
  if (!job) throw new ApiError('NOT_FOUND', 'job not found');
  const stub = jobCursorOf(ctx.config.JOB_CURSOR, job.id);
  for (;;) {
    const state = await stub.state();
    if (!state) throw new ApiError('NOT_FOUND', 'job log expired');
    if (state.status === 'done') return;
    if (isTerminal(state.status)) {
      // the terminal event names the code, and for a quota the retry time
      const last = (await stub.eventsAfter(state.lastEventId - 1, 1))[0];
      const error = last?.type === 'error' ? (JSON.parse(last.data) as { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } }).error : null;
      throw new ApiError(error?.code ?? 'CONFLICT', `the extraction ended without its context: ${error?.message ?? state.status}`, { job_id: job.id, ...(error?.details ?? {}) });
    }
    if (Date.now() >= deadline) return;
    const res = await streamCall(ctx.c, job, state.lastEventId);
    await res.body?.pipeTo(new WritableStream());
  }
}

export type DesignContextAnswer = FigmaContextPage & { extraction?: Extraction };

/** get_design_context: a page by cursor; or of a job (driven on while it runs); or of a file, extracted once per version. */
export async function designContext(ctx: ToolContext, input: McpDesignContextInput): Promise<DesignContextAnswer> {
  const max_bytes = input.max_bytes ?? MCP_ANSWER_BYTES;
  const read = (q: { job_id?: string; cursor?: string }) =>
    readContextPage({ db: ctx.db, projectId: ctx.projectId, jobCursor: ctx.config.JOB_CURSOR }, { max_bytes, ...q, ...(input.format ? { format: input.format } : {}) });
  if (input.cursor) return read({ cursor: input.cursor, ...(input.job_id ? { job_id: input.job_id } : {}) });
  const deadline = Date.now() + MCP_EXTRACT_BUDGET_MS;
  if (input.job_id) {
    if (input.figma_url || input.file_key) throw new ApiError('VALIDATION_FAILED', 'give job_id or a file (figma_url, file_key), not both', { issues: [{ path: 'job_id', message: 'give job_id or a file' }] });
    await driveJob(ctx, input.job_id, deadline);
    return read({ job_id: input.job_id });
  }
  if (!input.figma_url && !input.file_key) throw new ApiError('VALIDATION_FAILED', 'give figma_url or file_key (a design), job_id (an extraction) or cursor (the next page)', { issues: [{ path: 'figma_url', message: 'give figma_url, file_key, job_id or cursor' }] });
  const extraction = await extractionFor(ctx, targetOf(input));
  await driveJob(ctx, extraction.job_id, deadline);
  return { ...(await read({ job_id: extraction.job_id })), extraction };
}

/** A context page as the agent reads it: the content, then where the next page is, or that the job goes on. */
export function designContextText(page: DesignContextAnswer): string {
  const notes: string[] = [];
  if (page.next_cursor) notes.push(`[more: call get_design_context with cursor "${page.next_cursor}"]`);
  else if (page.job_status === 'running' || page.job_status === 'pending') notes.push(`[the extraction goes on: call get_design_context with job_id "${page.job_id}" for the rest]`);
  return notes.length ? `${page.content}\n\n${notes.join('\n')}` : page.content;
}

/** get_metadata: the outline of a file (pages, their top-level frames) or of a node (two levels down), ids and sizes. */
export async function designMetadata(ctx: ToolContext, input: McpMetadataInput) {
  const target = resolveTarget(targetOf(input));
  const stores = deferredStores(ctx.c, ctx.config, ctx.projectId);
  try {
    const access = await openFigmaFile(ctx.c, target.fileKey, stores);
    let outline;
    try {
      if (target.nodeId) outline = outlineOf((await nodeSkeleton(access.figma, target.fileKey, target.nodeId)).nodes?.[target.nodeId]?.document, target.nodeId);
      else {
        const skeleton = await fileSkeleton(access.figma, target.fileKey, ctx.config.FIGMA_MAX_RESPONSE_BYTES);
        outline = { ...outlineOf(skeleton.document, null), name: skeleton.name ?? null };
      }
    } catch (err) {
      throw err instanceof FigmaError ? apiErrorOf(err) : err;
    }
    const { text, shown } = outlineText(outline.nodes, input.max_bytes ?? MCP_ANSWER_BYTES);
    const calls = { tier1: access.figma.tally.tier1, tier2: access.metaCalls + access.figma.tally.tier2 };
    return {
      file_key: target.fileKey,
      node_id: target.nodeId ?? null,
      name: outline.name,
      file_version: access.version,
      nodes: outline.nodes.slice(0, shown),
      total_nodes: outline.nodes.length,
      // never cut silently: the agent narrows with node_id
      truncated: shown < outline.nodes.length,
      text,
      figma_calls: calls,
      cache_note: access.cacheNote,
    };
  } finally {
    await stores.settle();
  }
}
