// One call of POST /figma-context/stream for a job of the caller's project, as a response: the log replayed after
// `after`, then — holding the job's producer lease — chunks fetched, compacted and logged until the call's budget is
// spent (producer.ts). The route answers it; MCP's get_design_context reads it through to drive a job it started.
import { tenantDb } from '../../lib/db';
import { jobCursorOf } from '../../durable-objects/names';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { createEventSink } from '../../lib/events';
import { describeError } from '../../lib/logger';
import { sseResponse } from '../../lib/sse';
import { figmaChunkSource } from './chunk-source';
import { jobVersionCache, withVersionCache } from './version-cache';
import { figmaClientFor } from './figma-context.outbound';
import { updateJob, type JobRow } from './figma-context.repo';
import { figmaTokenFor } from './figma-context.token';
import { runStreamCall } from './producer';
import { ingestChunkSource } from './ingest-source';

/** The stream call's response for `job` (found in the caller's project), after event `after`. */
export async function streamCall(c: Context, job: JobRow, after: number): Promise<Response> {
  const config = c.get('config');
  const stub = jobCursorOf(config.JOB_CURSOR, job.id);
  const state = await stub.state();
  if (!state) throw new ApiError('NOT_FOUND', 'job log expired');
  const live = state.status === 'pending' || state.status === 'running';
  // resolved now: the request's database is closed once this handler returns the stream
  const token = live && job.kind === 'figma-context' ? (await figmaTokenFor(c)).token : null;
  const startedAt = Date.now();
  const traceId = c.get('traceId');
  const log = c.get('log');
  // outlives the request's own database (closed once this handler returns the stream): the job's tenant, too
  const handle = tenantDb(config, job.projectId, 1);
  const events = createEventSink({ queue: config.EVENTS_QUEUE, traceId, source: 'figma-context', projectId: () => job.projectId });
  // stops in-flight Figma calls when the client leaves or the hard limit is reached
  const abort = new AbortController();
  const hardStop = setTimeout(() => abort.abort(), Math.max(0, config.STREAM_HARD_LIMIT_MS - 500));
  const { response, done } = sseResponse(
    (sink) => {
      sink.signal.addEventListener('abort', () => abort.abort(), { once: true });
      return runStreamCall(
        sink,
        {
          stub,
          jobId: job.id,
          requestId: c.get('requestId'),
          leaseId: crypto.randomUUID(),
          startedAt,
          stopSignal: abort.signal,
          budgetMs: config.STREAM_BUDGET_MS,
          hardLimitMs: config.STREAM_HARD_LIMIT_MS,
          eventMaxBytes: config.FIGMA_EVENT_MAX_BYTES,
          events,
          log,
          source: async (learned) =>
            token
              ? figmaChunkSource(
                  // the version its start proved: chunks of that version replay from the cache (version-cache.ts)
                  withVersionCache(
                    figmaClientFor(config, token, traceId, abort.signal, () => Math.max(0, startedAt + config.STREAM_HARD_LIMIT_MS - 3_000 - Date.now())),
                    jobVersionCache(config, handle.db, job, (err) => log.warn('figma version cache', { error: describeError(err) })),
                  ),
                  String((job.input as { file_key?: string }).file_key),
                  { budgetBytes: config.FIGMA_MAX_RESPONSE_BYTES, ...learned },
                )
              : ingestChunkSource(config, job.projectId, String((job.input as { upload_id?: string }).upload_id)),
          onProgress: (patch) => updateJob(handle.db, job.id, patch),
        },
        after,
      );
    },
    { requestSignal: c.req.raw.signal, onError: (err) => log.error('stream failed', { error: describeError(err) }) },
  );
  const cleanup = done.finally(() => {
    clearTimeout(hardStop);
    return Promise.all([events.flush(), handle.close()]);
  });
  try {
    c.executionCtx.waitUntil(cleanup);
  } catch {
    // no execution context (app.request in tests): the stream's own end runs the cleanup
  }
  return response;
}
