// One database driver for every environment: @neondatabase/serverless over WebSockets.
// In production it talks to Neon directly; locally and in tests `wsProxy` points it at a
// small WebSocket→TCP proxy in front of any Postgres (the embedded PGlite by default).
import { Pool, neonConfig, type FullQueryResults } from '@neondatabase/serverless';
import { drizzle, type NeonDatabase } from 'drizzle-orm/neon-serverless';
import { httpSql, statementOf, type HttpSql, type Statement } from './http';
import { createTenantPool, tenantScope } from './tenant';

/**
 * Drizzle's query builder without the relational `db.query.*` API (nothing uses it): building that API walks every
 * table of the schema, which drizzle() would do on every request's handle (~1.3 ms of worker CPU each, profiled).
 */
export type Db = NeonDatabase;

export interface DbConfig {
  /** postgres://user:pass@host:port/db — Neon or any Postgres reachable through `wsProxy`. */
  url: string;
  /** host:port[/path] of a WebSocket→TCP proxy; unset for Neon, which terminates WebSockets itself. */
  wsProxy?: string | undefined;
  /** WebSocket class, for Node (the `ws` package); Workers and browsers have a global one. */
  webSocketConstructor?: unknown;
  /** Most connections the pool opens (default 4). */
  maxConnections?: number;
  /**
   * Acts for one project: every statement runs as the role `cogo_app` with `app.project_id` set, so row-level
   * security filters it (tenant.ts). Without it the pool connects as the configured user and sees every project:
   * the service database, for the audited paths that must act before or across projects.
   */
  tenant?: { projectId: string } | undefined;
}

export interface DbHandle {
  db: Db;
  pool: Pool;
  /** Closes every connection; call once the request or script is done. */
  close: () => Promise<void>;
}

/** Points the Neon driver at a plain-WebSocket proxy (local dev, tests, self-hosted Postgres). */
function configureDriver(config: DbConfig): void {
  if (config.webSocketConstructor) {
    neonConfig.webSocketConstructor = config.webSocketConstructor as typeof neonConfig.webSocketConstructor;
  }
  if (config.wsProxy) {
    const base = config.wsProxy.includes('/') ? config.wsProxy : `${config.wsProxy}/v1`;
    neonConfig.wsProxy = (host, port) => `${base}?address=${host}:${port}`;
    // the proxy answers SQL over HTTP too (node/sql-http.ts), as Neon does beside its WebSockets
    neonConfig.fetchEndpoint = `http://${config.wsProxy.split('/')[0]}/sql`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
}

/** A pool whose lone statements (`pool.query`) go over HTTP; transactions (`connect`) keep the WebSocket. */
function servicePool(options: ConstructorParameters<typeof Pool>[0], http: HttpSql): Pool {
  const pool = new Pool(options);
  Object.assign(pool, {
    query: async (config: unknown, values?: unknown) => {
      if (typeof values === 'function') throw new TypeError('database: callback queries are not supported');
      const statement = statementOf(config, values);
      if (!statement) throw new TypeError('database: named prepared statements are not supported');
      return http.run(statement);
    },
  });
  return pool;
}

/**
 * Creates a Drizzle database over a Neon-driver pool. Cheap: connections open on first query. A statement outside a
 * transaction is one HTTP request (http.ts); `db.transaction` opens a WebSocket session.
 */
export function createDb(config: DbConfig): DbHandle {
  configureDriver(config);
  const options = { connectionString: config.url, max: config.maxConnections ?? 4 };
  const http = httpSql(config.url);
  const pool = config.tenant ? createTenantPool(options, config.tenant.projectId, http) : servicePool(options, http);
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => {});
  const db = drizzle({ client: pool });
  const preamble = config.tenant ? tenantScope(config.tenant.projectId) : undefined;
  Object.defineProperty(db, RUN_ALL, { value: ((statements) => http.runAll(statements, preamble)) satisfies RunAll });
  let closed: Promise<void> | undefined;
  return {
    db,
    pool,
    close: () => (closed ??= pool.end().catch(() => {})),
  };
}

const RUN_ALL = Symbol('cogo.runAll');
type RunAll = (statements: Statement[]) => Promise<Array<FullQueryResults<boolean>>>;

/** One statement of a batch: a query built on the database it is given (insert, update, delete or select). */
export type BatchStatement<T> = (db: Db) => PromiseLike<T>;

/**
 * Runs statements as one non-interactive transaction, all or nothing: on a database from createDb one HTTP request
 * (with the tenant's scope), so no session is held between round trips as an interactive `db.transaction` holds it
 * (on the embedded database's one session, every other request waits meanwhile). Each statement is built on a
 * database of its own that collects it; the answers come back in order, as the query builders would give them. On a
 * transaction's `tx` (no HTTP) they run one after another on it. A failure rejects with Postgres's error (as Drizzle wraps
 * it: the SQL it names is the first statement's, the batch having failed as one). The batch runs in the tenant's scope
 * only: a statement's localSettings() prefix is not applied here (run such a statement alone).
 */
export async function batch<T extends unknown[]>(db: Db, statements: { [K in keyof T]: BatchStatement<T[K]> }): Promise<T> {
  const runAll = (db as unknown as Partial<Record<typeof RUN_ALL, RunAll>>)[RUN_ALL];
  const list = statements as ReadonlyArray<BatchStatement<unknown>>;
  if (!runAll) {
    const out: unknown[] = [];
    for (const build of list) out.push(await build(db));
    return out as T;
  }
  const collected: Statement[] = new Array(list.length);
  let arrived = 0;
  let ran: Promise<Array<FullQueryResults<boolean>>> | undefined;
  let go!: () => void;
  const ready = new Promise<void>((resolve) => (go = resolve));
  const collector = (i: number) =>
    drizzle({
      client: {
        query: async (config: unknown, values?: unknown) => {
          const statement = statementOf(config, values);
          if (!statement) throw new TypeError('database batch: named prepared statements are not supported');
          if (collected[i]) throw new TypeError('database batch: a statement of a batch ran two queries');
          collected[i] = statement;
          if (++arrived === list.length) go();
          await ready;
          ran ??= runAll(collected);
          return (await ran)[i];
        },
      } as unknown as Pool,
    });
  return (await Promise.all(list.map((build, i) => build(collector(i))))) as T;
}
