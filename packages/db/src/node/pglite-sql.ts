// Statements for the SQL-over-HTTP endpoint (sql-http.ts) run straight on the embedded session: the extended
// protocol's messages built here (text parameters, text results, as the Neon driver and pg send them) and the answer
// read back as Neon's HTTP endpoint returns it: each field's name and type oid, rows of raw text, the command tag's
// verb and count; a Postgres error with its fields. No socket, no client library: one turn of the session per
// request (pglite-server.ts), where a wire client would hold it across its round trips.

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface SqlQuery {
  query: string;
  params: unknown[];
}

export interface SqlField {
  name: string;
  tableID: number;
  columnID: number;
  dataTypeID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: 'text';
}

export interface SqlResult {
  command: string;
  rowCount: number | null;
  rows: Array<Array<string | null>>;
  fields: SqlField[];
  rowAsArray: true;
}

/** A Postgres error as Neon's endpoint reports it (the driver copies these onto its NeonDbError). */
export type SqlError = { message: string } & Record<string, string>;

/** Runs protocol messages (one or more in one buffer) on the session (the caller holds it); the answer, every byte. */
export type ExecRaw = (message: Uint8Array) => Promise<Uint8Array>;

function message(type: string, parts: Uint8Array[]): Uint8Array {
  const len = parts.reduce((n, p) => n + p.length, 4);
  const out = new Uint8Array(1 + len);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, len);
  let at = 5;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const cstring = (s: string) => {
  const b = enc.encode(s);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
};
const int16 = (n: number) => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, n);
  return out;
};

/** A parameter as text (the driver sends strings already; anything else as JSON would be sent). */
function paramText(v: unknown): Uint8Array | null {
  if (v === null || v === undefined) return null;
  return enc.encode(typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/**
 * Parse + Bind + Describe + Execute + Sync of the unnamed statement and portal, as one buffer: PGlite runs every
 * message of an input in one call (a call each cost ~0.25 ms more per statement, measured on inserts).
 */
function extendedQuery(q: SqlQuery): Uint8Array {
  const values = q.params.map(paramText);
  const bind: Uint8Array[] = [cstring(''), cstring(''), int16(0), int16(values.length)];
  for (const v of values) bind.push(...(v ? [int32(v.length), v] : [int32(-1)]));
  bind.push(int16(1), int16(0)); // every result column as text
  return Buffer.concat([
    message('P', [cstring(''), cstring(q.query), int16(0)]),
    message('B', bind),
    message('D', [enc.encode('P'), new Uint8Array([0])]),
    message('E', [cstring(''), int32(0)]),
    message('S', []),
  ]);
}

/** The simple Query message of `text`. */
const simpleQuery = (text: string) => message('Q', [cstring(text)]);

/** ErrorResponse field codes and the names Neon's endpoint (and pg's DatabaseError) give them. */
const ERROR_CODES: Record<string, string> = {
  V: 'severity',
  C: 'code',
  M: 'message',
  D: 'detail',
  H: 'hint',
  P: 'position',
  p: 'internalPosition',
  q: 'internalQuery',
  W: 'where',
  s: 'schema',
  t: 'table',
  c: 'column',
  d: 'dataType',
  n: 'constraint',
  F: 'file',
  L: 'line',
  R: 'routine',
};

/** The fields of a Postgres error besides its message, as Neon's endpoint reports them. */
export const ERROR_FIELDS = Object.values(ERROR_CODES).filter((k) => k !== 'message');

function cstr(bytes: Uint8Array, at: number): [string, number] {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return [dec.decode(bytes.subarray(at, end)), end + 1];
}

/** The answer's messages, in order. */
function* messages(bytes: Uint8Array): Generator<[type: string, body: Uint8Array]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 5 <= bytes.length; ) {
    const len = view.getInt32(at + 1);
    yield [String.fromCharCode(bytes[at]!), bytes.subarray(at + 5, at + 1 + len)];
    at += 1 + len;
  }
}

function readError(body: Uint8Array): SqlError {
  const err: Record<string, string> = {};
  for (let at = 0; at < body.length && body[at] !== 0; ) {
    const code = String.fromCharCode(body[at]!);
    const [value, next] = cstr(body, at + 1);
    const name = ERROR_CODES[code];
    if (name) err[name] = value;
    at = next;
  }
  return { message: err.message ?? 'unknown error', ...err } as SqlError;
}

function readFields(body: Uint8Array): SqlField[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const fields: SqlField[] = [];
  let at = 2;
  for (let i = view.getInt16(0); i > 0; i--) {
    const [name, next] = cstr(body, at);
    at = next;
    fields.push({
      name,
      tableID: view.getInt32(at),
      columnID: view.getInt16(at + 4),
      dataTypeID: view.getInt32(at + 6),
      dataTypeSize: view.getInt16(at + 10),
      dataTypeModifier: view.getInt32(at + 12),
      format: 'text',
    });
    at += 18;
  }
  return fields;
}

function readRow(body: Uint8Array): Array<string | null> {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const row: Array<string | null> = [];
  let at = 2;
  for (let i = view.getInt16(0); i > 0; i--) {
    const len = view.getInt32(at);
    at += 4;
    if (len < 0) row.push(null);
    else {
      row.push(dec.decode(body.subarray(at, at + len)));
      at += len;
    }
  }
  return row;
}

/** `SELECT 3` → SELECT, 3; `INSERT 0 1` → INSERT, 1; a tag without a count → null. */
function readTag(body: Uint8Array): { command: string; rowCount: number | null } {
  const [tag] = cstr(body, 0);
  const words = tag.split(' ');
  const last = Number(words[words.length - 1]);
  return { command: words[0] ?? '', rowCount: words.length > 1 && Number.isInteger(last) ? last : null };
}

/** Runs one statement on the session; its result, or the Postgres error that stopped it. */
export async function runStatement(exec: ExecRaw, q: SqlQuery): Promise<SqlResult | { error: SqlError }> {
  const result: SqlResult = { command: '', rowCount: null, rows: [], fields: [], rowAsArray: true };
  let error: SqlError | undefined;
  for (const [type, body] of messages(await exec(extendedQuery(q)))) {
    if (type === 'T') result.fields = readFields(body);
    else if (type === 'D') result.rows.push(readRow(body));
    else if (type === 'C') Object.assign(result, readTag(body));
    else if (type === 'E') error ??= readError(body);
  }
  return error ? { error } : result;
}

/** Runs a simple statement (begin, commit, rollback); the Postgres error, if it failed. */
export async function runSimple(exec: ExecRaw, text: string): Promise<SqlError | undefined> {
  for (const [type, body] of messages(await exec(simpleQuery(text)))) if (type === 'E') return readError(body);
  return undefined;
}
