// The only reader of the Worker's environment: bindings and vars, validated once per env object.
import { REQUEST_LIMITS } from '@cogo/types';
import { z } from 'zod';
import { FIGMA_PLAN_TIERS, FIGMA_SEATS } from './durable-objects/figma-budget';
import type { FigmaPacer } from './durable-objects/figma-pacer';
import type { IdempotencyKey } from './durable-objects/idempotency-key';
import type { JobCursor } from './durable-objects/job-cursor';
import type { NonceStore } from './durable-objects/nonce-store';
import type { ProjectGate } from './durable-objects/project-gate';
import type { ProviderCircuit } from './durable-objects/provider-circuit';
import type { SpendMeter } from './durable-objects/spend-meter';
import type { RateLimiter } from './durable-objects/rate-limiter';

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^/]+/, 'must be a postgres:// URL')
  .describe('postgres:// URL of Neon or any Postgres with pgvector');

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const perMinute = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);
const binding = <T>(what: string) => z.custom<T>((v) => typeof v === 'object' && v !== null, `${what} binding missing`);
const base64Key = z
  .string()
  .refine((v) => {
    try {
      return atob(v).length === 32;
    } catch {
      return false;
    }
  }, 'must be base64 of 32 bytes');

/** CORS_ORIGINS: comma-separated exact origins (`https://app.example.com`, `http://localhost:3000`) or `null`; never `*`. */
const corsOrigins = z.string().transform((raw, ctx) => {
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of origins) {
    if (o === 'null') continue;
    let exact = false;
    try {
      const url = new URL(o);
      // a wildcard host parses as a host name: refuse it here, the list is exact origins only
      exact = (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === o && !o.includes('*');
    } catch {
      exact = false;
    }
    // the value is configuration, not a secret, but the message still names only the rule
    if (!exact) ctx.addIssue({ code: 'custom', message: 'each entry must be an exact origin (scheme://host[:port], lowercase, no path) or null; * is refused' });
  }
  return origins;
});

