import { z } from '@hono/zod-openapi';

/** GET /metrics/spend's query: how many UTC days, today included. */
export const SpendQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(31).default(7).openapi({ description: 'UTC days, today included (1–31)' }),
});

/** One model's LLM calls on one day (sums of its cogo.llm_usage rows, failed calls included). */
export const SpendModelSchema = z
  .object({
    model: z.string(),
    calls: z.number().int(),
    tokens_in: z.number().int(),
    tokens_out: z.number().int(),
    cost_usd: z.number(),
  })
  .openapi('SpendModel');
export type SpendModel = z.infer<typeof SpendModelSchema>;

/** One UTC day: its models (costliest first) and their totals. */
export const SpendDaySchema = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ description: 'UTC date, YYYY-MM-DD' }),
    calls: z.number().int(),
    cost_usd: z.number(),
    models: z.array(SpendModelSchema),
  })
  .openapi('SpendDay');
export type SpendDay = z.infer<typeof SpendDaySchema>;

/** GET /metrics/spend: the project's LLM spend by day and model; every day of the range is listed, oldest first. */
export const SpendByDaySchema = z
  .object({
    since: z.string().openapi({ description: '00:00 UTC of the first day' }),
    days: z.array(SpendDaySchema),
    total: z.object({ calls: z.number().int(), cost_usd: z.number() }),
  })
  .openapi('SpendByDay');
export type SpendByDay = z.infer<typeof SpendByDaySchema>;
