// Database failures as logs may show them. drizzle wraps a driver error as
// "Failed query: <sql>\nparams: <values>" with the driver's error as `cause`; the parameters are row
// values (secrets' ciphertext, hashes, user input), and so is Postgres's `detail` ("Key (slug)=(x)
// already exists"), `hint` and `where`. What is kept: SQLSTATE, message, the names of what failed,
// and the SQL text with its $n placeholders.

/** The loggable facts of a failed query. */
export interface DbErrorInfo {
  /** SQLSTATE, e.g. `23505` (absent when the query never reached Postgres). */
  code?: string;
  message: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  /** The SQL text, placeholders only. */
  query?: string;
}

interface PgError {
  code: string;
  message: string;
  schema?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

const NAMES = ['schema', 'table', 'column', 'constraint'] as const;

// pg's DatabaseError (the Neon driver bundles pg): a 5-character SQLSTATE and a severity, unlike a
// socket error's `code` (EPIPE is 5 characters too)
export const isPgError = (e: unknown): e is PgError => {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && 'severity' in e && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
};

// DrizzleQueryError sets no name of its own; its shape is what identifies it
const isQueryError = (e: unknown): e is Error & { query: string } =>
  e instanceof Error && typeof (e as { query?: unknown }).query === 'string' && 'params' in e;

/** `err` and its causes, outermost first (bounded: a cause chain may loop). */
function chain(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && out.length < 5 && !out.includes(e); e = (e as { cause?: unknown }).cause) out.push(e);
  return out;
}

/** Describes a failed query (or a Postgres error) without its parameters or row values; null for any other error. */
export function dbErrorInfo(err: unknown): DbErrorInfo | null {
  if (!isQueryError(err) && !isPgError(err)) return null;
  const query = isQueryError(err) ? err : undefined;
  const pg = chain(err).find(isPgError);
  const info: DbErrorInfo = { message: 'failed query' };
  if (pg) {
    info.code = pg.code;
    info.message = pg.message;
    for (const k of NAMES) if (typeof pg[k] === 'string' && pg[k]) info[k] = pg[k] as string;
  } else {
    // reached no database (connection, timeout): the cause says why; the query error's own message holds the params
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error) info.message = cause.message || cause.name;
  }
  if (query) info.query = query.query;
  return info;
}

/** True when `err` (or its cause) is a unique violation, SQLSTATE 23505. */
export function isUniqueViolation(err: unknown): boolean {
  return chain(err).find(isPgError)?.code === '23505';
}
