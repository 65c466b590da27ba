// The SSE event envelope: every event has a monotonically increasing id (for Last-Event-ID resume),
// a type, and a JSON data payload. A stream ends with exactly one terminal `done` or `error`.
import { z } from '@hono/zod-openapi';
import { ErrorBodySchema } from './errors';

export const SseEventIdSchema = z.string().regex(/^\d+$/).openapi({ description: 'Monotonic decimal sequence number' });

/** Builds the schema of one typed SSE event. */
export function sseEvent<const T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({ id: SseEventIdSchema, event: z.literal(type), data });
}

export const KeepaliveEventSchema = sseEvent('keepalive', z.object({ at: z.string() }));
export const DoneEventSchema = sseEvent('done', z.object({}).catchall(z.unknown()));
export const ErrorEventSchema = sseEvent('error', z.object({ error: ErrorBodySchema }));

/** Event types that end a stream. */
export const TERMINAL_EVENTS = ['done', 'error'] as const;
export type TerminalEvent = (typeof TERMINAL_EVENTS)[number];

/** A parsed SSE frame as a client sees it. */
export interface SseFrame {
  id?: string;
  event: string;
  data: string;
  retry?: number;
}
