// The design index's figma-compat entities (issue 13 storage, indexed for issue 12): `token_version` and
// `action_flow` outbox rows. A delivered token version re-renders its FILE's tokens from the file's latest stored
// version (an older version delivered late changes nothing) and deletes that file's token documents the new render
// no longer has; an action flow renders its one document, a deleted one loses it. Same transaction and rules as
// design-index.ts, which stages what this returns.
import type { ProjectUpdateRow } from '../updates/updates.repo';
import { flowDocument, tokenDocuments, type CompatDocument } from './design-documents-compat';
import { actionFlowsOf, deleteDocuments, deleteTokenDocumentsExcept, latestTokenVersionsOf, type Tx } from './design-index.repo';

/** The compat entities the index follows. */
export const COMPAT_ENTITIES = ['token_version', 'action_flow'] as const;

/** Renders (and cleans up after) the delivered compat updates of one project; returns the documents to stage. */
export async function compatDocuments(tx: Tx, projectId: string, updates: Iterable<ProjectUpdateRow>): Promise<CompatDocument[]> {
  const versions: string[] = [];
  const flows: string[] = [];
  const deletedFlows: string[] = [];
  for (const u of updates) {
    if (u.entity === 'token_version' && u.operation !== 'delete') versions.push(u.entityId);
    else if (u.entity === 'action_flow') (u.operation === 'delete' ? deletedFlows : flows).push(u.entityId);
  }
  const docs: CompatDocument[] = [];
  for (const row of await latestTokenVersionsOf(tx, projectId, versions)) {
    const rendered = tokenDocuments(row);
    await deleteTokenDocumentsExcept(tx, projectId, row.fileKey, rendered.map((d) => d.id));
    docs.push(...rendered);
  }
  const found = await actionFlowsOf(tx, projectId, flows);
  docs.push(...found.map(flowDocument));
  const gone = [...deletedFlows, ...flows.filter((id) => !found.some((f) => f.id === id))];
  await deleteDocuments(tx, projectId, 'flow', gone);
  return docs;
}
