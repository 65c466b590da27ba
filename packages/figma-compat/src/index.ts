// figma-compat (issue 13): what engineers need next, derived from a Figma design — design tokens (DTCG 2025.10),
// a map of components to code symbols, behaviour scenarios (Gherkin) and the prototype's screen graph. Pure
// functions over Figma REST / plugin-export JSON: the API (apps/api/src/modules/figma-compat) fetches, stores and
// serves them; the benches call them directly.
export * from './actionflow';
export * from './bdd';
export * from './symbols';
export * from './tokens';
export * from './ui-json';
