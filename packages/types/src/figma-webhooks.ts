// Figma webhooks (issue 8): a project registers Figma's v2 webhooks for its files through the API, and Figma
// delivers FILE_UPDATE / LIBRARY_PUBLISH to the public receiver `POST /figma/webhooks`.
import { z } from '@hono/zod-openapi';

/** The events COGO registers and acts on (Figma's `WebhookV2Event`, restricted). */
export const FigmaWebhookEventSchema = z.enum(['FILE_UPDATE', 'LIBRARY_PUBLISH']).openapi('FigmaWebhookEvent');
export type FigmaWebhookEvent = z.infer<typeof FigmaWebhookEventSchema>;

/** Figma's webhook contexts (its v2 API: team, project or file). */
export const FigmaWebhookContextSchema = z.enum(['file', 'project', 'team']);

const figmaId = z.string().regex(/^[\w:-]{1,128}$/, 'a Figma file key, project id or team id');

/** `POST /figma/webhooks/register`: what to watch. The endpoint and passcode are chosen by COGO, never the caller. */
export const RegisterFigmaWebhookSchema = z
  .object({
    event_type: FigmaWebhookEventSchema,
    context: FigmaWebhookContextSchema.default('file'),
    context_id: figmaId.openapi({ description: 'The file key (context file), Figma project id or team id', example: 'COGOSAMPLE0001' }),
    description: z.string().max(140).optional(),
  })
  .openapi('RegisterFigmaWebhook');
export type RegisterFigmaWebhook = z.infer<typeof RegisterFigmaWebhookSchema>;

/** A registered webhook as the API shows it (never its passcode). */
export const FigmaWebhookSchema = z
  .object({
    id: z.uuid(),
    figma_webhook_id: z.string(),
    event_type: FigmaWebhookEventSchema,
    context: FigmaWebhookContextSchema,
    context_id: z.string(),
    endpoint: z.string(),
    status: z.string(),
    description: z.string().nullable(),
    last_event_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('FigmaWebhook');
export type FigmaWebhook = z.infer<typeof FigmaWebhookSchema>;

/**
 * What Figma POSTs to the receiver (WebhookBasePayload and the event's fields). Only the fields COGO reads are
 * declared; the rest are kept (`LIBRARY_PUBLISH` lists the published items).
 */
export const FigmaWebhookDeliverySchema = z
  .object({
    webhook_id: z.string().min(1).max(128),
    passcode: z.string().min(1).max(100),
    timestamp: z.string().min(1).max(64).openapi({ description: 'UTC ISO 8601: when Figma triggered the event' }),
    event_type: z.string().min(1).max(64),
    file_key: z.string().max(128).optional(),
    file_name: z.string().max(1024).optional(),
  })
  .loose()
  .openapi('FigmaWebhookDelivery');
export type FigmaWebhookDelivery = z.infer<typeof FigmaWebhookDeliverySchema>;

/** The receiver's answer: `duplicate` for a delivery seen before (acknowledged, nothing done again). */
export const FigmaWebhookReceiptSchema = z
  .object({
    received: z.literal(true),
    duplicate: z.boolean(),
    /** What was done: `invalidated` (cache entries of the file dropped), `ignored` (PING or an event COGO does not act on), `duplicate`. */
    action: z.enum(['invalidated', 'ignored', 'duplicate']),
    file_key: z.string().nullable(),
    cache_entries_dropped: z.number().int(),
  })
  .openapi('FigmaWebhookReceipt');
export type FigmaWebhookReceipt = z.infer<typeof FigmaWebhookReceiptSchema>;
