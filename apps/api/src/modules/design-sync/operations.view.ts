// Reading sync operations: the contract's view, one by id, and keyset pages newest first. An operation's id is
// `op_<hex>`, not a uuid: its cursor is the keyset cursor of lib/keyset-cursor with that id pattern, checked in full
// before any query (a cursor this API did not issue is a 400).
import type { Db } from '@cogo/db';
import type { PageQuery, SyncOperation } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/keyset-cursor';
import { findOperation, listOperations, type OperationRow } from './sync.repo';

/** The contract's view of a stored operation (`replayed`: answered from the store for a repeated request). */
export function operationView(row: OperationRow, replayed: boolean): SyncOperation {
  return {
    id: row.id,
    direction: row.direction as SyncOperation['direction'],
    status: row.status as SyncOperation['status'],
    diff_hash: row.diffHash,
    results: row.results as SyncOperation['results'],
    counts: row.counts as SyncOperation['counts'],
    actor: row.actor,
    trace_id: row.traceId,
    duration_ms: row.durationMs,
    created_at: row.createdAt.toISOString(),
    undone_at: row.undoneAt?.toISOString() ?? null,
    replayed,
  };
}

const OP_ID = /^op_[0-9a-f]{32,64}$/;

/** One page of the project's operations, newest first. */
export async function operationsPage(db: Db, projectId: string, query: PageQuery) {
  const position = query.cursor ? decodeKeysetCursor(query.cursor, OP_ID) : undefined;
  const rows = await listOperations(db, projectId, query.limit + 1, position);
  const items = rows.slice(0, query.limit);
  return { items: items.map((r) => operationView(r, false)), nextCursor: rows.length > query.limit ? encodeKeysetCursor(items[items.length - 1]!) : null };
}

/** One operation; 404 for an unknown one or another project's. */
export async function getOperation(db: Db, projectId: string, id: string): Promise<SyncOperation> {
  const row = await findOperation(db, projectId, id);
  if (!row) throw new ApiError('NOT_FOUND', `no sync operation ${id} in this project`);
  return operationView(row, false);
}
