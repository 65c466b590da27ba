export * from './embedded';
export * from './migrate';
export * from './ws-proxy';
export * from './ws';
export type { SessionStats } from './pglite-server';
