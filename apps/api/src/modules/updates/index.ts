export { updatesRouter, updateView } from './updates.handlers';
export { publishUpdates } from './outbox';
export { recordUpdates } from './updates.repo';
