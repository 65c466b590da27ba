// `cogo design "<message | ->" [--page FILE] [--rag N] [--model M] [--out FILE] [--apply] [--json]`: one turn of
// POST /chat/design. Each step is a line on stderr as it happens; once the turn is done the previewed page
// (cogo_ui_json, fetched when it came as an artifact) goes to stdout, then the Gherkin feature after a blank line — or
// both to files with --out; --apply stores the page on the turn's trace; the last stderr line is `trace <id> · $cost`.
// With --json stdout is every event as a JSON line (`{ event, data }`), the client's own last: `ui.artifact` (the
// page a pointer named) and `applied`. Like runChat it takes a parsed command, so the API's tests run it in workerd.
import type { CliCommand } from './cli-args';
import { connectionOf, type RunnerIo } from './cli-connection';
import { plural } from './cli-text';
import { streamDesign, type CogoUiJson, type DesignDone, type DesignEvent, type DesignPreview } from './design';
import { applyDesignPage, fetchDesignArtifact } from './design-page';

/** The parsed `design` command. */
export type DesignCommand = Extract<CliCommand, { command: 'design' }>;

/** Where --out's feature goes: `page.json` → `page.feature`. */
export function featurePath(out: string): string {
  return `${out.replace(/\.json$/i, '')}.feature`;
}

const dollars = (usd: number) => `$${usd.toFixed(6)}`;

/** The stderr line of an event, if it has one. */
export function designStepLine(e: DesignEvent): string | null {
  switch (e.event) {
    case 'meta':
      return `design: ${e.data.intents.join(' + ')} · trace ${e.data.trace_id}`;
    case 'progress':
      return e.data.status === 'skipped' ? `${e.data.step}: skipped${e.data.detail ? ` (${e.data.detail})` : ''}` : null;
    case 'rag.done':
      return `rag: ${plural(e.data.count, 'item')}`;
    case 'llm.done': {
      const { usage, model, provider } = e.data;
      return `plan: ${model} via ${provider} · ${usage.input_tokens}→${usage.output_tokens} tokens${usage.estimated ? ' (estimated)' : ''} · ${dollars(usage.cost_usd)}`;
    }
    case 'ui.preview': {
      const a = e.data.artifact;
      return `ui: ${e.data.summary}${a ? ` · artifact ${a.artifact_id} (${a.bytes} bytes)` : ''}`;
    }
    case 'bdd.done':
      return `bdd: ${plural(e.data.scenarios, 'scenario')}`;
    default:
      return null;
  }
}

/** Runs a parsed `design`; resolves to the exit code (2 for an empty stdin or an unreadable --page). */
export async function runDesign(cmd: DesignCommand, io: RunnerIo, describeError: (err: unknown) => string): Promise<number> {
  const conn = connectionOf(cmd, io);
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const line = (event: string, data: unknown) => io.stdout.write(`${JSON.stringify({ event, data })}\n`);
  try {
    const prompt = cmd.content ?? (io.readStdin ? (await io.readStdin()).trim() : '');
    if (prompt === '') {
      say('cogo: design needs a message: stdin was empty');
      return 2;
    }
    const page = cmd.pagePath === undefined ? undefined : await readPage(cmd.pagePath, io);
    if (typeof page === 'string') {
      say(page);
      return 2;
    }
    // checked before the turn spends anything
    if (cmd.out !== undefined && !io.writeFile) throw new Error('this runner cannot write files (--out)');

    const turn = streamDesign(conn, {
      prompt,
      ...(page ? { page } : {}),
      ...(cmd.model !== undefined ? { model: cmd.model } : {}),
      ...(cmd.keyword ? { generator: 'keyword' as const } : {}),
      ...(cmd.rag !== undefined ? { rag: { limit: cmd.rag } } : {}),
    });
    let preview: DesignPreview | undefined;
    let feature: string | undefined;
    let step = await turn.next();
    for (; !step.done; step = await turn.next()) {
      const e = step.value;
      if (cmd.json) line(e.event, e.data);
      const text = designStepLine(e);
      if (text !== null) say(text);
      if (e.event === 'ui.preview') preview = e.data;
      if (e.event === 'bdd.done') feature = e.data.feature;
    }
    const done: DesignDone = step.value;
    if (cmd.json) line('done', done);

    let doc: CogoUiJson | undefined = preview?.cogo_ui_json;
    if (preview && !doc && preview.artifact) {
      const artifact = await fetchDesignArtifact(conn, preview.artifact);
      if (cmd.json) line('ui.artifact', artifact);
      doc = artifact.cogo_ui_json;
    }
    await output(cmd, io, doc, feature, say);

    if (cmd.apply) {
      if (!doc) say('apply: skipped (the turn made no page)');
      else {
        const r = await applyDesignPage(conn, { page: doc, traceId: done.trace_id });
        if (cmd.json) line('applied', r);
        say(`applied: page ${r.page_id} · +${r.inserted} ~${r.updated} -${r.deleted} =${r.unchanged}`);
      }
    }
    say(`trace ${done.trace_id} · ${dollars(done.usage.cost_usd)}`);
    return 0;
  } catch (err) {
    say(describeError(err));
    return io.signal?.aborted ? 130 : 1;
  }
}

/** The --page file's cogo_ui_json (the file may hold the document or an answer carrying `cogo_ui_json`); a string is the usage error. */
async function readPage(path: string, io: RunnerIo): Promise<CogoUiJson | string> {
  if (!io.readFile) return `cogo: --page ${path}: this runner cannot read files`;
  let value: unknown;
  try {
    value = JSON.parse(await io.readFile(path));
  } catch (err) {
    return `cogo: --page ${path}: ${err instanceof SyntaxError ? 'not JSON' : err instanceof Error ? err.message : String(err)}`;
  }
  const wrapped = (value as { cogo_ui_json?: unknown } | null)?.cogo_ui_json;
  const doc = wrapped ?? value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return `cogo: --page ${path}: not a cogo_ui_json object`;
  return doc as CogoUiJson;
}

/** The page and the feature: to stdout (without --json), or to --out and the feature file beside it. */
async function output(cmd: DesignCommand, io: RunnerIo, doc: CogoUiJson | undefined, feature: string | undefined, say: (line: string) => void): Promise<void> {
  const pageText = doc ? `${JSON.stringify(doc, null, 2)}\n` : undefined;
  const featureText = feature === undefined ? undefined : feature.endsWith('\n') ? feature : `${feature}\n`;
  if (cmd.out !== undefined) {
    const write = io.writeFile!;
    const encode = (t: string) => new TextEncoder().encode(t);
    if (pageText) {
      await write(cmd.out, encode(pageText));
      say(`wrote ${cmd.out}`);
    }
    if (featureText) {
      await write(featurePath(cmd.out), encode(featureText));
      say(`wrote ${featurePath(cmd.out)}`);
    }
    return;
  }
  if (cmd.json) return;
  io.stdout.write([pageText, featureText].filter((t) => t !== undefined).join('\n'));
}
