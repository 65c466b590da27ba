// The projection worker (seed 002): consumer of `cogo-project-updates`. Each message names one outbox row of
// `cogo.project_updates`; the row is delivered to every subscriber and stamped `delivered_at` in one transaction,
// so a duplicate delivery finds it stamped and does nothing (idempotent by update id). Order per entity: the
// entity's older undelivered versions are delivered first, in the same transaction, under row locks, so version
// n never reaches a subscriber before n-1. Each message is acked or retried on its own, never thrown (a throw
// would redeliver the whole batch, see TOOLCHAIN.md §5); after max_retries the queue moves it to the DLQ.
// A subscriber that must tell another queue (the design index: chunks to embed) hands the send to `afterCommit`:
// it runs once the transaction has committed, never for a rolled-back one, and its failure is only logged (the
// other queue's own sweep is its fallback), so a lost send never makes the update undelivered or delivered twice.
import { schema } from '@cogo/db';
import { z } from 'zod';
import { readConfig, type AppConfig, type Bindings } from '../env';
import { serviceDbFromConfig } from '../lib/db';
import { createLogger, describeError, type Logger } from '../lib/logger';
import { indexDesignUpdates } from '../modules/rag/design-index';
import { lockPendingUpTo, markDelivered, markFailed, type ProjectUpdateRow } from '../modules/updates/updates.repo';

type Tx = Parameters<Parameters<ReturnType<typeof serviceDbFromConfig>['db']['transaction']>[0]>[0];

/** What a subscriber gets besides the transaction. */
export interface ProjectionContext {
  config: AppConfig;
  log: Logger;
  /** Runs `task` after the delivering transaction commits (see the file header); never throws into the delivery. */
  afterCommit: (task: () => Promise<unknown>) => void;
}

/** A subscriber of the projection: gets the rows being delivered, in order, inside the delivering transaction. */
export type ProjectionSubscriber = (tx: Tx, rows: ProjectUpdateRow[], context: ProjectionContext) => Promise<void>;

/**
 * `project_updated` on the event bus, one per update, on the update's trace: what RAG indexing, design-sync drift
 * and notifications subscribe to (they read `bus_events` by type).
 */
const busEventSubscriber: ProjectionSubscriber = async (tx, rows) => {
  await tx.insert(schema.busEvents).values(
    rows.map((r) => ({
      projectId: r.projectId,
      traceId: r.traceId,
      type: 'project_updated',
      source: 'projection',
      payload: { update_id: r.id, entity: r.entity, entity_id: r.entityId, operation: r.operation, version: r.version, content_hash: r.contentHash },
    })),
  );
};

/** Today's subscribers; a new one (e.g. materialising machine-generated changes) is one more entry. */
export const PROJECTION_SUBSCRIBERS: readonly ProjectionSubscriber[] = [
  busEventSubscriber,
  // RAG's design knowledge index: pages and components as documents, their chunks to the embedding queue
  indexDesignUpdates,
];

export const ProjectUpdateMessageSchema = z.object({ id: z.number().int().positive() });

/** Handles one batch of the project-updates queue. */
export async function consumeProjectUpdates(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  // every project's updates: the service database, audited like the routes' service paths
  const handle = serviceDbFromConfig(config, log, { reason: 'projection worker', route: 'queue:cogo-project-updates' }, 1);
  try {
    for (const msg of batch.messages) {
      const parsed = ProjectUpdateMessageSchema.safeParse(msg.body);
      if (!parsed.success) {
        log.warn('dropping malformed project update message', { messageId: msg.id });
        msg.ack();
        continue;
      }
      const { id } = parsed.data;
      const afterCommit: Array<() => Promise<unknown>> = [];
      const context: ProjectionContext = { config, log, afterCommit: (task) => afterCommit.push(task) };
      try {
        await handle.db.transaction(async (tx) => {
          const rows = await lockPendingUpTo(tx, id);
          if (rows.length === 0) return; // delivered before (a duplicate) or gone with its project
          for (const subscriber of PROJECTION_SUBSCRIBERS) await subscriber(tx, rows, context);
          await markDelivered(tx, rows.map((r) => r.id));
        });
        for (const task of afterCommit) {
          await task().catch((err: unknown) => log.warn('projection after-commit task failed', { updateId: id, error: describeError(err) }));
        }
        msg.ack();
      } catch (err) {
        log.error('project update not delivered; retrying', { updateId: id, attempts: msg.attempts, error: describeError(err) });
        await markFailed(handle.db, id, err instanceof Error ? err.message : String(err)).catch(() => undefined);
        msg.retry({ delaySeconds: Math.min(60, 2 ** msg.attempts) });
      }
    }
  } finally {
    await handle.close();
  }
}
