// MCP's tools that change the project (issue 17, seed 003): apply_page stores the pages of a finished extraction as
// the job read them (its page.ready / page.chunk events, in batches of FIGMA_LIMITS.maxComponentsPerApply —
// idempotent: applying again changes nothing), and design-sync's sync, undo and browser test sessions through the
// same functions as their REST routes.
import { FIGMA_LIMITS, type ApplyPage } from '@cogo/types';
import { jobCursorOf } from '../../durable-objects/names';
import { ApiError } from '../../lib/errors';
import { applyPage } from '../figma-context/apply';
import { FIGMA_JOB_KINDS, findJob } from '../figma-context/figma-context.repo';
import type { ToolContext } from './mcp.tools';

/** Events read from a job's log per call. */
const LOG_BATCH = 200;

/** The pages of a finished job as its stream delivered them: each page.ready, with the components of its page.chunk events. */
async function pagesOfJob(ctx: ToolContext, jobId: string): Promise<ApplyPage[]> {
  const job = await findJob(ctx.db, ctx.projectId, jobId, FIGMA_JOB_KINDS);
  if (!job) throw new ApiError('NOT_FOUND', 'job not found');
  const stub = jobCursorOf(ctx.config.JOB_CURSOR, job.id);
  const state = await stub.state();
  if (!state) throw new ApiError('NOT_FOUND', 'job log expired');
  if (state.status !== 'done') throw new ApiError('CONFLICT', `the job is ${state.status}: apply a finished extraction (get_design_context drives it to the end)`);
  const pages = new Map<string, ApplyPage>();
  const components = new Map<string, ApplyPage['components']>();
  for (let after = 0; after < state.lastEventId; ) {
    const batch = await stub.eventsAfter(after, LOG_BATCH);
    if (batch.length === 0) break;
    for (const ev of batch) {
      after = ev.id;
      if (ev.type === 'page.ready') {
        const d = JSON.parse(ev.data) as { page_id: string; name: string };
        pages.set(d.page_id, { node_id: d.page_id, name: d.name, components: components.get(d.page_id) ?? [] });
      } else if (ev.type === 'page.chunk') {
        const d = JSON.parse(ev.data) as { page_id: string; components: ApplyPage['components'] };
        const list = components.get(d.page_id) ?? [];
        list.push(...d.components);
        components.set(d.page_id, list);
        const page = pages.get(d.page_id);
        if (page) page.components = list;
      }
    }
  }
  return [...pages.values()];
}

/** apply_page: the job's pages (or the one named) stored, each in as many batches as it needs. */
export async function applyJobPages(ctx: ToolContext, input: { job_id: string; page_id?: string | undefined }) {
  const all = await pagesOfJob(ctx, input.job_id);
  const pages = input.page_id ? all.filter((p) => p.node_id === input.page_id) : all;
  if (input.page_id && pages.length === 0) throw new ApiError('NOT_FOUND', `page ${input.page_id} is not a page of the job (pages: ${all.map((p) => p.node_id).join(', ')})`);
  const applied = [];
  for (const page of pages) {
    const size = FIGMA_LIMITS.maxComponentsPerApply;
    const count = Math.max(1, Math.ceil(page.components.length / size));
    const totals = { page_id: '', inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
    for (let index = 0; index < count; index++) {
      const part = { ...page, components: page.components.slice(index * size, (index + 1) * size) };
      const result = await applyPage(ctx.c, { job_id: input.job_id, page: part, ...(count > 1 ? { batch: { index, count } } : {}) });
      totals.page_id = result.page_id;
      totals.inserted += result.inserted;
      totals.updated += result.updated;
      totals.deleted += result.deleted;
      totals.unchanged += result.unchanged;
    }
    applied.push({ node_id: page.node_id, name: page.name, components: page.components.length, ...totals });
  }
  return { job_id: input.job_id, pages: applied };
}
