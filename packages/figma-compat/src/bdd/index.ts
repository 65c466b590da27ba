// bdd (issue 13, `bdd/generate` and the core of `bdd/refine`): Gherkin features from a page's structure. Generic
// type names carry a Bdd prefix here so that `export *` from the package index cannot clash with the others.
export { BddInputError, checkPage as checkBddPage, type ComponentIndex as BddComponentIndex, type FigmaNode as BddFigmaNode } from './figma-node';
export { uiFeature, uiPageToBdd, uiPageToBddNode, type UiBddPage } from './from-ui';
export { generateFeature, GherkinGenerationError, type GeneratedFeature, type GenerateFeatureOptions } from './generate';
export { buildPageModel as buildBddPageModel, type PageModel as BddPageModel } from './page-model';
export { FeatureParseError, parseFeature, scenariosOf, type ParsedFeature } from './parse';
export {
  acceptRefinedFeature,
  extractGherkin,
  refineFeature,
  refinePrompt,
  repairPrompt,
  type AcceptedFeature,
  type AskLlm as BddAskLlm,
  type PromptMessage as BddPromptMessage,
  type RefineResult as BddRefineResult,
} from './refine';
export { summarizePage, type PageSummary } from './summary';
