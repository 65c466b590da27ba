// Migration 0006 (seed 002's two domains) on a database filled by the schema before it: every row of every table
// must still be there afterwards, platform tables under `cogo`, user-owned ones under `public`, with their foreign
// keys, sequences and indexes, and the app's Drizzle queries (which name `"cogo"."jobs"`) must work on it.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../client';
import * as schema from '../schema';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { MIGRATIONS_DIR, runMigrations } from './migrate';
import { startWsProxy, type WsProxy } from './ws-proxy';
import { ws } from './ws';

const USER_TABLES = ['components', 'pages', 'project_pages', 'projects'];
const PLATFORM_TABLES = [
  'bus_events',
  'figma_cache_entries',
  'figma_webhook_deliveries',
  'figma_webhooks',
  'job_events',
  'jobs',
  'project_api_keys',
  'request_metrics',
  'secure_keys',
  'secure_keys_audit',
];

/** Tables later migrations create in cogo (not moved: they did not exist at 0005). */
const CREATED_LATER = ['design_sync_audit', 'job_batches', 'llm_models', 'llm_providers', 'llm_usage', 'project_updates', 'provider_health', 'routing_policies'];
/** User tables later migrations create in public. */
const PUBLIC_LATER = ['action_flows', 'artifacts', 'chat_sessions', 'code_components', 'component_mappings', 'design_sync_credentials', 'design_sync_schedules', 'document_chunks', 'document_tags', 'documents', 'drift_feedback', 'messages', 'notification_events', 'notification_settings', 'rag_ingest_jobs', 'sync_operations', 'test_sessions', 'token_versions', 'undo_stack'];
const COGO_AFTER = [...PLATFORM_TABLES, ...CREATED_LATER].sort();

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const PAGE_A = '00000000-0000-4000-8000-0000000000a1';
const PAGE_B = '00000000-0000-4000-8000-0000000000b1';
const JOB_A = '00000000-0000-4000-8000-0000000000a2';
const JOB_B = '00000000-0000-4000-8000-0000000000b2';
const KEY_A = '00000000-0000-4000-8000-0000000000a3';
const HOOK_A = '00000000-0000-4000-8000-0000000000a4';

/** Rows for every table of the schema at 0005, two projects, with a row on each side of every foreign key. */
const FILL = [
  `insert into projects (id, slug, name, settings) values ('${A}', 'a', 'A', '{"k":1}'), ('${B}', 'b', 'B', '{}')`,
  `insert into pages (id, project_id, file_key, node_id, name, data, content_hash) values
     ('${PAGE_A}', '${A}', 'FA', '0:1', 'Home', '{"x":1}', 'h'), ('${PAGE_B}', '${B}', 'FB', '0:1', 'Home', '{}', null)`,
  `insert into project_pages (project_id, page_id, route, position) values ('${A}', '${PAGE_A}', '/', 0), ('${B}', '${PAGE_B}', '/b', 1)`,
  `insert into components (id, project_id, page_id, file_key, node_id, name, type, props, content_hash) values
     ('00000000-0000-4000-8000-0000000000a5', '${A}', '${PAGE_A}', 'FA', '1:2', 'Button', 'COMPONENT', '{"v":"p"}', 'c1'),
     ('00000000-0000-4000-8000-0000000000b5', '${B}', '${PAGE_B}', 'FB', '1:2', 'Card', 'FRAME', '{}', 'c2')`,
  `insert into jobs (id, project_id, kind, status, input, result, trace_id) values
     ('${JOB_A}', '${A}', 'figma-context', 'done', '{"file_key":"FA"}', '{"pages":1}', 't-a'),
     ('${JOB_B}', '${B}', 'figma-context', 'running', '{}', null, null)`,
  `insert into job_events (project_id, job_id, seq, type, data) values
     ('${A}', '${JOB_A}', 1, 'ready', '{}'), ('${A}', '${JOB_A}', 2, 'done', '{"ok":true}'), ('${B}', '${JOB_B}', 1, 'ready', '{}')`,
  `insert into bus_events (project_id, trace_id, type, source, payload) values
     ('${A}', 't-a', 'job.done', 'api', '{"job":"${JOB_A}"}'), (null, 't-ip', 'rate_limit.exceeded', 'api', '{}')`,
  `insert into project_api_keys (id, project_id, name, prefix, secret_hash) values ('${KEY_A}', '${A}', 'first', 'cogo_aaaa', 'hash-a')`,
  `insert into project_api_keys (project_id, name, prefix, secret_hash, rotated_from) values ('${A}', 'second', 'cogo_aaab', 'hash-b', '${KEY_A}')`,
  `insert into secure_keys (project_id, alias, version, ciphertext, iv, master_key_id, last4, status) values
     ('${A}', 'FIGMA_API_KEY', 1, 'Y2lwaGVy', 'aXY=', 'mk1', null, 'rotated'), ('${A}', 'FIGMA_API_KEY', 2, 'Y2lwaGVyMg==', 'aXYy', 'mk1', 'wxyz', 'active')`,
  `insert into secure_keys_audit (project_id, alias, version, action, actor, trace_id, request_id) values
     ('${A}', 'FIGMA_API_KEY', 1, 'set', 'key:cogo_aaaa', 't1', 'r1'), ('${A}', 'FIGMA_API_KEY', 2, 'rotate', 'key:cogo_aaaa', 't2', 'r2')`,
  `insert into request_metrics (project_id, route, method, status, duration_ms, trace_id) values
     ('${A}', '/jobs/{id}', 'GET', 200, 1.5, 't-a'), (null, '/healthz', 'GET', 200, 0.25, null)`,
  `insert into figma_cache_entries (file_key, version, format, scope_hash, scope, outcome, r2_key, bytes) values
     ('FA', '123', '1', 'sh1', '/nodes?ids=1:2', 'ok', 'figma/FA/123/sh1', 42), ('FA', '123', '1', 'sh2', '?depth=2', 'too_large', null, 1000)`,
  `insert into figma_webhooks (id, project_id, figma_webhook_id, event_type, context, context_id, endpoint, passcode_hash, status) values
     ('${HOOK_A}', '${A}', 'fw-1', 'FILE_UPDATE', 'file', 'FA', 'https://api/figma/webhooks', 'ph', 'ACTIVE')`,
  `insert into figma_webhook_deliveries (webhook_id, project_id, delivery_key, event_type, file_key, figma_timestamp, file_version) values
     ('${HOOK_A}', '${A}', 'dk1', 'FILE_UPDATE', 'FA', '2026-01-01T00:00:00Z', '124')`,
];

