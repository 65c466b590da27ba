import { z } from '@hono/zod-openapi';
import { UuidSchema } from './ids';

export const JobSchema = z
  .object({
    id: UuidSchema,
    kind: z.string(),
    status: z.string(),
    progress: z.record(z.string(), z.unknown()),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    trace_id: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .openapi('Job');

export const PageSchema = z
  .object({
    id: UuidSchema,
    file_key: z.string(),
    node_id: z.string(),
    name: z.string(),
    content_hash: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Page');
