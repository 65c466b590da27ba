export * from './figma-fake';
export * from './figma-types';
export { FIGMA_ERRORS } from './figma-errors';
export { FIGMA_UPGRADE_LINK } from './figma-faults';
export { endpointTier, type FigmaQuota, type FigmaPlanTier, type FigmaEndpointTier } from './figma-quota';
export { pruneDepth, filterToIds } from './tree-prune';
export { buildNodeIndex, collectRefs } from './node-index';
