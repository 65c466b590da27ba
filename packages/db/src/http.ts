// Lone statements over HTTP. A Worker cannot keep a connection between requests, so a statement over the pool's
// WebSocket costs a WebSocket, a Postgres startup and its own round trips on every request (profiled under load: the
// driver and WebSocket sends were over 40 % of the worker's CPU per request). Neon answers SQL over HTTP beside its
// WebSockets (the local proxy does too: node/sql-http.ts), so a statement outside a transaction — a tenant's with
// its scope as one non-interactive transaction — is one fetch. Interactive transactions (`db.transaction`) keep the
// WebSocket: they need a session.
import { neon, type CustomTypesConfig, type FullQueryResults } from '@neondatabase/serverless';

/** A pg-style query as Drizzle and our code pass it to `pool.query(config, values)`. */
export interface Statement {
  text: string;
  values: unknown[];
  arrayMode: boolean;
  types?: CustomTypesConfig | undefined;
}

/** The statement of a `pool.query(config, values)` call, or null for what HTTP cannot carry (a named prepared statement). */
export function statementOf(config: unknown, values?: unknown): Statement | null {
  if (typeof config === 'string') return { text: config, values: Array.isArray(values) ? values : [], arrayMode: false };
  if (!config || typeof config !== 'object') return null;
  const c = config as { text?: unknown; values?: unknown; rowMode?: unknown; types?: CustomTypesConfig; name?: unknown };
  if (typeof c.text !== 'string' || c.name) return null;
  const vals = Array.isArray(values) ? values : Array.isArray(c.values) ? c.values : [];
  return { text: c.text, values: vals, arrayMode: c.rowMode === 'array', types: c.types };
}

export interface HttpSql {
  /** Runs one statement; `preamble` (e.g. the tenant's `select set_config(…)`) runs before it in the same transaction. */
  run: (statement: Statement, preamble?: string) => Promise<FullQueryResults<boolean>>;
  /** Runs statements as one non-interactive transaction (one request, all or nothing), after `preamble` if given. */
  runAll: (statements: Statement[], preamble?: string) => Promise<Array<FullQueryResults<boolean>>>;
}

/** SQL over HTTP for `url` (its endpoint: Neon's, or `neonConfig.fetchEndpoint` for the local proxy). */
export function httpSql(url: string): HttpSql {
  const sql = neon<boolean, true>(url, { fullResults: true });
  // per-query options hold inside a transaction too: each result is read with its own arrayMode and types
  const query = (s: Statement) => sql.query(s.text, s.values, { arrayMode: s.arrayMode, fullResults: true as const, ...(s.types ? { types: s.types } : {}) });
  return {
    run: async (s, preamble) => {
      if (!preamble) return (await query(s)) as FullQueryResults<boolean>;
      const [, result] = await sql.transaction([sql.query(preamble), query(s)], { fullResults: true });
      return result as FullQueryResults<boolean>;
    },
    runAll: async (statements, preamble) => {
      const results = await sql.transaction([...(preamble ? [sql.query(preamble)] : []), ...statements.map(query)], { fullResults: true });
      return (preamble ? results.slice(1) : results) as Array<FullQueryResults<boolean>>;
    },
  };
}
