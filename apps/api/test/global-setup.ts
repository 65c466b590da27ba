import { startLocalDatabase } from '@cogo/devstack/database';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseWsProxy: string;
    adminToken: string;
    jwtSecret: string;
    vaultMasterKey: string;
  }
}

/** Starts an in-memory database (or uses TEST_DATABASE_URL) for the workerd test run. */
export default async function setup(project: TestProject) {
  const db = await startLocalDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
  project.provide('databaseUrl', db.url);
  project.provide('databaseWsProxy', db.wsProxy);
  project.provide('adminToken', randomBytes(24).toString('hex'));
  project.provide('jwtSecret', randomBytes(32).toString('hex'));
  project.provide('vaultMasterKey', randomBytes(32).toString('base64'));
  return async () => {
    await db.stop();
  };
}
