// Project API keys: only a SHA-256 of the secret is stored; the prefix identifies the key and is
// the only part ever shown again. Platform data (`cogo` schema): credentials are the service's to check, not
// application data a user's app reads, and they must stay out of anything that follows `public`.
import { index, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';
import { cogo } from './cogo';

export const projectApiKeys = cogo.table(
  'project_api_keys',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Public, unique lookup part, e.g. `cogo_3kq9x2mz` — shown in lists. */
    prefix: text('prefix').notNull(),
    /** hex SHA-256 of the full key. */
    secretHash: text('secret_hash').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    /** The key this one replaced (rotation). */
    rotatedFrom: uuid('rotated_from'),
    ...timestamps,
  },
  (t) => [uniqueIndex('project_api_keys_prefix_uq').on(t.prefix), index('project_api_keys_project_idx').on(t.projectId)],
);
