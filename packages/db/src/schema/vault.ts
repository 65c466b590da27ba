// Key vault (seed 000 §15): secrets encrypted at rest with AES-GCM under a master key held as a
// Worker secret, versioned per (project, alias); every change and every use is audited.
import { bigserial, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';
import { cogo } from './cogo';

export const secureKeys = cogo.table(
  'secure_keys',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    version: integer('version').notNull(),
    /** base64 AES-GCM ciphertext (with tag); AAD binds it to project, alias and version. */
    ciphertext: text('ciphertext').notNull(),
    /** base64 12-byte nonce. */
    iv: text('iv').notNull(),
    /** Id of the master key that encrypted it, so master keys can rotate too. */
    masterKeyId: text('master_key_id').notNull(),
    /** Last 4 characters of the value, null when it has under 12 (plaintext: no more may be shown). */
    last4: text('last4'),
    /** active | rotated | revoked */
    status: text('status').notNull().default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('secure_keys_project_alias_version_uq').on(t.projectId, t.alias, t.version),
    index('secure_keys_project_alias_status_idx').on(t.projectId, t.alias, t.status),
  ],
);

export const secureKeysAudit = cogo.table(
  'secure_keys_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    version: integer('version'),
    /** set | rotate | revoke | use */
    action: text('action').notNull(),
    /** Who: `key:<prefix>`, `jwt:<sub>`, `service:<name>`. */
    actor: text('actor').notNull(),
    traceId: text('trace_id'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('secure_keys_audit_project_alias_idx').on(t.projectId, t.alias, t.id)],
);
