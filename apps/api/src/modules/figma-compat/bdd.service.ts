// bdd/generate and bdd/refine (issue 13): Gherkin from a resolved design. Generate is the package's deterministic
// generator; refine sends that feature (or the caller's, checked first) and the page's summary through the LLM
// gateway, repairs an answer that does not parse once, and refuses a second such answer with the parser's line and
// column. The gateway's own errors (402 budget, 503 no provider, 502 upstream) pass through unchanged.
import {
  BddInputError,
  FeatureParseError,
  generateFeature,
  parseFeature,
  refineFeature,
  scenariosOf,
  type BddComponentIndex,
  type BddFigmaNode,
  type BddPromptMessage,
  type GeneratedFeature,
} from '@cogo/figma-compat';
import type { BddGenerateResponse, BddRefineRequest, BddRefineResponse } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import type { CallScope } from '../llm/call-scope';
import { gatewayAsk } from './compat-llm';
import type { ResolvedDesign } from './design-source';

/** The route name the refine calls' llm_usage rows carry, so a project's spend shows what it paid for. */
export const BDD_REFINE_USAGE_ROUTE = 'figma-compat/bdd/refine';
// low: a refinement should stay close to the facts it is given, and a repair closer still
const REFINE_TEMPERATURE = 0.2;

/** The design's page as Gherkin; bad input (not a node tree, a field of the wrong type, a whole DOCUMENT) is a 400 naming where. */
function generate(design: ResolvedDesign, maxScenarios: number | undefined): GeneratedFeature {
  // generateFeature checks the tree (checkBddPage) and skips map entries that are not { name: string }
  const index = { components: design.components, componentSets: design.componentSets } as BddComponentIndex;
  try {
    return generateFeature(design.node as BddFigmaNode, { ...index, maxScenarios });
  } catch (err) {
    // GherkinGenerationError is our defect, not the input's: a logged 500
    if (!(err instanceof BddInputError)) throw err;
    throw new ApiError('VALIDATION_FAILED', `the design is not a page BDD can read: ${err.message}`, { code: err.code, path: err.path, node_id: design.origin.node_id });
  }
}

/** `POST /figma-compat/uui/bdd/generate`: the page's feature; emits `bdd_generated`. */
export function generateAnswer(scope: CallScope, design: ResolvedDesign, maxScenarios: number | undefined): BddGenerateResponse {
  const g = generate(design, maxScenarios);
  const { origin } = design;
  scope.events.emit('bdd_generated', { file_key: origin.file_key, node_id: origin.node_id, version: origin.version, kind: origin.kind, scenarios: g.stats.scenarios, warnings: g.warnings.length });
  return { feature: g.text, scenarios: scenariosOf(g.document), stats: g.stats, warnings: g.warnings, origin, trace_id: scope.traceId };
}

/** The parser's position of a Gherkin problem, for an error's details. */
const position = (e: FeatureParseError) => ({ code: e.code, line: e.line, column: e.column, message: e.message, errors: e.errors.slice(0, 20) });

/** A `feature` the caller sends must parse before anything is asked of a model: else a 400 naming line and column. */
export function checkGivenFeature(text: string | undefined): void {
  if (text === undefined) return;
  const parsed = parseFeature(text);
  if (parsed.ok) return;
  const e = parsed.error;
  throw new ApiError('VALIDATION_FAILED', `feature is not valid Gherkin: ${e.describe()}`, {
    ...position(e),
    issues: [{ path: 'json.feature', message: e.describe() }],
  });
}

/** `POST /figma-compat/uui/bdd/refine`: the refined feature, or a 422 with the parser's position; emits `bdd_refined`. */
export async function refineAnswer(scope: CallScope, design: ResolvedDesign, body: BddRefineRequest, signal: AbortSignal): Promise<BddRefineResponse> {
  const g = generate(design, body.max_scenarios);
  const { origin } = design;
  const feature = body.feature ?? g.text;
  // nothing to refine, and nothing a model may add without inventing it: refused before any spend
  if (body.feature === undefined && g.stats.scenarios === 0) {
    const page = origin.node_name ? `"${origin.node_name}" (${origin.node_id})` : String(origin.node_id);
    throw new ApiError('UNPROCESSABLE', `the page ${page} gives no scenarios to refine: ${g.warnings.join('; ') || 'no screens'}`, {
      code: 'BDD_NOTHING_TO_REFINE',
      node_id: origin.node_id,
      warnings: g.warnings,
    });
  }
  const { ask, spent } = gatewayAsk(scope, { route: BDD_REFINE_USAGE_ROUTE, model: body.model, temperature: REFINE_TEMPERATURE }, signal);
  let result;
  try {
    result = await refineFeature({ feature, summary: g.summary, instructions: body.instructions }, async (messages: BddPromptMessage[]) => (await ask(messages)).text);
  } catch (err) {
    if (!(err instanceof BddInputError)) throw err;
    throw new ApiError('VALIDATION_FAILED', err.message, { code: err.code, issues: [{ path: `json.${err.path}`, message: err.message }] });
  }
  const last = spent.last!;
  const event = { file_key: origin.file_key, node_id: origin.node_id, version: origin.version, kind: origin.kind, attempts: result.attempts, model: last.model, provider: last.provider, cost_usd: spent.usage.cost_usd };
  if (!result.ok) {
    scope.events.emit('bdd_refine_refused', { ...event, line: result.error.line, column: result.error.column });
    throw new ApiError('UNPROCESSABLE', `the model's feature is not valid Gherkin, even after one repair: ${result.error.describe()}`, {
      ...position(result.error),
      text: result.text,
      attempts: result.attempts,
      model: last.model,
      usage: spent.usage,
    });
  }
  const scenarios = scenariosOf(result.document);
  scope.events.emit('bdd_refined', { ...event, repaired: result.repaired, scenarios: scenarios.length });
  return {
    feature: result.text,
    scenarios,
    generated: g.text,
    repaired: result.repaired,
    attempts: result.attempts,
    model: last.model,
    provider: last.provider,
    usage: spent.usage,
    origin,
    trace_id: scope.traceId,
  };
}
