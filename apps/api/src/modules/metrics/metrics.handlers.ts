import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { providerMetrics } from '../llm-health';
import { overview, prometheusText, traceTimeline } from './metrics.service';
import { overviewRoute, prometheusRoute, spendRoute, traceRoute } from './metrics.routes';
import { spendByDay } from './spend';

/** Trace timeline, overview, spend by day and model, and Prometheus metrics. */
export const metricsRouter = createRouter()
  .openapi(traceRoute, async (c) => {
    const { traceId } = c.req.valid('param');
    return c.json(await traceTimeline(c.get('db')(), traceId, principalOf(c).projectId), 200);
  })
  .openapi(overviewRoute, async (c) => {
    const config = c.get('config');
    const slo = { p95Ms: config.SLO_P95_MS, llmP95Ms: config.SLO_LLM_P95_MS, errorRate: config.SLO_ERROR_RATE };
    return c.json(await overview(c.get('db')(), c.req.valid('query').window, principalOf(c).projectId, Date.now(), slo), 200);
  })
  .openapi(spendRoute, async (c) => c.json(await spendByDay(c.get('db')(), principalOf(c).projectId, c.req.valid('query').days), 200))
  .openapi(prometheusRoute, async (c) => {
    const db = c.get('serviceDb')('admin: prometheus metrics of every project');
    const now = Date.now();
    return c.text(await prometheusText(db, now, await providerMetrics(db, c.get('config'), now)), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
