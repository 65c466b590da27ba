/**
 * The three tenancy layouts bench/rag-tenancy.ts compares, as scratch tables of its own in the bench database (the
 * migration's `document_chunks` is not touched). Each holds the same rows (id, project_id, 1024-d embedding):
 *   shared       one table, one HNSW index over every project's rows (today's `document_chunks`);
 *   partial      one table, one partial HNSW index per project (`… where project_id = '<uuid>'`);
 *   partitioned  `partition by list (project_id)`, a partition per project, an HNSW index per partition.
 * All three have migration 0010's row-level security verbatim (policy `tenant_isolation` to cogo_app, FORCE), a
 * btree on project_id like its `document_chunks_project_model_idx`, and are granted to cogo_app.
 * Rows are generated inside the database (centroid + random_normal noise, as bench/lib/rag-store.ts generateUpTo):
 * every tenant draws from the same topics, so the big tenant's rows crowd a small one's neighbourhood in a shared
 * graph — the case pgvector's README warns about.
 */
import { performance } from 'node:perf_hooks';
import type { DbHandle } from '../../packages/db/src/client';
import { vectorText, type ClusteredSpace } from './rag-data';
import { fillerSql } from './rag-store';

type Pool = DbHandle['pool'];

export const LAYOUTS = ['shared', 'partial', 'partitioned'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const TABLE: Record<Layout, string> = { shared: 'rag_tenancy_shared', partial: 'rag_tenancy_partial', partitioned: 'rag_tenancy_parted' };
const CENTROIDS = 'rag_tenancy_centroids';
const STAGING = 'rag_tenancy_staging';
/** Migration 0010's tenant expression, verbatim. */
const TENANT_EXPR = `project_id = nullif(current_setting('app.project_id', true), '')::uuid`;
const GENERATE_BATCH = 2_000;

export interface Tenant {
  /** t0 (the biggest) … */
  name: string;
  id: string;
  /** Share of the rows, in per mille. */
  perMille: number;
  rows: number;
}

/** The partition (and partial index) of tenant `t`. */
export const partitionName = (t: Tenant) => `${TABLE.partitioned}_${t.name}`;
export const partialIndexName = (t: Tenant) => `${TABLE.partial}_hnsw_${t.name}`;
export const sharedIndexName = `${TABLE.shared}_hnsw`;

const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};

/** One project per share (per mille, summing to 1000), biggest first. */
export async function createTenants(pool: Pool, perMille: number[], total: number): Promise<Tenant[]> {
  const tag = crypto.randomUUID().slice(0, 8);
  const tenants: Tenant[] = [];
  for (const [n, share] of perMille.entries()) {
    const r = await pool.query<{ id: string }>(`insert into projects (slug, name) values ($1, $2) returning id`, [`rag-tenancy-${tag}-t${n}`, `rag tenancy t${n}`]);
    tenants.push({ name: `t${n}`, id: r.rows[0]!.id, perMille: share, rows: Math.round((total * share) / 1000) });
  }
  return tenants;
}

async function secure(pool: Pool, table: string): Promise<void> {
  await pool.query(`alter table ${table} enable row level security`);
  await pool.query(`alter table ${table} force row level security`);
  await pool.query(`create policy tenant_isolation on ${table} to cogo_app using (${TENANT_EXPR}) with check (${TENANT_EXPR})`);
  await pool.query(`create policy service_access on ${table} to current_user using (true) with check (true)`);
  await pool.query(`grant select, insert, update, delete on ${table} to cogo_app`);
}

/** Creates the three (empty, index-less) tables, their row-level security, and the generator's scratch tables. */
export async function createLayouts(pool: Pool, space: ClusteredSpace, tenants: Tenant[]): Promise<void> {
  await dropLayouts(pool);
  const cols = `id bigint not null, project_id uuid not null references projects(id) on delete cascade, text text not null, embedding vector(${space.dims}) not null`;
  await pool.query(`create table ${TABLE.shared} (${cols}, primary key (id))`);
  await pool.query(`create table ${TABLE.partial} (${cols}, primary key (id))`);
  await pool.query(`create table ${TABLE.partitioned} (${cols}, primary key (project_id, id)) partition by list (project_id)`);
  for (const t of tenants) await pool.query(`create table ${partitionName(t)} partition of ${TABLE.partitioned} for values in ('${t.id}')`);
  for (const layout of LAYOUTS) {
    if (layout !== 'partitioned') await pool.query(`create index ${TABLE[layout]}_project_idx on ${TABLE[layout]} (project_id)`);
    await secure(pool, TABLE[layout]);
  }
  await pool.query(`create table ${CENTROIDS} (i int primary key, v vector(${space.dims}))`);
  await pool.query(`insert into ${CENTROIDS} (i, v) select i - 1, v::vector from unnest($1::text[]) with ordinality as u(v, i)`, [space.centroids.map(vectorText)]);
  await pool.query(`create table ${STAGING} (id bigint, project_id uuid, text text, embedding vector(${space.dims}))`);
}

