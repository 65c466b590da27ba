export * from './client';
export * from './errors';
export * from './health';
export * from './ids';
export * as schema from './schema';
