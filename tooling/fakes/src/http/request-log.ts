// What a fake remembers about each request, so tests can assert on what a client actually sent.
import type { IncomingMessage } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, as received (not decoded). */
  path: string;
  /** Decoded query parameters; a repeated key keeps its last value. */
  query: Record<string, string>;
  /** A subset of headers; credentials are replaced by REDACTED so their presence shows but never their value. */
  headers: Record<string, string>;
  /** Parsed JSON body, when the fake reads one. */
  body?: unknown;
  /** Date.now() when the request arrived. */
  at: number;
  /** Date.now() when the answer was sent in full (fakes that record it); with `at`, how many calls overlapped. */
  doneAt?: number;
}

/** Stands in for credential header values in recorded requests. */
export const REDACTED = '[redacted]';

const KEPT_HEADERS = ['user-agent', 'accept', 'accept-encoding', 'content-type', 'content-length', 'x-request-id', 'traceparent', 'x-trace-id'];
// api-key: Azure OpenAI; x-api-key: Anthropic; x-goog-api-key: Gemini — the OpenAI fake stands in for several providers.
const SECRET_HEADERS = ['authorization', 'x-figma-token', 'api-key', 'x-api-key', 'x-goog-api-key'];

/** Builds the record of one request (headers filtered, secrets redacted). */
export function recordRequest(req: IncomingMessage, url: URL): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  for (const name of SECRET_HEADERS) {
    if (req.headers[name] !== undefined) headers[name] = REDACTED;
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    at: Date.now(),
  };
}

/** Parses the request target against a dummy origin; only path and query matter to the fakes. */
export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://fake.invalid');
}
