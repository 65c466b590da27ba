// `cogo chat "<message>" [--session ID] [--model M] [--system TEXT] [--json]`: one turn through POST /chat, its text
// printed on stdout as it arrives (or the ChatResult as JSON), then on stderr the line that names the session, so
// the next turn can pass --session. Like runExtract it takes a parsed command, so the API's tests run it in workerd.
import type { CliCommand } from './cli-args';
import { streamChat, type ChatResult } from './chat';
import { connectionOf, type RunnerIo } from './cli-connection';

/** The parsed `chat` command. */
export type ChatCommand = Extract<CliCommand, { command: 'chat' }>;

/** `session <id> · <provider>/<model> · <in>→<out> tokens · $<cost>`: what the turn cost and how to continue it. */
export function chatSummaryLine(r: ChatResult): string {
  const estimated = r.usage.estimated ? ' (estimated)' : '';
  const replayed = r.replayed ? ' · replayed' : '';
  return `session ${r.session_id} · ${r.provider}/${r.model} · ${r.usage.input_tokens}→${r.usage.output_tokens} tokens${estimated} · $${r.usage.cost_usd.toFixed(6)}${replayed}`;
}

/** Runs a parsed `chat`; resolves to the exit code (2 for an empty message on stdin). */
export async function runChat(cmd: ChatCommand, io: RunnerIo, describeError: (err: unknown) => string): Promise<number> {
  const conn = connectionOf(cmd, io);
  let printed = '';
  try {
    const content = cmd.content ?? (io.readStdin ? (await io.readStdin()).trimEnd() : '');
    if (content === '') {
      io.stderr.write('cogo: chat needs a message: stdin was empty\n');
      return 2;
    }
    const turn = streamChat(conn, {
      content,
      ...(cmd.sessionId !== undefined ? { sessionId: cmd.sessionId } : {}),
      ...(cmd.model !== undefined ? { model: cmd.model } : {}),
      ...(cmd.system !== undefined ? { system: cmd.system } : {}),
    });
    let step = await turn.next();
    for (; !step.done; step = await turn.next()) {
      if (cmd.json) continue;
      io.stdout.write(step.value);
      printed = step.value;
    }
    const result = step.value;
    if (cmd.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    // a terminal wants its prompt on a line of its own
    else if (!printed.endsWith('\n')) io.stdout.write('\n');
    io.stderr.write(`${chatSummaryLine(result)}\n`);
    return 0;
  } catch (err) {
    // the error line must not continue the half-printed answer
    if (printed !== '' && !printed.endsWith('\n')) io.stdout.write('\n');
    io.stderr.write(`${describeError(err)}\n`);
    return io.signal?.aborted ? 130 : 1;
  }
}
