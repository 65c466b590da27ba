// Chat history (seed 001 §5): sessions and their messages are the user's data, in `public` under row-level security.
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';

export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: uuidPk(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title'),
    model: text('model'),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [index('chat_sessions_project_created_idx').on(t.projectId, t.createdAt, t.id)],
);

export const messages = pgTable(
  'messages',
  {
    id: uuidPk(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** system | user | assistant */
    role: text('role').notNull(),
    content: text('content').notNull(),
    /** complete | error */
    status: text('status').notNull().default('complete'),
    model: text('model'),
    provider: text('provider'),
    tokensIn: integer('tokens_in'),
    tokensOut: integer('tokens_out'),
    traceId: text('trace_id'),
    /** The request's Idempotency-Key: a retried request finds its pair instead of storing another. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_session_created_idx').on(t.sessionId, t.createdAt, t.id),
    uniqueIndex('messages_idempotency_uq').on(t.projectId, t.idempotencyKey, t.role).where(sql`${t.idempotencyKey} is not null`),
  ],
);
