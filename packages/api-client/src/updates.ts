// Following the project's change feed (GET /projects/current/updates): where it stands now (latestUpdateId), every
// update after the last id seen (all pages read) and the id to follow from next; ChangeFollower puts them together
// for a UI that says what changed since it opened (the dashboard, the Figma plugin): it starts at the newest id, one
// check in flight at a time, and new settings (reset) make a check begun under the old ones change nothing.
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

/** The feed as a follower reads it. */
export interface UpdatesFeed {
  latest(): Promise<number>;
  since(after: number): Promise<{ items: ProjectUpdate[]; after: number }>;
}

/** The feed of the client's project. */
export const updatesFeed = (client: CogoClient): UpdatesFeed => ({ latest: () => latestUpdateId(client), since: (after) => readUpdatesSince(client, after) });

/** What a check found: nothing changed since the follower started, the changes since (in words), or a failure. */
export type FollowerNews = { kind: 'none' } | { kind: 'changes'; text: string; count: number; latestAt: string } | { kind: 'failed'; error: unknown };

export class ChangeFollower {
  private after: number | null = null;
  private seen: ProjectUpdate[] = [];
  private generation = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly report: (news: FollowerNews) => void) {}

  /** Starts over (new settings): the next check learns where the feed stands. */
  reset(): void {
    this.generation++;
    this.running = null;
    this.after = null;
    this.seen = [];
  }

  /** Reads what changed since the last check; `feed()` may throw (no key yet), which is reported like a failed read. */
  check(feed: () => UpdatesFeed): Promise<void> {
    if (this.running) return this.running;
    // cleared only while it is the one stored (a check that fails at once has not been stored yet)
    const run: Promise<void> = this.read(this.generation, feed).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async read(mine: number, feed: () => UpdatesFeed): Promise<void> {
    try {
      const f = feed();
      if (this.after === null) {
        const latest = await f.latest();
        if (mine !== this.generation) return;
        this.after = latest;
        return this.report({ kind: 'none' });
      }
      const got = await f.since(this.after);
      if (mine !== this.generation) return;
      this.after = got.after;
      this.seen.push(...got.items);
      // every check that reads says so (a UI showing a failure recovers on the next quiet check)
      if (this.seen.length === 0) return this.report({ kind: 'none' });
      this.report({ kind: 'changes', text: describeUpdates(this.seen), count: this.seen.length, latestAt: this.seen.at(-1)!.created_at });
    } catch (err) {
      if (mine === this.generation) this.report({ kind: 'failed', error: err });
    }
  }
}
