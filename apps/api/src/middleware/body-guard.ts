// The request guard for everything a client sends (issue 7): the body is read once, against
// MAX_JSON_BODY_BYTES, before anything parses it; JSON deeper than MAX_JSON_DEPTH is refused before
// parsing; U+0000 is refused in the path, the query and every JSON string or key, and so is a lone UTF-16
// surrogate escaped in JSON (no UTF-8 form; Postgres refuses it in jsonb). The checked bytes
// are cached on the request, so signature, idempotency and validators read them without a copy.
import { REQUEST_LIMITS } from '@cogo/types';
import type { MiddlewareHandler } from 'hono';
import { assertJsonDepth, assertStorableJsonText, nulRefused, readCapped } from '../lib/request-body';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Bounds and cleans what a request carries; runs after the per-IP limit, before any other work. */
export function bodyGuard(): MiddlewareHandler {
  return async function bodyGuardMiddleware(c, next) {
    const url = new URL(c.req.url);
    if (decodeURIComponentSafe(url.pathname).includes('\u0000')) throw nulRefused('param');
    for (const [k, v] of url.searchParams) if (k.includes('\u0000') || v.includes('\u0000')) throw nulRefused(`query.${k.replaceAll('\u0000', '\\u0000')}`);
    if (!BODY_METHODS.has(c.req.method)) return next();

    const bytes = await readCapped(c.req.raw, c.get('config').MAX_JSON_BODY_BYTES);
    // Hono keeps promises of the read body in bodyCache (its type names the resolved values)
    const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
    cache.arrayBuffer = Promise.resolve(bytes);
    if (bytes.byteLength > 0) {
      const text = new TextDecoder().decode(bytes);
      if (/json/i.test(c.req.header('content-type') ?? '')) assertJsonDepth(text, REQUEST_LIMITS.maxJsonDepth);
      assertStorableJsonText(text);
      cache.text = Promise.resolve(text);
    }
    return next();
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
