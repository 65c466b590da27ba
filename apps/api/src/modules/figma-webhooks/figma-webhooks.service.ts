// Figma webhooks (issue 8).
// Registration: a project asks for FILE_UPDATE / LIBRARY_PUBLISH on a file, project or team; COGO generates the
// passcode (never shown to anyone, stored only as its SHA-256), creates the webhook in Figma with the project's
// token (Tier 2 `POST /v2/webhooks`) pointing at this API's public receiver, and keeps it under the project.
// Receiving (`POST /figma/webhooks`, public: Figma calls it): the webhook is found by Figma's `webhook_id`, the
// passcode's hash compared in constant time (401 when it differs, 404 for an unknown webhook). A delivery is
// keyed by the SHA-256 of its payload without the passcode (webhook id, timestamp, event, file, items): Figma
// retries a delivery it thinks failed with the same payload, so a key seen before is acknowledged with 200
// `duplicate: true` and does nothing again (a 409 would make Figma retry it, 3 times). A new FILE_UPDATE or
// LIBRARY_PUBLISH drops every version-cache entry of the file (the payload names no version; the next start's
// /meta finds the new one, and a file edited after its last job is never served from an old version anyway) and
// goes to bus_events (`figma_file_updated`, `figma_library_published`) for design-sync and notifications. The
// answer is sent at once; the file's new version is asked afterwards (waitUntil) with the project's token and
// recorded on the delivery; the dropped entries' bytes are deleted from R2 then too (a job that stored the same
// bytes meanwhile only loses them: an index row whose bytes are gone is a miss, fetched and stored again).
import type { FigmaWebhook, FigmaWebhookDelivery, FigmaWebhookReceipt, RegisterFigmaWebhook } from '@cogo/types';
import type { Db } from '@cogo/db';
import { canonicalJson } from '@cogo/types';
import { randomToken, sha256Hex, timingSafeEqual } from '../../lib/crypto';
import { ApiError } from '../../lib/errors';
import type { FigmaWebhooksApi } from './figma-webhooks.client';
import * as repo from './figma-webhooks.repo';

/** The receiver's path (Figma's webhooks POST here). */
export const RECEIVER_PATH = '/figma/webhooks';

/** Events that change a file's content: they drop its cache and go to bus_events under these types. */
const ACTED_ON: Record<string, string> = { FILE_UPDATE: 'figma_file_updated', LIBRARY_PUBLISH: 'figma_library_published' };

/** What the service needs from the request, without knowing Hono. */
export interface WebhooksContext {
  db: Db;
  emit: (type: string, payload: Record<string, unknown>, projectId: string) => void;
  /** Runs work after the answer is sent. */
  later: (work: () => Promise<void>) => void;
}

