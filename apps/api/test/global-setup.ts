import { startLocalDatabase } from '@cogo/devstack/database';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseWsProxy: string;
  }
}

/** Starts an in-memory database (or uses TEST_DATABASE_URL) for the workerd test run. */
export default async function setup(project: TestProject) {
  const db = await startLocalDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
  project.provide('databaseUrl', db.url);
  project.provide('databaseWsProxy', db.wsProxy);
  return async () => {
    await db.stop();
  };
}
