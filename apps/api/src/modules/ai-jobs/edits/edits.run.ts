// Runs a queued generate-edits job: one model call through the gateway, its answer validated (checkEdits); a failed
// call comes back through the queue after the backoff until AI_JOB_MAX_ATTEMPTS, then the job fails with its error.
import type { GenerateEditsRequest } from '@cogo/types';
import { ApiError } from '../../../lib/errors';
import { prepareCompletion, runCompletion } from '../../llm/completion.service';
import { setProgress } from '../ai-jobs.repo';
import { endJob, isRetryable, jobError, retryDelayMs, type RunContext, type RunOutcome } from '../job-run';
import { findPrompt } from '../prompts';
import { checkEdits, editsRequest } from './edits-prompt';

/** One delivery of a generate-edits job. */
export async function runEdits(ctx: RunContext): Promise<RunOutcome> {
  const { db, job, config } = ctx;
  const req = job.input as unknown as GenerateEditsRequest;
  const attempts = job.attempts;
  try {
    const prompt = findPrompt(req.prompt_name, 'generate-edits');
    if (!prompt) throw new ApiError('UNPROCESSABLE', `no prompt named ${req.prompt_name}`);
    const prepared = await prepareCompletion(ctx.scope, editsRequest(req, prompt, { stream: false, traceId: job.traceId ?? ctx.scope.traceId, jobId: job.id }), 'ai-jobs:generate-edits');
    const answer = await runCompletion(prepared, { delta: async () => true, signal: new AbortController().signal });
    let result;
    try {
      result = checkEdits(answer.output, req, { promptName: prompt.name, model: answer.model, costUsd: answer.usage.cost_usd });
    } catch {
      throw new ApiError('LLM_BAD_OUTPUT', 'the edits do not match the expected shape');
    }
    const progress = { unit: 'calls', total: 1, done: 1, failed: 0, cost_usd: answer.usage.cost_usd };
    if (await endJob(ctx, { status: 'completed', result, progress })) await ctx.emit('job.completed', { status: 'completed', variants: result.variants.length, dropped: result.dropped.length });
    return { kind: 'done' };
  } catch (err) {
    const error = jobError(err);
    if (isRetryable(err) && attempts < config.AI_JOB_MAX_ATTEMPTS) {
      const delayMs = retryDelayMs(attempts, err);
      await setProgress(db, job.id, { unit: 'calls', total: 1, done: 0, failed: 0, last_error: error });
      await ctx.emit('job.retrying', { attempt: attempts, error, retry_in_ms: delayMs });
      return { kind: 'retry', delaySeconds: Math.max(1, Math.ceil(delayMs / 1000)) };
    }
    if (await endJob(ctx, { status: 'failed', error, progress: { unit: 'calls', total: 1, done: 0, failed: 1 } })) await ctx.emit('job.failed', { status: 'failed', error });
    return { kind: 'done' };
  }
}
