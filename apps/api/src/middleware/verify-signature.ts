// HMAC request signing (production toggle REQUIRE_HMAC): X-Timestamp (unix seconds) and
// X-Signature `v1=<hex HMAC-SHA256(HMAC_SECRET, METHOD\nPATH?QUERY\nTIMESTAMP\nhex SHA-256(body))>`.
// A timestamp outside ±HMAC_WINDOW_SECONDS or a signature already seen in the window is refused.
import type { MiddlewareHandler } from 'hono';
import { hmacSha256Hex, sha256Hex, timingSafeEqual } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { nonceShard } from '../durable-objects/names';

/** The string a client signs. */
export async function canonicalRequest(method: string, pathWithQuery: string, timestamp: string, body: ArrayBuffer): Promise<string> {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${await sha256Hex(new Uint8Array(body))}`;
}

/** Signs a request the way verifySignature() checks it (clients and tests). */
export async function signRequest(secret: string, method: string, pathWithQuery: string, body: ArrayBuffer, now = Date.now()) {
  const timestamp = String(Math.floor(now / 1000));
  const signature = await hmacSha256Hex(secret, await canonicalRequest(method, pathWithQuery, timestamp, body));
  return { 'X-Timestamp': timestamp, 'X-Signature': `v1=${signature}` };
}

const bad = (message: string) => new ApiError('UNAUTHORIZED', `request signature rejected: ${message}`);

/** Verifies the signature when REQUIRE_HMAC is on; a no-op otherwise. */
export function verifySignature(): MiddlewareHandler {
  return async function verifySignatureMiddleware(c, next) {
    const config = c.get('config');
    if (!config.REQUIRE_HMAC || !config.HMAC_SECRET) return next();
    const timestamp = c.req.header('x-timestamp');
    const header = c.req.header('x-signature');
    if (!timestamp || !header) throw bad('X-Timestamp and X-Signature are required');
    if (!/^\d{1,12}$/.test(timestamp)) throw bad('X-Timestamp must be unix seconds');
    const skew = Math.abs(Date.now() / 1000 - Number(timestamp));
    if (skew > config.HMAC_WINDOW_SECONDS) throw bad(`timestamp outside ±${config.HMAC_WINDOW_SECONDS}s`);
    const m = /^v1=([0-9a-f]{64})$/.exec(header);
    if (!m) throw bad('X-Signature must be v1=<64 hex>');
    const url = new URL(c.req.url);
    const expected = await hmacSha256Hex(config.HMAC_SECRET, await canonicalRequest(c.req.method, url.pathname + url.search, timestamp, await c.req.arrayBuffer()));
    if (!timingSafeEqual(expected, m[1]!)) throw bad('signature does not match');
    const ns = config.NONCE_STORE;
    const stub = ns.get(ns.idFromName(nonceShard(expected)));
    const fresh = await stub.remember(expected, (Number(timestamp) + config.HMAC_WINDOW_SECONDS) * 1000);
    if (!fresh) throw bad('replayed signature');
    return next();
  };
}
