import { probeDb, type Db } from '@cogo/db';
import type { Health } from '@cogo/types';

/** How long the database may take to answer a health probe. */
export const HEALTH_DB_TIMEOUT_MS = 3_000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms));
}

/** Builds the health report; never throws. */
export async function checkHealth(db: () => Db, version: string): Promise<Health> {
  const time = new Date().toISOString();
  try {
    const status = await Promise.race([probeDb(db()), timeout(HEALTH_DB_TIMEOUT_MS)]);
    return { status: 'ok', version, time, db: { ok: true, ...status } };
  } catch (err) {
    // Only the error class and message: a driver message never carries the connection string.
    // drizzle wraps driver errors as "Failed query: …"; the cause says what actually went wrong.
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const message = cause instanceof Error ? cause.message || cause.name : String(cause);
    return { status: 'degraded', version, time, db: { ok: false, error: message.replace(/postgres(ql)?:\/\/\S+/g, '[url]') } };
  }
}
