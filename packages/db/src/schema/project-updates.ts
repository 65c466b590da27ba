// The transactional outbox of user-owned data (seed 002, issue 9): every change to `public.*` writes one row here
// in the same transaction, so a committed change always has its update and a rolled-back one never does. The
// projection worker (apps/api/src/queues/project-updates.consumer.ts) delivers each row once in effect and stamps
// `delivered_at`; `id` is the global order, `version` the order per entity.
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cogo } from './cogo';
import { projects } from './projects';

/** Kinds of user-owned rows an update can name. */
export const PROJECT_UPDATE_ENTITIES = ['page', 'project_page', 'component', 'project', 'token_version', 'action_flow'] as const;
export type ProjectUpdateEntity = (typeof PROJECT_UPDATE_ENTITIES)[number];

/** What happened to the row. */
export const PROJECT_UPDATE_OPERATIONS = ['insert', 'update', 'delete'] as const;
export type ProjectUpdateOperation = (typeof PROJECT_UPDATE_OPERATIONS)[number];

export const projectUpdates = cogo.table(
  'project_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    entity: text('entity').$type<ProjectUpdateEntity>().notNull(),
    entityId: uuid('entity_id').notNull(),
    operation: text('operation').$type<ProjectUpdateOperation>().notNull(),
    /** The stored content's hash after the change (before it, for a delete); null when the entity keeps none. */
    contentHash: text('content_hash'),
    traceId: text('trace_id'),
    /** 1, 2, 3 … per (entity, entity_id): the order the projection worker keeps. */
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('project_updates_entity_version_uq').on(t.entity, t.entityId, t.version),
    index('project_updates_project_id_idx').on(t.projectId, t.id),
    // the cron sweep's scan: only undelivered rows are indexed
    index('project_updates_undelivered_idx').on(t.createdAt).where(sql`${t.deliveredAt} is null`),
    check('project_updates_entity_ck', sql`${t.entity} in ('page', 'project_page', 'component', 'project', 'token_version', 'action_flow')`),
    check('project_updates_operation_ck', sql`${t.operation} in ('insert', 'update', 'delete')`),
  ],
);
