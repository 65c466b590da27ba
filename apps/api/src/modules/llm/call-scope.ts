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

/** The scope of one LLM call made by the request in `c`; `traceId` overrides the request's (a body's trace_id). */
export function callScope(c: Context, source: string, traceId?: string): CallScope {
  const config = c.get('config');
  const principal = principalOf(c);
  const log = c.get('log');
  const trace = traceId ?? c.get('traceId');
  const events = createEventSink({ queue: config.EVENTS_QUEUE, traceId: trace, source, projectId: () => principal.projectId });
  const rawEnv = c.env as Record<string, unknown>;
  let handle: DbHandle | undefined;
  const pending: Array<Promise<unknown>> = [];
  const db = () => (handle ??= tenantDb(config, principal.projectId, 2)).db;
  const scope: CallScope = {
    config,
    projectId: principal.projectId,
    traceId: trace,
    requestId: c.get('requestId'),
    actor: principal.actor,
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
      const ctx = { db: db(), masterKey: config.VAULT_MASTER_KEY, masterKeyId: config.VAULT_MASTER_KEY_ID, actor: `service:llm (${principal.actor})`, traceId: trace, requestId: c.get('requestId') };
      const stored = config.VAULT_MASTER_KEY ? await resolveSecret(ctx, principal.projectId, provider.keyAlias) : null;
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
