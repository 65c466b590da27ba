// `cogo tokens <url | file-key>`: a Figma file's design tokens through the API — one format on stdout, or every
// format written under --out. Like runImages it takes a parsed command and its I/O, so the API's tests run it
// inside workerd against the real Worker.
import type { CliCommand } from './cli-args';
import { connectionOf, type RunnerIo } from './cli-connection';
import { plural } from './cli-text';
import { deriveFigmaTokens, TOKEN_FILES, tokensText, type DerivedTokens, type TokenFormat } from './tokens';

/** The parsed `tokens` command. */
export type TokensCommand = Extract<CliCommand, { command: 'tokens' }>;

/** The stderr summary: what was derived, from what, and what could not be written as is. */
export function tokensSummary(answer: DerivedTokens): string {
  const { report, sources } = answer;
  const from = sources.variables === 'unavailable' ? `no variables${sources.reason ? ` (${sources.reason})` : ''} and ${plural(sources.styles, 'style')}` : `${plural(report.variables, 'variable')} (${sources.variables}) and ${plural(sources.styles, 'style')}`;
  const notes = [
    ...(report.aliases.unresolved ? [`${plural(report.aliases.unresolved, 'alias', 'aliases')} not resolved`] : []),
    ...(report.invalidValues.length ? [`${plural(report.invalidValues.length, 'invalid value')} replaced`] : []),
  ];
  return `${plural(report.tokens.total, 'token')} from ${from} · version ${answer.version}${answer.cached ? ' (stored: no Figma read)' : ''}${notes.length ? ` · ${notes.join(', ')} (see --json)` : ''}`;
}

/** Runs a parsed `tokens`; resolves to the exit code. */
export async function runTokens(cmd: TokensCommand, io: RunnerIo, describeError: (err: unknown) => string): Promise<number> {
  const conn = connectionOf(cmd, io);
  if (cmd.out !== undefined && !io.writeFile) {
    io.stderr.write('cogo: ERROR: no file writer available\n');
    return 1;
  }
  try {
    const answer = await deriveFigmaTokens(conn, cmd.request);
    if (cmd.json) io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    else if (cmd.out !== undefined) {
      const dir = cmd.out.replace(/\/+$/, '') || '.';
      for (const [format, name] of Object.entries(TOKEN_FILES) as Array<[TokenFormat, string]>) {
        const path = `${dir}/${name}`;
        const bytes = new TextEncoder().encode(tokensText(answer, format));
        await io.writeFile!(path, bytes);
        io.stdout.write(`${path} (${bytes.byteLength} bytes)\n`);
      }
    } else io.stdout.write(tokensText(answer, cmd.format ?? 'dtcg'));
    io.stderr.write(`${tokensSummary(answer)}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`${describeError(err)}\n`);
    return io.signal?.aborted ? 130 : 1;
  }
}
