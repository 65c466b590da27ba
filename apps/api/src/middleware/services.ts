// Per-request services: validated config, a logger bound to the request, and a lazily opened database.
import { createDb, type Db, type DbHandle } from '@cogo/db';
import type { MiddlewareHandler } from 'hono';
import { readConfig, type AppConfig } from '../env';
import { createLogger, type Logger } from '../lib/logger';

export interface ServicesVariables {
  config: AppConfig;
  log: Logger;
  /** Opens the request's database pool on first use; it is closed when the response is done. */
  db: () => Db;
}

declare module 'hono' {
  interface ContextVariableMap extends ServicesVariables {}
}

/** Wires config, logger and db into the context. Must run after requestId() and trace(). */
export function services(): MiddlewareHandler {
  return async function servicesMiddleware(c, next) {
    const config = readConfig(c.env as Record<string, unknown>);
    c.set('config', config);
    c.set('log', createLogger(config.LOG_LEVEL, { requestId: c.get('requestId'), traceId: c.get('traceId') }));
    let handle: DbHandle | undefined;
    c.set('db', () => {
      handle ??= createDb({ url: config.DATABASE_URL, wsProxy: config.DATABASE_WS_PROXY });
      return handle.db;
    });
    try {
      await next();
    } finally {
      if (handle) {
        const closing = handle.close();
        // A streamed response may still use the pool, so close after the response in waitUntil.
        try {
          c.executionCtx.waitUntil(closing);
        } catch {
          await closing;
        }
      }
    }
  };
}
