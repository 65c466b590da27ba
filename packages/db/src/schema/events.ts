// The event bus (seed 000 §8): every notable step writes a row carrying the request's trace id,
// and /metrics/trace/{traceId} reads them back in order.
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { cogo } from './cogo';

export const busEvents = cogo.table(
  'bus_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null only for platform events that belong to no project (e.g. a per-IP rate limit). */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    traceId: text('trace_id'),
    type: text('type').notNull(),
    source: text('source').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('bus_events_trace_idx').on(t.traceId, t.id),
    index('bus_events_project_created_idx').on(t.projectId, t.createdAt),
    index('bus_events_type_created_idx').on(t.type, t.createdAt),
  ],
);
