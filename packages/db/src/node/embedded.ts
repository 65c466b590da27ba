// The embedded default database: PGlite (Postgres 18 compiled to WASM) with pgvector, served over
// the Postgres wire protocol on loopback so that the Worker reaches it with the production driver.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { servePglite, type SessionStats } from './pglite-server';
import type { SqlBackend } from './sql-http';

export interface EmbeddedPostgres {
  /** postgres:// URL of the wire-protocol server. */
  url: string;
  host: string;
  port: number;
  db: PGlite;
  /** The session's counters (benches). */
  stats: () => SessionStats;
  /** SQL over HTTP on the session, for the proxy's `/sql` (ws-proxy.ts `sqlBackends`). */
  sql: SqlBackend;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data between runs; omit for an in-memory database. */
  dataDir?: string;
  port?: number;
}

/** Starts PGlite with pgvector and a socket server in front of it. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? 'memory://', { extensions: { vector } });
  const server = await servePglite(db, { port: options.port ?? 0 });
  const { host, port } = server;
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres`,
    host,
    port,
    db,
    stats: server.stats,
    sql: server.sql,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
