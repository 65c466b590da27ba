// What an LLM call needs that outlives the request's own services: a stream keeps running after the handler has
// returned its Response (and the request's database has closed), so a call opens its own tenant database and
// event sink, collects its background writes (usage rows, circuit reports, spend), and closes them at the end.
import type { Db, DbHandle } from '@cogo/db';
import type { Context } from 'hono';
import type { AppConfig } from '../../env';
import { tenantDb } from '../../lib/db';
import { createEventSink, type EventSink } from '../../lib/events';
import { describeError, type Logger } from '../../lib/logger';
import { principalOf } from '../../middleware';
import { resolveSecret } from '../vault/vault.service';
import type { ProviderEntry } from './catalogue';

export interface CallScope {
  config: AppConfig;
  projectId: string;
  traceId: string;
  requestId: string;
  actor: string;
  log: Logger;
  events: EventSink;
  db: () => Db;
  /** Runs `work` in the background of this call; close() waits for it. Failures are logged, never thrown. */
  defer: (what: string, work: Promise<unknown>) => void;
  /** The API key of a provider (the project's vault; for a platform provider then the deployment secret of that name), never logged. */
  providerKey: (provider: ProviderEntry) => Promise<string | undefined>;
  /** Waits for deferred work, flushes events, closes the database. */
  close: () => Promise<void>;
}

/** Who makes a call and on what: a request (callScope) or a queue message (the RAG embed consumer). */
export interface ScopeOrigin {
  config: AppConfig;
  /** The Worker's env as given (a platform provider may name a deployment secret in it). */
  rawEnv: Record<string, unknown>;
  projectId: string;
  actor: string;
  traceId: string;
  requestId: string;
  log: Logger;
  /** The `source` of its bus events. */
  source: string;
}

/** The scope of one LLM call made by the request in `c`; `traceId` overrides the request's (a body's trace_id). */
export function callScope(c: Context, source: string, traceId?: string): CallScope {
  const principal = principalOf(c);
  return createCallScope({
    config: c.get('config'),
    rawEnv: c.env as Record<string, unknown>,
    projectId: principal.projectId,
    actor: principal.actor,
    traceId: traceId ?? c.get('traceId'),
    requestId: c.get('requestId'),
    log: c.get('log'),
    source,
  });
}

/** The scope of a call made on behalf of `origin.projectId`, with its own tenant database and event sink. */
export function createCallScope(origin: ScopeOrigin): CallScope {
  const { config, rawEnv, log, projectId, actor, requestId } = origin;
  const trace = origin.traceId;
  const events = createEventSink({ queue: config.EVENTS_QUEUE, traceId: trace, source: origin.source, projectId: () => projectId });
  let handle: DbHandle | undefined;
  const pending: Array<Promise<unknown>> = [];
  const db = () => (handle ??= tenantDb(config, projectId, 2)).db;
  const scope: CallScope = {
    config,
    projectId,
    traceId: trace,
    requestId,
    actor,
    log,
    events,
    db,
    defer: (what, work) => {
      pending.push(work.catch((err: unknown) => log.warn(`llm ${what} failed`, { error: describeError(err) })));
    },
    providerKey: async (provider) => {
      if (provider.scope === 'env') {
        return provider.keyAlias === 'EMBEDDING_API_KEY' ? config.EMBEDDING_API_KEY : (config.CHAT_API_KEY ?? config.OPENAI_API_KEY);
      }
      if (!provider.keyAlias) return undefined;
      const ctx = { db: db(), masterKey: config.VAULT_MASTER_KEY, masterKeyId: config.VAULT_MASTER_KEY_ID, actor: `service:llm (${actor})`, traceId: trace, requestId };
      const stored = config.VAULT_MASTER_KEY ? await resolveSecret(ctx, projectId, provider.keyAlias) : null;
      if (stored || provider.scope !== 'platform') return stored ?? undefined;
      // only an admin-entered provider may name a deployment secret: a project's provider could name ADMIN_TOKEN
      const deployed = rawEnv[provider.keyAlias];
      return typeof deployed === 'string' && deployed ? deployed : undefined;
    },
    close: async () => {
      while (pending.length) await Promise.all(pending.splice(0));
      await events.flush();
      await handle?.close();
    },
  };
  return scope;
}

/** Hands `close` to the request's waitUntil (or runs it when there is no execution context, as in app.request tests). */
export function closeAfter(c: Context, scope: CallScope, until: Promise<unknown> = Promise.resolve()): void {
  const work = until.catch(() => {}).then(() => scope.close());
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    void work;
  }
}
