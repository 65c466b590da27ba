// Command-line parsing for `cogo`: argv + environment → a command, or a usage error.
import { parseArgs } from 'node:util';
import type { FigmaImagesRequest } from './figma-images';
import type { StartFigmaJobRequest } from './figma-types';
import type { DeriveTokensRequest, TokenFormat } from './tokens';

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

Usage: cogo images <figma-url | file-key> --node-id <id> [--node-id <id> …] --out <dir> [options]

Renders nodes (and, with --fills, every image fill of the file) into the project's artifacts — each fetched
from Figma once — and writes them to <dir>/nodes/<node>@<scale>x.<format> and <dir>/fills/<imageRef>.<ext>.

Options:
  --node-id <id>     a node to render (repeatable; a URL's node-id counts too)
  --out <dir>        where to write the files (required)
  --format <fmt>     png (default), jpg, svg or pdf
  --scale <n>        0.01–4 (default 1)
  --fills            also store and write the file's image fills
  --refresh          render again even if already stored
  --json             print the API's answer and the files written as JSON

Usage: cogo context <figma-url | file-key> [--node-id <id>] [--format text|json] [--max-bytes <n>] [--cursor <c>]

Runs the extraction, then prints the file's (or node's) whole compact context: every kept node with its text,
layout, styles, variables and component props — as indented text (default) or JSON — read from the API in
pages. To take a large design in pieces, --max-bytes prints only the first page of at most <n> bytes and, on
stderr, "next_cursor: <c>"; --cursor <c> prints the page after (no extraction runs: the cursor names its job,
so the URL may be left out), until next_cursor is null. The pages concatenated are the whole context.

Options:
  --node-id <id>     only this node (e.g. 1:2)
  --format <fmt>     text (default) or json
  --max-bytes <n>    one page of at most n bytes (1024 to 4194304)
  --cursor <c>       the page a previous run's next_cursor names

Usage: cogo tokens <figma-url | file-key> [--upload-id <id>] [--format dtcg|resolver|css|tailwind | --out <dir> | --json]

Derives the file's design tokens (POST /figma-compat/uui/variables/derive): its Figma variables (the REST API on
Enterprise plans, or a plugin upload's on any plan) and styles as W3C DTCG 2025.10. Prints one format on stdout
(default dtcg: the tokens document; resolver: every mode; css: custom properties per mode; tailwind: a v4 @theme)
and on stderr "<n> tokens from <m> variables and <k> styles · version <v>". A version derived before is read back
with no Figma call but /meta.

Options:
  --upload-id <id>   a plugin upload's variables and styles (any plan); with a URL or key, merged with the file's
  --format <f>       dtcg (default), resolver, css or tailwind
  --out <dir>        write every format instead: tokens.json, tokens.resolver.json, tokens.css, tailwind.css
  --json             print the API's whole answer (the documents, the report of every alias and mode, sources)

Usage: cogo drift [<figma-url | file-key>] [--storybook <dir>] [--prune] [--fail-on-drift] [--json]

Design-sync in CI. With --storybook <dir> (a Storybook build, e.g. storybook-static), first pushes its index.json
and, when there, manifests/components.json, docgen.json and code-connect.json to the project's code registry
(POST /design-sync/registry); then prints the drift of every confirmed code ↔ Figma mapping (of that file only, when
one is named): one line per drifted component, then its items. Exits 0, or 3 with --fail-on-drift when a
component drifted.

Options:
  --storybook <dir>  push this Storybook build's documents first
  --prune            with --storybook: delete registry components the build no longer has
  --fail-on-drift    exit 3 when any mapped component drifted
  --json             print { registry, drift } as the API answered them

Usage: cogo chat <message | -> [--session <id>] [--model <m>] [--system <text>] [--json]

Sends one chat turn and prints the answer on stdout as it arrives; the last line on stderr is
"session <id> · <provider>/<model> · <in>→<out> tokens · $<cost>": pass --session <id> to continue it.
With "-" the message is read from stdin. A turn carries an Idempotency-Key, so a failed connection is
retried without asking twice; a stream cut after text has been printed is reported, never resumed.

Options:
  --session <id>     continue this session (its UUID); absent: a new session
  --model <m>        the model (default: the project's policy, else the API's default)
  --system <text>    a system prompt for this turn
  --json             print the ChatResult as JSON instead of the streamed text

Usage: cogo design <message | -> [--page <file.json>] [--rag <n>] [--model <m> | --keyword] [--out <file>] [--apply] [--json]

One design chat turn (POST /chat/design): retrieval, the model's page, its validated UI JSON preview and, when
asked for, Gherkin scenarios — each step a line on stderr as it happens. Prints the previewed page (cogo_ui_json)
on stdout, then the Gherkin feature after a blank line; the last line on stderr is "trace <id> · $<cost>".

