import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { publishUpdates } from './outbox';
import { latestUpdateId, listUpdates, undeliveredIds, type ProjectUpdateRow } from './updates.repo';
import { listUpdatesRoute, replayUpdatesRoute } from './updates.routes';

/** At most this many updates are re-sent by one replay call (`more: true` asks for another). */
const REPLAY_MAX = 10_000;

/** Public view of an outbox row. */
export function updateView(u: ProjectUpdateRow) {
  return {
    id: u.id,
    entity: u.entity,
    entity_id: u.entityId,
    operation: u.operation,
    content_hash: u.contentHash,
    version: u.version,
    trace_id: u.traceId,
    created_at: u.createdAt.toISOString(),
    delivered_at: u.deliveredAt?.toISOString() ?? null,
  };
}

/** The change feed and its replay. */
export const updatesRouter = createRouter()
  .openapi(listUpdatesRoute, async (c) => {
    const { after, limit } = c.req.valid('query');
    const db = c.get('db')();
    const { projectId } = principalOf(c);
    const rows = await listUpdates(db, projectId, Number(after ?? 0), limit + 1);
    const latest = await latestUpdateId(db, projectId);
    const items = rows.slice(0, limit);
    return c.json({ items: items.map(updateView), next_after: rows.length > limit ? String(items[items.length - 1]!.id) : null, latest_id: latest }, 200);
  })
  .openapi(replayUpdatesRoute, async (c) => {
    const { project_id, since } = c.req.valid('json');
    const ids = await undeliveredIds(c.get('serviceDb')('updates replay (admin)'), { projectId: project_id, since: since ? new Date(since) : undefined }, REPLAY_MAX + 1);
    const batch = ids.slice(0, REPLAY_MAX);
    if (!(await publishUpdates(c.get('config').PROJECT_UPDATES, batch, c.get('log')))) {
      throw new ApiError('SERVICE_UNAVAILABLE', 'the project-updates queue refused the replay; try again');
    }
    c.get('events').emit('project_updates_replayed', { count: batch.length, project_id: project_id ?? null, since: since ?? null }, { source: 'admin', projectId: project_id ?? null });
    return c.json({ sent: batch.length, more: ids.length > REPLAY_MAX }, 200);
  });
