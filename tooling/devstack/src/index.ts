export * from './database';
export * from './fakes';
