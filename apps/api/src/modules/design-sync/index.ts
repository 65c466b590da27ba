export { designSyncRegistryRouter } from './registry.handlers';
export { designSyncRouter } from './sync.handlers';
