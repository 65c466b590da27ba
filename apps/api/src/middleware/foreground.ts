import type { MiddlewareHandler } from 'hono';
import { runForeground } from '../lib/foreground';

/** Counts the request as foreground while its handler runs (lib/foreground.ts); mounted first, for every route. */
export function foreground(): MiddlewareHandler {
  return async function foregroundMiddleware(_c, next) {
    await runForeground(next);
  };
}
