// Worker entry: HTTP via the Hono app, queue batches via their consumers, Durable Object classes re-exported.
import { createApp } from './app';
import type { Bindings } from './env';
import { consumeBusEvents } from './queues/bus-events.consumer';

export { FigmaPacer } from './durable-objects/figma-pacer';
export { IdempotencyKey } from './durable-objects/idempotency-key';
export { JobCursor } from './durable-objects/job-cursor';
export { NonceStore } from './durable-objects/nonce-store';
export { RateLimiter } from './durable-objects/rate-limiter';

const app = createApp();

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    if (batch.queue === 'cogo-events') await consumeBusEvents(batch, env);
    else batch.retryAll();
  },
} satisfies ExportedHandler<Bindings>;
