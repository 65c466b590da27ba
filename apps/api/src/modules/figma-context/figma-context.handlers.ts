import { isCogoUiPage } from '@cogo/types';
import { tenantDb } from '../../lib/db';
import { jobCursorOf } from '../../durable-objects/names';
import { createRouter } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { createEventSink } from '../../lib/events';
import { describeError } from '../../lib/logger';
import { sseResponse } from '../../lib/sse';
import { principalOf } from '../../middleware';
import { applyPage } from './apply';
import { applyGeneratedPage } from './apply-generated';
import { figmaChunkSource } from './chunk-source';
import { jobVersionCache, withVersionCache } from './version-cache';
import { figmaClientFor } from './figma-context.outbound';
import { FIGMA_JOB_KINDS, findJob, updateJob } from './figma-context.repo';
import { applyRoute, cancelRoute, contextRoute, healthRoute, startRoute, statusRoute, streamRoute } from './figma-context.routes';
import { contextPage } from './context';
import { figmaTokenFor } from './figma-context.token';
import { jobStatus } from './status';
import { startFigmaJob } from './start';
import { runStreamCall } from './producer';
import { ingestChunkSource } from './ingest-source';

/** figma-context routes. */
export const figmaContextRouter = createRouter()
  .openapi(startRoute, async (c) => c.json(await startFigmaJob(c, c.req.valid('json')), 201))
  .openapi(streamRoute, async (c) => {
    const { job_id, cursor } = c.req.valid('json');
    const lastEventId = c.req.valid('header')['last-event-id'];
    const after = Math.max(Number(cursor), Number(lastEventId ?? 0));
    const config = c.get('config');
    const job = await findJob(c.get('db')(), principalOf(c).projectId, job_id, FIGMA_JOB_KINDS);
    if (!job) throw new ApiError('NOT_FOUND', 'job not found');
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
    return response as never;
  })
  .openapi(statusRoute, async (c) => c.json(await jobStatus(c, c.req.valid('query').job_id), 200))
  .openapi(cancelRoute, async (c) => {
    const { job_id } = c.req.valid('json');
    const config = c.get('config');
    const job = await findJob(c.get('db')(), principalOf(c).projectId, job_id, FIGMA_JOB_KINDS);
    if (!job) throw new ApiError('NOT_FOUND', 'job not found');
    const stub = jobCursorOf(config.JOB_CURSOR, job.id);
    const state = await stub.state();
    if (!state || !(state.status === 'pending' || state.status === 'running')) throw new ApiError('CONFLICT', `job already ${state?.status ?? 'gone'}`);
    const message = 'cancelled by the client';
    await stub.append([{ type: 'error', data: JSON.stringify({ error: { code: 'CANCELLED', message, requestId: c.get('requestId') } }) }], 'cancelled');
    await updateJob(c.get('db')(), job.id, { status: 'cancelled', error: { code: 'CANCELLED', message } });
    c.get('events').emit('figma_job_cancelled', { job_id: job.id }, { source: 'figma-context' });
    return c.json(await jobStatus(c, job.id), 200);
  })
  .openapi(applyRoute, async (c) => {
    const body = c.req.valid('json');
    if (isCogoUiPage(body.page)) return c.json(await applyGeneratedPage(c, body.page, body.trace_id), 200);
    // the schema requires job_id with a Figma page
    return c.json(await applyPage(c, { ...body, job_id: body.job_id!, page: body.page }), 200);
  })
  .openapi(contextRoute, async (c) => c.json(await contextPage(c, c.req.valid('query')), 200))
  .openapi(healthRoute, async (c) => {
    const config = c.get('config');
    const token = await figmaTokenFor(c).then(
      (t) => t.source,
      () => 'missing' as const,
    );
    return c.json({ status: 'ok' as const, figma_api_base: config.FIGMA_API_BASE, token }, 200);
  });