/** A webhook row as the API shows it. */
export function webhookView(row: repo.WebhookRow): FigmaWebhook {
  return {
    id: row.id,
    figma_webhook_id: row.figmaWebhookId,
    event_type: row.eventType as FigmaWebhook['event_type'],
    context: row.context as FigmaWebhook['context'],
    context_id: row.contextId,
    endpoint: row.endpoint,
    status: row.status,
    description: row.description,
    last_event_at: row.lastEventAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/** Creates the webhook in Figma, then stores it; if storing fails the Figma webhook is deleted again. */
export async function registerWebhook(ctx: WebhooksContext, figma: FigmaWebhooksApi, projectId: string, input: RegisterFigmaWebhook, receiverUrl: string): Promise<FigmaWebhook> {
  const passcode = randomToken(48); // 240 bits: a plain SHA-256 of it cannot be guessed back
  const created = await figma.create({
    event_type: input.event_type,
    context: input.context,
    context_id: input.context_id,
    endpoint: receiverUrl,
    passcode,
    ...(input.description ? { description: input.description } : {}),
  });
  try {
    const row = await repo.insertWebhook(ctx.db, {
      projectId,
      figmaWebhookId: String(created.id),
      eventType: input.event_type,
      context: input.context,
      contextId: input.context_id,
      endpoint: created.endpoint || receiverUrl,
      passcodeHash: await sha256Hex(passcode),
      status: created.status ?? 'ACTIVE',
      description: input.description ?? null,
    });
    ctx.emit('figma_webhook_registered', { webhook_id: row.id, figma_webhook_id: row.figmaWebhookId, event_type: row.eventType, context: row.context, context_id: row.contextId }, projectId);
    return webhookView(row);
  } catch (err) {
    await figma.remove(String(created.id)).catch(() => false); // no webhook in Figma that COGO does not know
    throw err;
  }
}

/** Deletes one of the project's webhooks in Figma (already gone there is fine) and here; another project's is 404. */
export async function unregisterWebhook(ctx: WebhooksContext, figma: (row: repo.WebhookRow) => Promise<FigmaWebhooksApi>, projectId: string, id: string): Promise<FigmaWebhook> {
  const row = await repo.findProjectWebhook(ctx.db, projectId, id);
  if (!row) throw new ApiError('NOT_FOUND', 'no such webhook in this project');
  const existed = await (await figma(row)).remove(row.figmaWebhookId);
  await repo.deleteWebhook(ctx.db, row.id);
  ctx.emit('figma_webhook_deleted', { webhook_id: row.id, figma_webhook_id: row.figmaWebhookId, existed_in_figma: existed }, projectId);
  return webhookView(row);
}

/** Follow-up work after a delivery is acknowledged: learn the file's version, delete the dropped bytes. */
export interface AfterDelivery {
  fileVersion: (projectId: string, fileKey: string) => Promise<string | null>;
  /** Records it on the delivery (with a connection of its own: the request's is closed by then). */
  recordVersion: (deliveryId: string, version: string) => Promise<void>;
  dropBytes: (r2Keys: string[]) => Promise<void>;
  /** design-sync's drift check for a mapped file (its schedule's `on_file_update`). */
  fileChanged?: (projectId: string, fileKey: string) => Promise<void>;
  onError: (err: unknown) => void;
}

/** Item lists kept in a bus event (a queue message holds 128 KB; a library publish may list thousands). */
const EVENT_LIST_MAX = 100;

/** The payload with every list cut at EVENT_LIST_MAX items, its full length in `<key>_count`. */
function boundedLists(content: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(content)) {
    if (Array.isArray(value)) {
      out[key] = value.slice(0, EVENT_LIST_MAX);
      out[`${key}_count`] = value.length;
    } else out[key] = value;
  }
  return out;
}

/** Handles one delivery from Figma (see the file header for the rules). */
export async function receiveDelivery(ctx: WebhooksContext, after: AfterDelivery, payload: FigmaWebhookDelivery): Promise<FigmaWebhookReceipt> {
  const hook = await repo.findByFigmaId(ctx.db, payload.webhook_id);
  if (!hook) throw new ApiError('NOT_FOUND', 'no such webhook');
  if (!timingSafeEqual(await sha256Hex(payload.passcode), hook.passcodeHash)) throw new ApiError('UNAUTHORIZED', 'the passcode does not match this webhook');

  const { passcode: _passcode, ...content } = payload;
  const fileKey = typeof payload.file_key === 'string' && payload.file_key.length > 0 ? payload.file_key : null;
  const eventType = ACTED_ON[payload.event_type];
  const acts = eventType !== undefined && fileKey !== null;
  const recorded = await repo.recordDelivery(
    ctx.db,
    { webhookId: hook.id, projectId: hook.projectId, deliveryKey: await sha256Hex(canonicalJson(content)), eventType: payload.event_type, fileKey, figmaTimestamp: payload.timestamp },
    acts ? fileKey : null,
  );
  if (!recorded) return { received: true, duplicate: true, action: 'duplicate', file_key: fileKey, cache_entries_dropped: 0 };
  if (!acts) return { received: true, duplicate: false, action: 'ignored', file_key: fileKey, cache_entries_dropped: 0 };

  ctx.emit(
    eventType,
    {
      ...boundedLists(content),
      webhook_id: hook.id,
      figma_webhook_id: hook.figmaWebhookId,
      cache_entries_dropped: recorded.dropped,
    },
    hook.projectId,
  );
  ctx.later(async () => {
    try {
      if (recorded.droppedR2Keys.length > 0) await after.dropBytes(recorded.droppedR2Keys);
      const version = await after.fileVersion(hook.projectId, fileKey);
      if (version) await after.recordVersion(recorded.deliveryId, version);
    } catch (err) {
      after.onError(err); // the delivery is done: a version not learned is asked by the next start's /meta anyway
    }
    try {
      await after.fileChanged?.(hook.projectId, fileKey);
    } catch (err) {
      after.onError(err); // a drift check not run now runs with the nightly schedule
    }
  });
  return { received: true, duplicate: false, action: 'invalidated', file_key: fileKey, cache_entries_dropped: recorded.dropped };
}
