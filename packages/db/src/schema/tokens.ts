// Design tokens (issue 13, figma-compat `variables/derive`): one stored DTCG 2025.10 tokens version per Figma file
// version and project — what `variables/diff` compares, and what a second derive of the same version answers
// without asking Figma again. The user's data, in `public` under row-level security.
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidPk } from './columns';
import { projects } from './projects';

export const tokenVersions = pgTable(
  'token_versions',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    /** Figma's file version (GET /v1/files/:key/meta `file.version`) the tokens were derived from. */
    version: text('version').notNull(),
    /** The DTCG document (every collection in its default mode, and the styles). */
    tokens: jsonb('tokens').$type<Record<string, unknown>>().notNull(),
    /** The Resolver-module document (every mode). */
    resolver: jsonb('resolver').$type<Record<string, unknown>>().notNull(),
    /** `{ derive, sources }`: the converter's report (counts per collection and mode, aliases) and where the tokens came from. */
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    /** sha256 of the tokens and resolver documents: equal hashes, equal tokens. */
    contentHash: text('content_hash').notNull(),
    traceId: text('trace_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('token_versions_project_file_version_uq').on(t.projectId, t.fileKey, t.version)],
);

/**
 * A prototype's screen graph (issue 13, `actionflow/refine`; seed 002's public domain): one row per project, file
 * and Figma page, replaced when the page is read again. `graph` carries its own format version (readStoredActionFlow).
 */
export const actionFlows = pgTable(
  'action_flows',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    /** The Figma page (CANVAS) id; `0:0` for a selection of loose nodes. */
    pageId: text('page_id').notNull(),
    pageName: text('page_name').notNull(),
    /** Figma's file version the graph was built from (null: an upload or inline JSON). */
    fileVersion: text('file_version'),
    version: integer('version').notNull(),
    graph: jsonb('graph').$type<Record<string, unknown>>().notNull(),
    mermaid: text('mermaid').notNull(),
    /**
     * The LLM's reading of the graph (`actionflow/refine` with `refine`): screen purposes, flow summaries and
     * suggestions, each naming ids of `graph`; null until a refinement ran, and cleared when the graph changes.
     */
    annotations: jsonb('annotations').$type<Record<string, unknown>>(),
    /** sha256 of the graph: a rebuild that changes nothing keeps the row as it is. */
    contentHash: text('content_hash').notNull(),
    traceId: text('trace_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('action_flows_project_file_page_uq').on(t.projectId, t.fileKey, t.pageId)],
);