/** Drops every scratch table (the partitions go with their parent). */
export async function dropLayouts(pool: Pool): Promise<void> {
  for (const t of [...Object.values(TABLE), CENTROIDS, STAGING]) await pool.query(`drop table if exists ${t} cascade`);
}

/**
 * Generates rows [from, to) into `table`: row k belongs to the tenant whose share bucket (k·7919 mod 1000) falls in,
 * so every 1,000 consecutive rows hold each tenant's exact share, interleaved (as projects ingest side by side).
 */
async function generate(pool: Pool, table: string, space: ClusteredSpace, tenants: Tenant[], from: number, to: number, noise: number, seed: number, textWords: number): Promise<void> {
  const bounds: number[] = [];
  let sum = 0;
  for (const t of tenants.slice(0, -1)) bounds.push((sum += t.perMille));
  for (let start = from; start < to; start += GENERATE_BATCH) {
    const end = Math.min(to, start + GENERATE_BATCH);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('select setseed($1)', [(((seed * 7919 + start) % 2_000_003) / 2_000_003) * 2 - 1]);
      await client.query(
        `insert into ${table} (id, project_id, text, embedding)
         select x.k, ($1::uuid[])[1 + width_bucket(((x.k * 7919) % 1000)::int, $2::int[])], 'row ' || x.k || ': ' || ${fillerSql(textWords, 'x.k')},
                l2_normalize(cen.v + (array(select random_normal(0, $3::float8 / sqrt(${space.dims})) from generate_series(1, ${space.dims}) where x.k >= 0))::vector(${space.dims}))
         from (select k, floor(random() * ${space.centroids.length})::int as c from generate_series($4::bigint, $5::bigint - 1) k) x
         join ${CENTROIDS} cen on cen.i = x.c`,
        [tenants.map((t) => t.id), bounds, noise, start, end],
      );
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}

/** Fills the shared table with `total` generated rows; returns seconds. */
export async function loadShared(pool: Pool, space: ClusteredSpace, tenants: Tenant[], total: number, noise: number, seed: number, textWords: number, onProgress?: (rows: number) => void): Promise<number> {
  return timed(async () => {
    for (let at = 0; at < total; at += 10_000) {
      await generate(pool, TABLE.shared, space, tenants, at, Math.min(total, at + 10_000), noise, seed, textWords);
      onProgress?.(Math.min(total, at + 10_000));
    }
  });
}

/** Builds an HNSW index (cosine, the migration's m/ef_construction) with maintenance_work_mem SET LOCAL; seconds. */
async function buildHnsw(pool: Pool, name: string, on: string, where: string | null, maintenanceWorkMem: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('maintenance_work_mem', $1, true)`, [maintenanceWorkMem]);
    const seconds = await timed(() => client.query(`create index ${name} on ${on} using hnsw (embedding vector_cosine_ops)${where ? ` where ${where}` : ''}`));
    await client.query('commit');
    return seconds;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export interface BuildCosts {
  /** The shared layout: copy = the rows are generated there; one index over all. */
  shared: { index: number };
  /** Per tenant: the partial index build (each scans the whole table to find its rows). */
  partial: { copy: number; index: Map<string, number> };
  /** Per tenant: moving its rows into its partition, and the partition's index. */
  partitioned: { copy: Map<string, number>; index: Map<string, number> };
}

/** Copies the shared rows into the other two layouts and builds every layout's indexes, timing each step. */
export async function buildLayouts(pool: Pool, tenants: Tenant[], maintenanceWorkMem: string, log: (line: string) => void): Promise<BuildCosts> {
  log(`shared: one HNSW index over every row…`);
  const shared = { index: await buildHnsw(pool, sharedIndexName, TABLE.shared, null, maintenanceWorkMem) };
  log(`shared: ${shared.index.toFixed(1)} s; partial: copying the rows…`);
  const partial = { copy: await timed(() => pool.query(`insert into ${TABLE.partial} select * from ${TABLE.shared}`)), index: new Map<string, number>() };
  for (const t of tenants) {
    partial.index.set(t.name, await buildHnsw(pool, partialIndexName(t), TABLE.partial, `project_id = '${t.id}'`, maintenanceWorkMem));
    log(`partial: ${t.name} (${t.rows.toLocaleString('en')} rows) ${partial.index.get(t.name)!.toFixed(1)} s`);
  }
  const partitioned = { copy: new Map<string, number>(), index: new Map<string, number>() };
  for (const t of tenants) {
    partitioned.copy.set(t.name, await timed(() => pool.query(`insert into ${partitionName(t)} select * from ${TABLE.shared} where project_id = $1`, [t.id])));
    partitioned.index.set(t.name, await buildHnsw(pool, `${partitionName(t)}_hnsw`, partitionName(t), null, maintenanceWorkMem));
    log(`partitioned: ${t.name} copy ${partitioned.copy.get(t.name)!.toFixed(1)} s, index ${partitioned.index.get(t.name)!.toFixed(1)} s`);
  }
  await pool.query(`analyze ${TABLE.shared}, ${TABLE.partial}, ${TABLE.partitioned}`);
  return { shared, partial, partitioned };
}

/**
 * What adding a project costs in each layout, measured on a fresh (empty) project: the partial index scans the
 * whole shared table for its predicate; a partition and its index are created empty. Removed again afterwards.
 */
export async function newProjectCosts(pool: Pool, maintenanceWorkMem: string): Promise<{ partialIndex: number; partition: number; partitionIndex: number }> {
  const r = await pool.query<{ id: string }>(`insert into projects (slug, name) values ($1, 'rag tenancy new') returning id`, [`rag-tenancy-new-${crypto.randomUUID().slice(0, 8)}`]);
  const id = r.rows[0]!.id;
  try {
    const partialIndex = await buildHnsw(pool, `${TABLE.partial}_hnsw_new`, TABLE.partial, `project_id = '${id}'`, maintenanceWorkMem);
    const partition = await timed(() => pool.query(`create table ${TABLE.partitioned}_new partition of ${TABLE.partitioned} for values in ('${id}')`));
    const partitionIndex = await buildHnsw(pool, `${TABLE.partitioned}_new_hnsw`, `${TABLE.partitioned}_new`, null, maintenanceWorkMem);
    return { partialIndex, partition, partitionIndex };
  } finally {
    await pool.query(`drop index if exists ${TABLE.partial}_hnsw_new`);
    await pool.query(`drop table if exists ${TABLE.partitioned}_new`);
    await pool.query('delete from projects where id = $1', [id]);
  }
}

/**
 * Insert cost into each layout's index: `rows` fresh rows of tenant `t` (generated once into a staging table, ids
 * from `firstId`, past the loaded ones) copied into each layout in turn, in statements of 64 rows (an embedding
 * batch), then deleted again. Seconds per layout.
 */
export async function insertCosts(pool: Pool, space: ClusteredSpace, t: Tenant, firstId: number, rows: number, noise: number, seed: number, textWords: number): Promise<Record<Layout, number>> {
  await pool.query(`truncate ${STAGING}`);
  await generate(pool, STAGING, space, [t], firstId, firstId + rows, noise, seed + 1, textWords);
  const ids = (await pool.query<{ id: string }>(`select id from ${STAGING} order by id`)).rows.map((r) => r.id);
  const out = {} as Record<Layout, number>;
  for (const layout of LAYOUTS) {
    out[layout] = await timed(async () => {
      for (let i = 0; i < ids.length; i += 64) {
        await pool.query(`insert into ${TABLE[layout]} select id, project_id, text, embedding from ${STAGING} where id = any($1::bigint[])`, [ids.slice(i, i + 64)]);
      }
    });
  }
  for (const layout of LAYOUTS) await pool.query(`delete from ${TABLE[layout]} where id = any($1::bigint[])`, [ids]);
  return out;
}

/** Index sizes per layout (bytes): the shared index, the sum of the partial ones, the sum of the partitions'. */
export async function indexSizes(pool: Pool): Promise<Record<Layout, number>> {
  const r = await pool.query<{ layout: Layout; bytes: string }>(
    `select case when c.relname like '${TABLE.partitioned}%' then 'partitioned' when c.relname like '${TABLE.partial}%' then 'partial' else 'shared' end as layout, sum(pg_relation_size(c.oid))::bigint as bytes
     from pg_class c join pg_am am on am.oid = c.relam where c.relkind = 'i' and am.amname = 'hnsw' and c.relname like 'rag_tenancy_%' group by 1`,
  );
  const out = { shared: 0, partial: 0, partitioned: 0 };
  for (const row of r.rows) out[row.layout] = Number(row.bytes);
  return out;
}
