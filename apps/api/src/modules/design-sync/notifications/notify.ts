// notify(): how design-sync tells a project something. Per the project's settings (defaults until it saves any) a
// category is `off` (nothing recorded), `digest` (recorded for the daily digest) or `immediate` (recorded, and its id
// queued for the Slack consumer). The same (project, dedupe key) is recorded once: a retried run never sends twice.
import type { Db } from '@cogo/db';
import { DEFAULT_NOTIFICATION_MODES, type NotificationCategory, type NotificationMode } from '@cogo/types';
import { slackMessage } from './messages';
import * as repo from './notifications.repo';

export interface NotifyDeps {
  db: Db;
  queue: Queue<unknown>;
}

export interface NotifyInput {
  category: NotificationCategory;
  /** Once per project: e.g. `sync:<operation id>`, `credential_expiring:figma:2026-12-02`. */
  dedupeKey: string;
  title: string;
  lines: string[];
  fields?: Record<string, string>;
  traceId?: string;
}

/** The modes of a project: its saved choices over the defaults. */
export function modesOf(row: repo.SettingsRow | undefined): Record<NotificationCategory, NotificationMode> {
  return { ...DEFAULT_NOTIFICATION_MODES, ...((row?.categories ?? {}) as Partial<Record<NotificationCategory, NotificationMode>>) };
}

/** Records (and for `immediate`, queues) one notification; answers what happened to it. */
export async function notify(deps: NotifyDeps, projectId: string, n: NotifyInput): Promise<'off' | 'queued' | 'digest' | 'duplicate'> {
  const mode = modesOf(await repo.findSettings(deps.db, projectId))[n.category];
  if (mode === 'off') return 'off';
  const message = slackMessage({ category: n.category, title: n.title, lines: n.lines, fields: n.fields, traceId: n.traceId });
  const row = await repo.insertEvent(deps.db, {
    projectId,
    category: n.category,
    status: mode === 'immediate' ? 'queued' : 'digest',
    dedupeKey: n.dedupeKey.slice(0, 300),
    title: n.title.slice(0, 300),
    message: message as unknown as Record<string, unknown>,
    traceId: n.traceId ?? null,
  });
  if (!row) return 'duplicate';
  if (mode === 'digest') return 'digest';
  await deps.queue.send({ event_id: row.id });
  return 'queued';
}
