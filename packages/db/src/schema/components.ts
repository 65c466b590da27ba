// Design components extracted from a page. The id is deterministic (project, file key, node id),
// so applying the same extraction twice upserts the same rows.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { pages, projects } from './projects';

export const components = pgTable(
  'components',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    nodeId: text('node_id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    props: jsonb('props').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    contentHash: text('content_hash').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('components_project_file_node_uq').on(t.projectId, t.fileKey, t.nodeId),
    index('components_page_idx').on(t.projectId, t.pageId),
  ],
);
