// What a sync writes (issue 15): design_to_code rewrites the registry component's props, code_to_design the stored
// Figma component's definitions; either way drift.ts finds no prop drift afterwards.
export { codePropsFromDesign } from './apply-code';
export { designDefinitionsFromCode, type DesignDefinition } from './apply-design';
