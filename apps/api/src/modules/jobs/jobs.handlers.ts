import { createRoute, z } from '@hono/zod-openapi';
import { JobSchema, UuidSchema } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { BEARER, createRouter, errorResponses } from '../../lib/openapi';
import { guard, principalOf } from '../../middleware';
import { findJob, type JobRow } from './jobs.repo';

/** Public view of a job. */
export function jobView(j: JobRow) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    result: j.result ?? null,
    error: j.error ?? null,
    trace_id: j.traceId,
    created_at: j.createdAt.toISOString(),
    updated_at: j.updatedAt.toISOString(),
    finished_at: j.finishedAt?.toISOString() ?? null,
  };
}

export const getJobRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  tags: ['jobs'],
  summary: 'A job of your project',
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { description: 'The job', content: { 'application/json': { schema: JobSchema } } }, ...errorResponses(400, 401, 404, 429) },
});

/** Job reads. */
export const jobsRouter = createRouter().openapi(getJobRoute, async (c) => {
  const job = await findJob(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id);
  // another project's job answers exactly like a missing one
  if (!job) throw new ApiError('NOT_FOUND', 'job not found');
  return c.json(jobView(job), 200);
});
