// Providers as data (issue 11): providers, models, a project's routing policy, provider health. Platform rows
// (no project) are managed with the admin token; a project adds its own providers and models with its API key.
import { z } from '@hono/zod-openapi';
import { ModelNameSchema } from './llm';

const price = z.number().min(0).max(100_000).openapi({ description: 'USD per 1M tokens' });

export const ProviderNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and -, at most 63');

/** Provider differences that are data, not code. */
export const ProviderQuirksSchema = z
  .object({
    embeddings_encoding_format: z.enum(['float', 'base64']).optional().openapi({ description: 'Sent on every embeddings call (DeepInfra needs float)' }),
    stream_usage: z.boolean().optional().openapi({ description: 'false: the provider ignores stream_options.include_usage (tokens are counted, rows marked estimated)' }),
    extra_headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(1_000)).optional(),
    max_tokens_param: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
  })
  .strict()
  .openapi('ProviderQuirks');
export type ProviderQuirks = z.infer<typeof ProviderQuirksSchema>;

export const CreateProviderSchema = z
  .object({
    name: ProviderNameSchema,
    base_url: z.url({ protocol: /^https?$/ }).max(500).openapi({ example: 'https://api.deepinfra.com/v1/openai' }),
    key_alias: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/).nullable().default(null).openapi({ description: "Vault alias of the API key (the project's vault, then the deployment secret of that name)" }),
    quirks: ProviderQuirksSchema.default({}),
    region: z.string().regex(/^[a-z0-9-]{1,32}$/).nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .openapi('CreateProvider');

/** Only the fields sent change (no defaults: a PATCH of `enabled` keeps the key alias, quirks and region). */
export const UpdateProviderSchema = z
  .object({
    base_url: z.url({ protocol: /^https?$/ }).max(500).optional(),
    key_alias: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/).nullable().optional(),
    quirks: ProviderQuirksSchema.optional(),
    region: z.string().regex(/^[a-z0-9-]{1,32}$/).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('UpdateProvider');

export const ProviderSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(['platform', 'project']),
    name: z.string(),
    base_url: z.string(),
    key_alias: z.string().nullable(),
    quirks: ProviderQuirksSchema,
    region: z.string().nullable(),
    enabled: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Provider');
export type Provider = z.infer<typeof ProviderSchema>;

export const CreateModelSchema = z
  .object({
    provider: ProviderNameSchema,
    name: ModelNameSchema,
    upstream_model: z.string().min(1).max(200).optional().openapi({ description: "The provider's id of the model; default: name" }),
    kind: z.enum(['chat', 'embedding']),
    context_window: z.number().int().min(1).max(100_000_000).default(128_000),
    input_price_per_mtok: price.default(0),
    output_price_per_mtok: price.default(0),
    dimensions: z.number().int().min(1).max(16_000).nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .openapi('CreateModel');

/** Only the fields sent change. */
export const UpdateModelSchema = z
  .object({
    upstream_model: z.string().min(1).max(200).optional(),
    kind: z.enum(['chat', 'embedding']).optional(),
    context_window: z.number().int().min(1).max(100_000_000).optional(),
    input_price_per_mtok: price.optional(),
    output_price_per_mtok: price.optional(),
    dimensions: z.number().int().min(1).max(16_000).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('UpdateModel');

export const ModelSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(['platform', 'project']),
    provider: z.string(),
    name: z.string(),
    upstream_model: z.string(),
    kind: z.enum(['chat', 'embedding']),
    context_window: z.number().int(),
    input_price_per_mtok: z.number(),
    output_price_per_mtok: z.number(),
    dimensions: z.number().int().nullable(),
    enabled: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Model');
export type Model = z.infer<typeof ModelSchema>;

export const RoutingPolicySchema = z
  .object({
    allowed_models: z.array(ModelNameSchema).max(100).default([]).openapi({ description: 'Empty: every enabled model' }),
    fallback_order: z.array(ModelNameSchema).max(20).default([]).openapi({ description: 'Tried after the requested (or default) model, in order' }),
    daily_budget_usd: z.number().min(0).max(1_000_000).nullable().default(null),
    monthly_budget_usd: z.number().min(0).max(10_000_000).nullable().default(null),
    error_budget: z.number().min(0).max(1).nullable().default(null).openapi({ description: "Skip a provider whose rolling error rate is above this (0–1) while another is available" }),
    region: z.string().regex(/^[a-z0-9-]{1,32}$/).nullable().default(null),
  })
  .openapi('RoutingPolicy');
export type RoutingPolicy = z.infer<typeof RoutingPolicySchema>;

export const ProviderHealthSchema = z
  .object({
    provider: z.string(),
    scope: z.enum(['platform', 'project']),
    status: z.enum(['healthy', 'degraded', 'cooldown', 'unknown']),
    consecutive_failures: z.number().int(),
    error_rate: z.number(),
    p50_ms: z.number().int().nullable(),
    p95_ms: z.number().int().nullable(),
    cooldown_until: z.string().nullable(),
    last_probe_at: z.string().nullable(),
    last_error: z.string().nullable(),
    spend_today_usd: z.number(),
    calls_today: z.number().int(),
  })
  .openapi('ProviderHealth');
export type ProviderHealth = z.infer<typeof ProviderHealthSchema>;
