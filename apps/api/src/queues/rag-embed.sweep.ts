// The cron sweep of RAG (every minute, with the outbox sweep): chunks still waiting for a vector
// RAG_SWEEP_AFTER_MS after they were last staged or sent — their send was lost, or the Worker died between commit
// and send — go to the embedding queue again (claimed by touching `updated_at`, so the next run waits again). A
// chunk only slow in the queue is sent twice at worst; the consumer embeds only chunks still pending.
import { readConfig, type Bindings } from '../env';
import { serviceDbFromConfig } from '../lib/db';
import { createLogger } from '../lib/logger';
import { newTraceId } from '../lib/trace';
import { enqueueEmbeds } from '../modules/rag/rag-embed-queue';
import { claimStalePending } from '../modules/rag/rag-queue.repo';

/** How long a pending chunk may wait for its own message before the sweep sends it again. */
export const RAG_SWEEP_AFTER_MS = 10 * 60_000;
const LIMIT = 5_000;

/** Sends stale pending chunks again, grouped by project and job; returns how many were sent. */
export async function sweepPendingEmbeds(env: Bindings, now: Date): Promise<number> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { cron: 'rag-embed-sweep' });
  const handle = serviceDbFromConfig(config, log, { reason: 'rag embedding sweep', route: 'cron:rag-embed-sweep' }, 1);
  try {
    const stale = await claimStalePending(handle.db, new Date(now.getTime() - RAG_SWEEP_AFTER_MS), LIMIT);
    const groups = new Map<string, { projectId: string; jobId: string | null; ids: string[] }>();
    for (const row of stale) {
      const key = `${row.projectId}/${row.jobId ?? ''}`;
      const group = groups.get(key) ?? { projectId: row.projectId, jobId: row.jobId, ids: [] };
      group.ids.push(row.id);
      groups.set(key, group);
    }
    let sent = 0;
    for (const g of groups.values()) {
      const traceId = newTraceId();
      if (await enqueueEmbeds(config.EMBED_QUEUE, { projectId: g.projectId, jobId: g.jobId, traceId, chunkIds: g.ids }, config.EMBED_MAX_BATCH, log)) sent += g.ids.length;
    }
    if (sent) log.warn('resent pending chunks to the embedding queue', { count: sent });
    return sent;
  } finally {
    await handle.close();
  }
}
