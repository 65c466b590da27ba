// GET /api/jobs/{id}/events: the job's event log (cogo.job_events) as SSE, read every JOB_EVENTS_POLL_MS on a
// database of its own (the stream outlives the request's), ids = the log's seq so Last-Event-ID resumes. After the
// job's terminal event comes exactly one `done` with the job as a poll shows it; a client that leaves ends it.
import type { Context } from 'hono';
import { tenantDb } from '../../lib/db';
import { describeError } from '../../lib/logger';
import { sseResponse } from '../../lib/sse';
import { eventsAfter } from './ai-jobs.repo';
import { getAiJob } from './ai-jobs.service';

const TERMINAL = new Set(['job.completed', 'job.failed', 'job.cancelled']);

/** The events response of a job the caller's project owns (checked before). */
export function jobEventsResponse(c: Context, projectId: string, jobId: string, after: number): Response {
  const config = c.get('config');
  const log = c.get('log');
  const { response, done } = sseResponse(
    async (sink) => {
      const handle = tenantDb(config, projectId, 1);
      try {
        let last = after;
        for (;;) {
          const rows = await eventsAfter(handle.db, projectId, jobId, last);
          let ended = false;
          for (const row of rows) {
            last = row.seq;
            if (!(await sink.send({ id: row.seq, event: row.type, data: JSON.stringify(row.data) }))) return;
            ended ||= TERMINAL.has(row.type);
          }
          if (ended) {
            await sink.send({ event: 'done', data: JSON.stringify(await getAiJob({ db: handle.db, projectId }, jobId)) });
            return;
          }
          if (rows.length === 0) await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, config.JOB_EVENTS_POLL_MS);
            sink.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
          });
          if (sink.signal.aborted) return;
        }
      } finally {
        await handle.close();
      }
    },
    {
      requestSignal: c.req.raw.signal,
      onError: (err) => log.error('job events stream failed', { jobId, error: describeError(err) }),
      headers: { 'x-trace-id': c.get('traceId') },
    },
  );
  try {
    c.executionCtx.waitUntil(done);
  } catch {
    void done;
  }
  return response;
}
