// The only reader of the Worker's environment: bindings and vars, validated once per env object.
import { z } from 'zod';

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^/]+/, 'must be a postgres:// URL')
  .describe('postgres:// URL of Neon or any Postgres with pgvector');

export const EnvSchema = z.object({
  ENVIRONMENT: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATABASE_URL: postgresUrl,
  /** host:port of the WebSocket→TCP proxy for non-Neon Postgres (local dev and tests). */
  DATABASE_WS_PROXY: z
    .string()
    .regex(/^[\w.-]+:\d+(\/.*)?$/, 'must be host:port[/path]')
    .optional(),
  JOB_CURSOR: z.custom<DurableObjectNamespace>((v) => typeof v === 'object' && v !== null, 'Durable Object binding missing'),
  EVENTS_QUEUE: z.custom<Queue<unknown>>((v) => typeof v === 'object' && v !== null, 'Queue binding missing'),
});
export type AppConfig = z.infer<typeof EnvSchema>;

/** Raw bindings as the runtime hands them over. */
export type Bindings = Record<string, unknown>;

export class ConfigError extends Error {
  constructor(readonly keys: string[]) {
    super(`invalid configuration: ${keys.join(', ')}`);
  }
}

const cache = new WeakMap<object, AppConfig>();

/** Parses the env once per env object; throws ConfigError naming (never echoing) the bad keys. */
export function readConfig(env: Bindings): AppConfig {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError([...new Set(parsed.error.issues.map((i) => i.path.join('.')))]);
  }
  cache.set(env, parsed.data);
  return parsed.data;
}
