// design-sync (issue 15, seed 003): the registry of coded components (Storybook), their mappings to Figma
// components, sync operations with their undo stack. The user's data, in `public` under row-level security; the
// audit of every action is the platform's, in `cogo`.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cogo } from './cogo';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';

/** A coded component of the project's registry (one per Storybook title), framework-neutral: props and stories. */
export const codeComponents = pgTable(
  'code_components',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Stable across re-ingests: the Storybook title ("Components/Button"). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    importPath: text('import_path'),
    componentPath: text('component_path'),
    description: text('description'),
    /** `CodeProp[]` (@cogo/design-sync), sorted by name. */
    props: jsonb('props').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    /** `CodeStory[]`, sorted by id. */
    stories: jsonb('stories').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    /** sha256 of the canonical component: a re-ingest that changes nothing leaves the row as it is. */
    contentHash: text('content_hash').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('code_components_project_key_uq').on(t.projectId, t.key)],
);

/** A coded component ↔ a Figma component (set), explicit or suggested, with what its last sync recorded. */
export const componentMappings = pgTable(
  'component_mappings',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    codeComponentId: uuid('code_component_id')
      .notNull()
      .references(() => codeComponents.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    /** Figma node id of the component set or standalone component ("12:34"). */
    nodeId: text('node_id').notNull(),
    /** `suggested` (for a user to confirm), `confirmed` or `rejected` (never suggested again). */
    status: text('status').notNull(),
    /** `explicit` (the API), `code_connect` (a Code Connect file) or `suggested` (by name and props). */
    source: text('source').notNull(),
    confidence: real('confidence'),
    /** Figma property name → code prop name. */
    props: jsonb('props').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** `MappingBaseline`: the Figma name and bound token values when confirmed or last synced. */
    baseline: jsonb('baseline').$type<Record<string, unknown>>(),
    /** `{ code_hash, design_hash, baseline_hash, tokens_hash, report }`: the last drift, reused while every hash is equal. */
    driftCache: jsonb('drift_cache').$type<Record<string, unknown>>(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('component_mappings_project_code_node_uq').on(t.projectId, t.codeComponentId, t.fileKey, t.nodeId),
    index('component_mappings_project_node_idx').on(t.projectId, t.fileKey, t.nodeId),
    check('component_mappings_status_ck', sql`${t.status} in ('suggested', 'confirmed', 'rejected')`),
    check('component_mappings_source_ck', sql`${t.source} in ('explicit', 'code_connect', 'suggested')`),
  ],
);

/** One sync operation (POST /design-sync/operations): its id is derived from its components and diff hash. */
export const syncOperations = pgTable(
  'sync_operations',
  {
    /** `op_<hex>`: sha256 of project, direction, sorted mapping ids and the diff hash — the same sync is the same id. */
    id: text('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    direction: text('direction').notNull(),
    mappingIds: jsonb('mapping_ids').$type<string[]>().notNull(),
    diffHash: text('diff_hash').notNull(),
    /** `succeeded`, `partial` (some components failed, the others are applied), `failed`, `noop`, `undone`. */
    status: text('status').notNull(),
    /** Per component: mapping id, status, changes, artifacts, error. */
    results: jsonb('results').$type<unknown[]>().notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    actor: text('actor').notNull(),
    traceId: text('trace_id').notNull(),
    durationMs: integer('duration_ms').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('sync_operations_project_created_idx').on(t.projectId, t.createdAt),
    check('sync_operations_direction_ck', sql`${t.direction} in ('design_to_code', 'code_to_design')`),
    check('sync_operations_status_ck', sql`${t.status} in ('succeeded', 'partial', 'failed', 'noop', 'undone')`),
  ],
);

/** What an operation changed, to undo it: per component the rows before and after, and their state hashes. */
export const undoStack = pgTable(
  'undo_stack',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    operationId: text('operation_id')
      .notNull()
      .references(() => syncOperations.id, { onDelete: 'cascade' }),
    /** Per component: `{ mapping_id, pre, post, pre_hash, post_hash }` (pre/post: the rows the sync wrote). */
    entries: jsonb('entries').$type<unknown[]>().notNull(),
    /** sha256 of every entry's pre state / post state. */
    preHash: text('pre_hash').notNull(),
    postHash: text('post_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    /** created_at + 24 h: an undo after it is refused. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('undo_stack_project_created_idx').on(t.projectId, t.createdAt)],
);

/** Every design-sync action (ingest, mapping change, sync, undo): who, what, how many, how long, on which trace. */
export const designSyncAudit = cogo.table(
  'design_sync_audit',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    /** The request's trace id. */
    correlationId: text('correlation_id').notNull(),
    actor: text('actor').notNull(),
    /** The operation, mapping or ingest the action touched. */
    subject: text('subject'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  (t) => [index('design_sync_audit_project_created_idx').on(t.projectId, t.createdAt)],
);
