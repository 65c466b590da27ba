export * from './projects';
export * from './components';
export * from './jobs';
export * from './events';
