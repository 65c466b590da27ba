// bdd/generate: one Feature per page, deterministic (same page, same text). Scenarios that all start on one
// screen share a Background; otherwise each screen that starts several scenarios gets a Rule with its
// Background, and journeys (which cross screens) and single scenarios stay at the Feature level with their own
// Given. The text is parsed with @cucumber/gherkin before it is returned.
import type { GherkinDocument } from '@cucumber/messages';
import type { ComponentIndex, FigmaNode } from './figma-node';
import { renderFeature, type FeaturePlan, type RulePlan } from './gherkin-writer';
import { buildPageModel, type PageModel } from './page-model';
import { parseFeature } from './parse';
import { planScenarios, type PlannedScenario } from './scenarios';
import { onScreen, quote } from './steps';
import { summarizePage, type PageSummary } from './summary';

export interface GenerateFeatureOptions extends ComponentIndex {
  /** At most this many scenarios (journeys first, then in document order); default 500. */
  maxScenarios?: number;
}

export interface GeneratedFeature {
  /** The Gherkin text; it parses with @cucumber/gherkin. */
  text: string;
  /** Its AST, as `parseFeature` returns it. */
  document: GherkinDocument;
  stats: { screens: number; forms: number; inputs: number; buttons: number; links: number; paths: number; scenarios: number; outlines: number; journeys: number };
  /** The page's facts, ready for `refinePrompt`. */
  summary: PageSummary;
  /** What generation could not use (no screens, links to other pages, scenarios cut by `maxScenarios`). */
  warnings: string[];
}

/** Thrown when generated text does not parse: a defect of the generator, never of the input. */
export class GherkinGenerationError extends Error {
  readonly code = 'BDD_GENERATION_DEFECT';
}

const drop = (s: PlannedScenario) => ({ name: s.name, tags: s.tags, steps: s.steps.slice(1), ...(s.examples ? { examples: s.examples } : {}) });

function plan(model: PageModel, max: number, warnings: string[]): { plan: FeaturePlan; scenarios: number; outlines: number; journeys: number } {
  const planned = planScenarios(model);
  const journeys = planned.journeys.slice(0, max);
  const scenarios = planned.scenarios.slice(0, Math.max(0, max - journeys.length));
  const cut = planned.journeys.length + planned.scenarios.length - journeys.length - scenarios.length;
  if (cut > 0) warnings.push(`${cut} scenario(s) left out: more than maxScenarios (${max})`);
  const starts = [...new Set(scenarios.map((s) => s.start))];
  const forms = model.screens.reduce((n, s) => n + s.forms.length, 0);
  const description = [`Generated from the Figma page ${quote(model.name)} (${model.id}): ${model.screens.length} screen(s), ${forms} form(s), ${model.paths.length} user path(s).`];
  const base: FeaturePlan = { name: model.name, tags: ['figma'], description, background: [], scenarios: [], rules: [] };
  if (starts.length === 1 && !journeys.length) {
    base.background = [{ kind: 'given', text: onScreen(starts[0]!) }];
    base.scenarios = scenarios.map(drop);
  } else {
    // a screen with one scenario keeps its Given; a Rule (with a Background) is for screens with several
    const count = (start: string) => scenarios.filter((s) => s.start === start).length;
    base.scenarios = [...journeys, ...scenarios.filter((s) => count(s.start) === 1)];
    base.rules = starts
      .filter((start) => count(start) > 1)
      .map((start): RulePlan => ({
        name: `On the ${quote(start)} screen`,
        background: [{ kind: 'given', text: onScreen(start) }],
        scenarios: scenarios.filter((s) => s.start === start).map(drop),
      }));
  }
  return { plan: base, scenarios: scenarios.length + journeys.length, outlines: scenarios.filter((s) => s.examples).length, journeys: journeys.length };
}

/**
 * Gherkin for one page (a CANVAS node, or a single frame) of a Figma REST or plugin-export tree. `options`
 * may carry the response's `components` / `componentSets` maps, so instances are recognised by their
 * component's name. Throws BddInputError when the page is not a node tree (or is a whole DOCUMENT).
 */
export function generateFeature(page: FigmaNode, options: GenerateFeatureOptions = {}): GeneratedFeature {
  const model = buildPageModel(page, options);
  const warnings = [...model.warnings];
  const built = plan(model, options.maxScenarios ?? 500, warnings);
  const text = renderFeature(built.plan);
  const parsed = parseFeature(text);
  if (!parsed.ok) throw new GherkinGenerationError(`generated Gherkin does not parse (${parsed.error.describe()})`);
  const count = (role: string) => model.screens.reduce((n, s) => n + s.elements.filter((e) => e.role === role).length, 0);
  return {
    text,
    document: parsed.document,
    stats: {
      screens: model.screens.length,
      forms: model.screens.reduce((n, s) => n + s.forms.length, 0),
      inputs: count('input'),
      buttons: count('button'),
      links: count('link') + count('nav-item') + count('element'),
      paths: model.paths.length,
      scenarios: built.scenarios,
      outlines: built.outlines,
      journeys: built.journeys,
    },
    summary: summarizePage(model),
    warnings,
  };
}
