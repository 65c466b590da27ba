// A job's status as its JobCursor keeps it, kept apart from the class so code outside workerd can import it.

export type JobStatus = 'pending' | 'running' | 'done' | 'error' | 'cancelled';

const TERMINAL: ReadonlySet<string> = new Set<JobStatus>(['done', 'error', 'cancelled']);

/** The status named by the job's object refusing an append or a stage to a job that has ended ("job already done"), else null. */
export function endedStatusIn(err: unknown): JobStatus | null {
  const m = err instanceof Error ? /job already (done|error|cancelled)/.exec(err.message) : null;
  return m ? (m[1] as JobStatus) : null;
}

/** True for a status after which nothing more is logged (the job's object refuses appends). */
export function isTerminal(status: string | null | undefined): boolean {
  return status != null && TERMINAL.has(status);
}
