// Per-request services: validated config, a logger bound to the request, lazily opened databases (the
// principal's tenant database and the audited service database), and the event sink flushed to the queue
// when the response is done; its request metric joins the isolate's batch (lib/metrics-batch.ts) when the
// request has an execution context, and that flush otherwise.
import type { Db, DbHandle } from '@cogo/db';
import { serviceDbFromConfig, tenantDb } from '../lib/db';
import type { MiddlewareHandler } from 'hono';
import { readConfig, type AppConfig } from '../env';
import { createEventSink, type EventSink } from '../lib/events';
import { createLogger, describeError, type Logger } from '../lib/logger';
import { requestMetricsBatcher } from '../lib/metrics-batch';

/** Who a request acts for, set by authenticate(). */
export interface Principal {
  projectId: string;
  kind: 'api_key' | 'jwt' | 'dev';
  /** For audit rows and logs: `key:<prefix>`, `jwt:<sub>`, `dev`. */
  actor: string;
  /** The API key's id, for an `api_key` principal: its project's gate refuses it once revoked. */
  keyId?: string;
}

export interface ServicesVariables {
  config: AppConfig;
  log: Logger;
  /**
   * The principal's database: every statement runs under row-level security as its project (README "Tenancy in
   * Postgres"). Opened on first use, after authenticate(); closed when the response is done. Calling it before a
   * principal exists is a programming error (500).
   */
  db: () => Db;
  /**
   * The unscoped service database (every project), for the paths that must act before or across projects. Each
   * distinct `reason` is logged once per request as `service db` with the route; list new uses in the README.
   */
  serviceDb: (reason: string) => Db;
  /**
   * Work the answer need not wait for (a key's last_used_at, a cache's refresh): it runs on, and the request's
   * databases close after it (waitUntil); a failure is logged as a warning.
   */
  defer: (what: string, work: Promise<unknown>) => void;
  events: EventSink;
  principal: Principal | undefined;
  /** True when the request carried the admin token. */
  admin: boolean;
}

declare module 'hono' {
  interface ContextVariableMap extends ServicesVariables {}
}

type Context = Parameters<MiddlewareHandler>[0];

/** The request's waitUntil, or undefined without an execution context (createApp().request in tests). */
function waitUntilOf(c: Context): ((work: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx; // Hono's getter throws when there is none
    return (work) => ctx.waitUntil(work);
  } catch {
    return undefined;
  }
}

/** Runs `work` after the response (waitUntil) when there is an execution context, else now. */
function afterResponse(c: Context, work: Promise<unknown>): Promise<void> | undefined {
  const waitUntil = waitUntilOf(c);
  if (!waitUntil) return work.then(() => undefined);
  waitUntil(work);
  return undefined;
}

/** Wires config, logger, db and events into the context. Must run after requestId() and trace(). */
export function services(): MiddlewareHandler {
  return async function servicesMiddleware(c, next) {
    const config = readConfig(c.env as object);
    const log = createLogger(config.LOG_LEVEL, { requestId: c.get('requestId'), traceId: c.get('traceId') });
    c.set('config', config);
    c.set('log', log);
    c.set('principal', undefined);
    c.set('admin', false);
    const waitUntil = waitUntilOf(c);
    c.set(
      'events',
      createEventSink({
        queue: config.EVENTS_QUEUE,
        traceId: c.get('traceId'),
        source: 'api',
        projectId: () => c.get('principal')?.projectId ?? null,
        onError: (err) => log.error('event flush failed', { error: describeError(err) }),
        metrics: waitUntil && ((m) => requestMetricsBatcher.add(m, { queue: config.EVENTS_QUEUE, waitUntil, log })),
      }),
    );
    let handle: DbHandle | undefined;
    c.set('db', () => {
      const principal = c.get('principal');
      if (!principal) {
        log.error('tenant db opened without a principal', { route: c.req.routePath });
        throw new Error('tenant database requested before authentication');
      }
      handle ??= tenantDb(config, principal.projectId);
      return handle.db;
    });
    let service: DbHandle | undefined;
    const reasons = new Set<string>();
    c.set('serviceDb', (reason) => {
      const use = { reason, route: c.req.routePath };
      if (!service) service = serviceDbFromConfig(config, log, use);
      else if (!reasons.has(reason)) log.info('service db', use);
      reasons.add(reason);
      return service.db;
    });
    const deferred: Array<Promise<unknown>> = [];
    c.set('defer', (what, work) => void deferred.push(work.catch((err: unknown) => log.warn(`${what} failed`, { error: describeError(err) }))));
    try {
      await next();
    } finally {
      const done = async () => {
        while (deferred.length) await Promise.all(deferred.splice(0));
        await Promise.all([c.get('events').flush(), handle?.close(), service?.close()]);
      };
      await afterResponse(c, done());
    }
  };
}
