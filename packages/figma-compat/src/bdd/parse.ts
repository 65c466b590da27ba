// The one judge of a feature: @cucumber/gherkin's own parser (Parser + AstBuilder + GherkinClassicTokenMatcher,
// English dialect). A text without a Feature is refused as well: the parser accepts it (an empty document),
// but it is not a feature. So is a `# language:` header naming an Object property ("__proto__", "constructor"): the
// parser looks dialects up by plain property access and fails with a TypeError instead of its own error.
import { AstBuilder, dialects, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument } from '@cucumber/messages';

/** Where and why a text is not a Gherkin feature; `errors` lists every problem the parser reported. */
export class FeatureParseError extends Error {
  readonly code = 'BDD_GHERKIN_INVALID';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly errors: readonly { line: number; column: number; message: string }[],
  ) {
    super(message);
    this.name = 'FeatureParseError';
  }

  /** "line 4, column 3: expected …" */
  describe(): string {
    return `line ${this.line}, column ${this.column}: ${this.message}`;
  }
}

/** A parsed feature, or why it is not one. */
export type ParsedFeature = { ok: true; document: GherkinDocument } | { ok: false; error: FeatureParseError };

interface ParserIssue {
  message?: string;
  location?: { line?: number; column?: number };
  errors?: ParserIssue[];
}

// the parser prefixes messages with "(line:column): "; the location is kept apart
const bare = (message: string) => message.replace(/^\(\d+:\d+\):\s*/, '');

function toError(err: unknown): FeatureParseError {
  const e = err as ParserIssue;
  const list = (e.errors?.length ? e.errors : [e]).map((x) => ({
    line: x.location?.line ?? 1,
    column: x.location?.column ?? 1,
    message: bare(x.message ?? String(err)),
  }));
  const first = list[0]!;
  return new FeatureParseError(first.message, first.line, first.column, list);
}

// the parser's own pattern (GherkinClassicTokenMatcher); it is matched only before the Feature's first line
const LANGUAGE = /^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$/;

/** The header line naming a dialect @cucumber/gherkin does not have, as the error it would give. */
function unknownLanguage(text: string): FeatureParseError | null {
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, line] of lines.entries()) {
    const name = LANGUAGE.exec(line)?.[1];
    if (name !== undefined && !Object.hasOwn(dialects, name)) {
      const message = `Language not supported: ${name}`;
      return new FeatureParseError(message, i + 1, 1, [{ line: i + 1, column: 1, message }]);
    }
    if (name === undefined && line.trim() !== '' && !line.trim().startsWith('#')) return null;
  }
  return null;
}

/** Parses Gherkin text; returns the AST, or a FeatureParseError with the line and column of the first problem. */
export function parseFeature(text: string): ParsedFeature {
  const language = unknownLanguage(text);
  if (language) return { ok: false, error: language };
  let document: GherkinDocument;
  try {
    // a parser keeps state between calls: one per parse
    document = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(text);
  } catch (err) {
    if (err instanceof Error && ('location' in err || 'errors' in err)) return { ok: false, error: toError(err) };
    throw err;
  }
  if (!document.feature) return { ok: false, error: new FeatureParseError('no Feature: the text must contain a `Feature:` line', 1, 1, []) };
  return { ok: true, document };
}

/** The scenarios (and outlines) of a parsed feature, those inside Rules included, in order. */
export function scenariosOf(document: GherkinDocument): { name: string; keyword: string; line: number; tags: string[]; steps: number; examples: number }[] {
  const out: ReturnType<typeof scenariosOf> = [];
  const add = (s: NonNullable<GherkinDocument['feature']>['children'][number]['scenario']) => {
    if (!s) return;
    const examples = s.examples.reduce((n, e) => n + e.tableBody.length, 0);
    out.push({ name: s.name, keyword: s.keyword, line: s.location.line, tags: s.tags.map((t) => t.name), steps: s.steps.length, examples });
  };
  for (const c of document.feature?.children ?? []) {
    add(c.scenario);
    for (const r of c.rule?.children ?? []) add(r.scenario);
  }
  return out;
}
