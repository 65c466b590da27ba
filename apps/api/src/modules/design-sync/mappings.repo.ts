// Queries of `public.component_mappings`, joined to their code component and to the Figma component figma-context
// stored (`public.components`, by file key and node id; absent when the design no longer has it). Tenant database.
import { schema, type Db } from '@cogo/db';
import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { afterKeyset, type KeysetPosition } from '../../lib/keyset-cursor';
import type { CodeComponentRow, Tx } from './registry.repo';

export type MappingRow = typeof schema.componentMappings.$inferSelect;
type Reader = Db | Tx;

const m = schema.componentMappings;
const cc = schema.codeComponents;
const cmp = schema.components;

/** A stored Figma component as design-sync reads it. */
export interface DesignRow {
  id: string;
  fileKey: string;
  nodeId: string;
  name: string;
  type: string;
  props: Record<string, unknown>;
  contentHash: string;
}

/** A mapping with both of its sides (design null: the Figma component is no longer stored). */
export interface MappingWithSides {
  mapping: MappingRow;
  code: CodeComponentRow;
  design: DesignRow | null;
}

export interface MappingFilter {
  status?: MappingRow['status'];
  fileKey?: string;
  ids?: readonly string[];
  /** One pair: a code component (and, with fileKey, a node). */
  codeComponentId?: string;
  nodeId?: string;
}

function where(projectId: string, f: MappingFilter): SQL | undefined {
  return and(
    eq(m.projectId, projectId),
    f.status ? eq(m.status, f.status) : undefined,
    f.fileKey ? eq(m.fileKey, f.fileKey) : undefined,
    f.ids ? inArray(m.id, [...f.ids]) : undefined,
    f.codeComponentId ? eq(m.codeComponentId, f.codeComponentId) : undefined,
    f.nodeId ? eq(m.nodeId, f.nodeId) : undefined,
  );
}

const designColumns = { id: cmp.id, fileKey: cmp.fileKey, nodeId: cmp.nodeId, name: cmp.name, type: cmp.type, props: cmp.props, contentHash: cmp.contentHash };

/** Mappings (with both sides) matching `filter`, by code component key; a page when `limit` is given. */
export async function listMappings(db: Reader, projectId: string, filter: MappingFilter, limit?: number, pos?: KeysetPosition): Promise<MappingWithSides[]> {
  const q = db
    .select({ mapping: m, code: cc, design: designColumns })
    .from(m)
    .innerJoin(cc, eq(cc.id, m.codeComponentId))
    .leftJoin(cmp, and(eq(cmp.projectId, m.projectId), eq(cmp.fileKey, m.fileKey), eq(cmp.nodeId, m.nodeId)))
    .where(and(where(projectId, filter), afterKeyset(m.createdAt, m.id, pos)))
    .orderBy(asc(sql`date_trunc('milliseconds', ${m.createdAt})`), asc(m.id));
  const rows = limit === undefined ? await q : await q.limit(limit);
  return rows.map((r) => ({ mapping: r.mapping, code: r.code, design: r.design?.id ? (r.design as DesignRow) : null }));
}

/**
 * What coverage needs of the confirmed mappings (of `fileKey`'s components when given), in listMappings' order: the
 * code component's id, the prop mapping and the design side — not the mapping's drift cache and baseline, nor the code
 * component again (coverage reads the registry itself).
 */
export async function coverageMappings(db: Reader, projectId: string, fileKey?: string): Promise<Array<{ codeComponentId: string; props: MappingRow['props']; design: DesignRow | null }>> {
  const rows = await db
    .select({ codeComponentId: m.codeComponentId, props: m.props, design: designColumns })
    .from(m)
    .leftJoin(cmp, and(eq(cmp.projectId, m.projectId), eq(cmp.fileKey, m.fileKey), eq(cmp.nodeId, m.nodeId)))
    .where(where(projectId, { status: 'confirmed', ...(fileKey ? { fileKey } : {}) }))
    .orderBy(asc(sql`date_trunc('milliseconds', ${m.createdAt})`), asc(m.id));
  return rows.map((r) => ({ codeComponentId: r.codeComponentId, props: r.props, design: r.design?.id ? (r.design as DesignRow) : null }));
}

