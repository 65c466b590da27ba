// Tenancy enforced by Postgres (migration 0008, packages/db/src/tenant.ts): as project B, queries that forget to
// filter by project — deliberately, on every tenant table — see and change only B's rows, and writes carrying A's
// project are refused by the database itself. Runs on the embedded PGlite, and on TEST_DATABASE_URL when set.
import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSettings } from '@cogo/db';
import { testDb } from '../../test/helpers';
import { tenantDb } from './db';

const service = testDb();
const A = crypto.randomUUID();
const B = crypto.randomUUID();
let asB: ReturnType<typeof tenantDb>;

/**
 * Every tenant table, with one insert per project (`$1` = project id, `$2` = a fresh uuid for the row; `$3`, when set,
 * the project whose parent row a child row hangs on — B's, to try a row of A that B could otherwise reference).
 */
const TABLES: Record<string, string> = {
  'public.pages': `insert into public.pages (id, project_id, file_key, node_id, name, data) values ($2::uuid, $1, 'F', $2::text, 'p', '{}')`,
  'public.project_pages': `insert into public.project_pages (project_id, page_id, route, position)
     select $1, id, '/' || $2::text, 0 from public.pages where project_id = coalesce($3::uuid, $1) limit 1`,
  'public.components': `insert into public.components (id, project_id, page_id, file_key, node_id, name, type, props, content_hash)
     select $2::uuid, $1, id, 'F', $2::text, 'c', 'FRAME', '{}', 'h' from public.pages where project_id = coalesce($3::uuid, $1) limit 1`,
  'cogo.jobs': `insert into cogo.jobs (id, project_id, kind, status, input) values ($2, $1, 'figma-context', 'done', '{}')`,
  'cogo.job_events': `insert into cogo.job_events (project_id, job_id, seq, type, data)
     select $1, id, 1, 'ready', jsonb_build_object('row', $2::text) from cogo.jobs where project_id = coalesce($3::uuid, $1) limit 1`,
  'cogo.bus_events': `insert into cogo.bus_events (project_id, type, source, payload) values ($1, 'x', 'test', jsonb_build_object('row', $2::text))`,
  'cogo.request_metrics': `insert into cogo.request_metrics (project_id, route, method, status, duration_ms, trace_id) values ($1, '/x', 'GET', 200, 1, $2::text)`,
  'cogo.project_api_keys': `insert into cogo.project_api_keys (id, project_id, name, prefix, secret_hash) values ($2::uuid, $1, 'k', 'cogo_' || left($2::text, 8), 'h')`,
  'cogo.secure_keys': `insert into cogo.secure_keys (project_id, alias, version, ciphertext, iv, master_key_id, status)
     values ($1, 'A_' || replace($2::text, '-', '_'), 1, 'Yw==', 'aQ==', 'mk', 'active')`,
  'cogo.secure_keys_audit': `insert into cogo.secure_keys_audit (project_id, alias, version, action, actor) values ($1, $2::text, 1, 'set', 'test')`,
  'cogo.figma_webhooks': `insert into cogo.figma_webhooks (id, project_id, figma_webhook_id, event_type, context, context_id, endpoint, passcode_hash, status)
     values ($2::uuid, $1, $2::text, 'FILE_UPDATE', 'file', 'F', 'https://x', 'h', 'ACTIVE')`,
  'cogo.figma_webhook_deliveries': `insert into cogo.figma_webhook_deliveries (webhook_id, project_id, delivery_key, event_type, file_key, figma_timestamp)
     select id, $1, $2::text, 'FILE_UPDATE', 'F', now()::text from cogo.figma_webhooks where project_id = coalesce($3::uuid, $1) limit 1`,
  'cogo.project_updates': `insert into cogo.project_updates (project_id, entity, entity_id, operation, version) values ($1, 'page', $2, 'insert', 1)`,
};

beforeAll(async () => {
  await service.pool.query(`insert into public.projects (id, slug, name) values ($1, $2, 'A'), ($3, $4, 'B')`, [A, `rls-a-${A.slice(0, 8)}`, B, `rls-b-${B.slice(0, 8)}`]);
  for (const insert of Object.values(TABLES)) {
    for (const project of [A, B]) await service.pool.query(insert, params(insert, project, null));
  }
  asB = tenantDb(env, B);
});
afterAll(async () => {
  await asB?.close();
  await service.pool.query('delete from public.projects where id = any($1)', [[A, B]]);
  await service.close();
});

