// Lone statements on the embedded server's one session (pglite-server.ts). The tenant pool (../tenant.ts) runs a
// statement outside a transaction as three round trips — `begin /* cogo:lone */; select set_config(…)`, the
// statement, `commit` — and a real Postgres gives each connection its own session, so nobody waits on them. Here
// the session is one: held from `begin` to `commit`, it would sit idle through two round trips of the Worker while
// every other connection queued (measured: most of a request's wait under load). So the server answers such a
// `begin` itself, collects the statement up to its Sync, and runs begin, statement and commit in one turn; the
// client's own `commit` (or `rollback`) is then answered without touching the session. The client sees the
// replies a session would give. One difference, dev only: a client that drops between the statement's answer
// and its `commit` has its statement committed (it already saw it succeed).

import { LONE_MARKER } from '../lone-marker';

const enc = new TextEncoder();

function message(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const cstring = (s: string) => concat([enc.encode(s), new Uint8Array([0])]);
const commandComplete = (tag: string) => message('C', cstring(tag));
const readyForQuery = (status: 'I' | 'T' | 'E') => message('Z', enc.encode(status));

/** RowDescription + DataRow of text columns. */
function textRow(columns: Array<[name: string, value: string]>): Uint8Array {
  const fields = columns.map(([name]) => {
    const meta = new Uint8Array(18);
    const v = new DataView(meta.buffer);
    v.setInt32(0, 0); // table oid
    v.setInt16(4, 0); // column number
    v.setInt32(6, 25); // text
    v.setInt16(10, -1); // variable length
    v.setInt32(12, -1); // no modifier
    v.setInt16(16, 0); // text format
    return concat([cstring(name), meta]);
  });
  const count = (n: number) => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
  const values = columns.map(([, value]) => {
    const bytes = enc.encode(value);
    const len = new Uint8Array(4);
    new DataView(len.buffer).setInt32(0, bytes.length);
    return concat([len, bytes]);
  });
  return concat([message('T', concat([count(fields.length), ...fields])), message('D', concat([count(values.length), ...values]))]);
}

/** The text of a simple Query message. */
export function queryText(msg: Uint8Array): string {
  return new TextDecoder().decode(msg.subarray(5, msg.length - 1));
}

/** True for the `begin` of a lone statement (a simple Query starting with `begin /* cogo:lone *\/`). */
export function isLoneBegin(type: string, msg: Uint8Array): boolean {
  return type === 'Q' && queryText(msg).trimStart().startsWith(`begin ${LONE_MARKER}`);
}

/** What a session answers to the lone `begin; select set_config(…), set_config(…)`: BEGIN, one row, in a transaction. */
export function loneBeginReply(msg: Uint8Array): Uint8Array {
  const values = [...queryText(msg).matchAll(/set_config\('[^']*',\s*'([^']*)'/g)].map((m) => m[1]!);
  return concat([commandComplete('BEGIN'), textRow(values.map((v) => ['set_config', v])), commandComplete('SELECT 1'), readyForQuery('T')]);
}

/** What a session answers to the client's `commit`/`rollback` after its lone statement (which failed: `failed`). */
export function loneEndReply(msg: Uint8Array, failed: boolean): Uint8Array | null {
  const text = queryText(msg).trim().toLowerCase();
  if (text !== 'commit' && text !== 'rollback') return null;
  return concat([commandComplete(text === 'commit' && !failed ? 'COMMIT' : 'ROLLBACK'), readyForQuery('I')]);
}
