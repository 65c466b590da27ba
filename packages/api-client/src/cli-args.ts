// Command-line parsing for `cogo`: argv + environment → a command, or a usage error.
import { parseArgs } from 'node:util';
import type { StartFigmaJobRequest } from './figma-types';

/** Default API address: the local dev stack (`./cogo dev`). */
export const DEFAULT_API_URL = 'http://127.0.0.1:8787';

/** The help text. */
export const USAGE = `Usage: cogo extract <figma-url | file-key> [options]

Extracts a Figma file (or one node of it) through the COGO API, showing progress as it streams.

Options:
  --node-id <id>     extract only this node (e.g. 1:2)
  --apply            apply each extracted page to the project afterwards
  --json             print the merged result as JSON on stdout (progress goes to stderr)
  --base-url <url>   API base URL (env COGO_API_URL, default ${DEFAULT_API_URL})
  --api-key <key>    API key (env COGO_API_KEY)
  -h, --help         show this help
`;

/** A mistake in how cogo was called: reported with the usage text and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the command line asked for. */
export type CliCommand =
  | { command: 'help' }
  | { command: 'extract'; start: StartFigmaJobRequest; apply: boolean; json: boolean; baseUrl: string; apiKey: string | undefined };

/** Parses argv (without node and the script) with env fallbacks; throws UsageError on bad input. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'node-id': { type: 'string' },
        apply: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, target, ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'extract') throw new UsageError(`unknown command "${command}"`);
  if (target === undefined) throw new UsageError('extract needs a Figma URL or file key');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);

  const baseUrl = values['base-url'] ?? env.COGO_API_URL ?? DEFAULT_API_URL;
  if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) throw new UsageError(`not an http(s) URL: --base-url ${baseUrl}`);
  const nodeId = values['node-id'];
  if (nodeId === '') throw new UsageError('--node-id is empty');
  return {
    command: 'extract',
    start: { ...startTarget(target), ...(nodeId ? { node_id: nodeId } : {}) },
    apply: values.apply,
    json: values.json,
    baseUrl,
    apiKey: values['api-key'] ?? (env.COGO_API_KEY || undefined),
  };
}

// A bare key is accepted too: it is what the API calls file_key, and what people copy from URLs.
function startTarget(target: string): StartFigmaJobRequest {
  if (/^[A-Za-z0-9]{6,128}$/.test(target)) return { file_key: target };
  if (/^https?:\/\//.test(target) && URL.canParse(target)) return { figma_url: target };
  throw new UsageError(`not a Figma URL or file key: ${target}`);
}
