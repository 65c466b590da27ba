import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * application_name of the health probe's connection. The local wire server (node/pglite-server.ts)
 * gives such a connection the next turn on its one session instead of the back of the queue.
 */
export const HEALTH_APPLICATION_NAME = 'cogo-health';

/** `url` with application_name=cogo-health, so the probe says who it is (elsewhere it only shows in pg_stat_activity). */
export function healthDatabaseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url; // unparsable: the driver's own error says what is wrong, and the probe reports it
  }
  u.searchParams.set('application_name', HEALTH_APPLICATION_NAME);
  return u.toString();
}

export interface DbStatus {
  serverVersion: string;
  vectorVersion: string | null;
  migrations: number;
  latencyMs: number;
}

/** Probes the database: server version, pgvector version and how many migrations are applied. */
export async function probeDb(db: Db): Promise<DbStatus> {
  const started = Date.now();
  const result = await db.execute<{ server_version: string; vector_version: string | null; migrations: number }>(sql`
    select current_setting('server_version') as server_version,
           (select extversion from pg_extension where extname = 'vector') as vector_version,
           coalesce((select count(*)::int from drizzle.__drizzle_migrations), 0) as migrations`);
  const row = result.rows[0];
  if (!row) throw new Error('database returned no row');
  return {
    serverVersion: row.server_version,
    vectorVersion: row.vector_version,
    migrations: Number(row.migrations),
    latencyMs: Date.now() - started,
  };
}
