import type { MiddlewareHandler } from 'hono';

export interface RequestMetricsVariables {
  /** performance.now() when the request reached the routes (Server-Timing of the LLM gateway). */
  requestStartedAt: number;
}

declare module 'hono' {
  interface ContextVariableMap extends RequestMetricsVariables {}
}

/** Records route pattern, status and duration of every request into the event sink (→ the isolate's metrics batch → request_metrics). */
export function requestMetrics(): MiddlewareHandler {
  return async function requestMetricsMiddleware(c, next) {
    const started = performance.now();
    c.set('requestStartedAt', started);
    await next();
    // the matched pattern keeps cardinality bounded; unmatched paths share one label
    const route = c.res.status === 404 && c.req.routePath === '/*' ? '(unmatched)' : c.req.routePath;
    c.get('events').push({
      kind: 'request_metric',
      route,
      method: c.req.method,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      projectId: c.get('principal')?.projectId ?? null,
      traceId: c.get('traceId'),
      at: new Date().toISOString(),
    });
  };
}
