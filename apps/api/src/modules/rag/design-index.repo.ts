// Queries of the design index (design-index.ts). They run inside the projection worker's delivering transaction on
// the SERVICE database — no row-level security there — so every statement names its project explicitly. The one
// read that must see the project as the project does (its routing catalogue, whose queries rely on row-level
// security) goes through asTenant.
import { schema, type Db } from '@cogo/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import type { ActionFlowDoc, TokenVersionDoc } from './design-documents-compat';
import type { ComponentRow, PageRow } from './design-documents';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const c = schema.components;
const p = schema.pages;
const d = schema.documents;
const dc = schema.documentChunks;

/** A component with what its document also says: its page's name and its set's name (variants). */
export interface ComponentWithContext extends ComponentRow {
  pageName: string | null;
  setName: string | null;
}

/**
 * Runs `read` as the project's tenant inside the service transaction: a savepoint switches to the tenant role and
 * project (as tenant connections do, packages/db tenant.ts), and is rolled back after, which reverts both. For reads
 * only: whatever `read` writes is rolled back too. A second connection is not an option here: the embedded database
 * has one session, which this transaction holds.
 */
export async function asTenant<T>(tx: Tx, projectId: string, read: (db: Db) => Promise<T>): Promise<T> {
  let result: { value: T } | null = null;
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(sql`select set_config('role', 'cogo_app', true), set_config('app.project_id', ${projectId}, true)`);
      // a savepoint is a database for these reads (Drizzle's transaction type lacks only the pool handle)
      result = { value: await read(sp as unknown as Db) };
      sp.rollback();
    });
  } catch (err) {
    if (!(err instanceof TransactionRollbackError) || result === null) throw err;
  }
  return (result as { value: T } | null)!.value;
}

