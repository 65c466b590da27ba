// The model's page (issue 14, `POST /figma-compat/uui/generate/llm` and the design chat's plan step): the prompt
// states the cogo_ui_json shape, the project's components and tokens, the knowledge to ground it in and the page to
// refine; the answer (JSON mode, streamed when the caller shows it) is validated by uiOfModelText. An answer that
// does not validate is asked again once with its problems (the gateway's repair conversation); a second one is a 422
// LLM_BAD_OUTPUT naming them. Nothing unvalidated is returned or stored.
import type { DesignVocabulary } from '@cogo/figma-compat';
import type { ChatMessage, CogoUiJson, LlmUsage } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import type { CallScope } from '../llm/call-scope';
import { repairMessages } from '../llm/structured-output';
import { gatewayAsk } from './compat-llm';
import { promptPageId, uiOfModelText, type UiOutcome } from './ui-generate.service';

/** The `route` of the usage rows of generate/llm. */
export const UI_GENERATE_USAGE_ROUTE = 'figma-compat/uui/generate/llm';
const TEMPERATURE = 0.2;
/** How much of the project's vocabulary a prompt lists. */
const PROMPT_COMPONENTS = 80;
const PROMPT_TOKENS = 120;

export interface UiAskInput {
  prompt: string;
  base?: CogoUiJson | undefined;
  context?: string[] | undefined;
  model?: string | undefined;
}

export interface UiAskResult {
  outcome: UiOutcome;
  usage: LlmUsage;
  provider: string;
  model: string;
  repaired: boolean;
  /** Time the gateway's calls took (providers answering), for the design chat's timings. */
  latencyMs: number;
}

const SHAPE = `Answer with one JSON object, a cogo_ui_json document:
{"schema":"cogo_ui_json","version":"1.0","page":{"id":"<id>","name":"<page name>","source":{"kind":"generated","generator":"llm"},
 "sections":[{"id":"<id>","type":"hero|cta|features|pricing|login_form|navbar|footer|testimonials|faq|generic|…","name":"<name>",
  "layout":{"direction":"row|column","gap":<px>,"padding":<px>,"align":"start|center|end|stretch","justify":"start|center|end|between","columns":<n>},
  "style":{"background":"{color.token.path}"},
  "blocks":[{"id":"<id>","type":"stack|grid|form|media","components":[
   {"id":"<id>","type":"heading|text|button|image|input|link|card|list|icon|container","text":"…","props":{"key":"plain value"},
    "component":{"name":"<one of the project's components>"},"style":{"color":"{color.token.path}"},
    "actions":[{"on":"click|submit","type":"navigate|open_url|submit|scroll_to","target":"<id>","url":"https://…"}],"children":[…]}]}]}]}}
Ids: letters, digits, - _ : . only, unique in the page. Style and layout values are numbers, plain CSS values, or token references "{path}".
Use the project's components by exact name where one fits, and its tokens; never invent component names. No HTML, no scripts, no event-handler code.`;

/** The conversation that asks for a page. */
export function uiPromptMessages(input: UiAskInput, vocab: DesignVocabulary): ChatMessage[] {
  const components = vocab.components.slice(0, PROMPT_COMPONENTS).map((c) => (c.description ? `${c.name} — ${c.description.slice(0, 120)}` : c.name));
  const tokens = vocab.tokens.slice(0, PROMPT_TOKENS).map((t) => (t.type ? `${t.path} (${t.type})` : t.path));
  const parts = [
    'You design web pages as structured UI JSON for COGO.',
    SHAPE,
    `The project's components: ${components.length ? components.join('; ') : '(none: use generic types)'}.`,
    `The project's tokens: ${tokens.length ? tokens.join(', ') : '(none: use plain values)'}.`,
  ];
  if (input.context?.length) parts.push(`What the project knows (ground the page's texts in it):\n${input.context.map((c, i) => `[${i + 1}] ${c}`).join('\n')}`);
  if (input.base) parts.push(`The page to change (keep what the request does not ask to change, ids included):\n${JSON.stringify(input.base)}`);
  return [
    { role: 'system', content: parts.join('\n\n') },
    { role: 'user', content: input.prompt },
  ];
}

/**
 * Asks the gateway for a page and validates it, repairing once; `delta` streams the first answer's text. 422
 * LLM_BAD_OUTPUT (details: code, issues, pruned, attempts, usage) when the second answer is refused too.
 */
export async function askForUi(
  scope: CallScope,
  input: UiAskInput,
  vocab: DesignVocabulary,
  signal: AbortSignal,
  options: { route?: string; delta?: (text: string) => Promise<boolean> } = {},
): Promise<UiAskResult> {
  const { ask, spent } = gatewayAsk(scope, { route: options.route ?? UI_GENERATE_USAGE_ROUTE, model: input.model, temperature: TEMPERATURE, responseFormat: { type: 'json_object' } }, signal);
  const messages = uiPromptMessages(input, vocab);
  // a refinement is the same page; a new one is keyed by its request
  const pageId = input.base?.page.id ?? promptPageId(input.prompt);
  const first = await ask(messages, options.delta);
  let checked = uiOfModelText(first.text, vocab, input.prompt, pageId);
  let repaired = false;
  if (!checked.ok) {
    const problems = checked.issues.map((i) => `${i.path || '#'}: ${i.message}`);
    const second = await ask(repairMessages(messages, first.text.slice(0, 20_000), problems));
    checked = uiOfModelText(second.text, vocab, input.prompt, pageId);
    repaired = true;
  }
  const last = spent.last!;
  if (!checked.ok) {
    throw new ApiError('LLM_BAD_OUTPUT', `the model's page is not valid UI JSON, even after one repair: ${checked.issues[0]?.path || '#'} ${checked.issues[0]?.message ?? ''}`.trim(), {
      code: checked.code,
      issues: checked.issues,
      pruned: checked.pruned.slice(0, 50),
      attempts: 2,
      model: last.model,
      usage: spent.usage,
    });
  }
  return { outcome: checked.outcome, usage: spent.usage, provider: last.provider, model: last.model, repaired, latencyMs: spent.latencyMs };
}
