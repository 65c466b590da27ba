// Cursors of GET /figma-context/context: base64url of [1, job id, format, through event, position…] and a
// tag (a SHA-256 prefix of it). The tag tells a cursor this API issued from garbage, an edited one or
// another job's — 400, before anything is read. A cursor is no secret and grants nothing: its job is
// still looked up in the caller's project.
import { ApiError } from '../../lib/errors';
import { sha256Hex } from '../../lib/crypto';
import type { ContextFormat, RenderPos } from './context-blocks';

/** What a cursor names: a job, its format, the log it reads (up to an event id) and a position in it. */
export interface ContextCursor {
  jobId: string;
  format: ContextFormat;
  throughEventId: number;
  pos: RenderPos;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHAPE = /^([A-Za-z0-9_-]{8,560})\.([0-9a-f]{16})$/;
const b64url = (s: string) => btoa(s).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
const tagOf = async (payload: string) => (await sha256Hex(`cogo/figma-context/context:${payload}`)).slice(0, 16);

/** The 400 for a cursor this API did not issue (or issued for something else). */
export function invalidCursor(why = 'not a cursor this API issued'): ApiError {
  return new ApiError('VALIDATION_FAILED', 'invalid request: query.cursor', { issues: [{ path: 'query.cursor', message: why, code: 'invalid_cursor' }] });
}

/** The opaque cursor for a position. */
export async function encodeContextCursor(c: ContextCursor): Promise<string> {
  const { ph, k, e, i, s, l, o } = c.pos;
  const payload = b64url(JSON.stringify([1, c.jobId, c.format === 'json' ? 1 : 0, c.throughEventId, ph, k, e, i, s, l, o]));
  return `${payload}.${await tagOf(payload)}`;
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** What a cursor names; 400 VALIDATION_FAILED for anything this API did not issue. */
export async function decodeContextCursor(cursor: string): Promise<ContextCursor> {
  const m = SHAPE.exec(cursor);
  if (!m || (await tagOf(m[1]!)) !== m[2]) throw invalidCursor();
  let v: unknown;
  try {
    v = JSON.parse(atob(m[1]!.replaceAll('-', '+').replaceAll('_', '/')));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(v) || v.length !== 11 || v[0] !== 1 || typeof v[1] !== 'string' || !UUID.test(v[1]) || (v[2] !== 0 && v[2] !== 1)) throw invalidCursor();
  const [, jobId, format, through, ph, k, e, i, s, l, o] = v as [1, string, 0 | 1, ...unknown[]];
  if (![through, ph, k, e, i, l, o].every(count) || (s !== 0 && s !== 1)) throw invalidCursor();
  return {
    jobId,
    format: format === 1 ? 'json' : 'text',
    throughEventId: through as number,
    pos: { ph: ph as number, k: k as number, e: e as number, i: i as number, s, l: l as number, o: o as number },
  };
}
