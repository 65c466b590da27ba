export * from './errors';
export * from './ids';
export * from './pagination';
export * from './sse';
export * from './health';
export * from './events';
