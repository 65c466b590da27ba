// User-owned application data (seed 002 "public" domain): projects and their pages.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';

export const projects = pgTable(
  'projects',
  {
    id: uuidPk(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ...timestamps,
  },
  (t) => [uniqueIndex('projects_slug_uq').on(t.slug)],
);

/** A design page (a Figma CANVAS or top-level frame) stored for a project. */
export const pages = pgTable(
  'pages',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    nodeId: text('node_id').notNull(),
    name: text('name').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    contentHash: text('content_hash'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('pages_project_file_node_uq').on(t.projectId, t.fileKey, t.nodeId),
    index('pages_project_idx').on(t.projectId),
  ],
);

/** Where a page sits in a project's app: its route and order. */
export const projectPages = pgTable(
  'project_pages',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    route: text('route'),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('project_pages_project_page_uq').on(t.projectId, t.pageId),
    uniqueIndex('project_pages_project_route_uq').on(t.projectId, t.route),
  ],
);
