// Tenancy enforced by Postgres (row-level security, migration 0008): the one place that tells the database which
// project a connection acts for. A tenant pool runs every statement inside a transaction that first switches to the
// non-owner role `cogo_app` and sets `app.project_id`, both with `is_local = true`, so they end with the transaction.
// Per transaction, not per session: the local PGlite server (and Neon's pooler) share one session between
// connections outside a transaction, so a session-level role would leak into whichever connection runs next.
import { Pool, type PoolClient } from '@neondatabase/serverless';
import { statementOf, type HttpSql } from './http';

/** The Postgres role tenant connections act as; the migration creates it (NOLOGIN) and its grants. */
export const TENANT_ROLE = 'cogo_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|end|abort|rollback(?!\s+to\b))\b/i;
/**
 * `begin` and the scope in one round trip (a simple query of two statements; the project id is a checked uuid and
 * the role a constant, so nothing is interpolated that a caller chose); both settings revert at commit or rollback.
 */
const beginScoped = (begin: string, projectId: string, settings: Settings = []) =>
  `${begin}; select ${setLocal([['role', TENANT_ROLE], ['app.project_id', projectId], ...settings])}`;

/** `set_config(name, value, true)` (SET LOCAL) of each setting, comma-separated; every name and value is checked before. */
const setLocal = (settings: Settings) => settings.map(([k, v]) => `set_config('${k}', '${v}', true)`).join(', ');

type Settings = Array<[name: string, value: string]>;
const SETTING_NAME = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$|^[a-z_][a-z0-9_]*$/;
const SETTING_VALUE = /^[a-z0-9_.]{1,64}$/;
const LOCAL = /^\/\* cogo:local ([a-z0-9_.=,]*) \*\/ /;

/**
 * A prefix for a statement of a tenant database that needs settings of its own (e.g. pgvector's `hnsw.*`), each as
 * SET LOCAL: run alone, they join its scope (the same HTTP request, http.ts); inside a transaction, a
 * `select set_config(…)` runs just before it. Names and values are checked here (letters, digits,
 * `_`, `.`), so nothing a caller chose is interpolated unchecked. Other databases read the prefix as a comment.
 */
export function localSettings(settings: Record<string, string>): string {
  const pairs = Object.entries(settings);
  for (const [k, v] of pairs) if (!SETTING_NAME.test(k) || !SETTING_VALUE.test(v)) throw new TypeError(`tenant database: setting ${k}=${v} is not allowed`);
  return `/* cogo:local ${pairs.map(([k, v]) => `${k}=${v}`).join(',')} */ `;
}

/** The settings a statement's localSettings() prefix asks for (checked again: the text may come from anywhere). */
function settingsOf(text: string): Settings {
  const m = LOCAL.exec(text);
  if (!m?.[1]) return [];
  return m[1].split(',').flatMap((pair): Settings => {
    const [k = '', v = ''] = pair.split('=');
    return SETTING_NAME.test(k) && SETTING_VALUE.test(v) ? [[k, v]] : [];
  });
}

type QueryArgs = [config: unknown, values?: unknown];
type QueryFn = (...args: QueryArgs) => Promise<unknown>;

function textOf(config: unknown): string {
  if (typeof config === 'string') return config;
  if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string') return config.text;
  return '';
}

/** Runs `run` in its own transaction scoped to the project. */
async function scoped(query: QueryFn, projectId: string, run: () => Promise<unknown>, settings: Settings = []): Promise<unknown> {
  try {
    await query(beginScoped('begin', projectId, settings));
    const result = await run();
    await query('commit');
    return result;
  } catch (err) {
    await query('rollback').catch(() => {});
    throw err;
  }
}

const SCOPED = Symbol('cogo.tenantScoped');

/** Makes a pooled client scope its transactions (Drizzle's `begin … commit`) and wrap any lone statement. */
function scopeClient(client: PoolClient, projectId: string): PoolClient {
  const marked = client as PoolClient & { [SCOPED]?: string };
  if (marked[SCOPED] === projectId) return client;
  const raw = client.query.bind(client) as unknown as QueryFn;
  let inTransaction = false;
  const query: QueryFn = async (config, values) => {
    if (typeof values === 'function') throw new TypeError('tenant database: callback queries are not supported');
    const text = textOf(config);
    if (BEGIN.test(text)) {
      // Drizzle's `begin …` (no parameters) and the scope, in one round trip
      if ((Array.isArray(values) && values.length > 0) || /;/.test(text)) throw new TypeError('tenant database: a transaction must begin with a plain begin statement');
      let results: unknown;
      try {
        results = await raw(beginScoped(text.trim(), projectId));
      } catch (err) {
        await raw('rollback').catch(() => {}); // the begin may have run: never leave the connection in a failed block
        throw err;
      }
      inTransaction = true;
      return Array.isArray(results) ? results[0] : results;
    }
    if (END.test(text)) {
      inTransaction = false;
      return raw(config, values);
    }
    const settings = settingsOf(text);
    if (inTransaction) {
      if (settings.length) await raw(`select ${setLocal(settings)}`);
      return raw(config, values);
    }
    return scoped(raw, projectId, () => raw(config, values), settings);
  };
  (client as unknown as { query: QueryFn }).query = query;
  marked[SCOPED] = projectId;
  return client;
}

/** The statement that puts a transaction in a project's scope (and the settings given), for SQL over HTTP. */
export function tenantScope(projectId: string, settings: Settings = []): string {
  if (!UUID.test(projectId)) throw new TypeError('tenant database: projectId must be a uuid');
  return `select ${setLocal([['role', TENANT_ROLE], ['app.project_id', projectId.toLowerCase()], ...settings])}`;
}

/**
 * A pool whose every statement runs as `cogo_app` with `app.project_id` set: row-level security then shows and accepts
 * only the project's rows, whatever the query forgets. It stays a real Pool (Drizzle's transactions check
 * `instanceof Pool`); only its `connect` and `query` are scoped, in their promise forms (the ones Drizzle uses).
 * A lone statement (`pool.query`) goes over `http`: the scope and the statement as one transaction, one request.
 */
export function createTenantPool(options: ConstructorParameters<typeof Pool>[0], projectId: string, http: HttpSql): Pool {
  if (!UUID.test(projectId)) throw new TypeError('tenant database: projectId must be a uuid');
  const project = projectId.toLowerCase();
  const pool = new Pool(options);
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const scopedConnect = async () => scopeClient(await connect(), project);
  const query: QueryFn = async (config, values) => {
    if (typeof values === 'function') throw new TypeError('tenant database: callback queries are not supported');
    const statement = statementOf(config, values);
    if (!statement) throw new TypeError('tenant database: named prepared statements are not supported');
    return http.run(statement, tenantScope(project, settingsOf(statement.text)));
  };
  Object.assign(pool, { connect: scopedConnect, query });
  return pool;
}
