import { z } from '@hono/zod-openapi';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string().openapi({ example: '0.1.0' }),
    time: z.string().openapi({ example: '2026-11-22T02:00:00.000Z' }),
    db: z.object({
      ok: z.boolean(),
      serverVersion: z.string().optional(),
      vectorVersion: z.string().nullable().optional(),
      migrations: z.number().int().optional(),
      latencyMs: z.number().optional(),
      error: z.string().optional(),
    }),
  })
  .openapi('Health');
export type Health = z.infer<typeof HealthSchema>;
