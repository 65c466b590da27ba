// The readiness probe's database access: a one-connection pool of its own whose connection (and SQL-over-HTTP
// requests) name themselves cogo-health, never the request's shared pool. On Neon that is simply a separate
// connection; the local embedded server (@cogo/db node/pglite-server) also gives it the next turn on its one
// session, so the probe does not queue behind user queries.
import { healthDatabaseUrl, probeDb, schema, type DbHandle, type DbStatus } from '@cogo/db';
import { AI_JOB_KINDS } from '@cogo/types';
import { and, eq, inArray, min } from 'drizzle-orm';
import type { AppConfig } from '../../env';
import { dbFromConfig } from '../../lib/db';

export interface HealthProbe extends DbStatus {
  /** ms until the connection was ready (connecting, and locally waiting for a turn). */
  connectMs: number;
}

/** Opens the probe's own pool (one connection, application_name=cogo-health). Close it when done. */
export function openHealthDb(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_WS_PROXY'>): DbHandle {
  return dbFromConfig({ DATABASE_URL: healthDatabaseUrl(config.DATABASE_URL), DATABASE_WS_PROXY: config.DATABASE_WS_PROXY }, 1);
}

/**
 * Probes both ways the API reaches the database, side by side: a WebSocket session (transactions; its connect timed
 * on its own: that is where waiting shows) and SQL over HTTP (every other statement); latencyMs covers both.
 */
export async function probeHealthDb(handle: DbHandle): Promise<HealthProbe> {
  const started = Date.now();
  const connected = handle.pool.connect().then((client) => {
    client.release();
    return Date.now() - started;
  });
  const [connectMs, status] = await Promise.all([connected, probeDb(handle.db)]);
  return { ...status, connectMs, latencyMs: Date.now() - started };
}

/** Seconds the oldest AI job still `queued` has waited (any project), or null when none waits. */
export async function oldestQueuedSeconds(handle: DbHandle, now = Date.now()): Promise<number | null> {
  const [row] = await handle.db
    .select({ at: min(schema.jobs.createdAt) })
    .from(schema.jobs)
    .where(and(eq(schema.jobs.status, 'queued'), inArray(schema.jobs.kind, [...AI_JOB_KINDS])));
  return row?.at ? Math.max(0, Math.round((now - new Date(row.at).getTime()) / 1000)) : null;
}
