// CORS (production toggle CORS_ORIGINS): browsers on listed origins may call the API cross-origin.
// Exact origins only, never `*`: the API answers Bearer-authenticated data, so an origin is either trusted or not.
// The Figma plugin's iframe has the opaque origin `null`, allowed only when listed; the dashboard is served on the
// API's own origin and needs nothing. Unset, development and test allow loopback origins (any port), production none.
import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../env';
import { ApiError } from '../lib/errors';

/** Methods a preflight may ask for (every method a route uses). */
export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'] as const;

/** Request headers a browser may send: auth, JSON bodies, idempotency, SSE resume, HMAC signing, tracing. */
export const CORS_ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'Last-Event-ID',
  'X-Timestamp',
  'X-Signature',
  'X-Request-Id',
  'X-Trace-Id',
  'traceparent',
] as const;

/** Response headers a page may read beyond the safelisted ones (ids to quote, limits to honour). */
export const CORS_EXPOSE_HEADERS = ['X-Request-Id', 'X-Trace-Id', 'traceparent', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'Idempotent-Replayed'] as const;

/** How long a browser may cache a preflight answer (Chromium caps it at 2 h). */
const MAX_AGE_SECONDS = 600;

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Whether `origin` may call the API cross-origin under this configuration. */
export function isAllowedOrigin(config: Pick<AppConfig, 'CORS_ORIGINS' | 'ENVIRONMENT'>, origin: string): boolean {
  if (config.CORS_ORIGINS !== undefined) return config.CORS_ORIGINS.includes(origin);
  return config.ENVIRONMENT !== 'production' && LOOPBACK.test(origin);
}

/**
 * Answers preflights (204 for an allowed origin, 403 in the envelope for any other) and marks responses to
 * allowed origins readable. Other requests from an unlisted origin still run — they carry no
 * Access-Control-Allow-Origin, so the browser keeps the answer from the page. Must run after services().
 */
export function cors(): MiddlewareHandler {
  return async function corsMiddleware(c, next) {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const allowed = isAllowedOrigin(c.get('config'), origin);
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    c.header('Vary', 'Origin');
    if (preflight) {
      if (!allowed) throw new ApiError('FORBIDDEN', `origin ${JSON.stringify(origin)} may not call this API from a browser: it is not in CORS_ORIGINS`);
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', CORS_ALLOW_METHODS.join(', '));
      c.header('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS.join(', '));
      c.header('Access-Control-Max-Age', String(MAX_AGE_SECONDS));
      // Private Network Access: a page on a public site (the plugin inside figma.com) calling an API on a private or
      // loopback address (`./cogo dev`) asks first; an allowed origin is told yes
      if (c.req.header('access-control-request-private-network') === 'true') c.header('Access-Control-Allow-Private-Network', 'true');
      return c.body(null, 204);
    }
    if (!allowed) return next();
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS.join(', '));
    await next();
    // a handler may answer with a Response of its own (SSE, artifacts): the headers set above are not on it then
    setIfMissing(c.res.headers, 'Access-Control-Allow-Origin', origin);
    setIfMissing(c.res.headers, 'Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS.join(', '));
    const vary = c.res.headers.get('Vary');
    if (!vary || !/(^|,)\s*origin\s*(,|$)/i.test(vary)) setIfMissing(c.res.headers, 'Vary', vary ? `${vary}, Origin` : 'Origin', true);
  };
}

function setIfMissing(headers: Headers, name: string, value: string, replace = false) {
  if (headers.has(name) && !replace) return;
  try {
    headers.set(name, value);
  } catch {
    // an immutable Response (e.g. one passed through from fetch) cannot be changed; the handler owns it
  }
}
