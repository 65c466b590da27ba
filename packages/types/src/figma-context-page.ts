// GET /figma-context/context: a job's whole compact context (every kept node, text, layout, style,
// variable and component prop), rendered as JSON or text and cut into pages of at most max_bytes.
import { z } from '@hono/zod-openapi';
import { UuidSchema } from './ids';

/** Page budget: default and bounds of `max_bytes` (UTF-8 bytes of `content`). */
export const FIGMA_CONTEXT_PAGE_BYTES = { default: 256 * 1024, min: 1024, max: 4 * 1024 * 1024 } as const;

export const FigmaContextFormatSchema = z.enum(['text', 'json']);
export type FigmaContextFormat = z.infer<typeof FigmaContextFormatSchema>;

export const FigmaContextQuerySchema = z
  .object({
    job_id: UuidSchema.optional().openapi({ description: 'The job; may be left out with a cursor, which names its job' }),
    format: FigmaContextFormatSchema.optional().openapi({ description: '`text` (default: the indented lines of toText) or `json` (toJson of the merged context); a cursor keeps its format' }),
    cursor: z.string().min(1).max(600).optional().openapi({ description: 'next_cursor of the previous page (opaque)' }),
    max_bytes: z.coerce
      .number()
      .int()
      .min(FIGMA_CONTEXT_PAGE_BYTES.min)
      .max(FIGMA_CONTEXT_PAGE_BYTES.max)
      .default(FIGMA_CONTEXT_PAGE_BYTES.default)
      .openapi({ description: 'At most this many UTF-8 bytes of content per page' }),
  })
  .refine((q) => q.job_id !== undefined || q.cursor !== undefined, { message: 'give job_id or cursor', path: ['job_id'] });
export type FigmaContextQuery = z.infer<typeof FigmaContextQuerySchema>;

export const FigmaContextPageSchema = z
  .object({
    job_id: UuidSchema,
    format: FigmaContextFormatSchema,
    job_status: z.enum(['pending', 'running', 'done', 'error', 'cancelled']),
    partial: z.boolean().openapi({ description: 'true unless the job is done: the context holds only the chunks logged up to through_event_id' }),
    through_event_id: z.number().int().openapi({ description: 'the last event of the job log this sequence of pages reads (fixed by its first page)' }),
    content: z.string().openapi({ description: 'this page; the pages of one sequence concatenated are the whole rendering, byte for byte' }),
    bytes: z.number().int().openapi({ description: 'UTF-8 bytes of content (≤ max_bytes)' }),
    next_cursor: z.string().nullable().openapi({ description: 'null at the end' }),
  })
  .openapi('FigmaContextPage');
export type FigmaContextPage = z.infer<typeof FigmaContextPageSchema>;
