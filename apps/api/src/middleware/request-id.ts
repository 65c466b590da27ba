import type { MiddlewareHandler } from 'hono';

export interface RequestIdOptions {
  /** Header read from the client and written on the response. */
  header?: string;
  /** Longest client-supplied id accepted; longer or odd ones are replaced. */
  maxLength?: number;
}

export interface RequestIdVariables {
  requestId: string;
}

declare module 'hono' {
  interface ContextVariableMap extends RequestIdVariables {}
}

const SAFE_ID = /^[\w.:@/+=-]+$/;

/** Gives every request an id: the client's `X-Request-Id` when sane, else a new uuid. */
export function requestId(options: RequestIdOptions = {}): MiddlewareHandler {
  const header = options.header ?? 'X-Request-Id';
  const maxLength = options.maxLength ?? 200;
  return async function requestIdMiddleware(c, next) {
    const incoming = c.req.header(header);
    const id = incoming && incoming.length <= maxLength && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    c.header(header, id);
    await next();
    c.header(header, id);
  };
}
