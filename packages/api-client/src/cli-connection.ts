// What every `cogo` command runs with: the process's I/O and the API connection made from it. Kept apart from
// cli-args.ts (node:util's parseArgs), so the runners load in workerd, where the API's tests drive them against the
// real Worker.
import type { FigmaConnection } from './figma-types';

/** What a command runner gets from the process: its streams, and what some commands need besides. */
export interface RunnerIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Custom fetch (tests: the Worker itself); defaults to the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
  /** Writes a file, creating its directories (`cogo images`, `cogo tokens --out`, `cogo design --out`). */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
  /** A file's text (`cogo design --page`, `cogo drift --storybook`). */
  readFile?: (path: string) => Promise<string>;
  /** All of stdin as text (`cogo chat -`, `cogo design -`). */
  readStdin?: () => Promise<string>;
}

/** The connection of a parsed command (its base URL and key) and the process's I/O (fetch, Ctrl-C's signal). */
export function connectionOf(cmd: { baseUrl: string; apiKey: string | undefined }, io: Pick<RunnerIo, 'fetch' | 'signal'>): FigmaConnection {
  return { baseUrl: cmd.baseUrl, ...(cmd.apiKey ? { apiKey: cmd.apiKey } : {}), ...(io.fetch ? { fetch: io.fetch } : {}), ...(io.signal ? { signal: io.signal } : {}) };
}
