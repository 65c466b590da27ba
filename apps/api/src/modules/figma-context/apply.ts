// POST /figma-context/apply (seed 000 §6): pages/components in one transaction per call,
// deterministic component ids (project, file key, node id), replace-mode by page, ≤ 300 per call. A job
// scoped to a node below a page (issue 8 #2) stores on the node's real page and replaces only within the
// node: other selections and whole-file applies of the same page are left alone.
// Re-applying the same data changes no row: a row is only written when its content hash differs.
import { jobCursorOf } from '../../durable-objects/names';
import { deterministicUuid, schema } from '@cogo/db';
import { FIGMA_LIMITS, type ApplyFigmaContext } from '@cogo/types';
import { and, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { canonicalJson } from '../../lib/canonical-json';
import { sha256Hex } from '../../lib/crypto';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { publishUpdates } from '../updates/outbox';
import { recordUpdates, type UpdateRecord } from '../updates/updates.repo';
import { FIGMA_JOB_KINDS, findJob } from './figma-context.repo';

/** Rows of the scoped node itself or stored under it (their `props.ancestors`, from the stream, name it). */
function inScope(nodeId: string) {
  const cmp = schema.components;
  return or(eq(cmp.nodeId, nodeId), sql`${cmp.props} -> 'ancestors' @> ${JSON.stringify([nodeId])}::jsonb`);
}

/** Applies one page (or one batch of it); returns the counts. */
export async function applyPage(c: Context, body: ApplyFigmaContext) {
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

  const rows = await Promise.all(
    page.components.map(async (comp) => {
      const props = comp.props ?? {};
      return {
        id: await deterministicUuid(projectId, fileKey, comp.node_id),
        nodeId: comp.node_id,
        name: comp.name,
        type: comp.type,
        props,
        contentHash: (await sha256Hex(canonicalJson({ name: comp.name, type: comp.type, props }))).slice(0, 32),
      };
    }),
  );

  const result = await db.transaction(async (tx) => {
    const p = schema.pages;
    let [pageRow] = await tx
      .insert(p)
      .values({ projectId, fileKey, nodeId: page.node_id, name: page.name })
      .onConflictDoUpdate({ target: [p.projectId, p.fileKey, p.nodeId], set: { name: page.name, updatedAt: new Date() }, setWhere: sql`${p.name} is distinct from ${page.name}` })
      .returning({ id: p.id, inserted: sql<boolean>`(xmax = 0)` });
    // the outbox (issue 9): one row per page/component inserted, updated or deleted here, in this transaction
    const traceId = c.get('traceId');
    const updates: UpdateRecord[] = [];
    const change = (entity: UpdateRecord['entity'], entityId: string, operation: UpdateRecord['operation'], contentHash: string | null) =>
      updates.push({ projectId, entity, entityId, operation, contentHash, traceId });
    if (pageRow) change('page', pageRow.id, pageRow.inserted ? 'insert' : 'update', null);
    pageRow ??= (await tx.select({ id: p.id, inserted: sql<boolean>`false` }).from(p).where(and(eq(p.projectId, projectId), eq(p.fileKey, fileKey), eq(p.nodeId, page.node_id))))[0];
    const pageId = pageRow!.id;

    const cmp = schema.components;
    const before = rows.length
      ? await tx.select({ id: cmp.id, hash: cmp.contentHash, pageId: cmp.pageId }).from(cmp).where(and(eq(cmp.projectId, projectId), inArray(cmp.id, rows.map((r) => r.id))))
      : [];
    const known = new Map(before.map((b) => [b.id, b]));
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const r of rows) {
      const prev = known.get(r.id);
      if (!prev) inserted++;
      else if (prev.hash !== r.contentHash || prev.pageId !== pageId) updated++;
      else unchanged++;
    }
    const changed = rows.filter((r) => {
      const prev = known.get(r.id);
      return !prev || prev.hash !== r.contentHash || prev.pageId !== pageId;
    });
    if (changed.length) {
      await tx
        .insert(cmp)
        .values(changed.map((r) => ({ ...r, projectId, pageId, fileKey })))
        .onConflictDoUpdate({
          target: cmp.id,
          set: { name: sql`excluded.name`, type: sql`excluded.type`, props: sql`excluded.props`, contentHash: sql`excluded.content_hash`, pageId: sql`excluded.page_id`, updatedAt: new Date() },
        });
      for (const r of changed) change('component', r.id, known.has(r.id) ? 'update' : 'insert', r.contentHash);
    }
    let deleted = 0;
    if (final) {
      const gone = await tx
        .delete(cmp)
        .where(and(eq(cmp.projectId, projectId), eq(cmp.pageId, pageId), union.length ? notInArray(cmp.nodeId, union) : undefined, scope ? inScope(scope) : undefined))
        .returning({ id: cmp.id, hash: cmp.contentHash });
      deleted = gone.length;
      for (const g of gone) change('component', g.id, 'delete', g.hash);
    }
    const updateIds = await recordUpdates(tx, updates);
    return { counts: { page_id: pageId, inserted, updated, deleted, unchanged }, updateIds };
  });
  await publishUpdates(c.get('config').PROJECT_UPDATES, result.updateIds, c.get('log'));
  await cursor.recordApplied(page.node_id, [...seen], first);
  c.get('events').emit('figma_apply_done', { job_id: job.id, page: page.node_id, ...result.counts }, { source: 'figma-context' });
  return result.counts;
}
