// The MCP tools (issue 17): the design itself (get_design_context in pages, get_metadata, get_variables,
// download_images, search_design_system: mcp.figma.ts, mcp.design.ts), the AI plugin jobs (rename layers, a job, the
// job history) and seed 003's design-sync reports (drift, coverage). Inputs are the zod contracts of packages/types;
// every answer is text plus `structuredContent`; a service's refusal (ApiError) is a tool error naming its code and
// details (a Figma quota: the retry time), never a transport failure; anything else a generic one, logged.
import { McpServer } from '@modelcontextprotocol/server';
import type { Context } from 'hono';
import {
  AiJobStatusSchema,
  CoverageQuerySchema,
  BrowserSessionRequestSchema,
  LayerInputSchema,
  McpApplyPageInputSchema,
  SyncOperationRequestSchema,
  UndoRequestSchema,
  MCP_ANSWER_BYTES,
  McpDesignContextInputSchema,
  McpImagesInputSchema,
  McpMetadataInputSchema,
  McpScreenshotInputSchema,
  McpSearchInputSchema,
  McpVariablesInputSchema,
  RENAME_MAX_LAYERS,
  UuidSchema,
  type McpImagesInput,
} from '@cogo/types';
import { z } from 'zod';
import { ApiError } from '../../lib/errors';
import { describeError, type Logger } from '../../lib/logger';
import { VERSION } from '../../version';
import { aiJobsPage, createRenameJob, getAiJobWithResult, type JobContext } from '../ai-jobs/ai-jobs.service';
import { coverage } from '../design-sync/coverage.service';
import { driftReport } from '../design-sync/drift.service';
import { getSession } from '../design-sync/browser/browser.service';
import { startSessionFor } from '../design-sync/browser/browser.handlers';
import { scopeOf, syncOperation } from '../design-sync/sync.handlers';
import { undoOperation } from '../design-sync/undo.service';
import { applyJobPages } from './mcp.sync';
import { designImages, designSystemSearch, designVariables } from './mcp.design';
import { designContext, designContextText, designMetadata } from './mcp.figma';

