// bdd/refine, the LLM half: the prompt that asks for a better feature, the check of the answer (fences and
// leading prose stripped, then @cucumber/gherkin), the one repair prompt, and the loop a route runs with its
// gateway: ask → accept, or ask to repair once → accept, or refuse with the parser's line and column.
import type { GherkinDocument } from '@cucumber/messages';
import { BddInputError } from './figma-node';
import { FeatureParseError, parseFeature, scenariosOf } from './parse';
import type { PageSummary } from './summary';

/** A chat message as the LLM gateway's CompletionRequest takes it. */
export interface PromptMessage {
  role: 'system' | 'user';
  content: string;
}

/** An accepted answer, or the error to repair (or refuse) with; `text` is what was parsed, fences removed. */
export type AcceptedFeature = { ok: true; text: string; document: GherkinDocument } | { ok: false; text: string; error: FeatureParseError };

const MAX_INSTRUCTIONS = 4_000;
const MAX_SUMMARY = 24_000;

const RULES = [
  'You refine Gherkin features generated from Figma designs so that product and QA teams can run them.',
  'Answer with exactly one Gherkin feature in English keywords (Feature, Rule, Background, Scenario, Scenario Outline, Examples, Given, When, Then, And, But), inside one ```gherkin fenced block, and nothing else.',
  'Keep the Feature name. Keep every screen, field, button and link name exactly as it is quoted; do not invent screens, fields or paths the page summary does not contain.',
  'Keep the step wording: Given I am on the "<screen>" screen / When I fill "<field>" with "<value>" / When I press "<button>" / When I click "<link>" / When I choose "<item>" in the navigation / Then I see the "<screen>" screen / Then I am still on the "<screen>" screen / Then I see an error for "<field>". Escape a double quote inside a quoted value as \\".',
  'Every Scenario Outline needs an Examples table whose columns are the <placeholders> its steps use; every table row has the same number of cells.',
].join('\n');

function bounded(summary: PageSummary): string {
  const json = JSON.stringify(summary);
  return json.length <= MAX_SUMMARY ? json : `${json.slice(0, MAX_SUMMARY)}… (summary cut at ${MAX_SUMMARY} characters)`;
}

/**
 * Messages asking an LLM to refine `feature` for the page `summary`, following the user's `instructions`.
 * Throws BddInputError when the feature is empty or the instructions are longer than 4,000 characters.
 */
export function refinePrompt(feature: string, summary: PageSummary, instructions = ''): PromptMessage[] {
  if (!feature.trim()) throw new BddInputError('feature: the feature to refine is empty', 'feature');
  if (instructions.length > MAX_INSTRUCTIONS) throw new BddInputError(`instructions: at most ${MAX_INSTRUCTIONS} characters (got ${instructions.length})`, 'instructions');
  const ask = instructions.trim() ? `Instructions from the user:\n${instructions.trim()}` : 'Improve scenario names and step clarity; add missing negative paths only where the summary supports them.';
  return [
    { role: 'system', content: RULES },
    { role: 'user', content: `Page summary (JSON):\n${bounded(summary)}\n\nCurrent feature:\n\`\`\`gherkin\n${feature.trimEnd()}\n\`\`\`\n\n${ask}` },
  ];
}

/** Messages asking the LLM to fix its answer, which does not parse: the error and the text with line numbers. */
export function repairPrompt(text: string, error: FeatureParseError): PromptMessage[] {
  const numbered = text
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(4)}: ${l}`)
    .join('\n');
  const others = error.errors.slice(1, 5).map((e) => `- line ${e.line}, column ${e.column}: ${e.message}`);
  return [
    { role: 'system', content: RULES },
    {
      role: 'user',
      content: [
        `Your previous answer is not valid Gherkin. The parser says: line ${error.line}, column ${error.column}: ${error.message}`,
        ...(others.length ? ['Also:', ...others] : []),
        '',
        'Your answer, with line numbers (the numbers are not part of it):',
        numbered,
        '',
        'Answer with the whole corrected feature in one ```gherkin fenced block, and nothing else.',
      ].join('\n'),
    },
  ];
}

/** The Gherkin inside an LLM answer: the fenced block (a gherkin/feature one first), else the text from its Feature. */
export function extractGherkin(answer: string): string {
  const text = answer.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fences = [...text.matchAll(/^[ \t]*(```|~~~)[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm)];
  const pick = fences.find((m) => /^(gherkin|feature|cucumber)$/i.test(m[2] ?? '')) ?? fences.find((m) => /^\s*Feature:/m.test(m[3] ?? '')) ?? fences[0];
  let body = pick ? (pick[3] ?? '') : text;
  // an answer cut off after its opening fence
  if (!pick) body = body.replace(/^[\s\S]*?^[ \t]*(```|~~~)[ \t]*[\w-]*[ \t]*\n/m, '');
  // prose before the feature: keep from its Feature line, with the tags and comments right above it
  const lines = body.split('\n');
  const at = lines.findIndex((l) => /^\s*Feature:/.test(l));
  if (at > 0) {
    let from = at;
    while (from > 0 && /^\s*(@|#|$)/.test(lines[from - 1]!)) from--;
    body = lines.slice(from).join('\n');
  }
  return `${body.trim()}\n`;
}

/** Checks an LLM answer: extracts the Gherkin, parses it, and requires at least one scenario. */
export function acceptRefinedFeature(answer: string): AcceptedFeature {
  const text = extractGherkin(answer);
  const parsed = parseFeature(text);
  if (!parsed.ok) return { ok: false, text, error: parsed.error };
  if (!scenariosOf(parsed.document).length) {
    const { line, column = 1 } = parsed.document.feature!.location;
    return { ok: false, text, error: new FeatureParseError('the Feature has no Scenario', line, column, []) };
  }
  return { ok: true, text, document: parsed.document };
}

/** Sends messages to the LLM gateway and returns the answer's text. */
export type AskLlm = (messages: PromptMessage[]) => Promise<string>;

export type RefineResult =
  | { ok: true; text: string; document: GherkinDocument; repaired: boolean; attempts: 1 | 2 }
  | { ok: false; text: string; error: FeatureParseError; attempts: 2 };

/**
 * Refines a feature through `ask`: one refine call; when the answer does not parse, one repair call; when
 * that does not parse either, the parser's error (line, column, message) of the second answer.
 */
export async function refineFeature(input: { feature: string; summary: PageSummary; instructions?: string }, ask: AskLlm): Promise<RefineResult> {
  const first = acceptRefinedFeature(await ask(refinePrompt(input.feature, input.summary, input.instructions)));
  if (first.ok) return { ...first, repaired: false, attempts: 1 };
  const second = acceptRefinedFeature(await ask(repairPrompt(first.text, first.error)));
  if (second.ok) return { ...second, repaired: true, attempts: 2 };
  return { ...second, attempts: 2 };
}
