import { projectGateName } from '../../durable-objects/names';
import type { AppConfig } from '../../env';
import { createRouter } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { principalOf, withholdFromReplay } from '../../middleware';
import { publishUpdates } from '../updates/outbox';
import * as repo from './projects.repo';
import * as service from './projects.service';
import { createKeyRoute, createProjectRoute, currentProjectRoute, listKeysRoute, revokeKeyRoute, rotateKeyRoute } from './projects.routes';

/**
 * Tells the project's gate first, then the database; the answer waits for the returned promise, which settles once
 * no isolate may still admit the key without asking its gate (at most KEY_TRUST_MS after the key's last lease), so
 * once the answer is sent no isolate admits the key. An id that turns out not to be a live key of the project stays
 * listed there harmlessly; a database failure after this leaves the key refused everywhere (no isolate trusts it
 * without a lease, and the gate refuses those), and a retry completes it.
 */
async function revokeInGate(config: AppConfig, projectId: string, keyId: string): Promise<() => Promise<void>> {
  const { settledAtMs } = await config.PROJECT_GATE.get(config.PROJECT_GATE.idFromName(projectGateName(projectId))).revokeKeys([keyId]);
  return () => new Promise((resolve) => setTimeout(resolve, Math.max(0, settledAtMs - Date.now())));
}

// answers holding a new key are marked with withholdFromReplay: an Idempotency-Key retry never sees the secret again
const issued = (i: service.IssuedKey) => ({ ...service.keyView(i.record), key: i.key });

/** Projects and API keys. */
export const projectsRouter = createRouter()
  .openapi(createProjectRoute, async (c) => {
    const { slug, name } = c.req.valid('json');
    const { project, issued: key, updateIds } = await service.createProject(c.get('serviceDb')('admin: create project'), slug, name, c.get('traceId'));
    await publishUpdates(c.get('config').PROJECT_UPDATES, updateIds, c.get('log'));
    c.get('events').emit('project_created', { slug }, { source: 'projects', projectId: project.id });
    c.get('events').emit('api_key_created', { prefix: key.record.prefix }, { source: 'keys', projectId: project.id });
    withholdFromReplay(c, { api_key_id: key.record.id, prefix: key.record.prefix, project_id: project.id });
    return c.json({ project: service.projectView(project), api_key: issued(key) }, 201);
  })
  .openapi(currentProjectRoute, async (c) => {
    const project = await repo.findProject(c.get('db')(), principalOf(c).projectId);
    if (!project) throw new ApiError('NOT_FOUND', 'project not found');
    return c.json(service.projectView(project), 200);
  })
  .openapi(listKeysRoute, async (c) => {
    const keys = await repo.listKeys(c.get('db')(), principalOf(c).projectId);
    return c.json({ items: keys.map(service.keyView) }, 200);
  })
  .openapi(createKeyRoute, async (c) => {
    const { name, expires_in_days } = c.req.valid('json');
    const key = await service.issueKey(c.get('db')(), principalOf(c).projectId, name, expires_in_days);
    c.get('events').emit('api_key_created', { prefix: key.record.prefix }, { source: 'keys' });
    withholdFromReplay(c, { api_key_id: key.record.id, prefix: key.record.prefix });
    return c.json(issued(key), 201);
  })
  .openapi(rotateKeyRoute, async (c) => {
    const { projectId } = principalOf(c);
    const { id } = c.req.valid('param');
    const settled = await revokeInGate(c.get('config'), projectId, id);
    const key = await service.rotateKey(c.get('db')(), projectId, id);
    await settled();
    c.get('events').emit('api_key_rotated', { prefix: key.record.prefix, replaced: key.record.rotatedFrom }, { source: 'keys' });
    withholdFromReplay(c, { api_key_id: key.record.id, prefix: key.record.prefix });
    return c.json(issued(key), 201);
  })
  .openapi(revokeKeyRoute, async (c) => {
    const { projectId } = principalOf(c);
    const { id } = c.req.valid('param');
    const settled = await revokeInGate(c.get('config'), projectId, id);
    const row = await service.revokeKey(c.get('db')(), projectId, id);
    await settled();
    c.get('events').emit('api_key_revoked', { prefix: row.prefix }, { source: 'keys' });
    return c.json(service.keyView(row), 200);
  });
