// Plain-fetch plumbing shared by the figma helpers: URLs, auth, error envelopes, Retry-After, retries.
import { CogoApiError, isErrorEnvelope } from './errors';
import type { FigmaConnection } from './figma-types';

/** Absolute URL of a figma-context route, e.g. `figmaUrl(conn, '/stream')`. */
export function figmaUrl(conn: Pick<FigmaConnection, 'baseUrl'>, path: string): string {
  return `${conn.baseUrl.replace(/\/+$/, '')}/figma-context${path}`;
}

/** Request headers with auth and, when a body is sent, its JSON content type. */
export function figmaHeaders(conn: Pick<FigmaConnection, 'apiKey'>, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (conn.apiKey) headers.authorization = `Bearer ${conn.apiKey}`;
  return headers;
}

/** Sends a request through the connection's fetch (or the global one). */
export function send(conn: FigmaConnection, url: string, init: RequestInit): Promise<Response> {
  const request = new Request(url, { ...init, ...(conn.signal ? { signal: conn.signal } : {}) });
  return conn.fetch ? conn.fetch(request) : fetch(request);
}

/** A setTimeout-based wait that rejects with the signal's reason when aborted. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Milliseconds to wait per a Retry-After header (delta-seconds or an HTTP date); null when absent or invalid. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** True for the answers the API asks us to retry later (rate limit, temporarily unavailable). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/** Reads a non-2xx answer into a CogoApiError, keeping the envelope when the body is one. */
export async function errorFromResponse(res: Response): Promise<CogoApiError> {
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    body = undefined;
  }
  return new CogoApiError(res.status, isErrorEnvelope(body) ? body : undefined);
}

/** Default backoff between retries: 250 ms doubling, capped at 5 s. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(250 * 2 ** Math.max(0, attempt - 1), 5000);
}

/** Options of one JSON request. */
export interface JsonRequest {
  method: 'GET' | 'POST';
  /** Under /figma-context (`/start`), or from the API's root with `fromRoot`. */
  path: string;
  fromRoot?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * How many times to retry a network failure or a 429/503. Only for calls that are safe to repeat
   * (reads, or writes carrying an Idempotency-Key): a retried start would create a second job.
   */
  retries?: number;
}

/** Sends one JSON request and parses the 2xx answer; throws CogoApiError for an error answer. */
export async function requestJson<T>(conn: FigmaConnection, req: JsonRequest): Promise<T> {
  const sleep = conn.sleep ?? defaultSleep;
  const retries = req.retries ?? 0;
  const headers = figmaHeaders(conn, req.body === undefined ? req.headers : { 'content-type': 'application/json', ...req.headers });
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await send(conn, req.fromRoot ? `${conn.baseUrl.replace(/\/+$/, '')}${req.path}` : figmaUrl(conn, req.path), {
        method: req.method,
        headers,
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      });
    } catch (err) {
      if (conn.signal?.aborted || attempt >= retries) throw err;
      await sleep(defaultBackoffMs(attempt + 1), conn.signal);
      continue;
    }
    if (res.ok) return (await res.json()) as T;
    if (isRetryableStatus(res.status) && attempt < retries) {
      const wait = retryAfterMs(res.headers.get('retry-after')) ?? defaultBackoffMs(attempt + 1);
      await res.body?.cancel().catch(() => undefined);
      await sleep(wait, conn.signal);
      continue;
    }
    throw await errorFromResponse(res);
  }
}
