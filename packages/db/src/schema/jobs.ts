// Platform-owned job state (seed 002 "cogo" domain): long-running work and its event log.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    error: jsonb('error').$type<{ code: string; message: string }>(),
    traceId: text('trace_id'),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('jobs_project_status_idx').on(t.projectId, t.status),
    index('jobs_project_created_idx').on(t.projectId, t.createdAt),
  ],
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