export const EnvSchema = z
  .object({
    ENVIRONMENT: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    DATABASE_URL: postgresUrl,
    /** host:port of the WebSocket→TCP proxy for non-Neon Postgres (local dev and tests). */
    DATABASE_WS_PROXY: z
      .string()
      .regex(/^[\w.-]+:\d+(\/.*)?$/, 'must be host:port[/path]')
      .optional(),

    // auth
    /** Bearer token for platform administration (creating projects, global metrics). */
    ADMIN_TOKEN: z.string().min(24).optional(),
    /** Local dev only: requests without credentials act for DEV_PROJECT_ID. Refused in production. */
    EDGE_AUTH_OPTIONAL: bool(false),
    DEV_PROJECT_ID: z.uuid().optional(),
    JWT_SECRET: z.string().min(32).optional(),
    JWT_JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().optional(),
    JWT_AUDIENCE: z.string().optional(),
    JWT_MAX_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
    REQUIRE_HMAC: bool(false),
    HMAC_SECRET: z.string().min(32).optional(),
    HMAC_WINDOW_SECONDS: z.coerce.number().int().min(10).max(3_600).default(300),
    /** Browser origins allowed cross-origin (middleware/cors.ts). Unset: loopback outside production, none in production. */
    CORS_ORIGINS: corsOrigins.optional(),

    // idempotency
    REQUIRE_IDEMPOTENCY: bool(false),
    IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(86_400),

    // rate limits, requests per minute
    RATE_LIMIT_IP_PER_MIN: perMinute(1_200),
    RATE_LIMIT_DEFAULT_PER_MIN: perMinute(600),
    RATE_LIMIT_HEAVY_PER_MIN: perMinute(60),
    CHAT_RATE_LIMIT_PER_MIN: perMinute(60),
    EMBED_RATE_LIMIT_PER_MIN: perMinute(120),
    FIGMA_RATE_LIMIT_PER_MIN: perMinute(30),

    // key vault
    VAULT_MASTER_KEY: base64Key.optional(),
    VAULT_MASTER_KEY_ID: z.string().regex(/^[\w.-]{1,32}$/).default('k1'),

    // figma-context
    FIGMA_API_BASE: z.url().default('https://api.figma.com'),
    /** Fallback token when the project has no FIGMA_API_KEY in the vault. */
    FIGMA_API_KEY: z.string().min(1).optional(),
    /** Plan of the files read: sets each endpoint tier's budget per token (Figma's table, durable-objects/figma-budget.ts). */
    FIGMA_PLAN_TIER: z.enum(FIGMA_PLAN_TIERS).default('pro'),
    /** Seat of the token's owner: view/collab get Figma's low limits (Tier 1: 6 calls a month). */
    FIGMA_SEAT: z.enum(FIGMA_SEATS).default('full'),
    /** Explicit override: this many calls per minute on one Figma token for every tier, whatever the plan. Unset: the plan's budgets. */
    FIGMA_REQUESTS_PER_MIN: z.coerce.number().int().min(1).max(100_000).optional(),
    /** Version cache: ask /meta for the file's version, and replay what Figma answered for that version (R2 FIGMA_CACHE). */
    FIGMA_VERSION_CACHE: bool(true),
    /** Largest Figma response a stream call holds; a larger chunk is split (Workers have 128 MB). */
    FIGMA_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(12 * 1024 * 1024),
    /** Largest `page.chunk` event (its JSON data): a larger chunk goes in parts. At most what one Durable Object SQLite value holds (2 MB), with room for the row's other columns. */
    FIGMA_EVENT_MAX_BYTES: z.coerce.number().int().min(4096).max(1_900_000).default(1_048_576),
    /**
     * Chunks one isolate fetches and compacts at once, whatever the number of jobs it produces: each holds a Figma answer
     * (≤ FIGMA_MAX_RESPONSE_BYTES) parsed, with its compacted output; the others wait in line (lib/isolate-slots.ts).
     */
    FIGMA_CHUNK_SLOTS: z.coerce.number().int().min(1).max(64).default(2),
    /**
     * The longest a piece of background work (a producer parsing or compacting an answer) waits, between two pieces, for
     * the isolate's requests in flight to end; 0: one turn only (lib/foreground.ts).
     */
    BACKGROUND_DEFER_MS: z.coerce.number().int().min(0).max(1_000).default(15),
    /** Hosts the image URLs Figma answers may be downloaded from (S3 links, not the API host); OUTBOUND_ALLOWLIST adds to it. */
    FIGMA_IMAGE_HOSTS: z.string().default('figma-alpha-api.s3.us-west-2.amazonaws.com,*.figma.com'),
    /** A stream call stops starting new chunks after this long… */
    STREAM_BUDGET_MS: z.coerce.number().int().min(500).max(60_000).default(7_000),
    /** …and never runs longer than this. */
    STREAM_HARD_LIMIT_MS: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
    /** Start fetches a new job's first chunk in the background while its answer travels; the first stream call follows it. */
    FIGMA_EAGER_START: bool(true),

    // plugin-only ingest
    /** Signs upload URLs from /figma-compat/uui/presign; uploads are refused while unset. */
    UPLOAD_SIGNING_KEY: z.string().min(32).optional(),
    MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(25 * 1024 * 1024),
    UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),

    // artifacts (issue 14): generated plans, UI JSON, diffs, large job outputs in R2 (binding ARTIFACTS)
    /** A generated result larger than this (bytes of its JSON) is stored as an artifact and answered as a pointer. */
    ARTIFACT_INLINE_MAX_BYTES: z.coerce.number().int().min(1_024).max(16 * 1024 * 1024).default(256 * 1024),
    /** Days an artifact is kept; the cron sweep deletes the object and its row after that. */
    ARTIFACT_TTL_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),

    // requests
    /** Largest request body of any API route; bigger is 413 before it is parsed (uploads have MAX_UPLOAD_BYTES). */
    MAX_JSON_BODY_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(REQUEST_LIMITS.maxJsonBodyBytes),

    // outbound
    /** Comma-separated hosts outbound calls may reach (`api.figma.com`, `*.example.com`, `127.0.0.1:9000`). */
    OUTBOUND_ALLOWLIST: z.string().default(''),
    OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    OUTBOUND_RETRIES: z.coerce.number().int().min(0).max(10).default(3),

    // LLM gateway (issue 11): the deployment's own provider, used when no provider rows serve a model
    /** OpenAI-compatible base URL of the default chat provider (…/v1). Unset: only providers stored as rows. */
    CHAT_API_BASE: z.url().optional(),
    CHAT_MODEL_DEFAULT: z.string().min(1).max(128).default('gpt-4o-mini'),
    CHAT_API_KEY: z.string().min(1).optional(),
    /** Fallback for CHAT_API_KEY. */
    OPENAI_API_KEY: z.string().min(1).optional(),
    /** The `provider` name answers carry for CHAT_API_BASE; the dev command sets `fake-openai` when it serves the local fake. */
    CHAT_PROVIDER_NAME: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).default('env-chat'),
    /** Dev only: route every chat to the local OpenAI-compatible fake even when keys are set (seed 001). */
    CHAT_FORCE_MOCK: bool(false),
    /** Prices of CHAT_MODEL_DEFAULT on CHAT_API_BASE, USD per 1M tokens (provider rows carry their own). */
    CHAT_INPUT_PRICE_PER_MTOK: z.coerce.number().min(0).max(100_000).default(0),
    CHAT_OUTPUT_PRICE_PER_MTOK: z.coerce.number().min(0).max(100_000).default(0),
    EMBEDDING_API_BASE: z.url().optional(),
    EMBEDDING_PRICE_PER_MTOK: z.coerce.number().min(0).max(100_000).default(0),
    EMBEDDING_MODEL_DEFAULT: z.string().min(1).max(128).default('text-embedding-3-small'),
    EMBEDDING_API_KEY: z.string().min(1).optional(),
    EMBEDDING_PROVIDER_NAME: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).default('env-embedding'),
    EMBED_MAX_BATCH: z.coerce.number().int().min(1).max(2_048).default(64),
    EMBED_PROVIDER_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    /** The embedding queue's backoff after a failed message: this × 2^(attempt − 1) seconds, at most 60. */
    EMBED_QUEUE_RETRY_BASE_SECONDS: z.coerce.number().int().min(0).max(60).default(2),
    /** Size of every stored embedding (pgvector columns); a model answering another size is an error. */
    VECTOR_DIMENSIONS: z.coerce.number().int().min(1).max(16_000).default(1024),
    /** Retries of one provider call (429/5xx/timeouts, honouring Retry-After) before the next model of the policy. */
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    /** Provider answers (after retries) that move a call to the next model of the policy; other 4xx are the request's fault (422, no fallback). Timeouts and network failures always fall back. */
    LLM_FALLBACK_STATUSES: z
      .string()
      .regex(/^\d{3}(,\d{3})*$/, 'comma-separated HTTP statuses')
      .default('401,403,408,409,429,500,502,503,504')
      .transform((v) => new Set(v.split(',').map(Number))),
    /** A Retry-After longer than this is not waited for: the call falls back at once. */
    LLM_MAX_RETRY_AFTER_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
    /** Longest wait for a provider's answer to start, and between two stream chunks. */
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
    /** Consecutive failures that open a provider's circuit… */
    LLM_CIRCUIT_FAILURES: z.coerce.number().int().min(1).max(1_000).default(3),
    /** …for this long; then one half-open probe decides. */
    LLM_CIRCUIT_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** A stream cut after tokens is continued by the next provider from the text already sent (false: a typed error). */
    LLM_STREAM_CONTINUE: bool(true),
    // SLO gate of /metrics/overview (seed 001 §6): each route's p95 and 5xx rate against these targets
    /** p95 latency target of a route, ms. */
    SLO_P95_MS: z.coerce.number().min(1).max(600_000).default(300),
    /** p95 target of the routes that wait for a model (/chat, /chat-gateway, /llm/completions, /embed), ms. */
    SLO_LLM_P95_MS: z.coerce.number().min(1).max(600_000).default(10_000),
    /** Largest share of 5xx answers a route may have (0–1). */
    SLO_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.01),

    // design-sync (issue 15): Slack webhooks must be under SLACK_WEBHOOK_BASE; Storybook URLs on STORYBOOK_HOSTS (or
    // OUTBOUND_ALLOWLIST); browser sessions use BROWSER (Cloudflare Browser Rendering) or, locally, BROWSER_CDP_URL
    SLACK_WEBHOOK_BASE: z.url().default('https://hooks.slack.com'),
    STORYBOOK_HOSTS: z.string().default('*.chromatic.com,*.github.io,*.netlify.app,*.vercel.app,*.pages.dev'),
    /** A local Chromium's DevTools HTTP endpoint (`http://127.0.0.1:9222`), started by `./cogo dev` and the tests. */
    BROWSER_CDP_URL: z.url().optional(),
    BROWSER: z.custom<Fetcher>((v) => typeof v === 'object' && v !== null).optional(),
    NOTIFY_QUEUE: binding<Queue<unknown>>('Queue NOTIFY_QUEUE'),
    BROWSER_QUEUE: binding<Queue<unknown>>('Queue BROWSER_QUEUE'),

    // AI plugin jobs (issue 16, seed 004): rename in batches of RENAME_BATCH_SIZE layers per model call, at most
    // RENAME_MAX_CONCURRENT calls at once per job; a failing batch is tried AI_JOB_MAX_ATTEMPTS times (backoff 1 s, 2 s, …)
    RENAME_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    RENAME_MAX_CONCURRENT: z.coerce.number().int().min(1).max(50).default(5),
    AI_JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    /** Per user and minute on the job routes (rename-layers), and on the heavy ones (generate-edits, generate-images). */
    AI_RATE_LIMIT_PER_MIN: perMinute(10),
    AI_HEAVY_RATE_LIMIT_PER_MIN: perMinute(3),
    /** GET /health fails its `queue` check when an AI job has waited in `queued` longer than this. */
    AI_JOB_STALL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    /** How often GET /api/jobs/{id}/events looks for new events of a running job. */
    JOB_EVENTS_POLL_MS: z.coerce.number().int().min(20).max(10_000).default(250),
    /** Images: the model asked (on the chat provider's OpenAI-compatible API) and its price per image. */
    IMAGE_MODEL_DEFAULT: z.string().min(1).default('gpt-image-1'),
    IMAGE_PRICE_USD: z.coerce.number().min(0).max(100).default(0.04),
    AI_JOBS_QUEUE: binding<Queue<unknown>>('Queue AI_JOBS_QUEUE'),

    FIGMA_PACER: binding<DurableObjectNamespace<FigmaPacer>>('Durable Object FIGMA_PACER'),
    JOB_CURSOR: binding<DurableObjectNamespace<JobCursor>>('Durable Object JOB_CURSOR'),
    IDEMPOTENCY: binding<DurableObjectNamespace<IdempotencyKey>>('Durable Object IDEMPOTENCY'),
    RATE_LIMITER: binding<DurableObjectNamespace<RateLimiter>>('Durable Object RATE_LIMITER'),
    PROJECT_GATE: binding<DurableObjectNamespace<ProjectGate>>('Durable Object PROJECT_GATE'),
    NONCE_STORE: binding<DurableObjectNamespace<NonceStore>>('Durable Object NONCE_STORE'),
    PROVIDER_CIRCUIT: binding<DurableObjectNamespace<ProviderCircuit>>('Durable Object PROVIDER_CIRCUIT'),
    SPEND_METER: binding<DurableObjectNamespace<SpendMeter>>('Durable Object SPEND_METER'),
    EVENTS_QUEUE: binding<Queue<unknown>>('Queue EVENTS_QUEUE'),
    PROJECT_UPDATES: binding<Queue<unknown>>('Queue PROJECT_UPDATES'),
    EMBED_QUEUE: binding<Queue<unknown>>('Queue EMBED_QUEUE'),
    UPLOADS: binding<R2Bucket>('R2 bucket UPLOADS'),
    FIGMA_CACHE: binding<R2Bucket>('R2 bucket FIGMA_CACHE'),
    ARTIFACTS: binding<R2Bucket>('R2 bucket ARTIFACTS'),
  })
  .superRefine((env, ctx) => {
    if (env.ENVIRONMENT === 'production' && env.EDGE_AUTH_OPTIONAL) {
      ctx.addIssue({ code: 'custom', path: ['EDGE_AUTH_OPTIONAL'], message: 'must be false in production' });
    }
    if (env.EDGE_AUTH_OPTIONAL && !env.DEV_PROJECT_ID) {
      ctx.addIssue({ code: 'custom', path: ['DEV_PROJECT_ID'], message: 'required when EDGE_AUTH_OPTIONAL=true' });
    }
    if (env.REQUIRE_HMAC && !env.HMAC_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['HMAC_SECRET'], message: 'required when REQUIRE_HMAC=true' });
    }
  });
export type AppConfig = z.infer<typeof EnvSchema>;

/** Raw bindings as the runtime hands them over. */
export type Bindings = object;

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
