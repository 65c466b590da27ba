// The API connection every `cogo` command runs with. Kept apart from cli-args.ts (node:util's parseArgs), so the
// runners load in workerd, where the API's tests drive them against the real Worker.
import type { FigmaConnection } from './figma-types';

/** The connection of a parsed command (its base URL and key) and the process's I/O (fetch, Ctrl-C's signal). */
export function connectionOf(cmd: { baseUrl: string; apiKey: string | undefined }, io: { fetch?: (request: Request) => Promise<Response>; signal?: AbortSignal }): FigmaConnection {
  return { baseUrl: cmd.baseUrl, ...(cmd.apiKey ? { apiKey: cmd.apiKey } : {}), ...(io.fetch ? { fetch: io.fetch } : {}), ...(io.signal ? { signal: io.signal } : {}) };
}
