// One row per served request, written in batches through the events queue; /metrics reads it.
import { bigserial, index, integer, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cogo } from './cogo';

export const requestMetrics = cogo.table(
  'request_metrics',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id'),
    /** The route pattern (`/figma-context/stream`), not the raw path, so cardinality stays bounded. */
    route: text('route').notNull(),
    method: text('method').notNull(),
    status: integer('status').notNull(),
    durationMs: real('duration_ms').notNull(),
    traceId: text('trace_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('request_metrics_created_idx').on(t.createdAt),
    index('request_metrics_route_created_idx').on(t.route, t.createdAt),
    // GET /metrics/trace/{traceId}: a trace's requests
    index('request_metrics_trace_idx').on(t.traceId),
  ],
);
