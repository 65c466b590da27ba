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

/** The LLM calls of a trace, oldest first (at most 1000), optionally limited to one project. */
export async function traceLlmCalls(db: Db, traceId: string, projectId: string | null) {
  const u = schema.llmUsage;
  return db
    .select({
      route: u.route,
      model: u.model,
      provider: u.provider,
      tokensIn: u.tokensIn,
      tokensOut: u.tokensOut,
      costUsd: u.costUsd,
      latencyMs: u.latencyMs,
      firstTokenMs: u.firstTokenMs,
      outcome: u.outcome,
      createdAt: u.createdAt,
    })
    .from(u)
    .where(and(eq(u.traceId, traceId), projectId ? eq(u.projectId, projectId) : undefined))
    .orderBy(asc(u.createdAt), asc(u.id))
    .limit(1000);
}

/** Calls, tokens and cost of every LLM call of a trace (not only the 1000 listed). */
export async function traceLlmTotals(db: Db, traceId: string, projectId: string | null) {
  const u = schema.llmUsage;
  const [row] = await db
    .select({
      calls: sql<number>`count(*)::int`,
      tokens_in: sql<string>`coalesce(sum(${u.tokensIn}), 0)`,
      tokens_out: sql<string>`coalesce(sum(${u.tokensOut}), 0)`,
      cost_usd: sql<number>`coalesce(sum(${u.costUsd}), 0)::float8`,
    })
    .from(u)
    .where(and(eq(u.traceId, traceId), projectId ? eq(u.projectId, projectId) : undefined));
  // sums of integers are bigint, which the driver hands over as text
  return { calls: Number(row?.calls ?? 0), tokens_in: Number(row?.tokens_in ?? 0), tokens_out: Number(row?.tokens_out ?? 0), cost_usd: Number(row?.cost_usd ?? 0) };
}

/** The served requests of a trace, oldest first (at most 1000), optionally limited to one project. */
export async function traceRequests(db: Db, traceId: string, projectId: string | null) {
  const m = schema.requestMetrics;
  return db
    .select({ route: m.route, method: m.method, status: m.status, durationMs: m.durationMs, createdAt: m.createdAt })
    .from(m)
    .where(and(eq(m.traceId, traceId), projectId ? eq(m.projectId, projectId) : undefined))
    .orderBy(asc(m.createdAt), asc(m.id))
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

/** llm_usage since `since` by UTC day and model: calls, tokens and cost (one project). */
export async function spendByDayModel(db: Db, since: Date, projectId: string) {
  const u = schema.llmUsage;
  const day = sql<string>`to_char(${u.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      model: u.model,
      calls: sql<number>`count(*)::int`,
      tokens_in: sql<string>`coalesce(sum(${u.tokensIn}), 0)`,
      tokens_out: sql<string>`coalesce(sum(${u.tokensOut}), 0)`,
      cost_usd: sql<number>`coalesce(sum(${u.costUsd}), 0)::float8`,
    })
    .from(u)
    .where(and(gte(u.createdAt, since), eq(u.projectId, projectId)))
    .groupBy(day, u.model);
  // sums of integers are bigint, which the driver hands over as text
  return rows.map((r) => ({ day: r.day, model: r.model, calls: Number(r.calls), tokens_in: Number(r.tokens_in), tokens_out: Number(r.tokens_out), cost_usd: Number(r.cost_usd) }));
}
