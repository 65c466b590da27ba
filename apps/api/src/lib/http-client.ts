// The one client for every outbound call (STYLE §6): host allowlist, per-attempt timeout, retries
// with exponential backoff + full jitter that honour Retry-After, and the trace forwarded.
import { traceHeaders } from './trace';

export interface HttpClientOptions {
  /** Hosts that may be called: `api.figma.com`, `*.example.com`, `127.0.0.1:9000` (port-specific). */
  allowHosts: string[];
  timeoutMs?: number;
  /** Retries after the first attempt (429, 5xx except 501, network errors, timeouts). */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After honoured; a longer one fails the call at once with the wait named. */
  maxRetryAfterMs?: number;
  traceId?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Statuses retried (default 408, 429, 500, 502, 503, 504); a caller that paces itself drops 429. */
  retryStatuses?: number[];
  /** Called before each retry (for debug events and logs). */
  onRetry?: (info: { attempt: number; delayMs: number; status?: number; error?: string; url: string }) => void;
}

export interface OutboundInit extends RequestInit {
  /** Retry this call even if its method is not idempotent (the caller knows it is safe). */
  retry?: boolean;
}

/** A call to a host that is not on the allowlist; no request was sent. */
export class OutboundBlockedError extends Error {
  override name = 'OutboundBlockedError';
  constructor(readonly host: string) {
    super(`outbound call to ${host} blocked: host not on the allowlist`);
  }
}

/** Every attempt failed (or a Retry-After was too long). */
export class OutboundError extends Error {
  override name = 'OutboundError';
  constructor(
    message: string,
    readonly url: string,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** True when `host` (hostname[:port]) matches an allowlist entry. */
export function hostAllowed(url: URL, allow: string[]): boolean {
  const hostname = url.hostname.toLowerCase();
  const withPort = url.port ? `${hostname}:${url.port}` : hostname;
  return allow.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry.startsWith('*.')) return hostname.endsWith(entry.slice(1)) && hostname !== entry.slice(2);
    return entry.includes(':') ? entry === withPort : entry === hostname;
  });
}

/** Milliseconds a Retry-After header asks for (delta-seconds or HTTP-date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Creates the outbound client. */
export function createHttpClient(options: HttpClientOptions) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const retries = options.retries ?? 3;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const base = options.baseDelayMs ?? 250;
  const cap = options.maxDelayMs ?? 8_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const retryStatus = options.retryStatuses ? new Set(options.retryStatuses) : RETRY_STATUS;

  /** fetch() with the guards; resolves with the last response (even a non-2xx) or throws. */
  return async function outboundFetch(input: string | URL, init: OutboundInit = {}): Promise<Response> {
    const url = new URL(input);
    if (!hostAllowed(url, options.allowHosts)) throw new OutboundBlockedError(url.port ? `${url.hostname}:${url.port}` : url.hostname);
    const method = (init.method ?? 'GET').toUpperCase();
    const canRetry = init.retry ?? IDEMPOTENT.has(method);
    const headers = new Headers(init.headers);
    if (options.traceId && !headers.has('traceparent')) {
      for (const [name, value] of Object.entries(traceHeaders(options.traceId))) headers.set(name, value);
    }
    for (let attempt = 1; ; attempt++) {
      let res: Response | undefined;
      let error: string | undefined;
      try {
        const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
        res = await doFetch(url, { ...init, method, headers, signal });
      } catch (err) {
        if (init.signal?.aborted) throw err;
        error = err instanceof Error ? (err.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : err.message) : String(err);
      }
      const retryable = res ? retryStatus.has(res.status) : true;
      if (!retryable || !canRetry || attempt > retries) {
        if (res) return res;
        throw new OutboundError(`${method} ${url.host}${url.pathname} failed after ${attempt} attempt(s): ${error}`, url.href, attempt);
      }
      const asked = res ? retryAfterMs(res.headers.get('retry-after')) : null;
      if (asked !== null && asked > maxRetryAfter) {
        throw new OutboundError(`${url.host} asked to retry after ${Math.ceil(asked / 1000)} s, over the ${maxRetryAfter / 1000} s limit`, url.href, attempt, res?.status);
      }
      const backoff = Math.round(random() * Math.min(cap, base * 2 ** (attempt - 1)));
      const delayMs = asked ?? backoff;
      options.onRetry?.({ attempt, delayMs, url: url.href, ...(res ? { status: res.status } : {}), ...(error ? { error } : {}) });
      await res?.body?.cancel().catch(() => {});
      await sleep(delayMs);
    }
  };
}

export type OutboundFetch = ReturnType<typeof createHttpClient>;
