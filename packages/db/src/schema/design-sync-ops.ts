// design-sync around the core (issue 15, seed 003): credentials (the values live in the vault; here what was checked
// and when they expire), notification settings and events (Slack, through a Queue), the nightly schedule, and browser
// test sessions. The user's data, in `public` under row-level security.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';

/** One credential of a project per kind; its value is the vault secret `design_sync.<kind>`. */
export const designSyncCredentials = pgTable(
  'design_sync_credentials',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** `figma`, `slack` or `storybook`. */
    kind: text('kind').notNull(),
    /** `active`, or `disabled` when the upstream said the credential is gone (Slack 404/410). */
    status: text('status').notNull().default('active'),
    /** `{ ok, status, message, checked_at }` of the last pre-flight call. */
    lastCheck: jsonb('last_check').$type<Record<string, unknown>>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    /** When the last expiry reminder was queued: one a day at most. */
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }),
    disabledReason: text('disabled_reason'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('design_sync_credentials_project_kind_uq').on(t.projectId, t.kind),
    index('design_sync_credentials_expires_idx').on(t.expiresAt),
    check('design_sync_credentials_kind_ck', sql`${t.kind} in ('figma', 'slack', 'storybook')`),
    check('design_sync_credentials_status_ck', sql`${t.status} in ('active', 'disabled')`),
  ],
);

/** A project's choice per notification category (`off` / `immediate` / `digest`) and its digest hour. */
export const notificationSettings = pgTable('notification_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  categories: jsonb('categories').$type<Record<string, string>>().notNull(),
  digestHourUtc: integer('digest_hour_utc').notNull().default(9),
  lastDigestAt: timestamp('last_digest_at', { withTimezone: true, mode: 'date' }),
  ...timestamps,
});

/** One notification: queued for Slack at once, kept for the digest, or the digest itself; what Slack answered. */
export const notificationEvents = pgTable(
  'notification_events',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** A NotificationCategory, or `digest`. */
    category: text('category').notNull(),
    /** `queued`, `sent`, `failed`, `digest` (waiting for the digest) or `digested` (sent in one). */
    status: text('status').notNull(),
    /** The same event is recorded once (e.g. `credential_expiring:figma:2026-12-02`, `sync:<operation id>`). */
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    /** `{ text, blocks }`: the Block Kit message as sent. */
    message: jsonb('message').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    traceId: text('trace_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('notification_events_project_dedupe_uq').on(t.projectId, t.dedupeKey),
    index('notification_events_project_created_idx').on(t.projectId, t.createdAt),
    check('notification_events_status_ck', sql`${t.status} in ('queued', 'sent', 'failed', 'digest', 'digested')`),
  ],
);

/** The nightly run of a project (drift, optional sync, notifications) and what its last run found. */
export const designSyncSchedules = pgTable(
  'design_sync_schedules',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull(),
    hourUtc: integer('hour_utc').notNull(),
    /** null: drift and notifications only; else sync what drifted in this direction. */
    direction: text('direction'),
    onFileUpdate: boolean('on_file_update').notNull().default(true),
    nextRunAt: timestamp('next_run_at', { withTimezone: true, mode: 'date' }),
    /** ScheduleRun of the last run (schedule or file update). */
    lastRun: jsonb('last_run').$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (t) => [index('design_sync_schedules_next_run_idx').on(t.nextRunAt)],
);

/** A browser test session: each story of the Storybook build rendered, with console errors and a screenshot. */
export const testSessions = pgTable(
  'test_sessions',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** `queued`, `running`, `done` or `failed`. */
    status: text('status').notNull(),
    /** Story ids to render, in order. */
    storyIds: jsonb('story_ids').$type<string[]>().notNull(),
    viewport: jsonb('viewport').$type<{ width: number; height: number }>().notNull(),
    /** StoryResult[] (@cogo/types), in story order. */
    results: jsonb('results').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    error: text('error'),
    initiationMs: integer('initiation_ms'),
    durationMs: integer('duration_ms'),
    traceId: text('trace_id').notNull(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('test_sessions_project_created_idx').on(t.projectId, t.createdAt),
    check('test_sessions_status_ck', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
  ],
);

/** A user's verdict on one reported drift item: real, or a false positive (the measure of drift's precision). */
export const driftFeedback = pgTable(
  'drift_feedback',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    mappingId: uuid('mapping_id').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    /** `false_positive` or `real`. */
    verdict: text('verdict').notNull(),
    actor: text('actor').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('drift_feedback_item_uq').on(t.projectId, t.mappingId, t.kind, t.subject),
    check('drift_feedback_verdict_ck', sql`${t.verdict} in ('false_positive', 'real')`),
  ],
);
