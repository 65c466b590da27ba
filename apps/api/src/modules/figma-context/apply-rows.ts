// The write half of an apply, shared by Figma pages (apply.ts) and generated pages (apply-generated.ts): the page
// row, its components (deterministic ids; a row is written only when its content hash or page changed), the removal
// of what the page no longer has, and the outbox rows — all in the caller's one transaction.
import { deterministicUuid, schema, type Db } from '@cogo/db';
import { and, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { canonicalJson } from '@cogo/types';
import { sha256Hex } from '../../lib/crypto';
import { recordUpdates, type UpdateRecord } from '../updates/updates.repo';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Rows written per insert statement: the apply contract's batch size, also inside one transaction. */
export const ROWS_PER_STATEMENT = 300;

export interface ComponentInput {
  node_id: string;
  name: string;
  type: string;
  props?: Record<string, unknown> | undefined;
}

export interface PageWrite {
  projectId: string;
  fileKey: string;
  page: { node_id: string; name: string };
  rows: ComponentRow[];
  /** Remove the page's components whose node ids are not in `keep` (the last batch of a page). */
  final: boolean;
  keep: string[];
  /** Removal only within this node (a node-scoped job), else the whole page. */
  within: string | null;
  traceId: string;
}

export type ComponentRow = Awaited<ReturnType<typeof componentRows>>[number];

/** Rows of the scoped node itself or stored under it (their `props.ancestors`, from the stream, name it). */
function inScope(nodeId: string): SQL | undefined {
  const cmp = schema.components;
  return or(eq(cmp.nodeId, nodeId), sql`${cmp.props} -> 'ancestors' @> ${JSON.stringify([nodeId])}::jsonb`);
}

/** The stored form of components: ids from (project, file, node), content hashes over name, type and props. */
export async function componentRows(projectId: string, fileKey: string, components: readonly ComponentInput[]) {
  return Promise.all(
    components.map(async (comp) => {
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
}

/** Writes one page (or batch) in `tx`; returns the counts and the outbox ids to publish after commit. */
export async function writePage(tx: Tx, w: PageWrite) {
  const { projectId, fileKey, page, rows } = w;
  const p = schema.pages;
  let [pageRow] = await tx
    .insert(p)
    .values({ projectId, fileKey, nodeId: page.node_id, name: page.name })
    .onConflictDoUpdate({ target: [p.projectId, p.fileKey, p.nodeId], set: { name: page.name, updatedAt: new Date() }, setWhere: sql`${p.name} is distinct from ${page.name}` })
    .returning({ id: p.id, inserted: sql<boolean>`(xmax = 0)` });
  // the outbox (issue 9): one row per page/component inserted, updated or deleted here, in this transaction
  const updates: UpdateRecord[] = [];
  const change = (entity: UpdateRecord['entity'], entityId: string, operation: UpdateRecord['operation'], contentHash: string | null) =>
    updates.push({ projectId, entity, entityId, operation, contentHash, traceId: w.traceId });
  if (pageRow) change('page', pageRow.id, pageRow.inserted ? 'insert' : 'update', null);
  pageRow ??= (await tx.select({ id: p.id, inserted: sql<boolean>`false` }).from(p).where(and(eq(p.projectId, projectId), eq(p.fileKey, fileKey), eq(p.nodeId, page.node_id))))[0];
  const pageId = pageRow!.id;

  const cmp = schema.components;
  const before: Array<{ id: string; hash: string; pageId: string }> = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const ids = rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => r.id);
    before.push(...(await tx.select({ id: cmp.id, hash: cmp.contentHash, pageId: cmp.pageId }).from(cmp).where(and(eq(cmp.projectId, projectId), inArray(cmp.id, ids)))));
  }
  const known = new Map(before.map((b) => [b.id, b]));
  const changed = rows.filter((r) => {
    const prev = known.get(r.id);
    return !prev || prev.hash !== r.contentHash || prev.pageId !== pageId;
  });
  const inserted = changed.filter((r) => !known.has(r.id)).length;
  const updated = changed.length - inserted;
  const unchanged = rows.length - changed.length;
  for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) {
    await tx
      .insert(cmp)
      .values(changed.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({ ...r, projectId, pageId, fileKey })))
      .onConflictDoUpdate({
        target: cmp.id,
        set: { name: sql`excluded.name`, type: sql`excluded.type`, props: sql`excluded.props`, contentHash: sql`excluded.content_hash`, pageId: sql`excluded.page_id`, updatedAt: new Date() },
      });
  }
  for (const r of changed) change('component', r.id, known.has(r.id) ? 'update' : 'insert', r.contentHash);
  let deleted = 0;
  if (w.final) {
    const gone = await tx
      .delete(cmp)
      .where(and(eq(cmp.projectId, projectId), eq(cmp.pageId, pageId), w.keep.length ? notInArray(cmp.nodeId, w.keep) : undefined, w.within ? inScope(w.within) : undefined))
      .returning({ id: cmp.id, hash: cmp.contentHash });
    deleted = gone.length;
    for (const g of gone) change('component', g.id, 'delete', g.hash);
  }
  const updateIds = await recordUpdates(tx, updates);
  return { counts: { page_id: pageId, inserted, updated, deleted, unchanged }, updateIds };
}
