import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
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
  proxy = await startWsProxy();
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
