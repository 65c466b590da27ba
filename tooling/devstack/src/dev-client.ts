// The dev stack's own calls to its API (creating the dev project, checking its key). With an
// HMAC_SECRET they are signed as README "Signing" describes, so the stack comes up under
// REQUIRE_HMAC=true too: X-Timestamp (unix s) and X-Signature
// v1=<hex HMAC-SHA256(secret, METHOD\nPATH?QUERY\nTIMESTAMP\nhex SHA-256(body))>.
import { createHash, createHmac } from 'node:crypto';

export interface DevRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** fetch bound to the API's base URL: takes a path, signs when the stack has a secret. */
export type DevFetch = (pathWithQuery: string, init?: DevRequest) => Promise<Response>;

/** The signature headers of one request. */
export function signatureHeaders(secret: string, method: string, pathWithQuery: string, body = '', now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const canonical = `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${bodyHash}`;
  return { 'x-timestamp': timestamp, 'x-signature': `v1=${createHmac('sha256', secret).update(canonical).digest('hex')}` };
}

/** A DevFetch against `apiUrl`; every request is signed when `hmacSecret` is set. */
export function devFetch(apiUrl: string, hmacSecret?: string): DevFetch {
  return (pathWithQuery, init = {}) => {
    const method = init.method ?? 'GET';
    const signature = hmacSecret ? signatureHeaders(hmacSecret, method, pathWithQuery, init.body) : {};
    return fetch(`${apiUrl}${pathWithQuery}`, { method, headers: { ...init.headers, ...signature }, ...(init.body !== undefined ? { body: init.body } : {}) });
  };
}
