// The Figma version cache's index (issue 8): which Figma answers are kept, content-addressed by
// (file_key, version, format, scope_hash); the bytes live in R2 (FIGMA_CACHE) under r2_key. Not per project:
// an entry is shared by every project whose own token proved access to that file with its own /meta call
// (apps/api/src/modules/figma-context/version-cache.ts). Rows are immutable: a version never changes.
import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { cogo } from './cogo';

export const figmaCacheEntries = cogo.table(
  'figma_cache_entries',
  {
    fileKey: text('file_key').notNull(),
    /** Figma's `version` of the file, as its /meta said. */
    version: text('version').notNull(),
    /** What the bytes are (raw Figma JSON, format 1): bumped if that ever changes, never by the extractor. */
    format: text('format').notNull(),
    /** sha256 of `scope`: the request within the file (path after the key, and query). */
    scopeHash: text('scope_hash').notNull(),
    /** The request, for people reading the table (e.g. `/nodes?ids=1:2,1:3`), cut at 500 characters. */
    scope: text('scope').notNull(),
    /** `ok`: the answer is in R2; `too_large`: it was over `bytes` (the response budget then), kept so a replay splits as the first run did. */
    outcome: text('outcome').notNull(),
    r2Key: text('r2_key'),
    /** `ok`: characters of Figma's answer as it came (a replay sizes the next requests by it); `too_large`: the budget it exceeded. */
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'figma_cache_entries_pk', columns: [t.fileKey, t.version, t.format, t.scopeHash] }),
    check('figma_cache_entries_outcome_ck', sql`${t.outcome} in ('ok', 'too_large') and (${t.outcome} = 'too_large' or ${t.r2Key} is not null)`),
  ],
);
