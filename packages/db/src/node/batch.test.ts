// batch(): statements built with Drizzle, run as one non-interactive transaction over HTTP (one turn on the embedded
// database's session, none held between round trips), answers mapped as the query builders map them; all or nothing;
// a tenant handle's batch runs in its project's scope; on a transaction's `tx` the statements run in order on it.
import { eq, sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, createDb, type DbHandle } from '../client';
import { isUniqueViolation } from '../errors';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { ws } from './ws';
import { startWsProxy, type WsProxy } from './ws-proxy';

const items = pgTable('batch_items', {
  id: integer('id').primaryKey(),
  itemName: text('item_name').notNull(),
  doc: jsonb('doc').$type<{ n: number }>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
const notes = pgTable('batch_notes', { itemId: integer('item_id').notNull(), note: text('note').notNull() });

const PROJECT = '7c2f0b7e-4a53-4a8e-9a0f-3b1d2c4e5f60';
let pg: EmbeddedPostgres;
let proxy: WsProxy;
const handles: DbHandle[] = [];

function open(tenant?: string): DbHandle {
  const h = createDb({ url: pg.url, wsProxy: proxy.address, webSocketConstructor: ws.WebSocket, maxConnections: 1, tenant: tenant ? { projectId: tenant } : undefined });
  handles.push(h);
  return h;
}

beforeAll(async () => {
  pg = await startEmbeddedPostgres();
  proxy = await startWsProxy({ sqlBackends: new Map([[`${pg.host}:${pg.port}`, pg.sql]]) });
  await pg.db.exec(`
    create table batch_items (id int primary key, item_name text not null, doc jsonb, created_at timestamptz not null default now());
    create table batch_notes (item_id int not null, note text not null);
    create role cogo_app nologin;
    grant select, insert on batch_items, batch_notes to cogo_app;`);
});
afterAll(async () => {
  for (const h of handles) await h.close();
  await proxy.close();
  await pg.stop();
});

describe('batch', () => {
  it('runs its statements as one turn on the session and answers each as its query builder would', async () => {
    const { db } = open();
    const before = pg.stats();
    const [inserted, none, selected, counted] = await batch(db, [
      (b) => b.insert(items).values({ id: 1, itemName: 'first', doc: { n: 1 } }).returning(),
      (b) => b.insert(notes).values([{ itemId: 1, note: 'a' }, { itemId: 1, note: 'b' }]),
      (b) => b.select({ name: items.itemName, doc: items.doc }).from(items).where(eq(items.id, 1)),
      (b) => b.select({ n: sql<number>`count(*)::int` }).from(notes),
    ]);
    const after = pg.stats();
    expect(after.turns - before.turns).toBe(1);
    expect(after.statements - before.statements).toBe(4);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({ id: 1, itemName: 'first', doc: { n: 1 } });
    expect(inserted[0]!.createdAt).toBeInstanceOf(Date);
    expect(none).toMatchObject({ rowCount: 2 });
    // the select sees the rows inserted before it in the same transaction
    expect(selected).toEqual([{ name: 'first', doc: { n: 1 } }]);
    expect(counted).toEqual([{ n: 2 }]);
  });

  it('writes nothing when one statement fails, and rejects with the Postgres error', async () => {
    const { db } = open();
    const failing = batch(db, [
      (b) => b.insert(items).values({ id: 2, itemName: 'kept?' }),
      (b) => b.insert(notes).values({ itemId: 2, note: 'kept?' }),
      (b) => b.insert(items).values({ id: 1, itemName: 'duplicate id' }),
    ]);
    await expect(failing).rejects.toMatchObject({ cause: { code: '23505', constraint: 'batch_items_pkey' } });
    expect(isUniqueViolation(await failing.catch((e: unknown) => e))).toBe(true);
    expect((await pg.db.query(`select count(*)::int as n from batch_items where id = 2`)).rows).toEqual([{ n: 0 }]);
    expect((await pg.db.query(`select count(*)::int as n from batch_notes where item_id = 2`)).rows).toEqual([{ n: 0 }]);
  });

  it("runs a tenant handle's batch in the project's scope, as the tenant role", async () => {
    const { db } = open(PROJECT);
    const [[scope], [again]] = await batch(db, [
      (b) => b.execute(sql`select current_user as who, current_setting('app.project_id') as project`).then((r) => r.rows),
      (b) => b.execute(sql`select current_setting('app.project_id') as project`).then((r) => r.rows),
    ]);
    expect(scope).toEqual({ who: 'cogo_app', project: PROJECT });
    expect(again).toEqual({ project: PROJECT });
  });

  it("runs in order on a transaction's tx, inside that transaction", async () => {
    const { db } = open();
    const rolledBack = db.transaction(async (tx) => {
      const [[row], rows] = await batch(tx, [(b) => b.insert(items).values({ id: 3, itemName: 'in tx' }).returning(), (b) => b.select().from(items).where(eq(items.id, 3))]);
      expect(row).toMatchObject({ id: 3, itemName: 'in tx' });
      expect(rows).toHaveLength(1);
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    expect((await pg.db.query(`select count(*)::int as n from batch_items where id = 3`)).rows).toEqual([{ n: 0 }]);
  });
});
