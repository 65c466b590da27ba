// A Postgres wire-protocol server in front of one PGlite session, with transaction pooling:
// a connection owns the session from its first message until Postgres is idle again outside a
// transaction (after Sync or a simple Query with ReadyForQuery 'I'), so the Parse/Bind/Execute
// of concurrent clients never interleave and a transaction never sees another client's statements.
// A connection that dies inside a transaction is rolled back. SQL over HTTP (the proxy's `/sql`, which carries every
// statement the Worker runs outside a transaction) takes one turn per request, without a wire connection (`sql`,
// pglite-sql.ts). Local dev and tests only.
// Turns are FIFO, except for a connection whose startup says application_name=cogo-health: the
// health probe goes next (after the current owner) instead of queueing behind every user query,
// so /healthz measures the database rather than the queue. PGlite runs synchronously, so a turn
// is never granted inside a socket callback but on the next pass of the event loop, one turn per
// pass: otherwise one pass would run a query for every readable socket before reading another
// byte, and each message of the probe would wait a whole round of them just to be read.
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { HEALTH_APPLICATION_NAME } from '../health';
import { runSimple, runStatement, type ExecRaw } from './pglite-sql';
import type { SqlBackend } from './sql-http';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Startup parameters (user, database, application_name, …) of a StartupMessage. */
function startupParams(message: Uint8Array): Map<string, string> {
  const params = new Map<string, string>();
  const text = Buffer.from(message.subarray(8)).toString('utf8');
  const parts = text.split('\0');
  for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) params.set(parts[i]!, parts[i + 1]!);
  return params;
}

/** A lock on the session, owned by one connection at a time: FIFO, with priority waiters first. */
class SessionLock {
  private owner: number | null = null;
  private readonly waiters: Array<{ id: number; priority: boolean; resolve: () => void }> = [];
  private granting = false;

  /** Turns granted so far and, per turn, how long it waited and how long it held the session (the last 100,000 each). */
  readonly granted = { turns: 0, waits: [] as number[], holds: [] as number[], heldMs: 0 };
  private grantedAt = 0;

  async acquire(id: number, priority = false): Promise<void> {
    if (this.owner === id) return;
    const asked = performance.now();
    await new Promise<void>((resolve) => {
      const waiter = { id, priority, resolve };
      // behind the other priority waiters (FIFO among them), ahead of everyone else
      const at = priority ? this.waiters.findIndex((w) => !w.priority) : -1;
      if (at >= 0) this.waiters.splice(at, 0, waiter);
      else this.waiters.push(waiter);
      this.grantSoon();
    });
    this.granted.turns++;
    if (this.granted.waits.length >= 100_000) this.granted.waits.shift();
    this.granted.waits.push(performance.now() - asked);
  }

  release(id: number): void {
    if (this.owner !== id) return;
    this.owner = null;
    const held = performance.now() - this.grantedAt;
    this.granted.heldMs += held;
    if (this.granted.holds.length >= 100_000) this.granted.holds.shift();
    this.granted.holds.push(held);
    this.grantSoon();
  }

  /** Drops a connection that is waiting (it went away before its turn). */
  forget(id: number): void {
    const i = this.waiters.findIndex((w) => w.id === id);
    if (i >= 0) this.waiters.splice(i, 1);
    this.release(id);
  }

