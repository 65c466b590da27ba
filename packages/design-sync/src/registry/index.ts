// registry (issue 15): coded components from a Storybook build (index.json, components manifest,
// react-docgen-typescript) and explicit mappings from Code Connect.
export { figmaNodeFromUrl } from './code-connect';
export { parseRegistry } from './parse';
