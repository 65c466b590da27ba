// The client to one OpenAI-compatible provider: the `openai` SDK (design card) with its transport replaced by the
// one outbound client (allowlist, per-attempt timeout, retries with backoff that honour Retry-After, trace
// forwarded) and the SDK's own retries off, so there is one retry policy.
import OpenAI from 'openai';
import type { AppConfig } from '../../env';
import { createHttpClient, hostAllowed, OutboundBlockedError, OutboundError } from '../../lib/http-client';
import { traceHeaders } from '../../lib/trace';
import type { ProviderEntry } from './catalogue';

export interface ProviderClientOptions {
  config: AppConfig;
  provider: ProviderEntry;
  apiKey: string | undefined;
  retries: number;
  /** Called before each retry of the same provider (for logs and debug events). */
  onRetry?: (info: { attempt: number; delayMs: number; status?: number }) => void;
}

/** Hosts calls may reach: OUTBOUND_ALLOWLIST, the environment's providers, and platform providers (admin-entered). */
export function providerHosts(config: AppConfig, provider: ProviderEntry): string[] {
  const hosts = config.OUTBOUND_ALLOWLIST.split(',').map((h) => h.trim()).filter(Boolean);
  if (provider.scope !== 'project') {
    const url = new URL(provider.baseUrl);
    hosts.push(url.port ? `${url.hostname}:${url.port}` : url.hostname);
  }
  return hosts;
}

/** True when the provider's host may be called. */
export function providerReachable(config: AppConfig, provider: ProviderEntry): boolean {
  return hostAllowed(new URL(provider.baseUrl), providerHosts(config, provider));
}

const clients = new Map<string, OpenAI>();

/**
 * The SDK client of a provider, kept per isolate (building one costs about a millisecond) for each provider, key,
 * retry count and deployment config; the per-call parts (trace, signal, timeout) go in each call's options
 * through callOptions().
 */
export function providerClient(options: ProviderClientOptions): OpenAI {
  const { config, provider } = options;
  const id = [provider.key, provider.baseUrl, options.apiKey ?? '', options.retries, config.OUTBOUND_ALLOWLIST, config.LLM_TIMEOUT_MS, config.LLM_MAX_RETRY_AFTER_MS, JSON.stringify(provider.quirks.extra_headers ?? {})].join('\u0000');
  const cached = clients.get(id);
  if (cached && !options.onRetry) return cached;
  const outbound = createHttpClient({
    allowHosts: providerHosts(config, provider),
    // the call's own stall timer (attempt.ts) bounds waits between chunks; this bounds one attempt
    timeoutMs: config.LLM_TIMEOUT_MS * 10,
    retries: options.retries,
    maxRetryAfterMs: config.LLM_MAX_RETRY_AFTER_MS,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  const transport = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    return outbound(url, { ...init, retry: true });
  };
  const client = new OpenAI({
    apiKey: options.apiKey ?? 'unset',
    baseURL: provider.baseUrl.replace(/\/$/, ''),
    fetch: transport as never,
    maxRetries: 0,
    timeout: config.LLM_TIMEOUT_MS * 10,
    defaultHeaders: provider.quirks.extra_headers ?? {},
    dangerouslyAllowBrowser: true,
  });
  if (!options.onRetry) {
    if (clients.size > 500) clients.clear();
    clients.set(id, client);
  }
  return client;
}

/** Per-call SDK options: the trace headers, and the caller's signal and timeout. */
export function callOptions(traceId: string, extra: { signal?: AbortSignal; timeout?: number; maxRetries?: number } = {}) {
  return { ...extra, headers: traceHeaders(traceId) };
}

export type FailureKind = 'rate_limited' | 'server' | 'timeout' | 'network' | 'auth' | 'refused' | 'blocked' | 'cut' | 'truncated' | 'bad_output';

export interface ProviderFailure {
  kind: FailureKind;
  /** Fall back to the next candidate (else the call ends with this error). */
  fallback: boolean;
  /** Count against the provider's circuit. */
  unhealthy: boolean;
  status?: number;
  /** Safe to show: status and class, with the provider's own message only for requests it refused. */
  message: string;
}

/** Classifies whatever a provider call threw; `fallbackStatuses` (LLM_FALLBACK_STATUSES) decide which answers move on. */
export function classifyFailure(err: unknown, provider: string, fallbackStatuses: ReadonlySet<number>): ProviderFailure {
  const cause = err instanceof Error && 'cause' in err ? (err as { cause?: unknown }).cause : undefined;
  if (err instanceof OutboundBlockedError || cause instanceof OutboundBlockedError) {
    return { kind: 'blocked', fallback: true, unhealthy: false, message: `${provider}: host not on the outbound allowlist` };
  }
  if (err instanceof OpenAI.APIConnectionTimeoutError) return { kind: 'timeout', fallback: true, unhealthy: true, message: `${provider}: timed out` };
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const status = err.status;
    const fallback = fallbackStatuses.has(status);
    if (status === 429) return { kind: 'rate_limited', fallback, unhealthy: true, status, message: `${provider}: rate limited (429)` };
    if (status >= 500 || status === 408) return { kind: 'server', fallback, unhealthy: true, status, message: `${provider}: upstream error ${status}` };
    if (status === 401 || status === 403) return { kind: 'auth', fallback, unhealthy: true, status, message: `${provider}: refused the API key (${status})` };
    const said = typeof err.error === 'object' && err.error && 'message' in err.error ? String((err.error as { message: unknown }).message).slice(0, 300) : `status ${status}`;
    return { kind: 'refused', fallback, unhealthy: false, status, message: `${provider} refused the request: ${said}` };
  }
  if (cause instanceof OutboundError || err instanceof OutboundError) {
    const e = (cause instanceof OutboundError ? cause : err) as OutboundError;
    return { kind: e.status === 429 ? 'rate_limited' : 'network', fallback: true, unhealthy: true, ...(e.status ? { status: e.status } : {}), message: `${provider}: ${e.message.replace(/https?:\/\/\S+/g, '')}` };
  }
  return { kind: 'network', fallback: true, unhealthy: true, message: `${provider}: connection failed` };
}
