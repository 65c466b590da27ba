// The proxy's SQL over HTTP, spoken to by the Neon driver's own HTTP client (`neon()`), on both backends: the
// embedded session run in-process (pglite-sql.ts) and any Postgres through pg (here the same embedded database over
// its wire server). What the driver parses must equal what the WebSocket path returns.
import { neon, neonConfig, NeonDbError } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../client';
import { healthDatabaseUrl } from '../health';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { ws } from './ws';
import { startWsProxy, type WsProxy } from './ws-proxy';

let pg: EmbeddedPostgres;
const proxies: Record<'embedded' | 'pg', WsProxy> = {} as never;
const handles: DbHandle[] = [];

beforeAll(async () => {
  pg = await startEmbeddedPostgres();
  proxies.embedded = await startWsProxy({ sqlBackends: new Map([[`${pg.host}:${pg.port}`, pg.sql]]) });
  proxies.pg = await startWsProxy();
  await pg.db.exec(`create table http_t (id int primary key, name text not null, doc jsonb, at timestamptz, tags text[], raw bytea, ok boolean)`);
});
afterAll(async () => {
  for (const h of handles) await h.close();
  await proxies.embedded.close();
  await proxies.pg.close();
  await pg.stop();
});

/** The Neon driver's HTTP client pointed at one proxy. */
function sqlVia(kind: 'embedded' | 'pg') {
  neonConfig.fetchEndpoint = `http://${proxies[kind].address}/sql`;
  return neon(pg.url);
}

const post = (kind: 'embedded' | 'pg', body: string, headers: Record<string, string>) =>
  fetch(`http://${proxies[kind].address}/sql`, { method: 'POST', body, headers });

