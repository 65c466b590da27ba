// actionflow (issue 13, `actionflow/refine` core): the screen graph of a Figma prototype, its Mermaid text and its
// stored row. Exported names say "flow" (toMermaid aside: the package's only Mermaid writer), so they do not clash.
export { DEFAULT_FLOW_END_PATTERN, type FlowEndOptions } from './analyse';
export { buildActionFlow, buildActionFlows, type ActionFlowOptions } from './build';
export { ActionFlowInputError, type ActionFlowErrorCode } from './errors';
export { toMermaid, type MermaidOptions as ActionFlowMermaidOptions } from './mermaid';
export { readStoredActionFlow, toActionFlowRow, type ActionFlowRow } from './row';
export * from './types';
