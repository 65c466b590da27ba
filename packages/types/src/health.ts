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
      connectMs: z.number().optional().openapi({
        description: "ms until the probe's own connection was ready; locally this includes waiting for the embedded database's turn",
      }),
      latencyMs: z.number().optional().openapi({ description: 'ms until the probe was answered, connecting included' }),
      error: z.string().optional(),
    }),
  })
  .openapi('Health');
export type Health = z.infer<typeof HealthSchema>;

/** GET /livez: the process answers; no database and no configuration involved. */
export const LivenessSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string().openapi({ example: '0.1.0' }),
    time: z.string().openapi({ example: '2026-11-22T02:00:00.000Z' }),
  })
  .openapi('Liveness');
export type Liveness = z.infer<typeof LivenessSchema>;
