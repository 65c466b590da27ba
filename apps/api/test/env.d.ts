// Types of the bindings inside tests (`import { env } from 'cloudflare:test'`).
declare namespace Cloudflare {
  interface Env {
    ENVIRONMENT: string;
    LOG_LEVEL: string;
    DATABASE_URL: string;
    DATABASE_WS_PROXY: string;
    ADMIN_TOKEN: string;
    JWT_SECRET: string;
    VAULT_MASTER_KEY: string;
    JOB_CURSOR: DurableObjectNamespace<import('../src/durable-objects/job-cursor').JobCursor>;
    IDEMPOTENCY: DurableObjectNamespace<import('../src/durable-objects/idempotency-key').IdempotencyKey>;
    RATE_LIMITER: DurableObjectNamespace<import('../src/durable-objects/rate-limiter').RateLimiter>;
    PROJECT_GATE: DurableObjectNamespace<import('../src/durable-objects/project-gate').ProjectGate>;
    NONCE_STORE: DurableObjectNamespace<import('../src/durable-objects/nonce-store').NonceStore>;
    FIGMA_PACER: DurableObjectNamespace<import('../src/durable-objects/figma-pacer').FigmaPacer>;
    FIGMA_API_BASE: string;
    FIGMA_API_KEY: string;
    EVENTS_QUEUE: Queue<unknown>;
    PROJECT_UPDATES: Queue<unknown>;
    EMBED_QUEUE: Queue<unknown>;
    UPLOADS: R2Bucket;
    FIGMA_CACHE: R2Bucket;
    ARTIFACTS: R2Bucket;
    UPLOAD_SIGNING_KEY: string;
    PROVIDER_CIRCUIT: DurableObjectNamespace<import('../src/durable-objects/provider-circuit').ProviderCircuit>;
    SPEND_METER: DurableObjectNamespace<import('../src/durable-objects/spend-meter').SpendMeter>;
    CHAT_API_BASE: string;
    CHAT_API_KEY: string;
    EMBEDDING_API_BASE: string;
    EMBEDDING_API_KEY: string;
    SLACK_WEBHOOK_BASE: string;
    NOTIFY_QUEUE: Queue<unknown>;
    BROWSER_QUEUE: Queue<unknown>;
    AI_JOBS_QUEUE: Queue<unknown>;
    BROWSER_CDP_URL: string;
    OUTBOUND_ALLOWLIST: string;
  }
}
