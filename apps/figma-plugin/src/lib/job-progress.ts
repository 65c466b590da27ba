// A rename job's progress as its events tell it (GET /api/jobs/{id}/events): batches done and failed out of the
// estimate's model calls, names received so far, a batch waiting to retry. Pure: the UI shows progressText().

/** One event of the job's stream (packages/api-client AiJobEvent). */
export interface JobEventLike {
  event: string;
  data: Record<string, unknown>;
}

export interface RenameProgress {
  total: number;
  /** batches named, by index */
  done: number[];
  failed: number[];
  /** names received so far */
  names: number;
  retrying: { batch: number; inMs: number } | null;
  state: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
}

export const startProgress = (total: number): RenameProgress => ({ total, done: [], failed: [], names: 0, retrying: null, state: 'queued' });

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const add = (list: number[], n: number) => (list.includes(n) ? list : [...list, n]);

/** The progress after one event; events it does not know leave it as it was. */
export function onJobEvent(p: RenameProgress, e: JobEventLike): RenameProgress {
  const batch = num(e.data.batch);
  switch (e.event) {
    case 'job.started':
      return { ...p, state: 'running' };
    case 'job.progress': {
      if (batch === null) return p;
      const retrying = p.retrying?.batch === batch ? null : p.retrying;
      if (e.data.failed === true) return { ...p, failed: add(p.failed, batch), retrying, state: 'running' };
      const names = Array.isArray(e.data.layers) ? e.data.layers.length : 0;
      return { ...p, done: add(p.done, batch), names: p.done.includes(batch) ? p.names : p.names + names, retrying, state: 'running' };
    }
    case 'job.retrying':
      return { ...p, retrying: { batch: batch ?? -1, inMs: num(e.data.retry_in_ms) ?? 0 } };
    case 'job.completed':
      return { ...p, retrying: null, state: 'completed' };
    case 'job.failed':
      return { ...p, retrying: null, state: 'failed' };
    case 'job.cancelled':
      return { ...p, retrying: null, state: 'cancelled' };
    default:
      return p;
  }
}

/** "Running: 2 of 5 batches, 40 names so far · batch 3 retries in 4 s". */
export function progressText(p: RenameProgress): string {
  const total = Math.max(p.total, p.done.length + p.failed.length);
  const parts = [`${p.done.length} of ${total} batch${total === 1 ? '' : 'es'}`, `${p.names} name${p.names === 1 ? '' : 's'}${p.state === 'running' || p.state === 'queued' ? ' so far' : ''}`];
  if (p.failed.length) parts.push(`${p.failed.length} failed`);
  const head = `${p.state[0]!.toUpperCase()}${p.state.slice(1)}: ${parts.join(', ')}`;
  return p.retrying ? `${head} · batch ${p.retrying.batch + 1} retries in ${Math.ceil(p.retrying.inMs / 1000)} s` : head;
}
