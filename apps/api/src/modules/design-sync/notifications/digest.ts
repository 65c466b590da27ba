// The daily digest (cron, every minute): a project whose digest hour (UTC) has come, that has not had today's
// digest, and has events waiting gets ONE Slack message counting them by category with their titles; the events
// become `digested`. The digest is itself an event (dedupe `digest:<day>`), sent by the same consumer.
import type { Db } from '@cogo/db';
import { NOTIFICATION_CATEGORIES } from '@cogo/types';
import { readConfig, type Bindings } from '../../../env';
import { serviceDbFromConfig, tenantDb } from '../../../lib/db';
import { createLogger, describeError } from '../../../lib/logger';
import { slackMessage } from './messages';
import * as repo from './notifications.repo';

/** Projects handled by one tick; the rest the next minute. */
const PROJECTS_PER_TICK = 50;
const TITLES = 20;

/** Today's digest time of a project: `hour`:00 UTC of `now`'s day. */
const digestTime = (now: Date, hour: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));

/** Sends the digests that are due; answers how many were queued. */
export async function sendDigests(env: Bindings, now: Date): Promise<number> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { cron: 'design-sync-digest' });
  const service = serviceDbFromConfig(config, log, { reason: 'design-sync digest: finds projects with events waiting', route: 'cron:design-sync-digest' }, 1);
  let projects: string[];
  try {
    projects = await repo.projectsDueForDigest(service.db, now, PROJECTS_PER_TICK);
  } finally {
    await service.close();
  }
  let sent = 0;
  for (const projectId of projects) {
    const handle = tenantDb(config, projectId, 1);
    try {
      if (await digestProject(handle.db, config.NOTIFY_QUEUE, projectId, now)) sent++;
    } catch (err) {
      log.error('design sync digest failed', { projectId, ...describeError(err) });
    } finally {
      await handle.close();
    }
  }
  return sent;
}

async function digestProject(db: Db, queue: Queue<unknown>, projectId: string, now: Date): Promise<boolean> {
  const settings = await repo.findSettings(db, projectId);
  const due = digestTime(now, settings?.digestHourUtc ?? 9);
  if (now < due || (settings?.lastDigestAt && settings.lastDigestAt >= due)) return false;
  const events = await repo.digestEvents(db, projectId, now);
  if (events.length === 0) return false;
  const day = due.toISOString().slice(0, 10);
  const counts = NOTIFICATION_CATEGORIES.map((c) => [c, events.filter((e) => e.category === c).length] as const).filter(([, n]) => n > 0);
  const lines = events.slice(0, TITLES).map((e) => `• ${e.title}`);
  if (events.length > TITLES) lines.push(`…and ${events.length - TITLES} more`);
  const title = `Design-sync digest ${day}: ${events.length} update${events.length === 1 ? '' : 's'}`;
  const message = slackMessage({ category: 'digest', title, lines, fields: Object.fromEntries(counts.map(([c, n]) => [c.replaceAll('_', ' '), String(n)])) });
  const row = await db.transaction(async (tx) => {
    const inserted = await repo.insertEvent(tx, { projectId, category: 'digest', status: 'queued', dedupeKey: `digest:${day}`, title, message: message as unknown as Record<string, unknown>, traceId: null });
    await repo.markDigested(tx, events.map((e) => e.id));
    await repo.setLastDigest(tx, projectId, now);
    return inserted;
  });
  if (!row) return false;
  await queue.send({ event_id: row.id });
  return true;
}
