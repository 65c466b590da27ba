// `cogo extract`: start a figma job, stream it to the end (resuming as needed), optionally apply
// the pages. The core takes its I/O as arguments so tests run it without spawning a process, and
// runExtract takes a parsed command, so it runs inside workerd too (which lacks node:util parseArgs):
// the API's tests drive it against the real Worker.
import { ChatStreamError } from './chat';
import { USAGE, UsageError, parseCliArgs, type CliCommand } from './cli-args';
import { runChat } from './cli-chat';
import { connectionOf, type RunnerIo } from './cli-connection';
import { runContext } from './cli-context';
import { runDesign } from './cli-design';
import { runDrift } from './cli-drift';
import { runImages } from './cli-images';
import { runMcpConfig } from './cli-mcp';
import { createProgressReporter } from './cli-progress';
import { plural } from './cli-text';
import { runTokens } from './cli-tokens';
import { DesignStreamError } from './design';
import { CogoApiError } from './errors';
import { applyFigmaPage, type ApplyPageResult } from './figma-apply';
import { FigmaPageCollector, toApplyPage } from './figma-collect';
import { startFigmaJob } from './figma-jobs';
import { FigmaStreamError, streamFigmaJob } from './figma-stream';
import type { FigmaStreamEventData, StartFigmaJobResponse } from './figma-types';

/** The process around the CLI: streams, environment, terminal, network. */
export interface CliIo extends RunnerIo {
  env: Record<string, string | undefined>;
  /** Whether stderr (where progress goes) is a terminal. */
  isTTY: boolean;
  now?: () => number;
}

/** Runs `cogo` with argv (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv, io.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`cogo: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (command.command === 'mcp-config') return runMcpConfig(command, io);
  if (command.command === 'images') return runImages(command, io, describeError);
  if (command.command === 'context') return runContext(command, io, describeError);
  if (command.command === 'chat') return runChat(command, io, describeError);
  if (command.command === 'design') return runDesign(command, io, describeError);
  if (command.command === 'tokens') return runTokens(command, io, describeError);
  if (command.command === 'drift') return runDrift(command, io, describeError);
  return runExtract(command, io);
}

/** The parsed `extract` command. */
export type ExtractCommand = Extract<CliCommand, { command: 'extract' }>;

/** Runs a parsed `extract` (what runCli does after parsing argv); resolves to the exit code. */
export async function runExtract(command: ExtractCommand, io: CliIo): Promise<number> {
  try {
    await extract(command, io);
    return 0;
  } catch (err) {
    io.stderr.write(`${describeError(err)}\n`);
    return io.signal?.aborted ? 130 : 1;
  }
}

async function extract(cmd: ExtractCommand, io: CliIo): Promise<void> {
  const conn = connectionOf(cmd, io);
  const started = await startFigmaJob(conn, cmd.start);
  const say = (text: string) => io.stderr.write(text);
  if (!io.isTTY) say(`job ${started.job_id}: file ${started.file_key}, ${plural(started.plan.pages.length, 'page')}, ${plural(started.plan.chunks, 'chunk')}\n`);
  // a terminal's progress bar is one redrawn line: the cache line follows it there
  if (!io.isTTY) say(`${cacheLine(started)}\n`);

  const progress = createProgressReporter({ write: say, isTTY: io.isTTY, now: io.now ?? (() => performance.now()), plan: started.plan });
  const collector = new FigmaPageCollector();
  let done: FigmaStreamEventData['done'] | undefined;
  try {
    const onReconnect = ({ attempt, cursor, waitMs, error }: { attempt: number; cursor: string; waitMs: number; error: unknown }) => {
      // a bar would be broken by a line; on a terminal the bar just pauses
      if (!io.isTTY) say(`reconnecting after event ${cursor} in ${waitMs} ms (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}\n`);
    };
    for await (const event of streamFigmaJob({ ...conn, jobId: started.job_id, cursor: started.first_cursor, onReconnect })) {
      collector.add(event);
      progress.update(event, collector);
      if (event.event === 'done') done = event.data;
    }
  } finally {
    // the error message, if any, must start on a fresh line
    progress.finish();
  }

  if (io.isTTY) say(`${cacheLine(started)}\n`);
  const pages = collector.pages();
  const components = pages.reduce((n, p) => n + p.components.length, 0);
  const chunks = done?.chunks_total ?? pages.reduce((n, p) => n + p.chunks_received, 0);
  if (!cmd.json) {
    io.stdout.write(`job ${started.job_id} (file ${started.file_key}): ${plural(pages.length, 'page')}, ${plural(chunks, 'chunk')}, ${plural(components, 'component')}\n`);
    for (const p of pages) io.stdout.write(`  ${p.name} (${p.page_id}): ${plural(p.components.length, 'component')}\n`);
  }

  const applied: { page_id: string; name: string; result: ApplyPageResult }[] = [];
  if (cmd.apply) {
    for (const page of pages) {
      const result = await applyFigmaPage(conn, { jobId: started.job_id, page: toApplyPage(page) });
      applied.push({ page_id: page.page_id, name: page.name, result });
      if (!cmd.json) {
        const { inserted, updated, deleted, unchanged } = result;
        io.stdout.write(`applied ${page.name} (${page.page_id}): ${JSON.stringify({ inserted, updated, deleted, unchanged })}\n`);
      }
    }
  }

  if (cmd.json) {
    const result = {
      job_id: started.job_id,
      file_key: started.file_key,
      node_id: started.node_id,
      pages: pages.map((p) => ({ page_id: p.page_id, name: p.name, chunks: p.chunks_received, components: p.components })),
      counts: { pages: pages.length, chunks, components },
      cache: started.cache,
      file_version: started.file_version,
      figma_calls: started.plan.figma_calls,
      server_counts: done?.counts ?? {},
      duration_ms: done?.duration_ms ?? null,
      ...(cmd.apply ? { applied } : {}),
    };
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
}

/** `cache hit (version 123): Figma calls tier 1: 0, tier 2: 1, ~0 s` — what the job will cost the token. */
export function cacheLine(started: StartFigmaJobResponse): string {
  const version = started.file_version ? ` (version ${started.file_version})` : '';
  const note = started.cache_note ? ` — ${started.cache_note}` : '';
  const { tier1, tier2 } = started.plan.figma_calls;
  return `cache ${started.cache}${version}${note}: Figma calls tier 1: ${tier1}, tier 2: ${tier2}, ~${started.plan.estimated_seconds} s`;
}

/** The one-line message for a failure: `cogo: <code>: <message> (request <id>)`. */
export function describeError(err: unknown): string {
  if (err instanceof CogoApiError) {
    if (!err.body) return `cogo: HTTP_${err.status}: the API answered ${err.status} without an error body`;
    const { code, message, requestId } = err.body.error;
    return `cogo: ${code}: ${message} (request ${requestId})`;
  }
  if (err instanceof FigmaStreamError || err instanceof ChatStreamError || err instanceof DesignStreamError) return `cogo: ${err.code}: ${err.message}`;
  if (err instanceof Error) {
    if (err.name === 'AbortError') return 'cogo: ABORTED: interrupted';
    // fetch hides the reason (refused, DNS, reset) in its cause
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    const code = err instanceof TypeError && err.message === 'fetch failed' ? 'NETWORK_ERROR' : 'ERROR';
    return `cogo: ${code}: ${err.message}${cause}`;
  }
  return `cogo: ERROR: ${String(err)}`;
}
