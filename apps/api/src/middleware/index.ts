export * from './request-id';
export * from './trace';
export * from './services';
