// Reading sync operations: the contract's view, one by id, and keyset pages newest first. An operation's id is
// `op_<hex>`, not a uuid, so its cursor is its own: base64url of [created_at ISO, op id], checked in full before
// any query (a cursor this API did not issue is a 400).
import type { Db } from '@cogo/db';
import type { PageQuery, SyncOperation } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import type { KeysetPosition } from '../../lib/keyset-cursor';
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
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const b64url = (s: string) => btoa(s).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');

const invalidCursor = () =>
  new ApiError('VALIDATION_FAILED', 'invalid request: query.cursor', { issues: [{ path: 'query.cursor', message: 'not a cursor this API issued', code: 'invalid_cursor' }] });

function encodeCursor(row: OperationRow): string {
  return b64url(JSON.stringify([row.createdAt.toISOString(), row.id]));
}

function decodeCursor(cursor: string): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !ISO.test(at) || !OP_ID.test(id)) throw invalidCursor();
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) throw invalidCursor();
  return { createdAt, id };
}

/** One page of the project's operations, newest first. */
export async function operationsPage(db: Db, projectId: string, query: PageQuery) {
  const position = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listOperations(db, projectId, query.limit + 1, position);
  const items = rows.slice(0, query.limit);
  return { items: items.map((r) => operationView(r, false)), nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1]!) : null };
}

/** One operation; 404 for an unknown one or another project's. */
export async function getOperation(db: Db, projectId: string, id: string): Promise<SyncOperation> {
  const row = await findOperation(db, projectId, id);
  if (!row) throw new ApiError('NOT_FOUND', `no sync operation ${id} in this project`);
  return operationView(row, false);
}
