// Runs a rename-layers job in the queue consumer (seed 004 "parallel batches"): the batches not yet done, at most
// RENAME_MAX_CONCURRENT model calls at once, each through the LLM gateway (its provider retries honour 429's
// Retry-After). A failed batch waits for its retry (backoff, or Retry-After) and the job's message comes back then;
// after AI_JOB_MAX_ATTEMPTS it is failed and reported, the others kept. A cancel stops batches not yet started.
// When nothing is left, the final names (casing, unique among siblings) become the job's result.
import { ApiError } from '../../../lib/errors';
import type { AiSettings, LayerInput, RenameLayersResult } from '@cogo/types';
import { prepareCompletion, runCompletion } from '../../llm/completion.service';
import { batchesOf, jobStatus, runnableBatches, setProgress, updateBatch, updateBatchStatement, type BatchRow } from '../ai-jobs.repo';
import { endJob, isRetryable, jobError, pool, retryDelayMs, type RunContext, type RunOutcome } from '../job-run';
import { checkBatchNames, finalNames } from './rename-names';
import { renameRequest } from './rename-prompt';

interface RenameInput {
  layers: LayerInput[];
  /** The project's settings and vocabulary when the job was asked for. */
  settings: AiSettings;
  vocabulary: string[];
  context?: string;
  model?: string;
}

/** One delivery of a rename job. */
export async function runRename(ctx: RunContext): Promise<RunOutcome> {
  const { db, config, job } = ctx;
  const input = job.input as unknown as RenameInput;
  const byId = new Map(input.layers.map((l) => [l.id, l]));
  const { settings, vocabulary } = input;
  const runnable = await runnableBatches(db, job.id, new Date(ctx.now()));
  let cancelled = false;
  let lastCheck = 0;
  const stop = async () => {
    if (cancelled) return true;
    if (ctx.now() - lastCheck < 200) return false;
    lastCheck = ctx.now();
    cancelled = (await jobStatus(db, job.id)) === 'cancelled';
    return cancelled;
  };
  let cost = Number((job.progress as { cost_usd?: number }).cost_usd ?? 0);

  await pool(runnable, config.RENAME_MAX_CONCURRENT, async (batch) => {
    const attempts = batch.attempts + 1;
    await updateBatch(db, job.id, batch.idx, { status: 'running', attempts });
    const layers = batch.itemIds.map((id) => byId.get(id)!);
    try {
      const prepared = await prepareCompletion(ctx.scope, renameRequest(layers, { context: input.context, settings, vocabulary, model: input.model, jobId: job.id, traceId: job.traceId ?? ctx.scope.traceId }), 'ai-jobs:rename-layers');
      const result = await runCompletion(prepared, { delta: async () => true, signal: new AbortController().signal });
      cost += result.usage.cost_usd;
      const names = checkBatchNames(result.output, batch.itemIds);
      if (!names.ok) throw new ApiError('LLM_BAD_OUTPUT', names.message);
      // the batch's names and the event that reports them: one request, both or neither
      await ctx.emit('job.progress', { batch: batch.idx, attempt: attempts, layers: names.names }, [(d) => updateBatchStatement(d, job.id, batch.idx, { status: 'done', output: names.names, error: null, retryAt: null })]);
    } catch (err) {
      const error = jobError(err);
      if (isRetryable(err) && attempts < config.AI_JOB_MAX_ATTEMPTS) {
        const delayMs = retryDelayMs(attempts, err);
        await ctx.emit('job.retrying', { batch: batch.idx, attempt: attempts, error, retry_in_ms: delayMs }, [(d) => updateBatchStatement(d, job.id, batch.idx, { status: 'retry', error, retryAt: new Date(ctx.now() + delayMs) })]);
      } else {
        await ctx.emit('job.progress', { batch: batch.idx, attempt: attempts, failed: true, error }, [(d) => updateBatchStatement(d, job.id, batch.idx, { status: 'failed', error, retryAt: null })]);
      }
      ctx.log.warn('rename batch failed', { jobId: job.id, batch: batch.idx, attempt: attempts, code: error.code });
    }
  }, stop);

  const all = await batchesOf(db, job.id);
  const progress = progressOf(all, cost);
  if (cancelled || (await jobStatus(db, job.id)) === 'cancelled') {
    // batches that were already running finished above; their names stay readable on the cancelled job
    return { kind: 'done' };
  }
  const waiting = all.filter((b) => b.status === 'retry' || b.status === 'pending');
  if (waiting.length) {
    await setProgress(db, job.id, progress);
    const due = Math.min(...waiting.map((b) => b.retryAt?.getTime() ?? ctx.now()));
    return { kind: 'retry', delaySeconds: Math.max(1, Math.ceil((due - ctx.now()) / 1000)) };
  }
  const result = renameResult(input.layers, all, settings.naming_convention, false);
  const done = all.some((b) => b.status === 'done');
  const firstError = all.find((b) => b.status === 'failed')?.error ?? null;
  const ended = await endJob(ctx, done ? { status: 'completed', result: { ...result, cost_usd: cost }, progress } : { status: 'failed', result: { ...result, cost_usd: cost }, error: firstError, progress });
  if (ended) await ctx.emit(done ? 'job.completed' : 'job.failed', { status: done ? 'completed' : 'failed', renamed: result.layers.length, failed: result.failed.length, ...(done ? {} : { error: firstError }) });
  return { kind: 'done' };
}

/** Progress in batches, with the cost so far. */
export function progressOf(batches: readonly BatchRow[], cost: number): Record<string, unknown> {
  return {
    unit: 'batches',
    total: batches.length,
    done: batches.filter((b) => b.status === 'done').length,
    failed: batches.filter((b) => b.status === 'failed').length,
    cost_usd: cost,
  };
}

/** The rename result from the batches so far; `running` marks it partial. */
export function renameResult(layers: readonly LayerInput[], batches: readonly BatchRow[], convention: Parameters<typeof finalNames>[2], running: boolean): RenameLayersResult {
  const proposed = new Map<string, string>();
  const failed: RenameLayersResult['failed'] = [];
  for (const b of batches) {
    if (b.status === 'done') for (const n of b.output as Array<{ id: string; name: string }>) proposed.set(n.id, n.name);
    if (b.status === 'failed') for (const id of b.itemIds) failed.push({ id, code: b.error?.code ?? 'INTERNAL', message: b.error?.message ?? 'failed' });
  }
  const { names, adjusted } = finalNames(layers, proposed, convention);
  const renamed = layers.filter((l) => names.has(l.id)).map((l) => ({ id: l.id, old_name: l.name, name: names.get(l.id)! }));
  return { layers: renamed, failed, adjusted, partial: running || failed.length > 0 };
}
