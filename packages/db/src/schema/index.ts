// `public`: user-owned application data (projects, pages, components); `cogo`: platform internals (cogo.ts).
export * from './cogo';
export * from './projects';
export * from './components';
export * from './jobs';
export * from './events';
export * from './auth';
export * from './vault';
export * from './metrics';
export * from './figma-cache';
export * from './figma-webhooks';
export * from './project-updates';
export * from './llm';
export * from './chat';
export * from './rag';
export * from './tokens';
export * from './artifacts';
export * from './design-sync';
