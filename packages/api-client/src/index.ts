// The typed COGO client: openapi-fetch over the generated `paths`, plus SSE and error helpers.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, paths } from './schema';
export * from './errors';
export * from './sse';

export interface CogoClientOptions {
  /** e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  /** Project API key, sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** Custom fetch (tests, proxies). */
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

export type CogoClient = Client<paths>;

/** Creates a typed client for the COGO API. */
export function createCogoClient(options: CogoClientOptions): CogoClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  return createClient<paths>({ baseUrl: options.baseUrl.replace(/\/$/, ''), headers, ...(options.fetch ? { fetch: options.fetch } : {}) });
}
export * from './figma-types';
export * from './figma-jobs';
export * from './figma-stream';
export * from './figma-apply';
export * from './figma-collect';
export * from './figma-images';
export * from './figma-context-pages';
export * from './chat';
export * from './design';
export * from './design-page';
export * from './ai-jobs';
export * from './artifacts';
export * from './tokens';
export * from './design-sync';
export * from './updates';
