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

const DependencyCheckSchema = z.object({ ok: z.boolean(), error: z.string().optional() }).passthrough();

/** GET /health (issue 16, seed 004): every dependency a job needs, with the failing ones named. */
export const DependencyHealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: z.string(),
    /** The checks that failed: `database`, `queue`, `providers`. */
    failing: z.array(z.enum(['database', 'queue', 'providers'])),
    checks: z.object({
      database: DependencyCheckSchema.openapi({ description: 'Answers within 3 s on its own connection (latency_ms)' }),
      queue: DependencyCheckSchema.openapi({ description: 'No AI job waits in `queued` longer than AI_JOB_STALL_SECONDS (oldest_queued_seconds): the queue delivers and its consumer runs' }),
      providers: DependencyCheckSchema.openapi({ description: "The deployment's LLM providers: none configured, or at least one whose circuit is closed (items: name, status)" }),
    }),
  })
  .openapi('DependencyHealth');
export type DependencyHealth = z.infer<typeof DependencyHealthSchema>;