/** The project's components among `ids` that still exist, with their page's and set's names. */
export async function componentsWithContext(tx: Tx, projectId: string, ids: readonly string[]): Promise<ComponentWithContext[]> {
  if (ids.length === 0) return [];
  const result = await tx.execute<{ id: string; page_id: string; file_key: string; node_id: string; name: string; type: string; props: Record<string, unknown>; page_name: string | null; set_name: string | null }>(sql`
    select c.id, c.page_id, c.file_key, c.node_id, c.name, c.type, c.props, pg.name as page_name, s.name as set_name
    from ${c} c
    left join ${p} pg on pg.id = c.page_id and pg.project_id = c.project_id
    left join ${c} s on s.project_id = c.project_id and s.file_key = c.file_key and s.node_id = c.props ->> 'set_id'
    where c.project_id = ${projectId}::uuid and c.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
  return result.rows.map((r) => ({ id: r.id, pageId: r.page_id, fileKey: r.file_key, nodeId: r.node_id, name: r.name, type: r.type, props: r.props ?? {}, pageName: r.page_name, setName: r.set_name }));
}

/** Ids of the variants of the project's component sets among `setIds` (their documents name the set). */
export async function variantIdsOf(tx: Tx, projectId: string, setIds: readonly string[]): Promise<string[]> {
  if (setIds.length === 0) return [];
  const result = await tx.execute<{ id: string }>(sql`
    select v.id from ${c} s
    join ${c} v on v.project_id = s.project_id and v.file_key = s.file_key and v.props ->> 'set_id' = s.node_id
    where s.project_id = ${projectId}::uuid and s.id in (select jsonb_array_elements_text(${JSON.stringify(setIds)}::jsonb)::uuid)`);
  return result.rows.map((r) => r.id);
}

/** Ids of the project's components on these pages. */
export async function componentIdsOnPages(tx: Tx, projectId: string, pageIds: readonly string[]): Promise<string[]> {
  if (pageIds.length === 0) return [];
  const rows = await tx.select({ id: c.id }).from(c).where(and(eq(c.projectId, projectId), inArray(c.pageId, [...pageIds])));
  return rows.map((r) => r.id);
}

/** A page of the project with its components (null: gone). */
export async function pageWithComponents(tx: Tx, projectId: string, pageId: string): Promise<{ page: PageRow; components: ComponentRow[] } | null> {
  const [page] = await tx.select({ id: p.id, fileKey: p.fileKey, nodeId: p.nodeId, name: p.name, data: p.data }).from(p).where(and(eq(p.projectId, projectId), eq(p.id, pageId)));
  if (!page) return null;
  const components = await tx
    .select({ id: c.id, pageId: c.pageId, fileKey: c.fileKey, nodeId: c.nodeId, name: c.name, type: c.type, props: c.props })
    .from(c)
    .where(and(eq(c.projectId, projectId), eq(c.pageId, pageId)));
  return { page, components };
}

/** The pages the stored documents of these components were on (a moved or deleted component's old page). */
export async function indexedPagesOf(tx: Tx, projectId: string, componentIds: readonly string[]): Promise<string[]> {
  if (componentIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ pageId: sql<string | null>`${d.metadata} ->> 'page_id'` })
    .from(d)
    .where(and(eq(d.projectId, projectId), eq(d.source, 'component'), inArray(d.externalId, [...componentIds])));
  return rows.flatMap((r) => (r.pageId ? [r.pageId] : []));
}

/**
 * Of these (source, external id, content hash) documents, those already indexed as they are: the same hash, and no
 * chunk that another model embedded or whose embedding failed for good (those need staging again). A chunk still
 * waiting for its vector counts as indexed: the queue, or the sweep after a lost send, embeds it.
 */
export async function settledDocuments(tx: Tx, projectId: string, docs: ReadonlyArray<{ source: string; externalId: string; hash: string }>, model: string | null): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  const wanted = JSON.stringify(docs.map((x) => ({ source: x.source, external_id: x.externalId, hash: x.hash })));
  const result = await tx.execute<{ source: string; external_id: string }>(sql`
    select d.source, d.external_id
    from ${d} d
    join jsonb_to_recordset(${wanted}::jsonb) as k(source text, external_id text, hash text)
      on d.source = k.source and d.external_id = k.external_id and d.content_hash = k.hash
    where d.project_id = ${projectId}::uuid
      and exists (select 1 from ${dc} x where x.document_id = d.id)
      and not exists (
        select 1 from ${dc} x where x.document_id = d.id
          and ((x.embedding is not null and x.model is distinct from ${model}::text) or x.embed_error is not null))`);
  return new Set(result.rows.map((r) => `${r.source}\u0000${r.external_id}`));
}

/** Deletes the project's documents of `source` with these external ids (their chunks go with them); returns how many. */
export async function deleteDocuments(tx: Tx, projectId: string, source: string, externalIds: readonly string[]): Promise<number> {
  if (externalIds.length === 0) return 0;
  const gone = await tx
    .delete(d)
    .where(and(eq(d.projectId, projectId), eq(d.source, source), inArray(d.externalId, [...externalIds])))
    .returning({ id: d.id });
  return gone.length;
}

/** Deletes the project's component documents indexed on a page (the page is gone, its components with it). */
export async function deleteComponentDocumentsOfPage(tx: Tx, projectId: string, pageId: string): Promise<number> {
  const gone = await tx
    .delete(d)
    .where(and(eq(d.projectId, projectId), eq(d.source, 'component'), sql`${d.metadata} ->> 'page_id' = ${pageId}`))
    .returning({ id: d.id });
  return gone.length;
}

/** For the project's token versions among `ids`: the latest stored version of each of their files. */
export async function latestTokenVersionsOf(tx: Tx, projectId: string, ids: readonly string[]): Promise<TokenVersionDoc[]> {
  if (ids.length === 0) return [];
  const t = schema.tokenVersions;
  const result = await tx.execute<{ id: string; file_key: string; version: string; resolver: Record<string, unknown> }>(sql`
    select distinct on (l.file_key) l.id, l.file_key, l.version, l.resolver
    from ${t} l
    where l.project_id = ${projectId}::uuid
      and l.file_key in (select v.file_key from ${t} v where v.project_id = ${projectId}::uuid and v.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid))
    order by l.file_key, l.created_at desc, l.id desc`);
  return result.rows.map((r) => ({ id: r.id, fileKey: r.file_key, version: r.version, resolver: r.resolver }));
}

/** Deletes the project's token documents of `fileKey` other than `keep` (groups the latest version no longer has). */
export async function deleteTokenDocumentsExcept(tx: Tx, projectId: string, fileKey: string, keep: readonly string[]): Promise<number> {
  const gone = await tx.execute(sql`
    delete from ${d} where project_id = ${projectId}::uuid and source = 'token' and metadata ->> 'figma_file_key' = ${fileKey}
      and not (external_id in (select jsonb_array_elements_text(${JSON.stringify(keep)}::jsonb)))
    returning id`);
  return gone.rows.length;
}

/** The project's action flows among `ids` that still exist. */
export async function actionFlowsOf(tx: Tx, projectId: string, ids: readonly string[]): Promise<ActionFlowDoc[]> {
  if (ids.length === 0) return [];
  const f = schema.actionFlows;
  const rows = await tx
    .select({ id: f.id, fileKey: f.fileKey, pageId: f.pageId, pageName: f.pageName, graph: f.graph, annotations: f.annotations })
    .from(f)
    .where(and(eq(f.projectId, projectId), inArray(f.id, [...ids])));
  return rows;
}
