// Keyset pagination cursors: base64url of `[created_at ISO, uuid]`. A cursor is checked in full
// (shape, a real UUID, a timestamp Postgres can hold and this API could have written) before it
// reaches a query, so a crafted one is a 400, never a database error.
import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { ApiError } from './errors';

export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const b64url = (s: string) => btoa(s).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');

/** The cursor of the page after `position`. */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return b64url(JSON.stringify([position.createdAt.toISOString(), position.id]));
}

function invalid(): ApiError {
  return new ApiError('VALIDATION_FAILED', 'invalid request: query.cursor', {
    issues: [{ path: 'query.cursor', message: 'not a cursor this API issued', code: 'invalid_cursor' }],
  });
}

/**
 * The position a cursor names; 400 VALIDATION_FAILED for anything this API did not issue. `idPattern`: what the
 * rows' ids look like (UUIDs unless a table keys its rows otherwise).
 */
export function decodeKeysetCursor(cursor: string, idPattern: RegExp = UUID): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !ISO.test(at) || !idPattern.test(id)) throw invalid();
  const createdAt = new Date(at);
  // the ISO shape has a 4-digit year; a date that does not round-trip (2026-02-31) was not issued by us
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) throw invalid();
  return { createdAt, id };
}

/**
 * The keyset position's order in SQL: created_at at the cursor's precision (milliseconds), then id. Neon and
 * Postgres keep microseconds while a cursor holds milliseconds: comparing the raw column would show the row a
 * cursor was made from again on the next page (embedded PGlite keeps milliseconds, which hid it).
 */
function atCursorPrecision(createdAt: AnyColumn): SQL {
  return sql`date_trunc('milliseconds', ${createdAt})`;
}

/** The cursor's position as SQL values: its time, and its id typed as the id column (uuid, or text ids). */
function positionSql(id: AnyColumn, pos: KeysetPosition): SQL {
  const idValue = id.columnType === 'PgUUID' ? sql`${pos.id}::uuid` : sql`${pos.id}`;
  return sql`(${pos.createdAt.toISOString()}::timestamptz, ${idValue})`;
}

/** Rows after `pos` in keyset order (undefined: from the start). */
export function afterKeyset(createdAt: AnyColumn, id: AnyColumn, pos: KeysetPosition | undefined): SQL | undefined {
  if (!pos) return undefined;
  return sql`(${atCursorPrecision(createdAt)}, ${id}) > ${positionSql(id, pos)}`;
}

/** The keyset order, oldest first. */
export function keysetOrder(createdAt: AnyColumn, id: AnyColumn): SQL[] {
  return [asc(atCursorPrecision(createdAt)), asc(id)];
}

/** Rows after `pos` in newest-first order (undefined: from the newest). */
export function beforeKeyset(createdAt: AnyColumn, id: AnyColumn, pos: KeysetPosition | undefined): SQL | undefined {
  if (!pos) return undefined;
  return sql`(${atCursorPrecision(createdAt)}, ${id}) < ${positionSql(id, pos)}`;
}

/** The keyset order, newest first. */
export function newestFirst(createdAt: AnyColumn, id: AnyColumn): SQL[] {
  return [desc(atCursorPrecision(createdAt)), desc(id)];
}
