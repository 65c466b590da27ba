import { isCogoUiPage } from '@cogo/types';
import { jobCursorOf } from '../../durable-objects/names';
import { createRouter } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { applyPage } from './apply';
import { applyGeneratedPage } from './apply-generated';
import { FIGMA_JOB_KINDS, findJob, updateJob } from './figma-context.repo';
import { applyRoute, cancelRoute, contextRoute, healthRoute, startRoute, statusRoute, streamRoute } from './figma-context.routes';
import { contextPage } from './context';
import { figmaTokenFor } from './figma-context.token';
import { jobStatus } from './status';
import { startFigmaJob } from './start';
import { streamCall } from './stream-call';

/** figma-context routes. */
export const figmaContextRouter = createRouter()
  .openapi(startRoute, async (c) => c.json(await startFigmaJob(c, c.req.valid('json')), 201))
  .openapi(streamRoute, async (c) => {
    const { job_id, cursor } = c.req.valid('json');
    const lastEventId = c.req.valid('header')['last-event-id'];
    const after = Math.max(Number(cursor), Number(lastEventId ?? 0));
    // the job's object read beside its row (its state is used only once the row proved the job is the caller's)
    const [job, state] = await Promise.all([findJob(c.get('db')(), principalOf(c).projectId, job_id, FIGMA_JOB_KINDS), jobCursorOf(c.get('config').JOB_CURSOR, job_id).state()]);
    if (!job) throw new ApiError('NOT_FOUND', 'job not found');
    return (await streamCall(c, job, after, { state })) as never;
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
    const appended = await stub.append([{ type: 'error', data: JSON.stringify({ error: { code: 'CANCELLED', message, requestId: c.get('requestId') } }) }], 'cancelled');
    // ended (done, failed or another cancel) since its state was read: the same 409 as above, not a 500
    if (!appended.ok) throw new ApiError('CONFLICT', `job already ${appended.refused === 'ended' ? appended.status : 'gone'}`);
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
