// design-sync (issue 15): a registry of coded components (Storybook index, components manifest, react-docgen-typescript,
// Code Connect) joined to the Figma components figma-context stored — suggestions, drift, coverage, what a sync
// writes, and story/test/Code Connect scaffolds. Pure functions: the API (apps/api/src/modules/design-sync) stores
// and serves them; the bench calls them directly.
export * from './types';
export * from './errors';
export * from './registry';
export * from './design';
export * from './suggest';
export * from './scaffolds';
export * from './hash';
export * from './match';
export * from './drift';
export * from './tokens';
export * from './coverage';
export * from './apply';
