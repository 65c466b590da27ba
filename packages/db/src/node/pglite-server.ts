// A Postgres wire-protocol server in front of one PGlite session, with transaction pooling:
// a connection owns the session from its first message until Postgres is idle again outside a
// transaction (after Sync or a simple Query with ReadyForQuery 'I'), so the Parse/Bind/Execute
// of concurrent clients never interleave and a transaction never sees another client's statements.
// A connection that dies inside a transaction is rolled back. Local dev and tests only.
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** A FIFO lock on the session, owned by one connection at a time. */
class SessionLock {
  private owner: number | null = null;
  private readonly waiters: Array<{ id: number; resolve: () => void }> = [];

  async acquire(id: number): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push({ id, resolve }));
  }

  release(id: number): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    this.owner = next ? next.id : null;
    next?.resolve();
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
}

export interface PgliteServer {
  port: number;
  host: string;
  stop: () => Promise<void>;
}

/** Serves `db` on host:port (0 = any free port). */
export async function servePglite(db: PGlite, options: { host?: string; port?: number } = {}): Promise<PgliteServer> {
  const lock = new SessionLock();
  const sockets = new Set<Socket>();
  let nextId = 1;

  const handle = (socket: Socket) => {
    const id = nextId++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let chain = Promise.resolve();
    let closed = false;

    const run = async (message: Uint8Array, type: string | null) => {
      await lock.acquire(id);
      if (closed) return lock.release(id);
      await db.execProtocolRawStream(message, {
        onRawData: (chunk) => {
          if (!closed && chunk.length) socket.write(chunk);
        },
      });
      // ReadyForQuery follows Sync, a simple Query and the startup; idle outside a transaction → let others in
      if ((type === null || type === 'S' || type === 'Q') && !db.isInTransaction()) lock.release(id);
    };

    const onClose = () => {
      if (closed) return;
      closed = true;
      sockets.delete(socket);
      chain = chain.then(async () => {
        if (lock.holds(id) && db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {});
        lock.forget(id);
      });
    };

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
          const copy = new Uint8Array(msg);
          chain = chain.then(() => run(copy, null));
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
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
