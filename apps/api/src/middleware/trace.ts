import type { MiddlewareHandler } from 'hono';
import { newSpanId, newTraceId, parseTraceId, parseTraceparent } from '../lib/trace';

export interface TraceVariables {
  traceId: string;
  spanId: string;
}

declare module 'hono' {
  interface ContextVariableMap extends TraceVariables {}
}

/** Continues the caller's trace (`traceparent`, else `X-Trace-Id`) or starts one; echoes both headers (a handler's own X-Trace-Id kept). */
export function trace(): MiddlewareHandler {
  return async function traceMiddleware(c, next) {
    const traceId =
      parseTraceparent(c.req.header('traceparent'))?.traceId ?? parseTraceId(c.req.header('X-Trace-Id')) ?? newTraceId();
    const spanId = newSpanId();
    c.set('traceId', traceId);
    c.set('spanId', spanId);
    await next();
    // a handler that answers on a body's `trace_id` (callScope) has echoed that trace already: it wins
    const echoed = parseTraceId(c.res.headers.get('X-Trace-Id') ?? undefined) ?? traceId;
    c.header('X-Trace-Id', echoed);
    c.header('traceparent', `00-${echoed}-${spanId}-01`);
  };
}
