// actionflow/refine's LLM step (issue 13: deterministic first, LLM refinement second). One non-streaming gateway call
// with a json_schema response_format (the gateway validates the JSON and repairs it once itself) asks for screen
// purposes, flow summaries and suggestions from the graph's compact summary. The answer is then checked against the
// graph: what names an unknown screen id or flow name is dropped and listed as a warning; when nothing valid is left,
// one repair call names the unknown ids, and a second such answer is a 422 naming them. Gateway errors pass through.
import type { ActionFlow } from '@cogo/figma-compat';
import type { ActionFlowAnnotations, ChatMessage, RefineActionFlowRequest, RefineActionFlowResponse } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import type { CallScope } from '../llm/call-scope';
import { flowSummary } from './actionflow-summary';
import { gatewayAsk } from './compat-llm';

/** The route name the refine calls' llm_usage rows carry. */
export const ACTION_FLOW_REFINE_USAGE_ROUTE = 'figma-compat/actionflow/refine';
const TEMPERATURE = 0.2;
const KINDS = ['dead_end', 'unreachable', 'missing_back', 'other'] as const;

const str = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const list = (maxItems: number, properties: Record<string, unknown>) => ({
  type: 'array',
  maxItems,
  items: { type: 'object', properties, required: Object.keys(properties), additionalProperties: false },
});

/** The JSON schema of the model's answer; the gateway holds the answer to it. */
export const ANNOTATIONS_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    screens: list(1_000, { id: str(200), purpose: str(500) }),
    flows: list(200, { name: str(500), summary: str(1_000) }),
    suggestions: list(200, { screen_id: str(200), kind: { type: 'string', enum: [...KINDS] }, text: str(1_000) }),
  },
  required: ['screens', 'flows', 'suggestions'],
  additionalProperties: false,
};
const RESPONSE_FORMAT = { type: 'json_schema' as const, json_schema: { name: 'action_flow_annotations', schema: ANNOTATIONS_JSON_SCHEMA } };

const RULES = [
  'You read the screen graph of a Figma prototype and annotate it for product and QA teams.',
  'Answer with one JSON object: screens (id, purpose: one sentence on what the user does there), flows (name, summary: the journey in one or two sentences), suggestions (screen_id, kind, text).',
  'Use only the screen ids listed under Screens and the flow names listed under Flows, written exactly as given. Never invent a screen or a flow.',
  'Suggestion kinds: dead_end (a reached screen with no way on), unreachable (no flow reaches it), missing_back (no way back from an overlay or a detail screen), other.',
].join('\n');

type Answer = Pick<ActionFlowAnnotations, 'screens' | 'flows' | 'suggestions'>;
type Warning = RefineActionFlowResponse['annotation_warnings'][number];

/** The valid part of an answer, what was dropped from it, and the unknown ids and names it gave. */
export interface CheckedAnnotations {
  annotations: Answer;
  warnings: Warning[];
  unknownScreenIds: string[];
  unknownFlowNames: string[];
}

/** Keeps the entries of `answer` that name screens and flows of `flow` (the first of duplicates), and says what it dropped. */
export function checkAnnotations(flow: ActionFlow, answer: Answer): CheckedAnnotations {
  const screenIds = new Set(flow.screens.map((s) => s.id));
  const flowNames = new Set(flow.flows.map((f) => f.name));
  const warnings: Warning[] = [];
  const unknownScreens = new Set<string>();
  const unknownFlows = new Set<string>();
  const keep = <T>(items: T[], key: (t: T) => string, known: Set<string>, at: [list: string, field: string], what: string, unknown: Set<string>, unique: boolean): T[] => {
    const seen = new Set<string>();
    return items.filter((item, i) => {
      const value = key(item);
      const path = `${at[0]}[${i}].${at[1]}`;
      if (!known.has(value)) {
        unknown.add(value);
        warnings.push({ path, value, message: `unknown ${what}: not in the graph, dropped` });
        return false;
      }
      if (unique && seen.has(value)) {
        warnings.push({ path, value, message: `${what} annotated twice: the first kept` });
        return false;
      }
      seen.add(value);
      return true;
    });
  };
  const annotations = {
    screens: keep(answer.screens, (s) => s.id, screenIds, ['screens', 'id'], 'screen id', unknownScreens, true),
    flows: keep(answer.flows, (f) => f.name, flowNames, ['flows', 'name'], 'flow name', unknownFlows, true),
    suggestions: keep(answer.suggestions, (s) => s.screen_id, screenIds, ['suggestions', 'screen_id'], 'screen id', unknownScreens, false),
  };
  return { annotations, warnings, unknownScreenIds: [...unknownScreens], unknownFlowNames: [...unknownFlows] };
}

