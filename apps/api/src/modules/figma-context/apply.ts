// POST /figma-context/apply (seed 000 §6): pages/components in one transaction per call,
// deterministic component ids (project, file key, node id), replace-mode by page, ≤ 300 per call. A job
// scoped to a node below a page (issue 8 #2) stores on the node's real page and replaces only within the
// node: other selections and whole-file applies of the same page are left alone.
// Re-applying the same data changes no row: a row is only written when its content hash differs.
import { jobCursorOf } from '../../durable-objects/names';
import { FIGMA_LIMITS, type ApplyFigmaPage } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { publishUpdates } from '../updates/outbox';
import { componentRows, writePage } from './apply-rows';
import { FIGMA_JOB_KINDS, findJob } from './figma-context.repo';

/** Applies one page (or one batch of it); returns the counts. */
export async function applyPage(c: Context, body: ApplyFigmaPage) {
  const { page, batch } = body;
  if (page.components.length > FIGMA_LIMITS.maxComponentsPerApply) {
    throw new ApiError(
      'PAYLOAD_TOO_LARGE',
      `at most ${FIGMA_LIMITS.maxComponentsPerApply} components per apply call, got ${page.components.length}: split the page into calls with batch { index, count }`,
      { max: FIGMA_LIMITS.maxComponentsPerApply, got: page.components.length },
    );
  }
  const seen = new Set<string>();
  for (const comp of page.components) {
    if (seen.has(comp.node_id)) throw new ApiError('VALIDATION_FAILED', `component ${comp.node_id} appears twice`, { issues: [{ path: 'json.page.components', message: `duplicate node_id ${comp.node_id}` }] });
    seen.add(comp.node_id);
  }
  const projectId = principalOf(c).projectId;
  const db = c.get('db')();
  const job = await findJob(db, projectId, body.job_id, FIGMA_JOB_KINDS);
  if (!job) throw new ApiError('NOT_FOUND', 'job not found');
  const input = job.input as { file_key?: string; node_id?: string | null; page_id?: string | null };
  const fileKey = String(input.file_key ?? '');
  // a job scoped to a node below a page replaces only within that node: it, and what was stored under it
  const scope = input.node_id && input.node_id !== input.page_id ? input.node_id : null;
  const cursor = jobCursorOf(c.get('config').JOB_CURSOR, job.id);
  const final = !batch || batch.index === batch.count - 1;
  const first = !batch || batch.index === 0;
  // the page's accepted batches so far plus this one; this one is recorded only once it has committed
  const union = first ? [...seen] : [...new Set([...(await cursor.appliedFor(page.node_id)), ...seen])];

  const rows = await componentRows(projectId, fileKey, page.components);
  const result = await db.transaction((tx) =>
    writePage(tx, { projectId, fileKey, page, rows, final, keep: union, within: scope, traceId: c.get('traceId') }),
  );
  await publishUpdates(c.get('config').PROJECT_UPDATES, result.updateIds, c.get('log'));
  await cursor.recordApplied(page.node_id, [...seen], first);
  c.get('events').emit('figma_apply_done', { job_id: job.id, page: page.node_id, ...result.counts }, { source: 'figma-context' });
  return result.counts;
}
