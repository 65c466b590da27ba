export * from './count-nodes';
export * from './large-file';
export * from './sample-files';
export { VARS as SAMPLE_VARIABLE_IDS } from './sample-variables';
