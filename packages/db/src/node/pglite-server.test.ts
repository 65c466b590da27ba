import { connect as tcpConnect } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type DbHandle } from '../client';
import { healthDatabaseUrl } from '../health';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { servePglite } from './pglite-server';
import { startWsProxy, type WsProxy } from './ws-proxy';
import { ws } from './ws';

let pg: EmbeddedPostgres;
let proxy: WsProxy;
const handles: DbHandle[] = [];
const connect = () => {
  const h = createDb({ url: pg.url, wsProxy: proxy.address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
  handles.push(h);
  return h;
};

beforeAll(async () => {
  pg = await startEmbeddedPostgres();
  // statements outside a transaction (pool.query) come over HTTP, run on the session in-process (pglite-sql.ts)
  proxy = await startWsProxy({ sqlBackends: new Map([[`${pg.host}:${pg.port}`, pg.sql]]) });
});
afterAll(async () => {
  for (const h of handles) await h.close();
  await proxy.close();
  await pg.stop();
});

describe('PGlite wire server with transaction pooling', () => {
  it('answers 40 concurrent parameterised queries from 40 connections each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const r = await connect().pool.query<{ n: number; s: string }>('select $1::int as n, $2::text as s', [i, `v${i}`]);
        return r.rows[0];
      }),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => ({ n: i, s: `v${i}` })));
  });

  it("keeps one connection's open transaction invisible to, and unbroken by, another", async () => {
    const a = connect();
    const b = connect();
    await a.pool.query('create table if not exists t_iso (v int)');
    const order: string[] = [];
    const clientA = await a.pool.connect();
    await clientA.query('begin');
    await clientA.query('insert into t_iso values (1)');
    // B asks while A's transaction is open: it must wait for A, not run inside A's transaction
    const bRead = b.pool.query<{ n: number }>('select count(*)::int as n from t_iso').then((r) => {
      order.push('b-read');
      return r.rows[0]!.n;
    });
    await new Promise((r) => setTimeout(r, 50));
    await clientA.query('insert into t_iso values (2)');
    order.push('a-commit');
    await clientA.query('commit');
    clientA.release();
    expect(await bRead).toBe(2);
    expect(order).toEqual(['a-commit', 'b-read']);
  });

  it('counts how long each turn held the session: an open transaction holds it while its client is away', async () => {
    const a = connect();
    const before = pg.stats();
    const client = await a.pool.connect();
    await client.query('begin');
    await new Promise((r) => setTimeout(r, 80));
    await client.query('commit');
    client.release();
    await a.pool.query('select 1');
    const after = pg.stats();
    const holds = after.holds.slice(before.holds.length);
    // the startup's turn, the transaction's, the lone statement's (over HTTP)
    expect(holds.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...holds)).toBeGreaterThanOrEqual(75);
    expect(after.heldMs - before.heldMs).toBeGreaterThanOrEqual(75);
    expect(after.busyMs - before.busyMs).toBeLessThan(after.heldMs - before.heldMs);
  });

  it('answers a result of many megabytes whole and intact (each chunk PGlite hands over is copied before it is queued)', async () => {
    const client = await connect().pool.connect();
    const { rows } = await client.query<{ g: number; v: string }>(`select g, repeat(chr(64 + g), 1024 * 1024) as v from generate_series(1, 11) g`);
    client.release();
    expect(rows.map((r) => r.g)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const r of rows) expect(r.v === String.fromCharCode(64 + r.g).repeat(1024 * 1024), `row ${r.g}`).toBe(true);
  });

  it('rolls back the transaction of a connection that dies inside it', async () => {
    const a = connect();
    await a.pool.query('create table if not exists t_dead (v int)');
    const client = await a.pool.connect();
    await client.query('begin');
    await client.query('insert into t_dead values (1)');
    client.release(true); // destroys the connection mid-transaction
    const r = await connect().pool.query<{ n: number }>('select count(*)::int as n from t_dead');
    expect(r.rows[0]!.n).toBe(0);
  });
});

const cstring = (s: string) => Buffer.from(`${s}\0`);

/**
 * A raw wire-protocol client that keeps 3 simple queries of ~2 ms queued on the server at all times,
 * cheap enough on the client side that the server, not the test, is what stays saturated.
 */
