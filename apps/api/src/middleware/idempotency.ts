// Idempotency keys on writes (Stripe semantics, draft-ietf-httpapi-idempotency-key-header):
// `Idempotency-Key` header or body field `idempotency_key`. See durable-objects/idempotency-key.ts.
// An answer holding a secret shown once (a new API key) is never stored or replayed: a retry after it
// succeeded is a 409 naming the key that was created (rotate it if the secret was lost).
import type { Context, MiddlewareHandler } from 'hono';
import { fromBase64, sha256Hex, toBase64 } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import type { StoredResponse, WithheldSecret } from '../durable-objects/idempotency-key';
import { idempotencyName } from '../durable-objects/names';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
/** Responses a retry could change are not stored: the key is released instead. */
const NOT_STORED = new Set([400, 401, 403, 408, 409, 425, 429]);
const MAX_STORED_BYTES = 1024 * 1024;
const LOCK_MS = 60_000;
/** Response headers worth replaying. */
const KEPT_HEADERS = ['content-type', 'location', 'x-request-id', 'x-trace-id'];

export const REPLAY_HEADER = 'Idempotent-Replayed';

export interface IdempotencyVariables {
  /** Set by a handler whose answer holds a secret shown once; see withholdFromReplay. */
  idempotencyWithheld: WithheldSecret | undefined;
}

declare module 'hono' {
  interface ContextVariableMap extends IdempotencyVariables {}
}

/** Marks this answer as holding a secret shown once: it is not stored, and a retry gets a 409 naming `created`. */
export function withholdFromReplay(c: Context, created: WithheldSecret): void {
  c.set('idempotencyWithheld', created);
}

function alreadyCreated(created: WithheldSecret): ApiError {
  return new ApiError(
    'CONFLICT',
    `this Idempotency-Key already created API key ${created.prefix} (id ${created.api_key_id}); its secret was shown once and is not stored — rotate the key if it was lost`,
    { ...created },
    { [REPLAY_HEADER]: 'true' },
  );
}

async function keyOf(header: string | undefined, body: ArrayBuffer, contentType: string | undefined): Promise<string | undefined> {
  if (header !== undefined) return header;
  if (!contentType?.includes('application/json') || body.byteLength === 0) return undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown;
    const field = (parsed as { idempotency_key?: unknown } | null)?.idempotency_key;
    return typeof field === 'string' ? field : undefined;
  } catch {
    return undefined; // the route's validator reports malformed JSON
  }
}

/** Makes writes safe to retry; a no-op for reads. */
export function idempotency(): MiddlewareHandler {
  return async function idempotencyMiddleware(c, next) {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const config = c.get('config');
    const body = await c.req.arrayBuffer();
    const key = await keyOf(c.req.header('idempotency-key'), body, c.req.header('content-type'));
    if (key === undefined) {
      if (config.REQUIRE_IDEMPOTENCY) throw new ApiError('BAD_REQUEST', 'Idempotency-Key header (or body field idempotency_key) is required on writes');
      return next();
    }
    if (!KEY_SHAPE.test(key)) throw new ApiError('BAD_REQUEST', 'Idempotency-Key must be 1–255 printable ASCII characters');
    const principal = c.get('principal');
    const scope = principal?.projectId ?? (c.get('admin') ? 'admin' : 'anonymous');
    const url = new URL(c.req.url);
    const fingerprint = await sha256Hex(`${c.req.method} ${url.pathname}${url.search}\n${await sha256Hex(new Uint8Array(body))}`);
    const ns = config.IDEMPOTENCY;
    const stub = ns.get(ns.idFromName(idempotencyName(scope, key)));
    const begun = await stub.begin(fingerprint, LOCK_MS);
    if (begun.kind === 'in_progress') {
      throw new ApiError('CONFLICT', 'a request with this Idempotency-Key is still being processed; retry shortly', undefined, { 'Retry-After': '1' });
    }
    if (begun.kind === 'mismatch') {
      throw new ApiError('UNPROCESSABLE', 'this Idempotency-Key was already used with a different request');
    }
    if (begun.kind === 'replay') {
      const stored = begun.response;
      if (stored.withheld) throw alreadyCreated(stored.withheld);
      const headers = new Headers(stored.headers);
      headers.set(REPLAY_HEADER, 'true');
      c.res = new Response(stored.status === 204 ? null : fromBase64(stored.body), { status: stored.status, headers });
      return;
    }
    let released = false;
    try {
      await next();
    } catch (err) {
      released = true;
      await stub.release(fingerprint);
      throw err;
    }
    const res = c.res;
    const streaming = res.headers.get('content-type')?.includes('text/event-stream');
    if (res.status >= 500 || NOT_STORED.has(res.status) || streaming) {
      if (!released) await stub.release(fingerprint);
      return;
    }
    const withheld = c.get('idempotencyWithheld');
    if (withheld) {
      await stub.complete(fingerprint, { status: res.status, headers: [], body: '', withheld }, config.IDEMPOTENCY_TTL_SECONDS * 1000);
      return;
    }
    const bytes = await res.clone().arrayBuffer();
    if (bytes.byteLength > MAX_STORED_BYTES) {
      await stub.release(fingerprint);
      return;
    }
    const stored: StoredResponse = {
      status: res.status,
      headers: KEPT_HEADERS.flatMap((h) => {
        const v = res.headers.get(h);
        return v ? [[h, v] as [string, string]] : [];
      }),
      body: toBase64(bytes),
    };
    await stub.complete(fingerprint, stored, config.IDEMPOTENCY_TTL_SECONDS * 1000);
  };
}
