import { createRoute } from '@hono/zod-openapi';
import { HealthSchema } from '@cogo/types';

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  description: '200 when the database answers, 503 (same body, `status: degraded`) when it does not.',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'Database unreachable', content: { 'application/json': { schema: HealthSchema } } },
  },
});
