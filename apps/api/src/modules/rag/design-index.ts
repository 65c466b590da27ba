// The design knowledge index (issue 12): a subscriber of the projection (queues/project-updates.consumer.ts) that
// keeps one RAG document per stored page and component. Inside the delivering transaction (service database, every
// query names the project): an inserted or updated row is rendered (design-documents.ts) and staged — its changed
// chunks written without a vector — and a deleted one's document is deleted (its chunks cascade); so the index moves
// with the outbox, exactly once in effect. The staged chunk ids go to the embedding queue only after the commit; a
// lost send is picked up by the embedding sweep, which resends chunks still pending.
// What changes with what: a component's document names its page and (a variant) its set, a page's lists its
// components. So a component update also re-renders its page (the old one too, if it moved) and, for a set, its
// variants; a page update also re-renders its components. A document that renders as stored (same hash) and has no
// chunk to redo is left alone, so the many deliveries of one apply stage each document once, and re-applying an
// unchanged page writes no outbox row at all.
// Tokens and action flows (issue 13): design-index-compat.ts renders them; staged here with the rest.
import type { Db } from '@cogo/db';
import type { AppConfig } from '../../env';
import type { Logger } from '../../lib/logger';
import type { ProjectUpdateRow } from '../updates/updates.repo';
import type { CompatDocument } from './design-documents-compat';
import { componentDocument, pageDocument, type DesignDocument } from './design-documents';
import { COMPAT_ENTITIES, compatDocuments } from './design-index-compat';
import {
  asTenant,
  componentIdsOnPages,
  componentsWithContext,
  deleteComponentDocumentsOfPage,
  deleteDocuments,
  indexedPagesOf,
  pageWithComponents,
  settledDocuments,
  variantIdsOf,
  type Tx,
} from './design-index.repo';
import { enqueueEmbeds } from './rag-embed-queue';
import { currentEmbeddingModel, documentHash } from './rag-plan';
import { stageDocuments } from './rag-stage';

/** What the projection gives a subscriber besides its transaction (see project-updates.consumer.ts). */
export interface DesignIndexContext {
  config: AppConfig;
  log: Logger;
  /** Runs `task` after the delivering transaction commits (never if it rolls back). */
  afterCommit: (task: () => Promise<unknown>) => void;
}

/** The outbox entities the index follows. */
export const DESIGN_ENTITIES: ReadonlySet<string> = new Set(['component', 'page', ...COMPAT_ENTITIES]);

/** What one delivery changes in the index. */
interface Work {
  components: Set<string>;
  pages: Set<string>;
  deletedComponents: Set<string>;
  deletedPages: Set<string>;
}

/** Indexes the delivered rows of a design entity (the rows of one delivery: one entity, in version order). */
export async function indexDesignUpdates(tx: Tx, rows: readonly ProjectUpdateRow[], context: DesignIndexContext): Promise<void> {
  const mine = rows.filter((r) => DESIGN_ENTITIES.has(r.entity));
  const byProject = new Map<string, ProjectUpdateRow[]>();
  for (const r of mine) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
  for (const [projectId, updates] of byProject) await indexProject(tx, projectId, updates, context);
}

async function indexProject(tx: Tx, projectId: string, updates: ProjectUpdateRow[], context: DesignIndexContext): Promise<void> {
  const work: Work = { components: new Set(), pages: new Set(), deletedComponents: new Set(), deletedPages: new Set() };
  // the entity's last operation decides: a row inserted then deleted in one delivery is simply gone
  const last = new Map(updates.map((u) => [`${u.entity}\u0000${u.entityId}`, u]));
  for (const u of last.values()) {
    if (u.entity === 'component') (u.operation === 'delete' ? work.deletedComponents : work.components).add(u.entityId);
    else if (u.entity === 'page') (u.operation === 'delete' ? work.deletedPages : work.pages).add(u.entityId);
  }
  // a page's document lists its components, and theirs name the page
  for (const id of await componentIdsOnPages(tx, projectId, [...work.pages])) work.components.add(id);
  const changed = [...work.components, ...work.deletedComponents];
  for (const pageId of await indexedPagesOf(tx, projectId, changed)) if (!work.deletedPages.has(pageId)) work.pages.add(pageId);

  const components = await componentsWithContext(tx, projectId, [...work.components]);
  const sets = components.filter((row) => row.type === 'COMPONENT_SET').map((row) => row.id);
  const variants = (await variantIdsOf(tx, projectId, sets)).filter((id) => !work.components.has(id));
  const all = [...components, ...(await componentsWithContext(tx, projectId, variants))];
  for (const row of all) work.pages.add(row.pageId);
  const found = new Set(all.map((row) => row.id));

  const docs: Array<DesignDocument | CompatDocument> = all.map((row) => componentDocument(row, { pageName: row.pageName, setName: row.setName }));
  for (const pageId of [...work.pages].sort()) {
    const page = await pageWithComponents(tx, projectId, pageId);
    if (page) docs.push(pageDocument(page.page, page.components));
    else work.deletedPages.add(pageId);
  }

  // gone: updated-then-deleted components (their row no longer exists) and deleted pages' components
  const goneComponents = [...work.deletedComponents, ...[...work.components].filter((id) => !found.has(id))];
  await deleteDocuments(tx, projectId, 'component', goneComponents);
  await deleteDocuments(tx, projectId, 'page', [...work.deletedPages]);
  for (const pageId of work.deletedPages) await deleteComponentDocumentsOfPage(tx, projectId, pageId);

  docs.push(...(await compatDocuments(tx, projectId, last.values())));
  if (docs.length === 0) return;
  // the routing catalogue is read as the tenant: its queries rely on row-level security (llm/catalogue.repo.ts)
  const current = await asTenant(tx, projectId, (db) => currentEmbeddingModel(() => db, projectId, context.config));
  const hashed = await Promise.all(docs.map(async (doc) => ({ doc, hash: await documentHash(doc) })));
  const settled = await settledDocuments(tx, projectId, hashed.map((h) => ({ source: h.doc.source, externalId: h.doc.id, hash: h.hash })), current);
  const stale = hashed.filter((h) => !settled.has(`${h.doc.source}\u0000${h.doc.id}`)).map((h) => h.doc);
  if (stale.length === 0) return;
  // the delivering transaction is the database here: writeDocument's own transaction becomes a savepoint in it
  const { pending } = await stageDocuments(tx as unknown as Db, projectId, stale, { current, jobId: null });
  if (pending.length === 0) return;
  const traceId = updates.at(-1)!.traceId ?? crypto.randomUUID().replace(/-/g, '');
  context.afterCommit(() => enqueueEmbeds(context.config.EMBED_QUEUE, { projectId, jobId: null, traceId, chunkIds: pending }, context.config.EMBED_MAX_BATCH, context.log));
}
