import { z } from '@hono/zod-openapi';
import { TraceIdSchema, UuidSchema } from './ids';

/** A bus event as published to the `cogo-events` queue and stored in `bus_events`. */
export const BusEventMessageSchema = z
  .object({
    kind: z.literal('bus_event').optional(),
    type: z.string().min(1).max(100).regex(/^[a-z][a-z0-9_.]*$/),
    source: z.string().min(1).max(100),
    projectId: UuidSchema.nullish(),
    traceId: TraceIdSchema.nullish(),
    payload: z.record(z.string(), z.unknown()).default({}),
    /** When it happened (ISO 8601); defaults to insert time. */
    at: z.iso.datetime().optional(),
  })
  .openapi('BusEvent');
export type BusEventMessage = z.infer<typeof BusEventMessageSchema>;

/** One served request, for /metrics. */
export const RequestMetricMessageSchema = z.object({
  kind: z.literal('request_metric'),
  route: z.string().min(1).max(300),
  method: z.string().min(1).max(10),
  status: z.number().int().min(100).max(599),
  durationMs: z.number().min(0),
  projectId: UuidSchema.nullish(),
  traceId: TraceIdSchema.nullish(),
  at: z.iso.datetime(),
});
export type RequestMetricMessage = z.infer<typeof RequestMetricMessageSchema>;

/** One provider call of the LLM gateway, for cogo.llm_usage (written in batches by the events consumer). */
export const LlmUsageMessageSchema = z.object({
  kind: z.literal('llm_usage'),
  projectId: UuidSchema,
  traceId: TraceIdSchema,
  requestId: z.string().max(100).nullish(),
  jobId: UuidSchema.nullish(),
  route: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  upstreamModel: z.string().min(1).max(200),
  providerId: UuidSchema.nullish(),
  provider: z.string().min(1).max(100),
  tokensIn: z.number().int().min(0),
  tokensOut: z.number().int().min(0),
  costUsd: z.number().min(0),
  latencyMs: z.number().int().min(0),
  firstTokenMs: z.number().int().min(0).nullish(),
  outcome: z.string().min(1).max(40),
  errorCode: z.string().max(60).nullish(),
  estimated: z.boolean(),
  continued: z.boolean(),
  at: z.iso.datetime(),
});
export type LlmUsageMessage = z.infer<typeof LlmUsageMessageSchema>;

/** Everything the `cogo-events` queue carries. */
export const QueueMessageSchema = z.union([RequestMetricMessageSchema, LlmUsageMessageSchema, BusEventMessageSchema]);
export type QueueMessage = z.infer<typeof QueueMessageSchema>;

/** A bus event as the trace timeline returns it. */
export const TimelineEventSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    source: z.string(),
    project_id: z.string().nullable(),
    at: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineEvent');
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** How a step of a trace ended: its closing event's suffix, or `open` while none came. */
export const TraceStepOutcomeSchema = z.enum(['succeeded', 'failed', 'done', 'open']).openapi('TraceStepOutcome');

/** One step of a trace, paired from its `<name>_scheduled|started|succeeded|failed|done` bus events. */
export const TraceStepSchema = z
  .object({
    name: z.string().openapi({ description: 'the event type without its suffix: gen_plan, ui_generate, rag_query, figma_apply, figma_job…' }),
    scheduled_at: z.string().nullable().openapi({ description: 'when `<name>_scheduled` came, if it did' }),
    started_at: z.string().nullable().openapi({ description: 'null when the step was closed (or only scheduled) without a `<name>_started`' }),
    ended_at: z.string().nullable(),
    duration_ms: z.number().nullable().openapi({ description: 'ended_at − started_at; null unless both are known' }),
    outcome: TraceStepOutcomeSchema,
    payload: z.record(z.string(), z.unknown()).openapi({ description: 'the payloads of its scheduled, started and closing events merged, later keys winning' }),
  })
  .openapi('TraceStep');
export type TraceStep = z.infer<typeof TraceStepSchema>;

/** One provider call of a trace (a cogo.llm_usage row). */
export const TraceLlmCallSchema = z
  .object({
    route: z.string(),
    model: z.string(),
    provider: z.string(),
    tokens_in: z.number().int(),
    tokens_out: z.number().int(),
    cost_usd: z.number(),
    latency_ms: z.number().int(),
    first_token_ms: z.number().int().nullable(),
    outcome: z.string(),
    at: z.string().openapi({ description: 'when the call ended' }),
  })
  .openapi('TraceLlmCall');
export type TraceLlmCall = z.infer<typeof TraceLlmCallSchema>;

/** One served request of a trace (a cogo.request_metrics row). */
export const TraceRequestSchema = z
  .object({
    route: z.string(),
    method: z.string(),
    status: z.number().int(),
    duration_ms: z.number(),
    at: z.string().openapi({ description: 'when the response was done' }),
  })
  .openapi('TraceRequest');
export type TraceRequest = z.infer<typeof TraceRequestSchema>;

/** GET /metrics/trace/{traceId}: the whole path of a trace in your project — events, steps, LLM spend, requests. */
export const TraceTimelineSchema = z
  .object({
    trace_id: z.string(),
    duration_ms: z.number().nullable().openapi({
      description: 'from the earliest to the latest moment of the trace: event times, and the start (at − duration) and end of each request and LLM call; null when the trace has nothing',
    }),
    events: z.array(TimelineEventSchema).openapi({ description: 'bus events in emission order (at most 1000)' }),
    steps: z.array(TraceStepSchema).openapi({
      description:
        '`<name>_started` opens step `<name>`; the next `<name>_succeeded|failed|done` closes the oldest open step of that name. A closing event without a start is a step with started_at null; `<name>_scheduled` sets scheduled_at of the next step of that name. In start order (a step without a start at its first event).',
    }),
    llm: z
      .object({
        calls: z.array(TraceLlmCallSchema).openapi({ description: 'oldest first (at most 1000)' }),
        totals: z
          .object({ calls: z.number().int(), tokens_in: z.number().int(), tokens_out: z.number().int(), cost_usd: z.number() })
          .openapi({ description: 'over every call of the trace, also beyond the 1000 listed' }),
      })
      .openapi('TraceLlmUsage'),
    requests: z.array(TraceRequestSchema).openapi({ description: 'oldest first (at most 1000)' }),
  })
  .openapi('TraceTimeline');
export type TraceTimeline = z.infer<typeof TraceTimelineSchema>;