  holds(id: number): boolean {
    return this.owner === id;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Grants the next turn after the event loop has read the sockets again (see the header). */
  private grantSoon(): void {
    if (this.granting || this.owner !== null || this.waiters.length === 0) return;
    this.granting = true;
    setImmediate(() => {
      this.granting = false;
      if (this.owner !== null) return;
      const next = this.waiters.shift();
      if (!next) return;
      this.owner = next.id;
      this.grantedAt = performance.now();
      next.resolve();
    });
  }
}

/** What the session did since the server started: benches read it to show the embedded database's share. */
export interface SessionStats {
  /** Connections accepted (each Worker request opens its own). */
  connections: number;
  /** Statements asked for: simple Query messages plus extended-protocol Executes. */
  statements: number;
  /** Turns granted on the session (one per transaction, or per statement outside one). */
  turns: number;
  /** Milliseconds PGlite spent executing messages (it is single-threaded: busy time is its capacity used). */
  busyMs: number;
  /** Per turn, ms from asking for the session to getting it (the last 100,000). */
  waits: number[];
  /** Per turn, ms from getting the session to letting it go (the last 100,000): a transaction holds it between its round trips. */
  holds: number[];
  /** Milliseconds the session was held in all (busy, or idle inside a turn waiting for its client). */
  heldMs: number;
}

export interface PgliteServer {
  port: number;
  host: string;
  /** How many connections are waiting for their turn on the session (tests, diagnostics). */
  waiting: () => number;
  /** Counters since start (a copy). */
  stats: () => SessionStats;
  /** Runs SQL-over-HTTP requests (sql-http.ts) on the session: one turn each, no wire connection. */
  sql: SqlBackend;
  stop: () => Promise<void>;
}

/** Serves `db` on host:port (0 = any free port). */
export async function servePglite(db: PGlite, options: { host?: string; port?: number } = {}): Promise<PgliteServer> {
  const lock = new SessionLock();
  // each open connection → closes it and resolves after its last turn (stop waits for those)
  const connections = new Map<Socket, () => Promise<void>>();
  let nextId = 1;
  const counts = { connections: 0, statements: 0, busyMs: 0 };

  const handle = (socket: Socket) => {
    const id = nextId++;
    counts.connections++;
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let chain = Promise.resolve();
    let closed = false;
    let priority = false;

    /** Runs one message on the session (the caller holds it) and sends its answer to the client. */
    const exec = async (message: Uint8Array): Promise<void> => {
      const type = String.fromCharCode(message[0]!);
      if (type === 'Q' || type === 'E') counts.statements++;
      const started = performance.now();
      await db.execProtocolRawStream(message, {
        onRawData: (chunk) => {
          if (chunk.length && !closed) socket.write(chunk.slice()); // a copy: the chunk is a view PGlite reuses
        },
      });
      counts.busyMs += performance.now() - started;
    };

    const run = async (message: Uint8Array, type: string | null) => {
      await lock.acquire(id, priority);
      if (closed) return lock.release(id);
      await exec(message);
      // ReadyForQuery follows Sync, a simple Query and the startup; idle outside a transaction → let others in
      if ((type === null || type === 'S' || type === 'Q') && !db.isInTransaction()) lock.release(id);
    };

    const onClose = (): Promise<void> => {
      if (closed) return chain;
      closed = true;
      chain = chain
        .then(async () => {
          if (lock.holds(id) && db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {});
        })
        .catch(() => {})
        .finally(() => {
          lock.forget(id);
          connections.delete(socket);
        });
      return chain;
    };
    connections.set(socket, () => {
      socket.destroy();
      return onClose();
    });

    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const len = buffer.readInt32BE(0);
          if (buffer.length < len) return;
          const code = buffer.readInt32BE(4);
          const msg = buffer.subarray(0, len);
          buffer = buffer.subarray(len);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          started = true;
          priority = startupParams(msg).get('application_name') === HEALTH_APPLICATION_NAME;
          const copy = new Uint8Array(msg);
          chain = chain.then(() => run(copy, null)).catch(() => void socket.destroy());
          continue;
        }
        if (buffer.length < 5) return;
        const len = buffer.readInt32BE(1) + 1;
        if (buffer.length < len) return;
        const type = String.fromCharCode(buffer[0]!);
        const msg = new Uint8Array(buffer.subarray(0, len));
        buffer = buffer.subarray(len);
        if (type === 'X') {
          socket.end();
          onClose();
          return;
        }
        chain = chain.then(() => run(msg, type)).catch(() => void socket.destroy());
      }
    });
    socket.on('error', onClose);
    socket.on('close', onClose);
  };

  const running = new Set<Promise<unknown>>();
  const sql: SqlBackend = (queries, transaction, priority) => {
    const id = nextId++;
    const execRaw: ExecRaw = async (message) => {
      const chunks: Uint8Array[] = [];
      const started = performance.now();
      await db.execProtocolRawStream(message, { onRawData: (chunk) => void (chunk.length && chunks.push(chunk.slice())) });
      counts.busyMs += performance.now() - started;
      return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    };
    const turn = (async () => {
      await lock.acquire(id, priority);
      try {
        counts.statements += queries.length;
        if (!transaction) {
          const r = await runStatement(execRaw, queries[0]!);
          return 'error' in r ? r : [r];
        }
        const failed = await runSimple(execRaw, transaction.begin);
        if (failed) return { error: failed };
        const results = [];
        for (const q of queries) {
          const r = await runStatement(execRaw, q);
          if ('error' in r) return r;
          results.push(r);
        }
        const notCommitted = await runSimple(execRaw, 'commit');
        return notCommitted ? { error: notCommitted } : results;
      } finally {
        if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {});
        lock.release(id);
      }
    })();
    running.add(turn);
    void turn.finally(() => running.delete(turn)).catch(() => {});
    return turn;
  };

  const server: Server = createServer(handle);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const addr = server.address();
  return {
    host,
    port: typeof addr === 'object' && addr ? addr.port : 0,
    waiting: () => lock.waiting,
    stats: () => ({ ...counts, turns: lock.granted.turns, waits: [...lock.granted.waits], holds: [...lock.granted.holds], heldMs: lock.granted.heldMs }),
    sql,
    stop: async () => {
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      // a turn already running finishes before the caller closes the database under it
      await Promise.all([...connections.values()].map((close) => close()));
      await Promise.allSettled([...running]);
      await closing;
    },
  };
}
