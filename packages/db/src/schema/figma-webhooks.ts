// Figma webhooks (issue 8): the v2 webhooks a project registered through the API, and the deliveries Figma made
// to the public receiver. A webhook is found by Figma's `webhook_id` (the delivery names it); its passcode is kept
// only as a SHA-256 hash (COGO generates it: 32 random bytes, so a plain hash is enough). A delivery is recorded
// once per (webhook, delivery key): Figma retries a failed delivery with the same payload, and the unique index
// turns such a replay into a no-op.
import { index, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';
import { cogo } from './cogo';

export const figmaWebhooks = cogo.table(
  'figma_webhooks',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Figma's id of the webhook (`webhook_id` in every delivery). */
    figmaWebhookId: text('figma_webhook_id').notNull(),
    /** FILE_UPDATE | LIBRARY_PUBLISH */
    eventType: text('event_type').notNull(),
    /** file | project | team */
    context: text('context').notNull(),
    contextId: text('context_id').notNull(),
    endpoint: text('endpoint').notNull(),
    /** hex SHA-256 of the passcode Figma sends back; the passcode itself is never stored. */
    passcodeHash: text('passcode_hash').notNull(),
    status: text('status').notNull(),
    description: text('description'),
    lastEventAt: timestamp('last_event_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('figma_webhooks_figma_id_uq').on(t.figmaWebhookId), index('figma_webhooks_project_idx').on(t.projectId)],
);

export const figmaWebhookDeliveries = cogo.table(
  'figma_webhook_deliveries',
  {
    id: uuidPk(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => figmaWebhooks.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** hex SHA-256 of (Figma webhook id, timestamp, event type, file key, canonical payload without passcode). */
    deliveryKey: text('delivery_key').notNull(),
    eventType: text('event_type').notNull(),
    fileKey: text('file_key'),
    /** Figma's `timestamp` of the event, as sent. */
    figmaTimestamp: text('figma_timestamp').notNull(),
    /** The file's version after the event, when known (learned with the project's token after the answer). */
    fileVersion: text('file_version'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('figma_webhook_deliveries_key_uq').on(t.webhookId, t.deliveryKey), index('figma_webhook_deliveries_file_idx').on(t.fileKey, t.receivedAt)],
);