/** The parameters a statement of TABLES takes (Postgres refuses unused ones). */
const params = (statement: string, project: string, parentOf: string | null) =>
  statement.includes('$3') ? [project, crypto.randomUUID(), parentOf] : [project, crypto.randomUUID()];

const projectsOf = (rows: Array<Record<string, unknown>>) => [...new Set(rows.map((r) => r.project_id))];

describe('row-level security: project B sees and changes only its rows', () => {
  it.each(Object.keys(TABLES))('an unfiltered select * from %s returns only B rows', async (table) => {
    const { rows } = await asB.pool.query(`select * from ${table}`);
    expect(rows.length, table).toBeGreaterThan(0);
    expect(projectsOf(rows)).toEqual([B]);
  });

  it('sees only its own project', async () => {
    const { rows } = await asB.pool.query('select id from public.projects');
    expect(rows).toEqual([{ id: B }]);
  });

  it.each(Object.keys(TABLES))('refuses an insert into %s carrying project A', async (table) => {
    await expect(asB.pool.query(TABLES[table]!, params(TABLES[table]!, A, B))).rejects.toMatchObject({ code: '42501' });
  });

  it.each(Object.keys(TABLES))('an unfiltered update of %s touches only B rows, and cannot move one to A', async (table) => {
    const count = async (project: string) => (await service.pool.query(`select count(*)::int as n from ${table} where project_id = $1`, [project])).rows[0].n;
    const before = await count(A);
    const updated = await asB.pool.query(`update ${table} set project_id = project_id`);
    expect(updated.rowCount).toBe(await count(B));
    await expect(asB.pool.query(`update ${table} set project_id = $1`, [A])).rejects.toMatchObject({ code: '42501' });
    const deleted = await asB.pool.query(`delete from ${table} where project_id = $1`, [A]);
    expect(deleted.rowCount).toBe(0);
    expect(await count(A)).toBe(before);
  });

  it('scopes Drizzle transactions too, and the scope ends with them', async () => {
    const inTx = await asB.db.transaction(async (tx) => {
      const who = await tx.execute(sql`select current_user as role, current_setting('app.project_id', true) as project`);
      const jobs = await tx.execute(sql`select project_id from cogo.jobs`);
      return { who: who.rows[0], projects: projectsOf(jobs.rows) };
    });
    expect(inTx).toEqual({ who: { role: 'cogo_app', project: B }, projects: [B] });
    // the service database (possibly the same local session) is not left acting as B
    const all = await service.pool.query('select distinct project_id from cogo.jobs where project_id = any($1)', [[A, B]]);
    expect(all.rows.map((r) => r.project_id).sort()).toEqual([A, B].sort());
  });

  it('applies a statement\'s localSettings() as SET LOCAL, alone or inside a transaction, and never past it', async () => {
    const ask = sql`select current_setting('hnsw.ef_search', true) as ef, current_setting('app.project_id', true) as project`;
    const local = sql`${sql.raw(localSettings({ 'hnsw.ef_search': '77' }))}${ask}`;
    expect((await asB.db.execute(local)).rows[0]).toEqual({ ef: '77', project: B });
    // the next lone statement runs in its own scope: the setting ended with the other one
    expect((await asB.db.execute(ask)).rows[0]).not.toMatchObject({ ef: '77' });
    const inTx = await asB.db.transaction(async (tx) => [(await tx.execute(ask)).rows[0], (await tx.execute(local)).rows[0]]);
    expect(inTx[0]).not.toMatchObject({ ef: '77' });
    expect(inTx[1]).toEqual({ ef: '77', project: B });
    // names and values are checked where the prefix is made, and again where it is read
    expect(() => localSettings({ "x'; reset role; --": '1' })).toThrow(/not allowed/);
    expect(() => localSettings({ 'hnsw.ef_search': "1', false); --" })).toThrow(/not allowed/);
    const forged = sql`${sql.raw("/* cogo:local hnsw.ef_search=1';reset role;-- */ ")}${ask}`;
    expect((await asB.db.execute(forged)).rows[0]).toMatchObject({ project: B });
  });

  it('refuses a tenant database for something that is not a project id', () => {
    expect(() => tenantDb(env, "x'; reset role; --")).toThrow(/uuid/);
  });
});