let pg: EmbeddedPostgres;
let proxy: WsProxy;
let handle: DbHandle;
const dirs: string[] = [];

/** A copy of migrations/ whose journal stops at `lastTag`: the database as an older deployment left it. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-migrations-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql'))) copyFileSync(join(MIGRATIONS_DIR, f), join(dir, f));
  return dir;
}

/** Every row of `schema.table` as JSON, in a stable order: what "no row lost or changed" compares. */
async function rowsOf(schemaName: string, table: string): Promise<unknown[]> {
  const r = await handle.pool.query<{ row: unknown }>(`select to_jsonb(t) as row from "${schemaName}"."${table}" t order by to_jsonb(t)::text`);
  return r.rows.map((x) => x.row);
}

/** Columns later migrations added to moved tables (0019: seed 004's job fields; 0021), left out when comparing rows. */
const LATER_COLUMNS: Record<string, string[]> = { jobs: ['started_at', 'attempts', 'actor', 'result_artifact'] };

function withoutLaterColumns(table: string, rows: unknown[]): unknown[] {
  const later = LATER_COLUMNS[table] ?? [];
  return rows.map((row) => Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([k]) => !later.includes(k))));
}

async function tablesIn(schemaName: string): Promise<string[]> {
  const r = await handle.pool.query<{ t: string }>(
    `select table_name as t from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by 1`,
    [schemaName],
  );
  return r.rows.map((x) => x.t);
}

/** Foreign keys as `child -> parent (on delete)`, schema-qualified. */
async function foreignKeys(): Promise<string[]> {
  const r = await handle.pool.query<{ fk: string }>(
    `select conname || ': ' || conrelid::regclass::text || ' -> ' || confrelid::regclass::text || ' ' || confdeltype::text as fk
       from pg_constraint where contype = 'f' and connamespace::regnamespace::text in ('public', 'cogo') order by 1`,
  );
  return r.rows.map((x) => x.fk);
}

