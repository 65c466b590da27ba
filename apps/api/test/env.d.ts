// Types of the bindings inside tests (`import { env } from 'cloudflare:test'`).
declare namespace Cloudflare {
  interface Env {
    ENVIRONMENT: string;
    LOG_LEVEL: string;
    DATABASE_URL: string;
    DATABASE_WS_PROXY: string;
    JOB_CURSOR: DurableObjectNamespace<import('../src/durable-objects/job-cursor').JobCursor>;
    EVENTS_QUEUE: Queue<unknown>;
  }
}
