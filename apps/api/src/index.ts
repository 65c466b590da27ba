// Worker entry: HTTP via the Hono app, queue batches via their consumers, the cron (outbox sweep, provider
// probes), Durable Object classes re-exported.
import { createApp } from './app';
import type { Bindings } from './env';
import { sweepArtifacts } from './modules/artifacts';
import { remindExpiringCredentials } from './modules/design-sync/credentials/credentials.service';
import { sendDigests } from './modules/design-sync/notifications/digest';
import { runDueSchedules } from './modules/design-sync/schedule/schedule.sweep';
import { runProviderProbes } from './modules/llm-health';
import { consumeBusEvents } from './queues/bus-events.consumer';
import { consumeAiJobs, consumeAiJobsDlq } from './queues/ai-jobs.consumer';
import { consumeBrowserSessions } from './queues/design-sync-browser.consumer';
import { consumeNotifications } from './queues/design-sync-notify.consumer';
import { consumeProjectUpdates } from './queues/project-updates.consumer';
import { consumeProjectUpdatesDlq } from './queues/project-updates.dlq.consumer';
import { consumeEmbeds } from './queues/rag-embed.consumer';
import { consumeEmbedsDlq } from './queues/rag-embed.dlq.consumer';
import { sweepPendingEmbeds } from './queues/rag-embed.sweep';
import { sweepProjectUpdates } from './queues/project-updates.sweep';

export { FigmaPacer } from './durable-objects/figma-pacer';
export { IdempotencyKey } from './durable-objects/idempotency-key';
export { JobCursor } from './durable-objects/job-cursor';
export { NonceStore } from './durable-objects/nonce-store';
export { ProjectGate } from './durable-objects/project-gate';
export { ProviderCircuit } from './durable-objects/provider-circuit';
export { SpendMeter } from './durable-objects/spend-meter';
export { RateLimiter } from './durable-objects/rate-limiter';

const app = createApp();

/** A queue's name without its environment suffix (wrangler.toml names them `cogo-events-staging` etc.). */
function queueRole(name: string): string {
  return name.replace(/-(staging|production)$/, '');
}

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    const role = queueRole(batch.queue);
    if (role === 'cogo-events') await consumeBusEvents(batch, env);
    else if (role === 'cogo-project-updates') await consumeProjectUpdates(batch, env);
    else if (role === 'cogo-project-updates-dlq') await consumeProjectUpdatesDlq(batch, env);
    else if (role === 'cogo-embed') await consumeEmbeds(batch, env);
    else if (role === 'cogo-embed-dlq') await consumeEmbedsDlq(batch, env);
    else if (role === 'cogo-notify') await consumeNotifications(batch, env);
    else if (role === 'cogo-browser') await consumeBrowserSessions(batch, env);
    else if (role === 'cogo-ai-jobs') await consumeAiJobs(batch, env);
    else if (role === 'cogo-ai-jobs-dlq') await consumeAiJobsDlq(batch, env);
    else batch.retryAll();
  },
  async scheduled(controller, env, ctx) {
    // every minute: resend outbox rows and pending RAG chunks whose send was lost, probe every LLM provider, and
    // delete expired artifacts
    ctx.waitUntil(sweepProjectUpdates(env, new Date(controller.scheduledTime)));
    ctx.waitUntil(sweepPendingEmbeds(env, new Date(controller.scheduledTime)));
    ctx.waitUntil(runProviderProbes(env));
    ctx.waitUntil(sweepArtifacts(env, new Date(controller.scheduledTime)));
    // design-sync: nightly runs whose hour has come, daily digests and credential expiry reminders
    ctx.waitUntil(runDueSchedules(env, new Date(controller.scheduledTime)));
    ctx.waitUntil(sendDigests(env, new Date(controller.scheduledTime)));
    ctx.waitUntil(remindExpiringCredentials(env, new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Bindings>;