function busyClient(port: number, onAnswer: () => void) {
  const params = Buffer.concat([cstring('user'), cstring('postgres'), cstring('database'), cstring('postgres'), Buffer.from([0])]);
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4); // protocol 3.0
  const sql = cstring('select pg_sleep(0.002)');
  const query = Buffer.concat([Buffer.from('Q'), Buffer.alloc(4), sql]);
  query.writeInt32BE(4 + sql.length, 1);
  const socket = tcpConnect(port, '127.0.0.1', () => socket.write(Buffer.concat([startup, params])));
  let buffer = Buffer.alloc(0);
  let ready = false;
  let stopped = false;
  socket.on('data', (data) => {
    buffer = Buffer.concat([buffer, data]);
    while (buffer.length >= 5 && buffer.length >= buffer.readInt32BE(1) + 1) {
      const type = String.fromCharCode(buffer[0]!);
      buffer = buffer.subarray(buffer.readInt32BE(1) + 1);
      if (type !== 'Z' || stopped) continue; // ReadyForQuery: the startup or one query is done
      if (ready) onAnswer();
      socket.write(ready ? query : Buffer.concat([query, query, query]));
      ready = true;
    }
  });
  socket.on('error', () => {});
  return { ready: () => ready, stop: () => ((stopped = true), socket.destroy()) };
}

describe('PGlite wire server: the health connection goes next', () => {
  it('gives a connection named cogo-health the next turn, ahead of the queued ordinary ones', async () => {
    const db = await PGlite.create();
    const server = await servePglite(db);
    const url = `postgres://postgres:postgres@${server.host}:${server.port}/postgres`;
    const open = (u: string) => {
      const h = createDb({ url: u, wsProxy: proxy.address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
      handles.push(h);
      return h;
    };
    try {
      const order: string[] = [];
      const a = await open(url).pool.connect();
      const b = await open(url).pool.connect();
      await a.query('begin');
      await a.query('select 1');
      // B queues a transaction of its own, so the test decides when it ends
      const bBegin = b.query('begin').then(() => order.push('b-begin'));
      await vi.waitFor(() => expect(server.waiting()).toBe(1));
      const users = [1, 2, 3].map((i) => open(url).pool.query('select $1::int as n', [i]).then(() => order.push(`user-${i}`)));
      await vi.waitFor(() => expect(server.waiting()).toBe(4));
      // a new connection: even its startup message waits for a turn
      const health = open(healthDatabaseUrl(url)).pool.query('select 1').then(() => order.push('health'));
      await vi.waitFor(() => expect(server.waiting()).toBe(5));
      await a.query('commit');
      a.release();
      await bBegin;
      // B holds the session now; the health query, sent after its startup, must be queued first
      await vi.waitFor(() => expect(server.waiting()).toBe(4));
      await b.query('commit');
      b.release();
      await Promise.all([health, ...users]);
      expect(order.slice(0, 2)).toEqual(['b-begin', 'health']);
      expect(order.slice(2).sort()).toEqual(['user-1', 'user-2', 'user-3']);
    } finally {
      await server.stop();
      await db.close();
    }
  });

  it('lets the health connection through while busy connections keep the session saturated', async () => {
    const db = await PGlite.create();
    const server = await servePglite(db);
    const url = `postgres://postgres:postgres@${server.host}:${server.port}/postgres`;
    const BUSY = 40;
    let answered = 0;
    const clients = Array.from({ length: BUSY }, () => busyClient(server.port, () => answered++));
    try {
      await vi.waitFor(() => expect(clients.every((c) => c.ready()) && answered > 5 * BUSY).toBe(true), { timeout: 30_000 });
      const before = answered;
      const health = createDb({ url: healthDatabaseUrl(url), wsProxy: proxy.address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
      handles.push(health);
      await health.pool.query('select 1');
      // Its startup and its query each go next, so it waits a few busy turns, not rounds of all of them
      // (FIFO: two rounds; granting turns inside socket callbacks: the sockets starve, ~20 rounds).
      expect(answered - before).toBeLessThan(BUSY);
    } finally {
      clients.forEach((c) => c.stop());
      await server.stop();
      await db.close();
    }
  });
});
