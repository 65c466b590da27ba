import { z } from '@hono/zod-openapi';
import { TraceIdSchema, UuidSchema } from './ids';

/** A bus event as published to the `cogo-events` queue and stored in `bus_events`. */
export const BusEventMessageSchema = z
  .object({
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
