import { createRoute, z } from '@hono/zod-openapi';
import { SpendByDaySchema, SpendQuerySchema, TraceIdSchema, TraceTimelineSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonResponse } from '../../lib/openapi';
import { adminGuard, guard } from '../../middleware';


export const traceRoute = createRoute({
  method: 'get',
  path: '/metrics/trace/{traceId}',
  tags: ['metrics'],
  summary: "The whole path of a trace (your project's): its events, steps with durations, LLM tokens and cost, requests",
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ traceId: TraceIdSchema.openapi({ param: { name: 'traceId', in: 'path' } }) }) },
  responses: {
    200: {
      description: "The trace's timeline; another project's trace answers empty lists",
      content: { 'application/json': { schema: TraceTimelineSchema } },
    },
    ...errorResponses(400, 401, 429),
  },
});

const RouteStatSchema = z
  .object({
    route: z.string(),
    method: z.string(),
    count: z.number().int(),
    error_rate: z.number().openapi({ description: 'share of 5xx' }),
    client_error_rate: z.number().openapi({ description: 'share of 4xx' }),
    p50_ms: z.number(),
    p95_ms: z.number(),
    slo: z
      .object({
        p95_target_ms: z.number().openapi({ description: 'SLO_P95_MS, or SLO_LLM_P95_MS for /chat, /chat-gateway, /llm/completions and /embed' }),
        error_rate_target: z.number().openapi({ description: 'SLO_ERROR_RATE: largest share of 5xx' }),
        p95_ok: z.boolean(),
        error_rate_ok: z.boolean(),
      })
      .openapi('RouteSlo'),
  })
  .openapi('RouteStat');

const nullableMs = z.number().nullable();
const DesignSyncMetricsSchema = z
  .object({
    syncs: z.number().int().openapi({ description: 'Sync operations in the window (no-ops left out)' }),
    sync_p50_ms: nullableMs,
    sync_p95_ms: nullableMs,
    components: z.object({ applied: z.number().int(), unchanged: z.number().int(), failed: z.number().int() }),
    undo_success: z.number().int(),
    undo_refused: z.number().int(),
    notifications_failed: z.number().int().openapi({ description: 'All time' }),
    notifications_sent: z.number().int().openapi({ description: 'All time' }),
    drift_feedback: z.number().int().openapi({ description: 'Drift items judged by users, all time' }),
    false_positive_ratio: z.number().nullable(),
    browser_sessions: z.number().int(),
    browser_initiation_p50_ms: nullableMs,
    browser_initiation_p95_ms: nullableMs,
  })
  .openapi('DesignSyncMetrics');

export const overviewRoute = createRoute({
  method: 'get',
  path: '/metrics/overview',
  tags: ['metrics'],
  summary: 'Per route: count, error rate, p50/p95 latency over a recent window (your project), each against its SLO',
  description: "The SLO gate (seed 001 §6): `gate` is `pass` when every route's p95 and 5xx rate meet their targets (`slo`), else `fail`.",
  security: BEARER,
  middleware: guard(),
  request: { query: z.object({ window: z.enum(['5m', '1h', '24h']).default('1h') }) },
  responses: {
    200: {
      description: 'Overview',
      content: {
        'application/json': {
          schema: z.object({ window: z.string(), since: z.string(), routes: z.array(RouteStatSchema), design_sync: DesignSyncMetricsSchema, gate: z.enum(['pass', 'fail']) }),
        },
      },
    },
    ...errorResponses(400, 401, 429),
  },
});

export const prometheusRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['metrics'],
  summary: 'Prometheus text exposition of every request and LLM provider (admin)',
  security: BEARER,
  middleware: adminGuard(),
  responses: { 200: { description: 'text/plain; version=0.0.4', content: { 'text/plain': { schema: z.string() } } }, ...errorResponses(401, 403, 429) },
});

export const spendRoute = createRoute({
  method: 'get',
  path: '/metrics/spend',
  tags: ['metrics'],
  summary: "Your project's LLM spend by UTC day and model (calls, tokens, cost from llm_usage), today included",
  description: 'Every day of the range is listed, oldest first; a day without calls has no models. Failed calls count (they are billed rows too).',
  security: BEARER,
  middleware: guard(),
  request: { query: SpendQuerySchema },
  responses: { 200: jsonResponse(SpendByDaySchema, 'Spend by day and model'), ...errorResponses(400, 401, 429) },
});
