// The MCP tools whose services exist (issue 17, first increment): the AI plugin jobs (rename layers, a job, the job
// history) and seed 003's design-sync reports (drift, coverage). Inputs are the zod contracts of packages/types;
// every answer is text (JSON) plus `structuredContent`; a service's refusal (ApiError) is a tool error naming its
// code, never a transport failure. The Figma tools (get_design_context in pages, get_metadata, get_variables,
// images, search) come next.
import { McpServer } from '@modelcontextprotocol/server';
import { AiJobStatusSchema, CoverageQuerySchema, FIGMA_CONTEXT_PAGE_BYTES, LayerInputSchema, RENAME_MAX_LAYERS, UuidSchema, type FigmaContextPage } from '@cogo/types';
import { z } from 'zod';
import { ApiError } from '../../lib/errors';
import { describeError, type Logger } from '../../lib/logger';
import { VERSION } from '../../version';
import { aiJobsPage, createRenameJob, getAiJob, type JobContext } from '../ai-jobs/ai-jobs.service';
import { coverage } from '../design-sync/coverage.service';
import { driftReport } from '../design-sync/drift.service';
import { readContextPage } from '../figma-context/context';

type ToolAnswer = { content: Array<{ type: 'text'; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

/** What a tool acts with: the caller's project, identity, trace and a database, and where failures are logged. */
export interface ToolContext extends JobContext {
  log: Pick<Logger, 'error'>;
}

/** A design context page's bytes when the agent names none: about 16k tokens, within what common clients accept. */
export const MCP_CONTEXT_PAGE_BYTES = 65_536;

const toolError = (error: Record<string, unknown>): ToolAnswer => ({ content: [{ type: 'text', text: JSON.stringify({ error }) }], structuredContent: { error }, isError: true });

/** Runs a tool's work: its value as text and structured content; a refusal as a tool error naming its code; anything else a generic one (logged, never echoed: a driver's message carries SQL and its parameters). */
async function answer<T>(ctx: ToolContext, tool: string, work: () => Promise<T>, text: (value: T) => string = (v) => JSON.stringify(v)): Promise<ToolAnswer> {
  try {
    const value = await work();
    return { content: [{ type: 'text', text: text(value) }], structuredContent: value as Record<string, unknown> };
  } catch (err) {
    if (err instanceof ApiError) return toolError({ code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
    ctx.log.error('mcp tool failed', { tool, error: describeError(err) });
    return toolError({ code: 'INTERNAL', message: 'internal error' });
  }
}

/** A server for one request, acting for its caller. */
export function mcpServer(ctx: ToolContext): McpServer {
  const server = new McpServer({ name: 'cogo', version: VERSION });
  server.registerTool(
    'rename_layers',
    {
      description: `Queue meaningful names for Figma layers (batches of 10, 5 model calls at once; unique among siblings, in the project's casing). Answers a job id: poll it with get_job. At most ${RENAME_MAX_LAYERS} layers.`,
      inputSchema: z.object({ layers: z.array(LayerInputSchema).min(1).max(RENAME_MAX_LAYERS), context: z.string().max(4_000).optional(), dry_run: z.boolean().optional() }),
    },
    async (args) => answer(ctx, 'rename_layers', () => createRenameJob(ctx, { layers: args.layers, dry_run: args.dry_run ?? false, ...(args.context ? { context: args.context } : {}) })),
  );
  server.registerTool(
    'get_job',
    { description: 'A job of the project: status, progress, result (a running rename shows the names so far), error.', inputSchema: z.object({ job_id: UuidSchema }) },
    async (args) => answer(ctx, 'get_job', () => getAiJob(ctx, args.job_id)),
  );
  server.registerTool(
    'list_jobs',
    {
      description: "The project's jobs, newest first.",
      inputSchema: z.object({ type: z.string().max(40).optional(), status: AiJobStatusSchema.optional(), limit: z.number().int().min(1).max(50).optional() }),
    },
    async (args) => answer(ctx, 'list_jobs', () => aiJobsPage(ctx, { limit: args.limit ?? 20, ...(args.type ? { type: args.type } : {}), ...(args.status ? { status: args.status } : {}) })),
  );
  server.registerTool(
    'design_drift_report',
    {
      description: 'Drift between the coded components (Storybook registry) and their mapped Figma components: props, variants, defaults, tokens, renames (seed 003 design.driftReport).',
      inputSchema: z.object({ file_key: CoverageQuerySchema.shape.file_key, only_drifted: z.boolean().optional() }),
    },
    async (args) => answer(ctx, 'design_drift_report', () => driftReport(ctx.db, ctx.projectId, ctx.traceId, { only_drifted: args.only_drifted ?? false, ...(args.file_key ? { file_key: args.file_key } : {}) })),
  );
  server.registerTool(
    'design_coverage_report',
    { description: "Stories and tests per registry component, and which Figma variant options its stories cover (seed 003 design.coverageReport).", inputSchema: z.object({ file_key: CoverageQuerySchema.shape.file_key }) },
    async (args) => answer(ctx, 'design_coverage_report', () => coverage(ctx.db, ctx.projectId, ctx.traceId, args.file_key)),
  );
  server.registerTool(
    'get_design_context',
    {
      description: `The compact design context (nodes with text, layout, styles, variables, component props) of a figma-context job (\`cogo extract\` or POST /figma-context/start), in pages of at most max_bytes (default ${MCP_CONTEXT_PAGE_BYTES}): never cut silently — while next_cursor is not null, call again with it; the pages joined are the whole context. Give job_id for the first page, cursor for the next.`,
      inputSchema: z.object({
        job_id: UuidSchema.optional(),
        cursor: z.string().min(1).max(600).optional(),
        format: z.enum(['text', 'json']).optional(),
        max_bytes: z.number().int().min(FIGMA_CONTEXT_PAGE_BYTES.min).max(FIGMA_CONTEXT_PAGE_BYTES.max).optional(),
      }),
    },
    async (args) =>
      answer(ctx, 'get_design_context', async () => {
        if (!args.job_id && !args.cursor) throw new ApiError('VALIDATION_FAILED', 'give job_id (first page) or cursor (the next)', { issues: [{ path: 'job_id', message: 'give job_id or cursor' }] });
        return readContextPage(
          { db: ctx.db, projectId: ctx.projectId, jobCursor: ctx.config.JOB_CURSOR },
          { max_bytes: args.max_bytes ?? MCP_CONTEXT_PAGE_BYTES, ...(args.job_id ? { job_id: args.job_id } : {}), ...(args.cursor ? { cursor: args.cursor } : {}), ...(args.format ? { format: args.format } : {}) },
        );
      }, pageText),
  );
  return server;
}

/** A context page as the agent reads it: the content, then where the next page is. */
function pageText(page: FigmaContextPage): string {
  const next = page.next_cursor ? `\n\n[more: call get_design_context with cursor "${page.next_cursor}"]` : '';
  return `${page.content}${next}`;
}
