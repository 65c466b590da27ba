// A job's status as its JobCursor keeps it, kept apart from the class so code outside workerd can import it.

export type JobStatus = 'pending' | 'running' | 'done' | 'error' | 'cancelled';

const TERMINAL: ReadonlySet<string> = new Set<JobStatus>(['done', 'error', 'cancelled']);

/**
 * Why the job's object refused an append or a stage: the job has ended, or the caller's producer lease is gone. An
 * answer, not an exception: both are expected (a cancel or a takeover meanwhile), and workerd logs an exception
 * thrown out of an object's method as that object's uncaught error.
 */
export type Refusal = { ok: false; refused: 'ended'; status: JobStatus } | { ok: false; refused: 'lease lost' };

/** True for a status after which nothing more is logged (the job's object refuses appends). */
export function isTerminal(status: string | null | undefined): boolean {
  return status != null && TERMINAL.has(status);
}
