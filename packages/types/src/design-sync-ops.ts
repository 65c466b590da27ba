// design-sync operations around the core (issue 15, seed 003): the project's credentials (Figma token, Slack incoming
// webhook, Storybook URL — kept in the vault, checked by a real call, never returned), Slack notifications per
// category (at once or in a daily digest) and the nightly schedule.
import { z } from '@hono/zod-openapi';
import { DriftKindSchema } from './design-sync';
import { UuidSchema } from './ids';

export const CREDENTIAL_KINDS = ['figma', 'slack', 'storybook'] as const;
export const CredentialKindSchema = z.enum(CREDENTIAL_KINDS).openapi('DesignSyncCredentialKind');
export type CredentialKind = z.infer<typeof CredentialKindSchema>;

/** Days before `expires_at` from which a daily reminder is sent (category credential_expiring). */
export const CREDENTIAL_REMINDER_DAYS = 7;

export const PutCredentialRequestSchema = z
  .object({
    kind: CredentialKindSchema,
    value: z
      .string()
      .min(1)
      .max(2_048)
      .regex(/^[^\u0000-\u001f\u007f\s]+$/, 'one line without spaces or control characters')
      .openapi({ description: 'figma: a personal access token; slack: an incoming-webhook URL; storybook: the https URL of a Storybook build' }),
    expires_at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When the token expires (Figma tokens have one): reminders start 7 days before' }),
  })
  .strict()
  .openapi('PutCredentialRequest');
export type PutCredentialRequest = z.infer<typeof PutCredentialRequestSchema>;

export const CredentialCheckSchema = z
  .object({
    ok: z.boolean(),
    /** The upstream's HTTP status, when it answered. */
    status: z.number().int().nullable(),
    message: z.string(),
    checked_at: z.string(),
  })
  .openapi('CredentialCheck');

export const CredentialViewSchema = z
  .object({
    kind: CredentialKindSchema,
    /** `active`; `disabled` when the upstream said it is gone (Slack 404 no_service / 410 channel_is_archived). */
    status: z.enum(['active', 'disabled']),
    /** The last 4 characters of a long value (never the value). */
    last4: z.string().nullable(),
    check: CredentialCheckSchema,
    expires_at: z.string().nullable(),
    expires_in_days: z.number().nullable(),
    disabled_reason: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('DesignSyncCredential');
export type CredentialView = z.infer<typeof CredentialViewSchema>;

export const CredentialListSchema = z.object({ credentials: z.array(CredentialViewSchema) }).openapi('DesignSyncCredentialList');

export const NOTIFICATION_CATEGORIES = ['sync_done', 'sync_failed', 'drift_found', 'credential_expiring', 'coverage_dropped'] as const;
export const NotificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES).openapi('NotificationCategory');
export type NotificationCategory = z.infer<typeof NotificationCategorySchema>;
/** `immediate`: one Slack message per event; `digest`: collected into the daily digest; `off`: not recorded. */
export const NotificationModeSchema = z.enum(['off', 'immediate', 'digest']).openapi('NotificationMode');
export type NotificationMode = z.infer<typeof NotificationModeSchema>;

/** Until a project says otherwise: failures and expiring credentials at once, the rest in the digest. */
export const DEFAULT_NOTIFICATION_MODES: Record<NotificationCategory, NotificationMode> = {
  sync_done: 'digest',
  sync_failed: 'immediate',
  drift_found: 'digest',
  credential_expiring: 'immediate',
  coverage_dropped: 'digest',
};

export const NotificationSettingsSchema = z
  .object({
    categories: z.record(NotificationCategorySchema, NotificationModeSchema),
    /** Hour (UTC) the daily digest is sent, when anything is in it. */
    digest_hour_utc: z.number().int().min(0).max(23),
    last_digest_at: z.string().nullable(),
    /** Whether a Slack webhook is stored and active. */
    slack: z.enum(['missing', 'active', 'disabled']),
  })
  .openapi('NotificationSettings');
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const PutNotificationSettingsSchema = z
  .object({
    categories: z.partialRecord(NotificationCategorySchema, NotificationModeSchema).optional(),
    digest_hour_utc: z.number().int().min(0).max(23).optional(),
  })
  .strict()
  .openapi('PutNotificationSettings');

export const NotificationEventStatusSchema = z.enum(['queued', 'sent', 'failed', 'digest', 'digested']);
export const NotificationEventSchema = z
  .object({
    id: UuidSchema,
    category: z.union([NotificationCategorySchema, z.literal('digest')]),
    status: NotificationEventStatusSchema,
    title: z.string(),
    attempts: z.number().int(),
    last_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    sent_at: z.string().nullable(),
  })
  .openapi('NotificationEvent');
export type NotificationEvent = z.infer<typeof NotificationEventSchema>;

export const NotificationEventListSchema = z
  .object({ events: z.array(NotificationEventSchema), failed_total: z.number().int() })
  .openapi('NotificationEventList');

export const ScheduleRequestSchema = z
  .object({
    enabled: z.boolean(),
    hour_utc: z.number().int().min(0).max(23).default(2),
    /** null: check drift (and notify) only; a direction: also sync what drifted, that way. */
    direction: z.enum(['design_to_code', 'code_to_design']).nullable().default(null),
    /** Check drift when figma-context receives a FILE_UPDATE webhook for a mapped file. */
    on_file_update: z.boolean().default(true),
  })
  .strict()
  .openapi('DesignSyncScheduleRequest');

export const ScheduleRunSchema = z
  .object({
    at: z.string(),
    trigger: z.enum(['schedule', 'file_update']),
    mappings: z.number().int(),
    drifted: z.number().int(),
    operation_id: z.string().nullable(),
    coverage_ratio: z.number().nullable(),
    storybook: z.enum(['ingested', 'unchanged', 'not_configured', 'failed']),
    error: z.string().nullable(),
  })
  .openapi('DesignSyncScheduleRun');
export type ScheduleRun = z.infer<typeof ScheduleRunSchema>;

export const ScheduleSchema = z
  .object({
    enabled: z.boolean(),
    hour_utc: z.number().int(),
    direction: z.enum(['design_to_code', 'code_to_design']).nullable(),
    on_file_update: z.boolean(),
    next_run_at: z.string().nullable(),
    last_run: ScheduleRunSchema.nullable(),
  })
  .openapi('DesignSyncSchedule');
export type Schedule = z.infer<typeof ScheduleSchema>;

export const DriftFeedbackRequestSchema = z
  .object({
    mapping_id: UuidSchema,
    kind: DriftKindSchema,
    subject: z.string().min(1).max(500).regex(/^[^\u0000]*$/, 'no NUL characters'),
    /** `false_positive`: this item is not real drift; `real`: it is (both count toward the false-positive ratio). */
    verdict: z.enum(['false_positive', 'real']),
  })
  .strict()
  .openapi('DriftFeedbackRequest');

export const DriftFeedbackSchema = z
  .object({
    mapping_id: UuidSchema,
    kind: DriftKindSchema,
    subject: z.string(),
    verdict: z.enum(['false_positive', 'real']),
    updated_at: z.string(),
    /** The project's false-positive ratio over every verdict, this one included. */
    false_positive_ratio: z.number(),
  })
  .openapi('DriftFeedback');
