import { schema, type Db } from '@cogo/db';
import { and, asc, eq, gte, sql, type SQL } from 'drizzle-orm';

/** Bus events of a trace in emission order, optionally limited to one project. */
export async function traceEvents(db: Db, traceId: string, projectId: string | null) {
  return db
    .select()
    .from(schema.busEvents)
    .where(and(eq(schema.busEvents.traceId, traceId), projectId ? eq(schema.busEvents.projectId, projectId) : undefined))
    .orderBy(asc(schema.busEvents.createdAt), asc(schema.busEvents.id))
    .limit(1000);
}

export interface RouteStats {
  route: string;
  method: string;
  count: number;
  errors: number;
  client_errors: number;
  p50_ms: number;
  p95_ms: number;
}

/** Per route: count, 5xx and 4xx counts, p50/p95 latency since `since`. */
export async function routeStats(db: Db, since: Date, projectId: string | null): Promise<RouteStats[]> {
  const m = schema.requestMetrics;
  const where: SQL | undefined = and(gte(m.createdAt, since), projectId ? eq(m.projectId, projectId) : undefined);
  const rows = await db
    .select({
      route: m.route,
      method: m.method,
      count: sql<number>`count(*)::int`,
      errors: sql<number>`count(*) filter (where ${m.status} >= 500)::int`,
      client_errors: sql<number>`count(*) filter (where ${m.status} >= 400 and ${m.status} < 500)::int`,
      p50_ms: sql<number>`percentile_cont(0.5) within group (order by ${m.durationMs})`,
      p95_ms: sql<number>`percentile_cont(0.95) within group (order by ${m.durationMs})`,
    })
    .from(m)
    .where(where)
    .groupBy(m.route, m.method)
    .orderBy(m.route, m.method);
  return rows.map((r) => ({ ...r, count: Number(r.count), errors: Number(r.errors), client_errors: Number(r.client_errors), p50_ms: Number(r.p50_ms), p95_ms: Number(r.p95_ms) }));
}

/** Requests by route, method and status class since the beginning of the table. */
export async function requestTotals(db: Db) {
  const m = schema.requestMetrics;
  const cls = sql<string>`(${m.status} / 100)::text || 'xx'`;
  const rows = await db
    .select({ route: m.route, method: m.method, status_class: cls, count: sql<number>`count(*)::int`, sum_ms: sql<number>`coalesce(sum(${m.durationMs}), 0)` })
    .from(m)
    .groupBy(m.route, m.method, cls)
    .orderBy(m.route, m.method, cls);
  return rows.map((r) => ({ ...r, count: Number(r.count), sum_ms: Number(r.sum_ms) }));
}
