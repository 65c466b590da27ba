import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { traceEvents } from './metrics.repo';
import { overview, prometheusText } from './metrics.service';
import { overviewRoute, prometheusRoute, traceRoute } from './metrics.routes';

/** Trace timeline, overview and Prometheus metrics. */
export const metricsRouter = createRouter()
  .openapi(traceRoute, async (c) => {
    const { traceId } = c.req.valid('param');
    const rows = await traceEvents(c.get('db')(), traceId, principalOf(c).projectId);
    return c.json(
      {
        trace_id: traceId,
        events: rows.map((r) => ({ id: r.id, type: r.type, source: r.source, project_id: r.projectId, at: r.createdAt.toISOString(), payload: r.payload })),
      },
      200,
    );
  })
  .openapi(overviewRoute, async (c) => {
    return c.json(await overview(c.get('db')(), c.req.valid('query').window, principalOf(c).projectId), 200);
  })
  .openapi(prometheusRoute, async (c) => {
    return c.text(await prometheusText(c.get('serviceDb')('admin: prometheus metrics of every project')), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
