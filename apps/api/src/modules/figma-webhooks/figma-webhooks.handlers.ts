import type { Context } from 'hono';
import type { DbHandle } from '@cogo/db';
import { serviceDbFromConfig } from '../../lib/db';
import { describeError } from '../../lib/logger';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { onFigmaFileChanged } from '../design-sync/schedule/schedule.sweep';
import { figmaClientFor } from '../figma-context/figma-context.outbound';
import { figmaWebhooksClient } from './figma-webhooks.client';
import * as repo from './figma-webhooks.repo';
import { deleteWebhookRoute, listWebhooksRoute, receiveWebhookRoute, registerWebhookRoute } from './figma-webhooks.routes';
import { receiveDelivery, RECEIVER_PATH, registerWebhook, unregisterWebhook, webhookView, type WebhooksContext } from './figma-webhooks.service';
import { figmaTokenOfProject } from './figma-webhooks.token';

/** Runs work after the response when there is an execution context (Workers), else before it (app.request in tests). */
function later(c: Context, work: () => Promise<void>): Promise<void> | undefined {
  try {
    c.executionCtx.waitUntil(work());
    return undefined;
  } catch {
    return work();
  }
}

const RECEIVER_REASON = 'figma webhook receiver: finds the webhook, and so its project, by Figma id';

/** `db` is the caller's tenant database, except for the receiver, which has no caller (RECEIVER_REASON). */
function webhooksContext(c: Context, pending: Array<Promise<void>> = [], db = c.get('db')()): WebhooksContext {
  return {
    db,
    emit: (type, payload, projectId) => c.get('events').emit(type, payload, { source: 'figma-webhooks', projectId }),
    later: (work) => {
      const p = later(c, work);
      if (p) pending.push(p);
    },
  };
}

const clientFor = async (c: Context, projectId: string) => figmaWebhooksClient(c.get('config'), await figmaTokenOfProject(c, projectId), c.get('traceId'));

/** Figma webhook routes: registration (project routes) and the public receiver. */
export const figmaWebhooksRouter = createRouter()
  .openapi(registerWebhookRoute, async (c) => {
    const projectId = principalOf(c).projectId;
    const receiverUrl = new URL(RECEIVER_PATH, c.req.url).toString();
    const view = await registerWebhook(webhooksContext(c), await clientFor(c, projectId), projectId, c.req.valid('json'), receiverUrl);
    return c.json(view, 201);
  })
  .openapi(listWebhooksRoute, async (c) => {
    const rows = await repo.listWebhooks(c.get('db')(), principalOf(c).projectId);
    return c.json({ items: rows.map(webhookView) }, 200);
  })
  .openapi(deleteWebhookRoute, async (c) => {
    const projectId = principalOf(c).projectId;
    const view = await unregisterWebhook(webhooksContext(c), () => clientFor(c, projectId), projectId, c.req.valid('param').id);
    return c.json(view, 200);
  })
  .openapi(receiveWebhookRoute, async (c) => {
    const config = c.get('config');
    const log = c.get('log');
    const pending: Array<Promise<void>> = [];
    // the follow-up runs after the answer, when the request's connection is closed: it opens its own
    let own: DbHandle | undefined;
    const ownDb = () => (own ??= serviceDbFromConfig(config, log, { reason: RECEIVER_REASON, route: RECEIVER_PATH })).db;
    const ctx = webhooksContext(c, pending, c.get('serviceDb')(RECEIVER_REASON));
    const receipt = await receiveDelivery(
      {
        ...ctx,
        later: (work) =>
          ctx.later(async () => {
            try {
              await work();
            } finally {
              await own?.close();
            }
          }),
      },
      {
        fileVersion: async (projectId, fileKey) => {
          const figma = figmaClientFor(config, await figmaTokenOfProject(c, projectId, ownDb()), c.get('traceId'), undefined, () => 30_000);
          const version = (await figma.meta(fileKey)).file?.version;
          return typeof version === 'string' && version.length > 0 ? version : null;
        },
        recordVersion: (deliveryId, version) => repo.setDeliveryVersion(ownDb(), deliveryId, version),
        dropBytes: async (keys) => {
          for (let i = 0; i < keys.length; i += 1000) await config.FIGMA_CACHE.delete(keys.slice(i, i + 1000));
        },
        fileChanged: async (projectId, fileKey) => {
          await onFigmaFileChanged(config, log, projectId, fileKey);
        },
        onError: (err) => log.warn('figma webhook follow-up failed', { error: describeError(err) }),
      },
      c.req.valid('json'),
    );
    await Promise.all(pending);
    return c.json(receipt, 200);
  });
