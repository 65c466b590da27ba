// LLM gateway (issue 11): providers and models as data, a routing policy per project, provider health, and one
// usage row per provider call. Platform providers/models have no project; a project may add its own.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, doublePrecision, index, integer, jsonb, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps, uuidPk } from './columns';
import { projects } from './projects';
import { cogo } from './cogo';

export const llmProviders = cogo.table(
  'llm_providers',
  {
    id: uuidPk(),
    /** null: a platform provider every project may route to. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** OpenAI-compatible base URL ending where `/chat/completions` and `/embeddings` are appended. */
    baseUrl: text('base_url').notNull(),
    /** Vault alias of the API key; resolved from the calling project's vault, then the deployment secret of that name. */
    keyAlias: text('key_alias'),
    quirks: jsonb('quirks').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    region: text('region'),
    enabled: boolean('enabled').notNull().default(true),
    ...timestamps,
  },
  (t) => [unique('llm_providers_scope_name_uq').on(t.projectId, t.name).nullsNotDistinct()],
);

export const llmModels = cogo.table(
  'llm_models',
  {
    id: uuidPk(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => llmProviders.id, { onDelete: 'cascade' }),
    /** The public name clients ask for. Several providers may serve one name: they are each other's fallbacks. */
    name: text('name').notNull(),
    upstreamModel: text('upstream_model').notNull(),
    /** chat | embedding */
    kind: text('kind').notNull(),
    contextWindow: integer('context_window').notNull(),
    inputPricePerMtok: doublePrecision('input_price_per_mtok').notNull().default(0),
    outputPricePerMtok: doublePrecision('output_price_per_mtok').notNull().default(0),
    dimensions: integer('dimensions'),
    enabled: boolean('enabled').notNull().default(true),
    ...timestamps,
  },
  (t) => [unique('llm_models_provider_name_uq').on(t.providerId, t.name)],
);

/** One per project; absent: every enabled model, no budgets. */
export const routingPolicies = cogo.table('routing_policies', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  allowedModels: text('allowed_models').array().notNull().default(sql`'{}'::text[]`),
  fallbackOrder: text('fallback_order').array().notNull().default(sql`'{}'::text[]`),
  dailyBudgetUsd: doublePrecision('daily_budget_usd'),
  monthlyBudgetUsd: doublePrecision('monthly_budget_usd'),
  errorBudget: doublePrecision('error_budget'),
  region: text('region'),
  ...timestamps,
});

/** Written by the health cron (probes) from each provider's circuit; read by /metrics/providers. */
export const providerHealth = cogo.table('provider_health', {
  providerId: uuid('provider_id')
    .primaryKey()
    .references(() => llmProviders.id, { onDelete: 'cascade' }),
  /** healthy | degraded | cooldown */
  status: text('status').notNull(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  errorRate: doublePrecision('error_rate').notNull().default(0),
  p50Ms: integer('p50_ms'),
  p95Ms: integer('p95_ms'),
  cooldownUntil: timestamp('cooldown_until', { withTimezone: true, mode: 'date' }),
  lastProbeAt: timestamp('last_probe_at', { withTimezone: true, mode: 'date' }),
  lastProbeOk: boolean('last_probe_ok'),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** One row per provider call (fallback attempts included): what was billed, and how it went. */
export const llmUsage = cogo.table(
  'llm_usage',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    traceId: text('trace_id').notNull(),
    requestId: text('request_id'),
    jobId: uuid('job_id'),
    /** llm.completions | chat | embed */
    route: text('route').notNull(),
    model: text('model').notNull(),
    upstreamModel: text('upstream_model').notNull(),
    providerId: uuid('provider_id').references(() => llmProviders.id, { onDelete: 'set null' }),
    provider: text('provider').notNull(),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    latencyMs: integer('latency_ms').notNull(),
    /** Milliseconds to the first token of a stream. */
    firstTokenMs: integer('first_token_ms'),
    /** ok | failed | cut | budget_stopped | cancelled */
    outcome: text('outcome').notNull(),
    errorCode: text('error_code'),
    /** The provider sent no usage: tokens were counted from the text. */
    estimated: boolean('estimated').notNull().default(false),
    /** This call continued another provider's cut stream. */
    continued: boolean('continued').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('llm_usage_project_created_idx').on(t.projectId, t.createdAt),
    index('llm_usage_provider_created_idx').on(t.providerId, t.createdAt),
    // GET /metrics/trace/{traceId}: a trace's calls
    index('llm_usage_trace_idx').on(t.traceId),
  ],
);