beforeAll(async () => {
  pg = await startEmbeddedPostgres();
  proxy = await startWsProxy();
  handle = createDb({ url: pg.url, wsProxy: proxy.address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
});
afterAll(async () => {
  await handle.close();
  await proxy.close();
  await pg.stop();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('migration 0006: platform tables move to the cogo schema', () => {
  const before = new Map<string, unknown[]>();
  let fksBefore: string[] = [];

  it('starts from a database at 0005 with a row in every table', async () => {
    await migrate(handle.db, { migrationsFolder: migrationsUpTo('0005_figma_webhooks') });
    expect(await tablesIn('public')).toEqual([...USER_TABLES, ...PLATFORM_TABLES].sort());
    for (const statement of FILL) await handle.pool.query(statement);
    for (const table of [...USER_TABLES, ...PLATFORM_TABLES]) {
      const rows = await rowsOf('public', table);
      expect(rows.length, table).toBeGreaterThan(0);
      before.set(table, rows);
    }
    fksBefore = await foreignKeys();
    expect(fksBefore).toHaveLength(15);
  });

  it('keeps every row, each table in its domain, with its foreign keys', async () => {
    await runMigrations(pg.url, proxy.address);
    expect(await tablesIn('public')).toEqual([...USER_TABLES, ...PUBLIC_LATER].sort());
    expect(await tablesIn('cogo')).toEqual(COGO_AFTER);
    for (const table of USER_TABLES) expect(await rowsOf('public', table), table).toEqual(before.get(table));
    for (const table of PLATFORM_TABLES) expect(withoutLaterColumns(table, await rowsOf('cogo', table)), table).toEqual(before.get(table));
    // the same constraints, now naming cogo.* where the table moved (regclass prints the schema off the search_path)
    const expected = fksBefore.map((fk) => {
      const [name, rest] = fk.split(': ') as [string, string];
      const [child, parentAndRule] = rest.split(' -> ') as [string, string];
      const q = (t: string) => (PLATFORM_TABLES.includes(t) ? `cogo.${t}` : t);
      const [parent, rule] = parentAndRule.split(' ') as [string, string];
      return `${name}: ${q(child)} -> ${q(parent)} ${rule}`;
    });
    // (tables later migrations created bring their own: not part of the move)
    const moved = (s: string) => !CREATED_LATER.some((t) => s.includes(`cogo.${t}`)) && !PUBLIC_LATER.some((t) => s.includes(`: ${t} -> `));
    expect((await foreignKeys()).filter(moved)).toEqual(expected);
    // owned sequences and indexes went along
    const seqs = await handle.pool.query<{ s: string }>(`select sequence_schema || '.' || sequence_name as s from information_schema.sequences where sequence_schema in ('public', 'cogo') order by 1`);
    expect(seqs.rows.map((r) => r.s).filter((q) => !CREATED_LATER.some((t) => q.startsWith(`cogo.${t}_`)))).toEqual(['cogo.bus_events_id_seq', 'cogo.job_events_id_seq', 'cogo.request_metrics_id_seq', 'cogo.secure_keys_audit_id_seq']);
    const idx = await handle.pool.query<{ n: number }>(`select count(*)::int as n from pg_indexes where schemaname = 'public' and tablename = any($1)`, [PLATFORM_TABLES]);
    expect(idx.rows[0]!.n).toBe(0);
  });

  it('enforces the moved foreign keys across the schemas, cascades included', async () => {
    await expect(
      handle.pool.query(`insert into cogo.job_events (project_id, job_id, seq, type) values ('${A}', '00000000-0000-4000-8000-000000000999', 1, 'x')`),
    ).rejects.toMatchObject({ code: '23503' });
    await handle.pool.query(`delete from public.projects where id = '${B}'`);
    for (const table of ['jobs', 'job_events'] as const) {
      const r = await handle.pool.query<{ n: number }>(`select count(*)::int as n from cogo.${table} where project_id = '${B}'`);
      expect(r.rows[0]!.n, table).toBe(0);
    }
    const left = await handle.pool.query<{ n: number }>(`select count(*)::int as n from cogo.jobs where project_id = '${A}'`);
    expect(left.rows[0]!.n).toBe(1);
  });

  it("serves the app's Drizzle queries: inserts continue the moved sequences, joins span both schemas", async () => {
    const [job] = await handle.db.insert(schema.jobs).values({ projectId: A, kind: 'figma-context' }).returning();
    const [ev] = await handle.db.insert(schema.busEvents).values({ projectId: A, type: 'job.created', source: 'test' }).returning();
    const maxBefore = Math.max(...(before.get('bus_events') as Array<{ id: number }>).map((r) => r.id));
    expect(ev!.id).toBe(maxBefore + 1);
    const rows = await handle.db
      .select({ job: schema.jobs.id, project: schema.projects.slug })
      .from(schema.jobs)
      .innerJoin(schema.projects, eq(schema.projects.id, schema.jobs.projectId))
      .where(and(eq(schema.jobs.projectId, A), eq(schema.jobs.id, job!.id)));
    expect(rows).toEqual([{ job: job!.id, project: 'a' }]);
    const keys = await handle.db.select({ prefix: schema.projectApiKeys.prefix }).from(schema.projectApiKeys).where(eq(schema.projectApiKeys.projectId, A));
    expect(keys.map((k) => k.prefix).sort()).toEqual(['cogo_aaaa', 'cogo_aaab']);
  });

  it('is applied once: migrating again changes nothing', async () => {
    const count = async () => (await handle.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0]!.n;
    const applied = await count();
    await runMigrations(pg.url, proxy.address);
    expect(await count()).toBe(applied);
    expect(await tablesIn('cogo')).toEqual(COGO_AFTER);
  });
});
