// Notification settings and the event log of a project.
import type { Db } from '@cogo/db';
import { schema } from '@cogo/db';
import type { NotificationCategory, NotificationEvent, NotificationMode, NotificationSettings } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { audited, type ActionScope } from '../action';
import { modesOf } from './notify';
import * as repo from './notifications.repo';

async function slackState(db: Db, projectId: string): Promise<NotificationSettings['slack']> {
  const c = schema.designSyncCredentials;
  const [row] = await db.select({ status: c.status }).from(c).where(and(eq(c.projectId, projectId), eq(c.kind, 'slack'))).limit(1);
  return !row ? 'missing' : row.status === 'active' ? 'active' : 'disabled';
}

export async function settingsView(db: Db, projectId: string): Promise<NotificationSettings> {
  const [row, slack] = await Promise.all([repo.findSettings(db, projectId), slackState(db, projectId)]);
  return { categories: modesOf(row), digest_hour_utc: row?.digestHourUtc ?? 9, last_digest_at: row?.lastDigestAt?.toISOString() ?? null, slack };
}

export interface SettingsInput {
  categories?: Partial<Record<NotificationCategory, NotificationMode>> | undefined;
  digest_hour_utc?: number | undefined;
}

/** PUT /design-sync/notifications: merges the given categories into the saved ones. */
export function saveSettings(scope: ActionScope, input: SettingsInput): Promise<NotificationSettings> {
  return audited(scope, 'notifications.set', async () => {
    const db = scope.db();
    const row = await repo.findSettings(db, scope.projectId);
    const categories = { ...modesOf(row), ...(input.categories ?? {}) };
    await repo.upsertSettings(db, scope.projectId, categories, input.digest_hour_utc ?? row?.digestHourUtc ?? 9);
    return { result: await settingsView(db, scope.projectId), counts: { categories: Object.keys(input.categories ?? {}).length } };
  });
}

export function eventView(row: repo.EventRow): NotificationEvent {
  return {
    id: row.id,
    category: row.category as NotificationEvent['category'],
    status: row.status as NotificationEvent['status'],
    title: row.title,
    attempts: row.attempts,
    last_status: row.lastStatus,
    last_error: row.lastError,
    created_at: row.createdAt.toISOString(),
    sent_at: row.sentAt?.toISOString() ?? null,
  };
}

export async function eventsPage(db: Db, projectId: string, status: string | undefined, limit: number) {
  const [rows, failed] = await Promise.all([repo.listEvents(db, projectId, status, limit), repo.failedCount(db, projectId)]);
  return { events: rows.map(eventView), failed_total: failed };
}