describe.each(['embedded', 'pg'] as const)('SQL over HTTP (%s backend)', (kind) => {
  const id = kind === 'embedded' ? 1 : 2;

  it('returns what the driver parses into the same values as over the WebSocket', async () => {
    const sql = sqlVia(kind);
    await sql.query(`insert into http_t values ($1, $2, $3, $4, $5, $6, $7)`, [id, "it's", { a: [1, 'x'] }, new Date('2026-01-02T03:04:05Z'), ['a', 'b,c'], Buffer.from([0, 255]), true]);
    const [row] = await sql.query(`select id, name, doc, at, tags, raw, ok, null::int as nothing, 2::int8 as big from http_t where id = $1`, [id]);
    const h = createDb({ url: pg.url, wsProxy: proxies[kind].address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
    handles.push(h);
    const client = await h.pool.connect();
    const overWs = (await client.query(`select id, name, doc, at, tags, raw, ok, null::int as nothing, 2::int8 as big from http_t where id = $1`, [id])).rows[0];
    client.release();
    expect(row).toEqual({ id, name: "it's", doc: { a: [1, 'x'] }, at: new Date('2026-01-02T03:04:05Z'), tags: ['a', 'b,c'], raw: Buffer.from([0, 255]), ok: true, nothing: null, big: '2' });
    expect(row).toEqual(overWs);
  });

  it('gives full results: fields with type oids, the command and the row count', async () => {
    const sql = sqlVia(kind);
    const r = await sql.query(`update http_t set ok = false where id = $1`, [id], { fullResults: true });
    expect(r).toMatchObject({ command: 'UPDATE', rowCount: 1, rows: [] });
    const s = await sql.query(`select id, name from http_t where id = $1`, [id], { fullResults: true, arrayMode: true });
    expect(s.rows).toEqual([[id, "it's"]]);
    expect(s.fields.map((f) => [f.name, f.dataTypeID])).toEqual([['id', 23], ['name', 25]]);
  });

  it('runs a batch as one transaction: every result, or nothing written when one statement fails', async () => {
    const sql = sqlVia(kind);
    const [a, b] = await sql.transaction([sql.query(`select set_config('app.x', $1, true) as v`, ['one']), sql.query(`select current_setting('app.x') as v`)]);
    expect([a, b]).toEqual([[{ v: 'one' }], [{ v: 'one' }]]);
    const failing = sql.transaction([sql.query(`insert into http_t (id, name) values ($1, 'kept?')`, [id + 100]), sql.query(`insert into http_t (id, name) values ($1, null)`, [id + 200])]);
    await expect(failing).rejects.toMatchObject({ code: '23502', column: 'name', table: 'http_t' });
    expect(await sql.query(`select count(*)::int as n from http_t where id in ($1, $2)`, [id + 100, id + 200])).toEqual([{ n: 0 }]);
    // the setting was local to the batch's transaction
    expect(await sql.query(`select current_setting('app.x', true) as v`)).toEqual([{ v: '' }]);
  });

  it('honours a read-only batch', async () => {
    const sql = sqlVia(kind);
    await expect(sql.transaction([sql.query(`insert into http_t (id, name) values ($1, 'ro')`, [id + 300])], { readOnly: true })).rejects.toMatchObject({ code: '25006' });
  });

  it("reports a Postgres error with its fields, as the driver's NeonDbError", async () => {
    const sql = sqlVia(kind);
    const err = await sql.query(`insert into http_t (id, name) values ($1, 'dup')`, [id]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NeonDbError);
    expect(err).toMatchObject({ code: '23505', severity: 'ERROR', constraint: 'http_t_pkey', table: 'http_t' });
    const syntax = await sql.query(`selec 1`).catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: '42601', position: '1' });
    // the session is usable afterwards
    expect(await sql.query(`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it("refuses an answer over Neon's 10 MB as Neon does", async () => {
    const sql = sqlVia(kind);
    const big = sql.query(`select repeat('x', 1024 * 1024) from generate_series(1, 11)`);
    await expect(big).rejects.toThrow(`response is too large (max is ${10 * 1024 * 1024} bytes)`);
    expect(await sql.query(`select length(repeat('x', 1024 * 1024)) as n from generate_series(1, 9)`)).toHaveLength(9);
  });

  it('refuses a request it cannot run with a 400 naming why, and reaches no other host', async () => {
    const cs = { 'neon-connection-string': pg.url };
    expect((await post(kind, '{"query":"select 1","params":[]}', {})).status).toBe(400);
    expect(await (await post(kind, 'not json', cs)).json()).toEqual({ message: 'body is not JSON' });
    expect(await (await post(kind, '{"query":1}', cs)).json()).toEqual({ message: 'query must be a string and params an array' });
    expect(await (await post(kind, '{"queries":{}}', cs)).json()).toEqual({ message: 'queries must be an array' });
    const elsewhere = await post(kind, '{"query":"select 1","params":[]}', { 'neon-connection-string': 'postgres://u:p@db.example.com:5432/x' });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.json()).toEqual({ message: 'host db.example.com not allowed' });
  });
});

describe('SQL over HTTP on the embedded session', () => {
  it('waits for an open wire transaction, and serves the health probe before queued requests', async () => {
    const h = createDb({ url: pg.url, wsProxy: proxies.embedded.address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
    const health = createDb({ url: healthDatabaseUrl(pg.url), wsProxy: proxies.embedded.address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
    handles.push(h, health);
    const a = await h.pool.connect();
    await a.query('begin');
    await a.query(`insert into http_t (id, name) values (500, 'open')`);
    const order: string[] = [];
    const user = h.pool.query<{ n: number }>('select count(*)::int as n from http_t where id = 500').then((r) => (order.push('user'), r.rows[0]!.n));
    await new Promise((r) => setTimeout(r, 50));
    const probe = health.pool.query('select 1').then(() => order.push('health'));
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    await a.query('commit');
    a.release();
    expect(await user).toBe(1); // after A's commit, never inside A's transaction
    await probe;
    expect(order).toEqual(['health', 'user']);
  });
});

describe('createDb over SQL over HTTP', () => {
  it("runs a tenant's lone statement under its scope, and a transaction over the WebSocket", async () => {
    const projectId = '0b7e6c1e-6f7a-4e2c-9a51-5d1f0c0a0a01';
    const h = createDb({ url: pg.url, wsProxy: proxies.embedded.address, webSocketConstructor: ws.WebSocket, tenant: { projectId } });
    handles.push(h);
    // cogo_app is created by the migrations; here the scope is read back through current_setting only
    await pg.db.exec(`do $$ begin if not exists (select from pg_roles where rolname = 'cogo_app') then create role cogo_app; end if; end $$; grant usage on schema public to cogo_app`);
    const before = pg.stats().statements;
    const { rows } = await h.pool.query<{ project: string; role: string }>(`select current_setting('app.project_id') as project, current_user as role`);
    expect(rows).toEqual([{ project: projectId, role: 'cogo_app' }]);
    // the scope and the statement: one request of two statements, no wire connection
    expect(pg.stats().statements - before).toBe(2);
    const client = await h.pool.connect();
    await client.query('begin');
    const inTx = await client.query<{ project: string }>(`select current_setting('app.project_id') as project`);
    await client.query('commit');
    client.release();
    expect(inTx.rows).toEqual([{ project: projectId }]);
    // what HTTP cannot carry is refused, never sent some other way
    await expect(h.pool.query({ text: 'select 1', name: 'prepared' } as never)).rejects.toThrow('named prepared statements are not supported');
  });
});
