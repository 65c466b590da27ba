// The database side of the local stack: the embedded PGlite (default) or DATABASE_URL, always
// fronted by the WebSocket proxy so the Worker uses the production driver, with migrations applied.
import { runMigrations, startEmbeddedPostgres, startWsProxy, type EmbeddedPostgres, type SessionStats, type WsProxy } from '@cogo/db/node';

export interface LocalDatabase {
  /** postgres:// URL the Worker is given as DATABASE_URL. */
  url: string;
  /** host:port the Worker is given as DATABASE_WS_PROXY. */
  wsProxy: string;
  /** 'embedded' (PGlite) or 'external' (DATABASE_URL). */
  kind: 'embedded' | 'external';
  /** The embedded session's counters (benches); absent for an external database. */
  stats?: () => SessionStats;
  stop: () => Promise<void>;
}

export interface LocalDatabaseOptions {
  /** Use this Postgres instead of the embedded one. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files; omit for an in-memory database. */
  dataDir?: string | undefined;
}

/** Starts (or connects to) the database, the proxy in front of it, and applies migrations. */
export async function startLocalDatabase(options: LocalDatabaseOptions = {}): Promise<LocalDatabase> {
  let embedded: EmbeddedPostgres | undefined;
  let proxy: WsProxy | undefined;
  try {
    let url = options.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres(options.dataDir ? { dataDir: options.dataDir } : {});
      url = embedded.url;
    }
    const host = new URL(url).hostname;
    const sqlBackends = embedded ? new Map([[`${embedded.host}:${embedded.port}`, embedded.sql]]) : undefined;
    proxy = await startWsProxy({ allowHosts: [host], ...(sqlBackends ? { sqlBackends } : {}) });
    await runMigrations(url, proxy.address);
    const p = proxy;
    const e = embedded;
    return {
      url,
      wsProxy: p.address,
      kind: e ? 'embedded' : 'external',
      ...(e ? { stats: e.stats } : {}),
      stop: async () => {
        await p.close();
        await e?.stop();
      },
    };
  } catch (err) {
    await proxy?.close();
    await embedded?.stop();
    throw err;
  }
}
