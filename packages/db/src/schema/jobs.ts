// Platform-owned job state (seed 002 "cogo" domain): long-running work and its event log.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';
import { cogo } from './cogo';

export const jobs = cogo.table(
  'jobs',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    progress: jsonb('progress').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** Where a result over ARTIFACT_INLINE_MAX_BYTES went (an ArtifactPointer of @cogo/types); `result` is null then. */
    resultArtifact: jsonb('result_artifact').$type<Record<string, unknown>>(),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    traceId: text('trace_id'),
    /** When a worker first picked it up (seed 004's started_at). */
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    /** Deliveries of its queue message so far (seed 004: attempts 3, exponential from 1 s). */
    attempts: integer('attempts').notNull().default(0),
    /** Who asked for it (`key:<prefix>`, `jwt:<sub>`): per-user history and limits. */
    actor: text('actor'),
    ...timestamps,
  },
  (t) => [
    index('jobs_project_status_idx').on(t.projectId, t.status),
    index('jobs_project_created_idx').on(t.projectId, t.createdAt),
    index('jobs_project_kind_created_idx').on(t.projectId, t.kind, t.createdAt),
  ],
);

/**
 * One model call's share of a batched job (AI plugin jobs, seed 004): rename-layers splits its layers into batches
 * of RENAME_BATCH_SIZE; each batch is pending → running → done | failed, keeps its attempts and its output, so a
 * redelivered job runs only what is not done and partial results are readable while it runs.
 */
export const jobBatches = cogo.table(
  'job_batches',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The ids of the items (layers) this batch carries, in order. */
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    output: jsonb('output').$type<unknown>(),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    /** A failed attempt's earliest retry (a provider's Retry-After or the backoff). */
    retryAt: timestamp('retry_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.idx] })],
);

/** Ordered events of one job; (job_id, seq) is unique so a replayed write is a no-op. */
export const jobEvents = cogo.table(
  'job_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('job_events_job_seq_uq').on(t.jobId, t.seq)],
);
