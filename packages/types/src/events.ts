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

/** Everything the `cogo-events` queue carries. */
export const QueueMessageSchema = z.union([RequestMetricMessageSchema, BusEventMessageSchema]);
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
