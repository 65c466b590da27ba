// Artifacts (issue 14, seed 002 "served via /artifacts"): generated plans, UI JSON, diffs and large job outputs. The
// bytes live in R2 (binding ARTIFACTS, key `artifacts/<project>/<id>`); this row is what tenancy, listing, ETags and
// retention read. The user's data, in `public` under row-level security.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidPk } from './columns';
import { projects } from './projects';

export const artifacts = pgTable(
  'artifacts',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** `plan`, `ui_json`, `diff`, `job_output` or `scaffold` (design-sync story and test files). */
    kind: text('kind').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    /** Hex SHA-256 of the object: its ETag. */
    sha256: text('sha256').notNull(),
    traceId: text('trace_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
    /** created_at + ARTIFACT_TTL_DAYS: the retention sweep deletes the object and the row after it. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('artifacts_project_created_idx').on(t.projectId, t.createdAt, t.id),
    index('artifacts_expires_idx').on(t.expiresAt),
    check('artifacts_kind_ck', sql`${t.kind} in ('plan', 'ui_json', 'diff', 'job_output', 'scaffold', 'screenshot', 'image', 'job_input')`),
  ],
);