Options:
  --page <file>      a cogo_ui_json page to refine or describe (or a file holding { cogo_ui_json })
  --rag <n>          retrieve at most n items (0 to 20; 0 skips retrieval; API default 6)
  --model <m>        the model to ask
  --keyword          the offline keyword generator makes the page: no model asked, nothing spent
  --out <file>       write the page to <file> and the feature to <file minus .json>.feature instead of stdout
  --apply            store the page afterwards (POST /figma-context/apply) on the turn's trace
  --json             print every event as one JSON line on stdout instead

Usage: cogo mcp config [--client claude|cursor|vscode]

Prints ready-to-paste MCP client configurations for the API's /mcp endpoint (--base-url / COGO_API_URL) and your
key (--api-key / COGO_API_KEY; without one, a placeholder): Claude Code (the \`claude mcp add\` line and .mcp.json),
Cursor (~/.cursor/mcp.json), VS Code (.vscode/mcp.json, which asks for the key instead of storing it).
`;

/** The MCP clients `cogo mcp config` writes for. */
export const MCP_CLIENTS = ['claude', 'cursor', 'vscode'] as const;
export type McpClientName = (typeof MCP_CLIENTS)[number];

/** A mistake in how cogo was called: reported with the usage text and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the command line asked for. */
export type CliCommand =
  | { command: 'help' }
  | { command: 'extract'; start: StartFigmaJobRequest; apply: boolean; json: boolean; baseUrl: string; apiKey: string | undefined }
  | { command: 'images'; request: FigmaImagesRequest; out: string; json: boolean; baseUrl: string; apiKey: string | undefined }
  | {
      command: 'context';
      /** What to extract; null with a cursor (it names its job). */
      start: StartFigmaJobRequest | null;
      format: 'text' | 'json' | undefined;
      maxBytes: number | undefined;
      cursor: string | undefined;
      baseUrl: string;
      apiKey: string | undefined;
    }
  | {
      command: 'chat';
      /** The message; null: read it from stdin (`-`). */
      content: string | null;
      sessionId: string | undefined;
      model: string | undefined;
      system: string | undefined;
      json: boolean;
      baseUrl: string;
      apiKey: string | undefined;
    }
  | { command: 'mcp-config'; client: McpClientName | undefined; baseUrl: string; apiKey: string | undefined }
  | {
      command: 'drift';
      /** Only this Figma file's mappings. */
      fileKey: string | undefined;
      /** A Storybook build directory to push to the registry first. */
      storybook: string | undefined;
      prune: boolean;
      failOnDrift: boolean;
      json: boolean;
      baseUrl: string;
      apiKey: string | undefined;
    }
  | {
      command: 'tokens';
      request: DeriveTokensRequest;
      /** What stdout gets; undefined with --out or --json. */
      format: TokenFormat | undefined;
      /** Where every format is written. */
      out: string | undefined;
      json: boolean;
      baseUrl: string;
      apiKey: string | undefined;
    }
  | {
      command: 'design';
      /** The message; null: read it from stdin (`-`). */
      content: string | null;
      /** A cogo_ui_json file to send as the page being worked on. */
      pagePath: string | undefined;
      /** Retrieval's limit (0 skips it); undefined: the API's default. */
      rag: number | undefined;
      model: string | undefined;
      /** The offline keyword generator instead of a model. */
      keyword: boolean;
      /** Where to write the page (and the feature beside it) instead of stdout. */
      out: string | undefined;
      apply: boolean;
      json: boolean;
      baseUrl: string;
      apiKey: string | undefined;
    };

/** Parses argv (without node and the script) with env fallbacks; throws UsageError on bad input. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'node-id': { type: 'string', multiple: true },
        out: { type: 'string' },
        format: { type: 'string' },
        scale: { type: 'string' },
        fills: { type: 'boolean', default: false },
        refresh: { type: 'boolean', default: false },
        'max-bytes': { type: 'string' },
        cursor: { type: 'string' },
        session: { type: 'string' },
        model: { type: 'string' },
        system: { type: 'string' },
        page: { type: 'string' },
        rag: { type: 'string' },
        keyword: { type: 'boolean', default: false },
        apply: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        client: { type: 'string' },
        'upload-id': { type: 'string' },
        storybook: { type: 'string' },
        prune: { type: 'boolean', default: false },
        'fail-on-drift': { type: 'boolean', default: false },
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
  if (command !== 'extract' && command !== 'images' && command !== 'context' && command !== 'chat' && command !== 'design' && command !== 'mcp' && command !== 'tokens' && command !== 'drift') throw new UsageError(`unknown command "${command}"`);
  const message = command === 'chat' || command === 'design';
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"${message ? ' (quote a message of several words)' : ''}`);

  const baseUrl = values['base-url'] ?? env.COGO_API_URL ?? DEFAULT_API_URL;
  if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) throw new UsageError(`not an http(s) URL: --base-url ${baseUrl}`);
  const nodeIds = values['node-id'] ?? [];
  if (nodeIds.includes('')) throw new UsageError('--node-id is empty');
  const apiKey = values['api-key'] ?? (env.COGO_API_KEY || undefined);
  if (command === 'mcp') {
    if (target !== 'config') throw new UsageError(`unknown mcp command "${target ?? ''}" (try: cogo mcp config)`);
    const client = values.client;
    if (client !== undefined && !(MCP_CLIENTS as readonly string[]).includes(client)) throw new UsageError(`--client must be one of ${MCP_CLIENTS.join(', ')}`);
    return { command: 'mcp-config', client: client as McpClientName | undefined, baseUrl, apiKey };
  }
  if (command === 'context') return contextCommand(target, nodeIds, values, baseUrl, apiKey);
  if (command === 'chat') return chatCommand(target, values, baseUrl, apiKey);
  if (command === 'design') return designCommand(target, values, baseUrl, apiKey);
  if (command === 'tokens') return tokensCommand(target, nodeIds, values, baseUrl, apiKey);
  if (command === 'drift') return driftCommand(target, nodeIds, values, baseUrl, apiKey);
  if (target === undefined) throw new UsageError(`${command} needs a Figma URL or file key`);
  if (command === 'images') return imagesCommand(target, nodeIds, values, baseUrl, apiKey);
  if (nodeIds.length > 1) throw new UsageError('extract takes one --node-id');
  const nodeId = nodeIds[0];
  return {
    command: 'extract',
    start: { ...startTarget(target), ...(nodeId ? { node_id: nodeId } : {}) },
    apply: values.apply,
    json: values.json,
    baseUrl,
    apiKey,
  };
}

const FORMATS = ['png', 'jpg', 'svg', 'pdf'] as const;

function imagesCommand(
  target: string,
  nodeIds: string[],
  values: { out?: string | undefined; format?: string | undefined; scale?: string | undefined; fills: boolean; refresh: boolean; json: boolean },
  baseUrl: string,
  apiKey: string | undefined,
): CliCommand {
  if (!values.out) throw new UsageError('images needs --out <dir>');
  const format = values.format ?? 'png';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0.01 || scale > 4) throw new UsageError('--scale must be a number from 0.01 to 4');
  const ref = startTarget(target);
  const hasUrlNode = 'figma_url' in ref && /[?&]node-id=/.test(ref.figma_url ?? '');
  if (nodeIds.length === 0 && !hasUrlNode && !values.fills) throw new UsageError('images needs --node-id (or a URL with node-id), or --fills');
  return {
    command: 'images',
    request: { ...(ref as { figma_url: string } | { file_key: string }), ...(nodeIds.length ? { node_ids: nodeIds } : {}), format: format as (typeof FORMATS)[number], scale, include_fills: values.fills, refresh: values.refresh },
    out: values.out,
    json: values.json,
    baseUrl,
    apiKey,
  };
}

function driftCommand(
  target: string | undefined,
  nodeIds: string[],
  values: { storybook?: string | undefined; prune: boolean; 'fail-on-drift': boolean; json: boolean },
  baseUrl: string,
  apiKey: string | undefined,
): CliCommand {
  if (nodeIds.length > 0) throw new UsageError('drift is per mapped component: drop --node-id');
  if (values.storybook === '') throw new UsageError('--storybook is empty');
  if (values.prune && values.storybook === undefined) throw new UsageError('--prune needs --storybook <dir>');
  let fileKey: string | undefined;
  if (target !== undefined) {
    const ref = startTarget(target);
    fileKey = 'file_key' in ref ? ref.file_key : /\/(?:file|design|proto|board)\/([A-Za-z0-9]{6,128})/.exec(ref.figma_url!)?.[1];
    if (!fileKey) throw new UsageError(`no file key in ${target}`);
  }
  return { command: 'drift', fileKey, storybook: values.storybook, prune: values.prune, failOnDrift: values['fail-on-drift'], json: values.json, baseUrl, apiKey };
}

const TOKEN_FORMATS = ['dtcg', 'resolver', 'css', 'tailwind'] as const;

function tokensCommand(
  target: string | undefined,
  nodeIds: string[],
  values: { 'upload-id'?: string | undefined; format?: string | undefined; out?: string | undefined; json: boolean },
  baseUrl: string,
  apiKey: string | undefined,
): CliCommand {
  const uploadId = values['upload-id'];
  const { format, out } = values;
  if (target === undefined && uploadId === undefined) throw new UsageError('tokens needs a Figma URL or file key (or --upload-id)');
  if (uploadId !== undefined && !UUID.test(uploadId)) throw new UsageError(`--upload-id must be an upload id (a UUID): ${uploadId}`);
  if (nodeIds.length > 0) throw new UsageError('tokens are the whole file\'s: drop --node-id');
  if (format !== undefined && !(TOKEN_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${TOKEN_FORMATS.join(', ')}`);
  if (out === '') throw new UsageError('--out is empty');
  const chosen = [format !== undefined && '--format', out !== undefined && '--out', values.json && '--json'].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`${chosen.join(' and ')} each choose the output: give one`);
  const file = target === undefined ? {} : startTarget(target);
  const wanted: TokenFormat[] = out !== undefined || values.json ? ['dtcg', 'resolver', 'css', 'tailwind'] : format === 'css' || format === 'tailwind' ? ['dtcg', format] : ['dtcg', 'resolver'];
  return {
    command: 'tokens',
    request: { ...file, ...(uploadId ? { upload_id: uploadId } : {}), formats: wanted },
    format: out !== undefined || values.json ? undefined : ((format ?? 'dtcg') as TokenFormat),
    out,
    json: values.json,
    baseUrl,
    apiKey,
  };
}

function contextCommand(
  target: string | undefined,
  nodeIds: string[],
  values: { format?: string | undefined; 'max-bytes'?: string | undefined; cursor?: string | undefined },
  baseUrl: string,
  apiKey: string | undefined,
): CliCommand {
  const { format, cursor } = values;
  if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  if (cursor === '') throw new UsageError('--cursor is empty');
  if (target === undefined && cursor === undefined) throw new UsageError('context needs a Figma URL or file key (or --cursor)');
  if (nodeIds.length > 1) throw new UsageError('context takes one --node-id');
  const raw = values['max-bytes'];
  const maxBytes = raw === undefined ? undefined : Number(raw);
  if (maxBytes !== undefined && (!/^\d+$/.test(raw!) || maxBytes < 1024 || maxBytes > 4 * 1024 * 1024)) throw new UsageError('--max-bytes must be an integer from 1024 to 4194304');
  // with a cursor nothing is extracted: the cursor names its job
  const start = cursor !== undefined || target === undefined ? null : { ...startTarget(target), ...(nodeIds[0] ? { node_id: nodeIds[0] } : {}) };
  return { command: 'context', start, format, maxBytes, cursor, baseUrl, apiKey };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function chatCommand(
  message: string | undefined,
  values: { session?: string | undefined; model?: string | undefined; system?: string | undefined; json: boolean },
  baseUrl: string,
  apiKey: string | undefined,
): CliCommand {
  if (message === undefined || message.trim() === '') throw new UsageError('chat needs a message (or - to read it from stdin)');
  const { session, model, system } = values;
  if (session !== undefined && !UUID.test(session)) throw new UsageError(`--session must be a session id (a UUID): ${session}`);
  if (model !== undefined && model.trim() === '') throw new UsageError('--model is empty');
  return { command: 'chat', content: message === '-' ? null : message, sessionId: session, model, system, json: values.json, baseUrl, apiKey };
}

function designCommand(
  message: string | undefined,
  values: { page?: string | undefined; rag?: string | undefined; model?: string | undefined; keyword: boolean; out?: string | undefined; apply: boolean; json: boolean },
  baseUrl: string,
  apiKey: string | undefined,
): CliCommand {
  if (message === undefined || message.trim() === '') throw new UsageError('design needs a message (or - to read it from stdin)');
  const { page, model, out } = values;
  if (page === '') throw new UsageError('--page is empty');
  if (out === '') throw new UsageError('--out is empty');
  if (model !== undefined && model.trim() === '') throw new UsageError('--model is empty');
  if (model !== undefined && values.keyword) throw new UsageError('--keyword asks no model: drop --model');
  const raw = values.rag;
  if (raw !== undefined && (!/^\d{1,2}$/.test(raw) || Number(raw) > 20)) throw new UsageError(`--rag must be an integer from 0 to 20: ${raw}`);
  return {
    command: 'design',
    content: message === '-' ? null : message,
    pagePath: page,
    rag: raw === undefined ? undefined : Number(raw),
    model,
    keyword: values.keyword,
    out,
    apply: values.apply,
    json: values.json,
    baseUrl,
    apiKey,
  };
}

// A bare key is accepted too: it is what the API calls file_key, and what people copy from URLs.
function startTarget(target: string): StartFigmaJobRequest {
  if (/^[A-Za-z0-9]{6,128}$/.test(target)) return { file_key: target };
  if (/^https?:\/\//.test(target) && URL.canParse(target)) return { figma_url: target };
  throw new UsageError(`not a Figma URL or file key: ${target}`);
}
