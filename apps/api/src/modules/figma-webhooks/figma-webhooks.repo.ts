// Queries of figma_webhooks and figma_webhook_deliveries, and the one write into the version cache's index a
// delivery makes (dropping a file's entries: the cache's own module only ever reads and adds).
import { schema, type Db } from '@cogo/db';
import { and, desc, eq } from 'drizzle-orm';

export type WebhookRow = typeof schema.figmaWebhooks.$inferSelect;
export type NewWebhookRow = typeof schema.figmaWebhooks.$inferInsert;
export type NewDeliveryRow = typeof schema.figmaWebhookDeliveries.$inferInsert;

/** Stores a webhook Figma created. */
export async function insertWebhook(db: Db, row: NewWebhookRow): Promise<WebhookRow> {
  const [created] = await db.insert(schema.figmaWebhooks).values(row).returning();
  return created!;
}

/** The project's webhooks, newest first. */
export function listWebhooks(db: Db, projectId: string): Promise<WebhookRow[]> {
  return db.select().from(schema.figmaWebhooks).where(eq(schema.figmaWebhooks.projectId, projectId)).orderBy(desc(schema.figmaWebhooks.createdAt));
}

/** One webhook of the project, or null (another project's is null too). */
export async function findProjectWebhook(db: Db, projectId: string, id: string): Promise<WebhookRow | null> {
  const rows = await db
    .select()
    .from(schema.figmaWebhooks)
    .where(and(eq(schema.figmaWebhooks.projectId, projectId), eq(schema.figmaWebhooks.id, id)));
  return rows[0] ?? null;
}

/** The webhook a delivery names by Figma's id, or null. */
export async function findByFigmaId(db: Db, figmaWebhookId: string): Promise<WebhookRow | null> {
  const rows = await db.select().from(schema.figmaWebhooks).where(eq(schema.figmaWebhooks.figmaWebhookId, figmaWebhookId));
  return rows[0] ?? null;
}

/** Deletes a webhook (its deliveries go with it). */
export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await db.delete(schema.figmaWebhooks).where(eq(schema.figmaWebhooks.id, id));
}

/**
 * Records a delivery and, when it is new, drops the file's cache entries — in one transaction, so a failure
 * leaves nothing recorded and Figma's retry does the work. Null: this delivery was recorded before (a replay).
 */
export async function recordDelivery(db: Db, delivery: NewDeliveryRow, dropFileKey: string | null): Promise<{ deliveryId: string; droppedR2Keys: string[]; dropped: number } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(schema.figmaWebhookDeliveries).values(delivery).onConflictDoNothing().returning({ id: schema.figmaWebhookDeliveries.id });
    if (!row) return null;
    await tx.update(schema.figmaWebhooks).set({ lastEventAt: new Date() }).where(eq(schema.figmaWebhooks.id, delivery.webhookId));
    if (dropFileKey === null) return { deliveryId: row.id, droppedR2Keys: [], dropped: 0 };
    const dropped = await tx
      .delete(schema.figmaCacheEntries)
      .where(eq(schema.figmaCacheEntries.fileKey, dropFileKey))
      .returning({ r2Key: schema.figmaCacheEntries.r2Key });
    return { deliveryId: row.id, droppedR2Keys: dropped.flatMap((d) => (d.r2Key ? [d.r2Key] : [])), dropped: dropped.length };
  });
}

/** Sets the version the file had after a delivery's event. */
export async function setDeliveryVersion(db: Db, deliveryId: string, version: string): Promise<void> {
  await db.update(schema.figmaWebhookDeliveries).set({ fileVersion: version }).where(eq(schema.figmaWebhookDeliveries.id, deliveryId));
}