type ToolAnswer = { content: Array<{ type: 'text'; text: string } | { type: 'image'; data: string; mimeType: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

/** What a tool acts with: the caller's project, identity, trace and a database, and where failures are logged. */
export interface ToolContext extends JobContext {
  /** The request the tool answers within (the handler answers in JSON: every tool has finished before it returns). */
  c: Context;
  log: Pick<Logger, 'error'>;
}

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
    {
      description: 'A job of the project: status, progress, result (a running rename shows the names so far; a large one is read back from its `result_artifact`), error.',
      inputSchema: z.object({ job_id: UuidSchema }),
    },
    async (args) => answer(ctx, 'get_job', () => getAiJobWithResult(ctx, args.job_id)),
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
      description: `The compact design context (nodes with text, layout, styles, variables, component props) of a Figma design, in pages of at most max_bytes (default ${MCP_ANSWER_BYTES}), never cut silently: while next_cursor is not null, call again with it — the pages joined are the whole context. Give figma_url or file_key (+ node_id; call get_metadata first to choose a node of a large file): a finished extraction of the file's current version is answered again with no Figma file read, else one is started (its answer names the Figma calls it spends). Or give job_id (an extraction: continue it after a reconnect) or cursor (the next page).`,
      inputSchema: McpDesignContextInputSchema,
    },
    async (args) => answer(ctx, 'get_design_context', () => designContext(ctx, args), designContextText),
  );
  server.registerTool(
    'get_metadata',
    {
      description: 'The outline of a Figma file (its pages and their top-level frames) or of a node (two levels down): ids, types, names, sizes, child counts — to choose a node before asking for its context. One Figma file read per file version (cached).',
      inputSchema: McpMetadataInputSchema,
    },
    async (args) => answer(ctx, 'get_metadata', () => designMetadata(ctx, args), (v) => v.text),
  );
  server.registerTool(
    'get_variables',
    {
      description: "A Figma file's variables and styles as design tokens: dtcg (DTCG 2025.10, default), css (custom properties; other modes as data-attribute rules) or tailwind (a v4 @theme block); mode resolves one mode. Stored per file version: asking again costs one Figma /meta call. Long answers come in pages (page, pages).",
      inputSchema: McpVariablesInputSchema,
    },
    async (args) => answer(ctx, 'get_variables', () => designVariables(ctx, args), (v) => (v.pages > 1 ? `${v.content}\n[page ${v.page} of ${v.pages}: call get_variables with page ${v.page + 1} for more]` : v.content)),
  );
  server.registerTool(
    'download_images',
    {
      description: "Renders Figma nodes (png, jpg, svg, pdf at a scale) into the project's artifacts, each rendered once per file version; png/jpg come back inline while they fit max_bytes (default 1 MiB), every one as a URL to download through the API with the same key.",
      inputSchema: McpImagesInputSchema,
    },
    async (args) => imagesAnswer(ctx, args),
  );
  server.registerTool(
    'get_screenshot',
    {
      description: "A picture of one Figma node (the URL's node-id, or node_id): PNG (default) or JPEG at a scale, inline, and stored as an artifact URL. Rendered once per file version.",
      inputSchema: McpScreenshotInputSchema,
    },
    async (args) => {
      const { node_id, ...rest } = args;
      if (!node_id && !(args.figma_url ?? '').includes('node-id')) return toolError({ code: 'VALIDATION_FAILED', message: 'name the node: node_id, or a figma_url with node-id', details: { issues: [{ path: 'node_id', message: 'required without a node-id in figma_url' }] } });
      return imagesAnswer(ctx, { ...rest, ...(node_id ? { node_ids: [node_id] } : {}), inline: true, max_bytes: 4 * 1024 * 1024 });
    },
  );
  server.registerTool(
    'search_design_system',
    {
      description: "Searches the project's own design knowledge — components (with their props and variants), tokens, pages, coded components — by meaning and by words (hybrid retrieval; words alone when no embedding provider answers).",
      inputSchema: McpSearchInputSchema,
    },
    async (args) => answer(ctx, 'search_design_system', () => designSystemSearch(ctx, args)),
  );
  server.registerTool(
    'apply_page',
    {
      description: "Stores the pages of a finished extraction (job_id from get_design_context) in the project — pages and their components as the job read them, every page or the one named; idempotent: applying again changes nothing.",
      inputSchema: McpApplyPageInputSchema,
    },
    async (args) => answer(ctx, 'apply_page', () => applyJobPages(ctx, args)),
  );
  server.registerTool(
    'design_sync',
    {
      description: 'Syncs drifted components between code and design (seed 003 design.sync): direction design_to_code writes the coded side from Figma, code_to_design the Figma side from code; every confirmed mapping with drift, or the mapping_ids named. Atomic, replay-safe, undoable with design_undo.',
      inputSchema: SyncOperationRequestSchema,
    },
    async (args) => answer(ctx, 'design_sync', () => syncOperation(ctx.c, args)),
  );
  server.registerTool(
    'design_undo',
    { description: 'Undoes a sync operation (seed 003 design.undo): the named one, or the latest that can be undone.', inputSchema: UndoRequestSchema },
    async (args) => answer(ctx, 'design_undo', () => undoOperation(scopeOf(ctx.c, args.trace_id), args.operation_id)),
  );
  server.registerTool(
    'design_browser_test_session_start',
    {
      description: "Renders the registry's Storybook stories (or those named) in a real browser and records each one's errors and screenshot (seed 003 design.browserTestSession.start). Answers the session: poll it with design_browser_test_session_status.",
      inputSchema: BrowserSessionRequestSchema,
    },
    async (args) => answer(ctx, 'design_browser_test_session_start', () => startSessionFor(ctx.c, args)),
  );
  server.registerTool(
    'design_browser_test_session_status',
    { description: 'A browser test session: status, and per story passed/failed/timeout, console errors and screenshot (seed 003 design.browserTestSession.status).', inputSchema: z.object({ session_id: UuidSchema }) },
    async (args) => answer(ctx, 'design_browser_test_session_status', () => getSession(ctx.db, ctx.projectId, args.session_id)),
  );
  return server;
}

/** download_images: the stored renders as JSON, then the images that fit inline. */
async function imagesAnswer(ctx: ToolContext, args: McpImagesInput): Promise<ToolAnswer> {
  const images = await answer(ctx, 'download_images', () => designImages(ctx, args).then((a) => ({ ...a.summary, images: a.images })), (v) => JSON.stringify({ ...v, images: undefined }));
  if (images.isError) return images;
  const { images: inline, ...summary } = images.structuredContent as unknown as { images: Array<{ data: string; mimeType: string }> };
  return { content: [images.content[0]!, ...inline.map((i) => ({ type: 'image' as const, data: i.data, mimeType: i.mimeType }))], structuredContent: summary };
}
