// `cogo context <url | file-key>`: run the job (start, then its stream to the end), then print its whole
// compact context from GET /figma-context/context, page after page. With --max-bytes it prints one page
// and, on stderr, the cursor of the next; with --cursor, the page that cursor names (no job is run: the
// cursor names its job). Like runExtract it takes a parsed command, so the API's tests run it in workerd.
import type { CliCommand } from './cli-args';
import { connectionOf, type RunnerIo } from './cli-connection';
import { plural } from './cli-text';
import { getFigmaContextPage, readFigmaContext, type FigmaContextPage } from './figma-context-pages';
import { startFigmaJob } from './figma-jobs';
import { streamFigmaJob } from './figma-stream';

/** The parsed `context` command. */
export type ContextCommand = Extract<CliCommand, { command: 'context' }>;

// one page exactly as served (an agent concatenates them), then where the next one starts
function printPage(page: FigmaContextPage, io: RunnerIo): void {
  io.stdout.write(page.content);
  const state = page.partial ? `, partial: job ${page.job_status}` : '';
  io.stderr.write(`job ${page.job_id}: ${page.format} page of ${page.bytes} bytes${state}\nnext_cursor: ${page.next_cursor ?? 'null'}\n`);
}

/** Runs a parsed `context`; resolves to the exit code. */
export async function runContext(cmd: ContextCommand, io: RunnerIo, describeError: (err: unknown) => string): Promise<number> {
  const conn = connectionOf(cmd, io);
  const size = cmd.maxBytes !== undefined ? { maxBytes: cmd.maxBytes } : {};
  const format = cmd.format !== undefined ? { format: cmd.format } : {};
  try {
    if (cmd.cursor !== undefined) {
      printPage(await getFigmaContextPage(conn, { cursor: cmd.cursor, ...format, ...size }), io);
      return 0;
    }
    const started = await startFigmaJob(conn, cmd.start!);
    io.stderr.write(`job ${started.job_id}: file ${started.file_key}, ${plural(started.plan.pages.length, 'page')}, ${plural(started.plan.chunks, 'chunk')}\n`);
    // the context is read from the job's log: read the stream to its end first (it throws on the job's error)
    for await (const _ of streamFigmaJob({ ...conn, jobId: started.job_id, cursor: started.first_cursor })) {
      // events are not printed: the context below holds what they carry
    }
    if (cmd.maxBytes !== undefined) {
      printPage(await getFigmaContextPage(conn, { jobId: started.job_id, ...format, ...size }), io);
      return 0;
    }
    let last = '';
    for await (const page of readFigmaContext(conn, { jobId: started.job_id, ...format })) {
      io.stdout.write(page.content);
      if (page.content !== '') last = page.content;
    }
    // a JSON context ends without one; a terminal wants its prompt on a line of its own
    if (last !== '' && !last.endsWith('\n')) io.stdout.write('\n');
    return 0;
  } catch (err) {
    io.stderr.write(`${describeError(err)}\n`);
    return io.signal?.aborted ? 130 : 1;
  }
}
