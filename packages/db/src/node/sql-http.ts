// Neon's SQL-over-HTTP endpoint (`POST /sql`) in front of any Postgres, for the local proxy (ws-proxy.ts): what
// Neon serves beside its WebSockets, so the Worker's lone statements take one HTTP request (../http.ts) instead of
// a WebSocket, a Postgres startup and three round trips. The protocol as the Neon driver speaks it: the connection
// string in `Neon-Connection-String`, a body `{query, params}` or `{queries: [...]}` (one transaction, isolation
// and read-only from `Neon-Batch-*` headers), an answer of raw text values with each field's type oid (the client
// parses them), `{results: [...]}` for a batch, and a Postgres error as 400 with its fields. Local dev and tests only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { HEALTH_APPLICATION_NAME } from '../health';
import { isPgError } from '../errors';
import { ERROR_FIELDS, type SqlError, type SqlQuery, type SqlResult } from './pglite-sql';

/** Largest body accepted (the Worker's own limits are far below). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Neon's limit on an answer over HTTP (10 MB): kept here too, so a query that would fail on Neon fails locally. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/** Connections per target database: the embedded one has one session anyway; a server Postgres gets a few. */
const POOL_SIZE = 8;

const ISOLATION: Record<string, string> = {
  ReadUncommitted: 'read uncommitted',
  ReadCommitted: 'read committed',
  RepeatableRead: 'repeatable read',
  Serializable: 'serializable',
};

/** Every value as Postgres sent it: the client applies the type parsers. */
const RAW_TYPES = { getTypeParser: () => (value: string) => value };


class BadRequest extends Error {}

function parseQuery(q: unknown): SqlQuery {
  if (!q || typeof q !== 'object') throw new BadRequest('a query is an object {query, params}');
  const { query, params = [] } = q as { query?: unknown; params?: unknown };
  if (typeof query !== 'string' || !Array.isArray(params)) throw new BadRequest('query must be a string and params an array');
  return { query, params };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs a request's statements: alone (`transaction` null: one statement, autocommitted) or as one transaction begun
 * with `transaction.begin`; every result, or the Postgres error that stopped them (a transaction is rolled back).
 * `priority`: the health probe's (application_name=cogo-health), which the embedded session serves next.
 */
export type SqlBackend = (queries: SqlQuery[], transaction: { begin: string } | null, priority: boolean) => Promise<SqlResult[] | { error: SqlError }>;

function pgErrorOf(err: { message: string }): SqlError {
  const body: SqlError = { message: err.message };
  const fields = err as unknown as Record<string, unknown>;
  for (const k of ERROR_FIELDS) if (fields[k] !== undefined) body[k] = String(fields[k]);
  return body;
}

/** A backend for a server Postgres, through pg. */
function pgBackend(connectionString: string): { run: SqlBackend; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, ssl: false });
  pool.on('error', () => {}); // an idle connection dropped by the server
  const one = async (client: pg.PoolClient, q: SqlQuery): Promise<SqlResult> => {
    const r = await client.query({ text: q.query, values: q.params, rowMode: 'array', types: RAW_TYPES, queryMode: 'extended' } as pg.QueryArrayConfig);
    return { command: r.command, rowCount: r.rowCount, rows: r.rows as SqlResult['rows'], fields: r.fields as SqlResult['fields'], rowAsArray: true };
  };
  const run: SqlBackend = async (queries, transaction) => {
    const client = await pool.connect();
    let broken = false;
    try {
      if (!transaction) return [await one(client, queries[0]!)];
      await client.query(transaction.begin);
      const results = [];
      for (const q of queries) results.push(await one(client, q));
      await client.query('commit');
      return results;
    } catch (err) {
      if (transaction) await client.query('rollback').catch(() => (broken = true));
      if (isPgError(err)) return { error: pgErrorOf(err) };
      broken = true;
      throw err;
    } finally {
      client.release(broken);
    }
  };
  return { run, close: () => pool.end().catch(() => {}) };
}

export interface SqlOverHttp {
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  close: () => Promise<void>;
}

/**
 * A `/sql` handler whose connections may reach only `allow` hosts; `local` serves databases of this process by their
 * host:port (the embedded one: pglite-server.ts), others go through pg.
 */
export function sqlOverHttp(allow: Set<string>, local: Map<string, SqlBackend> = new Map()): SqlOverHttp {
  const remote = new Map<string, ReturnType<typeof pgBackend>>();
  const backendFor = (url: URL, connectionString: string): SqlBackend => {
    const mine = local.get(`${url.hostname}:${url.port || 5432}`);
    if (mine) return mine;
    let b = remote.get(connectionString);
    if (!b) remote.set(connectionString, (b = pgBackend(connectionString)));
    return b.run;
  };

  const answer = async (req: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const connectionString = req.headers['neon-connection-string'];
    if (typeof connectionString !== 'string') throw new BadRequest('missing Neon-Connection-String');
    let url: URL;
    try {
      url = new URL(connectionString);
    } catch {
      throw new BadRequest('Neon-Connection-String is not a URL');
    }
    if (!allow.has(url.hostname)) throw new BadRequest(`host ${url.hostname} not allowed`);
    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(req));
    } catch (err) {
      throw err instanceof BadRequest ? err : new BadRequest('body is not JSON');
    }
    const batch = payload && typeof payload === 'object' && 'queries' in payload ? (payload as { queries: unknown }).queries : undefined;
    if (batch !== undefined && !Array.isArray(batch)) throw new BadRequest('queries must be an array');
    const queries = batch === undefined ? [parseQuery(payload)] : (batch as unknown[]).map(parseQuery);
    let transaction: { begin: string } | null = null;
    if (batch !== undefined) {
      const isolation = ISOLATION[String(req.headers['neon-batch-isolation-level'] ?? '')];
      const modes = [isolation ? `isolation level ${isolation}` : '', req.headers['neon-batch-read-only'] === 'true' ? 'read only' : '', req.headers['neon-batch-deferrable'] === 'true' ? 'deferrable' : ''];
      transaction = { begin: ['begin', ...modes.filter(Boolean)].join(' ') };
    }
    const priority = url.searchParams.get('application_name') === HEALTH_APPLICATION_NAME;
    const out = await backendFor(url, connectionString)(queries, transaction, priority);
    if ('error' in out) return { status: 400, body: out.error };
    const text = JSON.stringify(batch === undefined ? out[0] : { results: out });
    if (Buffer.byteLength(text) > MAX_RESPONSE_BYTES) return { status: 400, body: { message: `response is too large (max is ${MAX_RESPONSE_BYTES} bytes)` } };
    return { status: 200, body: text };
  };

  return {
    handle: (req, res) => {
      answer(req).then(
        ({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body)),
        (err: unknown) => {
          const status = err instanceof BadRequest ? 400 : 502;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: err instanceof Error ? err.message : String(err) }));
        },
      );
    },
    close: async () => {
      await Promise.all([...remote.values()].map((b) => b.close()));
      remote.clear();
    },
  };
}
