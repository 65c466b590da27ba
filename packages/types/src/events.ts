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
