// A job's status as its JobCursor keeps it, kept apart from the class so code outside workerd can import it.

export type JobStatus = 'pending' | 'running' | 'done' | 'error' | 'cancelled';

const TERMINAL: ReadonlySet<string> = new Set<JobStatus>(['done', 'error', 'cancelled']);

/** True for a status after which nothing more is logged (the job's object refuses appends). */
export function isTerminal(status: string | null | undefined): boolean {
  return status != null && TERMINAL.has(status);
}