const isEmpty = (a: Answer) => a.screens.length + a.flows.length + a.suggestions.length === 0;

/** Names the unknown ids and names of a check, for a repair prompt and a refusal. */
function unknownText(c: CheckedAnnotations): string {
  const parts = [
    ...(c.unknownScreenIds.length ? [`screen ids ${c.unknownScreenIds.map((s) => JSON.stringify(s)).join(', ')}`] : []),
    ...(c.unknownFlowNames.length ? [`flow names ${c.unknownFlowNames.map((s) => JSON.stringify(s)).join(', ')}`] : []),
  ];
  return parts.length ? parts.join('; ') : 'nothing (the answer annotated no screen, flow or suggestion)';
}

/** The first conversation: the rules, the graph's summary and the user's instructions. */
export function annotationMessages(flow: ActionFlow, instructions: string | undefined): ChatMessage[] {
  const ask = instructions?.trim() ? `Instructions from the user:\n${instructions.trim()}` : 'Annotate every screen and flow you can, and suggest fixes for the report’s findings.';
  return [
    { role: 'system', content: RULES },
    { role: 'user', content: `Screen graph:\n${flowSummary(flow)}\n\n${ask}` },
  ];
}

export interface RefinedAnnotations {
  annotations: Answer;
  warnings: Warning[];
  llm: NonNullable<RefineActionFlowResponse['llm']>;
}

/**
 * Asks the gateway for the graph's annotations and checks them; one repair call when nothing valid is left, then a
 * 422 (code ACTION_FLOW_ANNOTATIONS_UNKNOWN) naming the unknown ids, emitted first as `action_flow_refine_refused`
 * (with `event`, the page's fields).
 */
export async function refineAnnotations(
  scope: CallScope,
  flow: ActionFlow,
  refine: NonNullable<RefineActionFlowRequest['refine']>,
  signal: AbortSignal,
  event: Record<string, unknown>,
): Promise<RefinedAnnotations> {
  if (flow.screens.length === 0) {
    // nothing a model could name without inventing it: refused before any spend
    throw new ApiError('UNPROCESSABLE', `the page "${flow.page.name}" (${flow.page.id}) has no screens to annotate`, { code: 'ACTION_FLOW_NOTHING_TO_REFINE', page_id: flow.page.id });
  }
  const { ask, spent } = gatewayAsk(scope, { route: ACTION_FLOW_REFINE_USAGE_ROUTE, model: refine.model, temperature: TEMPERATURE, responseFormat: RESPONSE_FORMAT }, signal);
  const messages = annotationMessages(flow, refine.instructions);
  const first = await ask(messages);
  let checked = checkAnnotations(flow, first.output as Answer);
  let repaired = first.repaired ?? false;
  if (isEmpty(checked.annotations)) {
    const retry = await ask([
      ...messages,
      { role: 'assistant', content: first.text },
      { role: 'user', content: `Your answer names what the graph does not hold: ${unknownText(checked)}. Use only the screen ids and flow names of the summary, exactly as written there. Answer again with the complete JSON.` },
    ]);
    const second = checkAnnotations(flow, retry.output as Answer);
    if (isEmpty(second.annotations)) {
      const details = { code: 'ACTION_FLOW_ANNOTATIONS_UNKNOWN', unknown_screen_ids: second.unknownScreenIds, unknown_flow_names: second.unknownFlowNames, attempts: spent.calls, model: retry.model, usage: spent.usage };
      scope.events.emit('action_flow_refine_refused', { ...event, unknown_screen_ids: details.unknown_screen_ids, unknown_flow_names: details.unknown_flow_names, attempts: details.attempts, model: details.model, cost_usd: spent.usage.cost_usd });
      throw new ApiError('UNPROCESSABLE', `the model's annotations name no screen or flow of the graph, even after one repair: unknown ${unknownText(second)}`, details);
    }
    checked = second;
    repaired = true;
  }
  const last = spent.last!;
  return { annotations: checked.annotations, warnings: checked.warnings, llm: { model: last.model, provider: last.provider, usage: spent.usage, repaired } };
}
