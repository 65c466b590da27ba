// Liveness (the process answers) and readiness (the database answers, measured on a connection of
// its own so that user traffic does not make a working instance look down).
import type { Health, Liveness } from '@cogo/types';
import type { HealthProbe } from './health.repo';

/** How long the database may take to answer a health probe. */
export const HEALTH_DB_TIMEOUT_MS = 3_000;

/** The liveness report: no database, no configuration. */
export function checkLiveness(version: string): Liveness {
  return { status: 'ok', version, time: new Date().toISOString() };
}

/** Builds the readiness report from `probe` (bounded by HEALTH_DB_TIMEOUT_MS); never throws. */
export async function checkHealth(probe: () => Promise<HealthProbe>, version: string): Promise<Health> {
  const time = new Date().toISOString();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_DB_TIMEOUT_MS} ms`)), HEALTH_DB_TIMEOUT_MS);
  });
  try {
    const status = await Promise.race([probe(), timeout]);
    return { status: 'ok', version, time, db: { ok: true, ...status } };
  } catch (err) {
    // Only the error class and message: a driver message never carries the connection string.
    // drizzle wraps driver errors as "Failed query: …"; the cause says what actually went wrong.
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const message = cause instanceof Error ? cause.message || cause.name : String(cause);
    return { status: 'degraded', version, time, db: { ok: false, error: message.replace(/postgres(ql)?:\/\/\S+/g, '[url]') } };
  } finally {
    clearTimeout(timer);
  }
}
