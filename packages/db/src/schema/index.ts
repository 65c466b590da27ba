export * from './projects';
export * from './components';
export * from './jobs';
export * from './events';
export * from './auth';
export * from './vault';
export * from './metrics';
