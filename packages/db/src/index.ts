export * from './client';
export * from './health';
export * from './ids';
export * as schema from './schema';
