// Following the project's change feed (GET /projects/current/updates): where it stands now (latestUpdateId), every
// update after the last id seen (all pages read) and the id to follow from next. A follower starts at the newest id
// and polls with the last one it saw (the dashboard, the Figma plugin).
import type { CogoClient } from './index';
import { CogoApiError, isErrorEnvelope } from './errors';
import type { components } from './schema';

export type ProjectUpdate = components['schemas']['ProjectUpdate'];

/** What the feed held after `after`: the updates, oldest first, and the id to pass next time. */
export interface UpdatesSince {
  items: ProjectUpdate[];
  after: number;
}

/** The feed's newest id now: a follower starting now reads from it (one small request, whatever the history). */
export async function latestUpdateId(client: CogoClient): Promise<number> {
  const { data, error, response } = await client.GET('/projects/current/updates', { params: { query: { limit: 1 } } });
  if (error !== undefined || !data) throw new CogoApiError(response.status, isErrorEnvelope(error) ? error : undefined);
  return data.latest_id;
}

/** Reads every update after `after` (pages of `limit`, at most `maxPages`, then the rest on the next call). */
export async function readUpdatesSince(client: CogoClient, after: number, options: { limit?: number; maxPages?: number } = {}): Promise<UpdatesSince> {
  const items: ProjectUpdate[] = [];
  let cursor = after;
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const { data, error, response } = await client.GET('/projects/current/updates', { params: { query: { after: String(cursor), limit: options.limit ?? 500 } } });
    if (error !== undefined || !data) throw new CogoApiError(response.status, isErrorEnvelope(error) ? error : undefined);
    items.push(...data.items);
    cursor = data.items.at(-1)?.id ?? cursor;
    if (data.next_after === null) break;
  }
  return { items, after: cursor };
}

/** "2 pages added, 1 component changed": a feed's updates counted by entity and operation, most first. */
export function describeUpdates(items: readonly Pick<ProjectUpdate, 'entity' | 'operation'>[]): string {
  const NOUN: Record<ProjectUpdate['entity'], string> = { page: 'page', project_page: 'project page', component: 'component', project: 'project', token_version: 'token version', action_flow: 'action flow' };
  const VERB: Record<ProjectUpdate['operation'], string> = { insert: 'added', update: 'changed', delete: 'removed' };
  const counts = new Map<string, number>();
  for (const u of items) {
    const key = `${u.entity} ${u.operation}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => {
      const [entity, op] = key.split(' ') as [ProjectUpdate['entity'], ProjectUpdate['operation']];
      return `${n} ${NOUN[entity]}${n === 1 ? '' : 's'} ${VERB[op]}`;
    })
    .join(', ');
}
