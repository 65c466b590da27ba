// Undo of a sync operation (issue 15, seed 003): its undo entry's pre rows restored in ONE transaction, only while
// every component is still exactly as the operation left it (its state hash = the entry's post hash), and kept only
// when the restored state's hash equals the entry's pre hash. Refusals are 409 CONFLICT with `details.reason`.
import type { UndoResponseSchema } from '@cogo/types';
import type { z } from 'zod';
import { ApiError } from '../../lib/errors';
import { audited, type ActionScope } from './action';
import type { UndoEntry } from './component-sync';
import { updateMapping, writeDesignProps } from './mappings.repo';
import { writeCodeProps } from './registry.repo';
import { readLocked, stateHash, stateOf, statesHash } from './state';
import { findOperation, findUndo, laterEntries, latestUndoable, markOperationUndone, markUndone, type UndoRow } from './sync.repo';

type UndoResponse = z.infer<typeof UndoResponseSchema>;
type Reason = 'expired' | 'already_undone' | 'later_operation' | 'changed_since' | 'not_undoable';

const refuse = (reason: Reason, message: string, details: Record<string, unknown> = {}) => new ApiError('CONFLICT', message, { reason, ...details });

const mappingIdsOf = (row: UndoRow) => (row.entries as UndoEntry[]).map((e) => e.mapping_id);

/** The entry to undo: the named operation's (404 unknown; refused when it has none), or the latest undoable one. */
async function entryToUndo(scope: ActionScope, operationId: string | undefined): Promise<UndoRow> {
  const db = scope.db();
  if (!operationId) {
    const latest = await latestUndoable(db, scope.projectId);
    if (!latest) throw refuse('not_undoable', 'there is no operation to undo');
    return latest;
  }
  const op = await findOperation(db, scope.projectId, operationId);
  if (!op) throw new ApiError('NOT_FOUND', `no sync operation ${operationId} in this project`);
  const entry = await findUndo(db, scope.projectId, operationId);
  if (op.status === 'undone' || entry?.undoneAt) throw refuse('already_undone', `operation ${operationId} is already undone`, { operation_id: operationId });
  if (!entry) {
    const why = op.status === 'noop' || op.status === 'failed' ? `it is ${op.status === 'noop' ? 'a no-op' : 'failed'}: it changed nothing` : 'it fell off the undo stack';
    throw refuse('not_undoable', `operation ${operationId} cannot be undone: ${why}`, { operation_id: operationId, status: op.status });
  }
  return entry;
}

/** POST /design-sync/undo. */
export function undoOperation(scope: ActionScope, operationId: string | undefined): Promise<UndoResponse> {
  return audited(scope, 'sync.undo', async () => {
    const { projectId } = scope;
    const db = scope.db();
    const entry = await entryToUndo(scope, operationId);
    const opId = entry.operationId;
    if (entry.expiresAt.getTime() <= Date.now()) throw refuse('expired', `operation ${opId} is past its undo window (until ${entry.expiresAt.toISOString()})`, { operation_id: opId, expires_at: entry.expiresAt.toISOString() });
    const ids = mappingIdsOf(entry);
    const touched = new Set(ids);
    const later = (await laterEntries(db, projectId, entry)).filter((l) => mappingIdsOf(l).some((id) => touched.has(id)));
    if (later.length) {
      throw refuse('later_operation', `a later operation (${later[0]!.operationId}) changed the same components: undo it first`, { operation_id: opId, later_operation_ids: later.map((l) => l.operationId) });
    }

    const entries = entry.entries as UndoEntry[];
    const restoredHash = await db.transaction(async (tx) => {
      const current = await readLocked(tx, projectId, ids);
      for (const e of entries) {
        const now = current.get(e.mapping_id);
        if (!now || (await stateHash(stateOf(now))) !== e.post_hash) {
          throw refuse('changed_since', `the component of mapping ${e.mapping_id} changed after operation ${opId} (a new ingest, apply or mapping change): undoing would lose that`, { operation_id: opId, mapping_id: e.mapping_id });
        }
      }
      for (const { pre } of entries) {
        await writeCodeProps(tx, projectId, pre.code.id, pre.code.props, pre.code.content_hash);
        if (pre.design) await writeDesignProps(tx, projectId, pre.design.id, pre.design.props, pre.design.content_hash);
        await updateMapping(tx, projectId, pre.mapping.id, {
          status: pre.mapping.status,
          props: pre.mapping.props,
          baseline: pre.mapping.baseline,
          syncedAt: pre.mapping.synced_at ? new Date(pre.mapping.synced_at) : null,
        });
      }
      const restored = await readLocked(tx, projectId, ids);
      const hashes = await Promise.all(entries.map(async (e) => ({ mapping_id: e.mapping_id, hash: await stateHash(stateOf(restored.get(e.mapping_id)!)) })));
      const hash = await statesHash(hashes);
      // anything but the exact state before the operation is not an undo: roll it all back
      if (hash !== entry.preHash) throw refuse('changed_since', `operation ${opId} could not be restored exactly; nothing was changed`, { operation_id: opId });
      await markUndone(tx, projectId, entry.id);
      await markOperationUndone(tx, projectId, opId);
      return hash;
    });
    const result: UndoResponse = { operation_id: opId, restored: entries.length, pre_hash: entry.preHash, restored_hash: restoredHash, trace_id: scope.traceId };
    return { result, subject: opId, counts: { restored: entries.length } };
  });
}
