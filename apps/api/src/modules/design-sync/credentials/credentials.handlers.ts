import type { Context } from 'hono';
import { createRouter } from '../../../lib/openapi';
import { principalOf } from '../../../middleware';
import type { ActionScope } from '../action';
import { deleteCredentialRoute, listCredentialsRoute, putCredentialRoute } from './credentials.routes';
import { deleteCredential, listCredentials, putCredential } from './credentials.service';

function scopeOf(c: Context): ActionScope {
  const { projectId, actor } = principalOf(c);
  return { db: c.get('db'), projectId, actor, traceId: c.get('traceId'), log: c.get('log') };
}

/** Credentials of design-sync. */
export const designSyncCredentialsRouter = createRouter()
  .openapi(listCredentialsRoute, async (c) => c.json({ credentials: await listCredentials(c.get('db')(), principalOf(c).projectId) }, 200))
  .openapi(putCredentialRoute, async (c) => c.json(await putCredential(scopeOf(c), c.get('config'), c.req.valid('json')), 200))
  .openapi(deleteCredentialRoute, async (c) => {
    await deleteCredential(scopeOf(c), c.get('config'), c.req.valid('param').kind);
    return c.body(null, 204);
  });