/** Locks the mappings' rows until the end of `tx` (a sync or an undo of their components). */
export async function lockMappings(tx: Tx, projectId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.projectId, projectId), inArray(m.id, [...ids])))
    .orderBy(asc(m.id))
    .for('update');
}

/** Inserts or updates the mapping of (code component, file, node); returns it and whether it was new. */
export async function upsertMapping(db: Reader, row: Omit<typeof m.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>): Promise<{ row: MappingRow; inserted: boolean }> {
  const [written] = await db
    .insert(m)
    .values(row)
    .onConflictDoUpdate({
      target: [m.projectId, m.codeComponentId, m.fileKey, m.nodeId],
      set: { status: row.status, source: row.source, confidence: row.confidence ?? null, props: row.props ?? {}, baseline: row.baseline ?? null, updatedAt: new Date() },
    })
    .returning({ ...getTableColumns(m), inserted: sql<boolean>`(xmax = 0)` });
  const { inserted, ...mapping } = written!;
  return { row: mapping, inserted };
}

/** Updates a mapping's status, props, baseline or drift cache; undefined when the project has no such mapping. */
export async function updateMapping(db: Reader, projectId: string, id: string, set: Partial<Pick<MappingRow, 'status' | 'props' | 'baseline' | 'driftCache' | 'syncedAt'>>): Promise<MappingRow | undefined> {
  const [row] = await db
    .update(m)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(m.projectId, projectId), eq(m.id, id)))
    .returning();
  return row;
}

const CACHE_ROWS_PER_STATEMENT = 200;

/** Stores drift reports on their mappings (the drift cache; not a change of the mapping: `updated_at` stays). */
export async function writeDriftCaches(db: Reader, projectId: string, caches: ReadonlyArray<{ id: string; cache: Record<string, unknown> }>): Promise<void> {
  for (let i = 0; i < caches.length; i += CACHE_ROWS_PER_STATEMENT) {
    const values = sql.join(
      caches.slice(i, i + CACHE_ROWS_PER_STATEMENT).map((c) => sql`(${c.id}::uuid, ${JSON.stringify(c.cache)}::jsonb)`),
      sql`, `,
    );
    await db.execute(sql`update ${m} set drift_cache = v.cache from (values ${values}) as v(mid, cache) where ${m.id} = v.mid and ${m.projectId} = ${projectId}`);
  }
}

/** Stored Figma component sets and standalone components (and variants, for folding) of the project, or of one file. */
export function storedDesignRows(db: Reader, projectId: string, fileKey?: string): Promise<DesignRow[]> {
  return db
    .select(designColumns)
    .from(cmp)
    .where(and(eq(cmp.projectId, projectId), fileKey ? eq(cmp.fileKey, fileKey) : undefined, inArray(cmp.type, ['COMPONENT', 'COMPONENT_SET'])))
    .orderBy(asc(cmp.fileKey), asc(cmp.nodeId));
}

/** One stored Figma component by file key and node id. */
export async function findDesignRow(db: Reader, projectId: string, fileKey: string, nodeId: string): Promise<DesignRow | undefined> {
  const [row] = await db
    .select(designColumns)
    .from(cmp)
    .where(and(eq(cmp.projectId, projectId), eq(cmp.fileKey, fileKey), eq(cmp.nodeId, nodeId)));
  return row;
}

/** Rewrites a stored Figma component's props (a code→design sync, or its undo); returns the row as written. */
export async function writeDesignProps(tx: Tx, projectId: string, id: string, props: Record<string, unknown>, contentHash: string): Promise<DesignRow | undefined> {
  const [row] = await tx
    .update(cmp)
    .set({ props, contentHash, updatedAt: new Date() })
    .where(and(eq(cmp.projectId, projectId), eq(cmp.id, id)))
    .returning(designColumns);
  return row;
}
