// What every AI job runner shares: its context in the queue consumer, its one outcome per delivery (done, or come
// back after a delay through the queue), the retry policy of seed 004 (attempts 3, exponential from 1 s, a
// provider's Retry-After when longer), and its events, written one at a time in order.
import type { BatchStatement, Db } from '@cogo/db';
import type { AppConfig } from '../../env';
import { tenantDb } from '../../lib/db';
import { ApiError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { discardArtifacts, offloadJson } from '../artifacts';
import type { CallScope } from '../llm/call-scope';
import { appendEvent, finishJob, type JobEnd, type JobRow } from './ai-jobs.repo';

export interface RunContext {
  /** The consumer's service database (no caller: the job row names its project). */
  db: Db;
  config: AppConfig;
  /** LLM calls on behalf of the job's project, under the job's trace. */
  scope: CallScope;
  job: JobRow;
  log: Logger;
  now: () => number;
  /**
   * Writes the job's next event (serialised: seq follows the order of calls). A failure is logged, not thrown — unless
   * statements go `alongside` it (written in the same transaction, e.g. the batch the event reports): then it throws.
   */
  emit: (type: string, data: Record<string, unknown>, alongside?: Array<BatchStatement<unknown>>) => Promise<void>;
}

export type RunOutcome = { kind: 'done' } | { kind: 'retry'; delaySeconds: number };

/** A serialised event writer for one job. */
export function eventWriter(db: Db, job: Pick<JobRow, 'id' | 'projectId'>, log: Logger): RunContext['emit'] {
  let chain = Promise.resolve();
  return (type, data, alongside) => {
    const next = chain.then(async () => {
      await appendEvent(db, job.projectId, job.id, type, data, alongside);
    });
    chain = next.catch((err: unknown) => log.warn('job event not written', { jobId: job.id, type, error: String(err) }));
    return alongside?.length ? next : chain;
  };
}

/**
 * Ends the job (false when a cancel won). A result over ARTIFACT_INLINE_MAX_BYTES is stored first as a `job_output`
 * artifact of the job's project and trace, and the row keeps its pointer instead (`result` null): polls, listings and
 * the events' `done` stay small whatever the job made. Should the job have been cancelled meanwhile, that artifact is
 * taken back.
 */
export async function endJob(ctx: Pick<RunContext, 'db' | 'config' | 'job'>, end: Omit<JobEnd, 'resultArtifact'>): Promise<boolean> {
  const { db, config, job } = ctx;
  if (!end.result) return finishJob(db, job.id, end);
  const tenant = tenantDb(config, job.projectId, 1);
  try {
    const store = { projectId: job.projectId, kind: 'job_output' as const, traceId: job.traceId, ttlDays: config.ARTIFACT_TTL_DAYS, inlineMaxBytes: config.ARTIFACT_INLINE_MAX_BYTES };
    const artifact = await offloadJson(tenant.db, config.ARTIFACTS, end.result, store);
    if (!artifact) return await finishJob(db, job.id, end);
    const ended = await finishJob(db, job.id, { ...end, result: null, resultArtifact: artifact });
    if (!ended) await discardArtifacts(tenant.db, job.projectId, [artifact.artifact_id]);
    return ended;
  } finally {
    await tenant.close();
  }
}

// Client-side refusals that another try would only repeat.
const FINAL = new Set(['BUDGET_EXCEEDED', 'UNPROCESSABLE', 'VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED']);

/** Whether a failed call may succeed when tried again (provider errors, bad output, cooling circuits). */
export function isRetryable(err: unknown): boolean {
  return !(err instanceof ApiError && FINAL.has(err.code));
}

/** The wait before attempt `attempts + 1`: 1 s, 2 s, 4 s … or the error's Retry-After when that is longer. */
export function retryDelayMs(attempts: number, err: unknown): number {
  const backoff = 1_000 * 2 ** Math.max(0, attempts - 1);
  const header = err instanceof ApiError ? Number(err.headers?.['Retry-After']) : Number.NaN;
  return Number.isFinite(header) && header * 1_000 > backoff ? header * 1_000 : backoff;
}

/** The error a job or batch keeps: an ApiError's code and message; anything else a generic one (logged, not shown). */
export function jobError(err: unknown): { code: string; message: string } {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: 'the job failed unexpectedly' };
}

/** Runs `work` over `items` with at most `limit` at once, in order of start; stops starting new ones when `stop()` says so. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stop: () => boolean | Promise<boolean>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      if (await stop()) return;
      if (next >= items.length) return;
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
