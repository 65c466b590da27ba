// Consumer of the `cogo-ai-jobs` queue: one AI plugin job per message `{ job_id }` (issue 16, seed 004's workers).
// A delivery counts itself on the job (attempts), moves it to running, runs what is left of it and either acks or
// asks the queue to bring the message back after the delay the runner names (a batch's backoff or Retry-After).
// A delivery that throws (the database failed) is retried with the queue's backoff; after the queue's max_retries
// the message goes to the DLQ, whose consumer fails the job so no one polls it forever. A message for a job that
// is no longer active (finished, cancelled, pruned) is acked.
import { z } from 'zod';
import { readConfig, type Bindings } from '../env';
import { serviceDbFromConfig } from '../lib/db';
import { createLogger, describeError } from '../lib/logger';
import { appendEvent, finishJob, loadJob, pruneFinished, startDelivery } from '../modules/ai-jobs/ai-jobs.repo';
import { discardArtifacts } from '../modules/artifacts';
import { readAiSettings } from '../modules/ai-jobs/ai-settings';
import { runEdits } from '../modules/ai-jobs/edits/edits.run';
import { runImages } from '../modules/ai-jobs/images/images.run';
import { eventWriter, type RunContext, type RunOutcome } from '../modules/ai-jobs/job-run';
import { runRename } from '../modules/ai-jobs/rename/rename.run';
import { createCallScope } from '../modules/llm/call-scope';

const MessageSchema = z.object({ job_id: z.uuid() });

const RUNNERS: Record<string, (ctx: RunContext) => Promise<RunOutcome>> = {
  'rename-layers': runRename,
  'generate-edits': runEdits,
  'generate-images': runImages,
};

/** Handles one batch of the AI jobs queue; its messages run side by side (each job bounds its own calls). */
export async function consumeAiJobs(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  const handle = serviceDbFromConfig(config, log, { reason: 'AI plugin jobs: the queue has no caller', route: 'queue:cogo-ai-jobs' }, Math.min(10, batch.messages.length + 1));
  try {
    const ended = await Promise.all(batch.messages.map((msg) => deliver(msg, env, handle.db, config, log)));
    // retention once per project and kind of this batch, not once per job
    const kinds = new Map(ended.filter((e) => e !== null).map((e) => [`${e.projectId} ${e.kind}`, e]));
    for (const e of kinds.values()) await prune(handle.db, e.projectId, e.kind, log);
  } finally {
    await handle.close();
  }
}

/** One message; answers the project and kind of a job it ended (for retention), else null. */
async function deliver(msg: Message<unknown>, env: Bindings, db: RunContext['db'], config: RunContext['config'], log: RunContext['log']): Promise<{ projectId: string; kind: string } | null> {
  const parsed = MessageSchema.safeParse(msg.body);
  if (!parsed.success) {
    log.warn('dropping malformed AI job message', { messageId: msg.id });
    msg.ack();
    return null;
  }
  try {
    const job = await startDelivery(db, parsed.data.job_id);
    const runner = job ? RUNNERS[job.kind] : undefined;
    if (!job || !runner) {
      msg.ack();
      return null;
    }
    const emit = eventWriter(db, job, log);
    if (job.attempts === 1) await emit('job.started', { status: 'running' });
    const scope = createCallScope({ config, rawEnv: env as unknown as Record<string, unknown>, projectId: job.projectId, actor: job.actor ?? 'service:ai-jobs', traceId: job.traceId ?? crypto.randomUUID().replace(/-/g, ''), requestId: `queue:${msg.id}`, log, source: 'ai-jobs' });
    let outcome: RunOutcome;
    try {
      outcome = await runner({ db, config, scope, job, log, now: Date.now, emit });
    } finally {
      await scope.close();
    }
    if (outcome.kind === 'retry') {
      msg.retry({ delaySeconds: outcome.delaySeconds });
      return null;
    }
    msg.ack();
    log.info('ai job delivery', { jobId: job.id, kind: job.kind, attempt: job.attempts });
    return { projectId: job.projectId, kind: job.kind };
  } catch (err) {
    log.error('ai job delivery failed', { messageId: msg.id, ...describeError(err) });
    msg.retry({ delaySeconds: Math.min(300, 2 ** msg.attempts) });
    return null;
  }
}

/** Retention after jobs end: the project's newest keep_completed finished and keep_failed failed jobs of the kind, and any younger than keep_minutes. */
async function prune(db: RunContext['db'], projectId: string, kind: string, log: RunContext['log']): Promise<void> {
  try {
    const settings = await readAiSettings(db, projectId);
    const before = new Date(Date.now() - settings.keep_minutes * 60_000);
    const pruned = [
      await pruneFinished(db, projectId, kind, ['completed', 'cancelled'], settings.keep_completed, before),
      await pruneFinished(db, projectId, kind, ['failed'], settings.keep_failed, before),
    ];
    // a removed job's large result goes with it
    await discardArtifacts(db, projectId, pruned.flatMap((r) => r.artifactIds));
  } catch (err) {
    log.warn('ai job retention failed', describeError(err));
  }
}

/** Consumer of `cogo-ai-jobs-dlq`: the job's message ran out of deliveries; the job fails with that reason. */
export async function consumeAiJobsDlq(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  const handle = serviceDbFromConfig(config, log, { reason: 'AI plugin jobs DLQ: the queue has no caller', route: 'queue:cogo-ai-jobs-dlq' }, 1);
  try {
    for (const msg of batch.messages) {
      const parsed = MessageSchema.safeParse(msg.body);
      if (parsed.success) {
        const error = { code: 'INTERNAL', message: 'the job could not be run: its queue message ran out of deliveries' };
        if (await finishJob(handle.db, parsed.data.job_id, { status: 'failed', error })) {
          const job = await loadJob(handle.db, parsed.data.job_id);
          if (job) await appendEvent(handle.db, job.projectId, job.id, 'job.failed', { status: 'failed', error });
          log.error('ai job dead-lettered', { jobId: parsed.data.job_id });
        }
      }
      msg.ack();
    }
  } finally {
    await handle.close();
  }
}
