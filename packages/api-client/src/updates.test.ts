// ChangeFollower (the dashboard's and the Figma plugin's follower of the project's change feed): where it starts,
// what it reports, one check at a time, and checks begun under old settings or failing at once.
import { describe, expect, it } from 'vitest';
import { ChangeFollower, type FollowerNews, type ProjectUpdate, type UpdatesFeed } from './updates';

const update = (id: number, entity: ProjectUpdate['entity'], operation: ProjectUpdate['operation']): ProjectUpdate => ({
  id,
  entity,
  entity_id: '00000000-0000-4000-8000-000000000000',
  operation,
  content_hash: null,
  version: 1,
  trace_id: null,
  created_at: '2026-12-04T10:42:00.000Z',
  delivered_at: null,
});

/** A feed over a list of updates, recording the `after` of each read; `gate` holds reads until released. */
function feedOver(updates: ProjectUpdate[]) {
  const reads: Array<number | 'latest'> = [];
  let release: (() => void) | null = null;
  const gate = { hold: false };
  const wait = () => (gate.hold ? new Promise<void>((r) => (release = r)) : Promise.resolve());
  const feed: UpdatesFeed = {
    async latest() {
      reads.push('latest');
      await wait();
      return updates.at(-1)?.id ?? 0;
    },
    async since(after) {
      reads.push(after);
      await wait();
      const items = updates.filter((u) => u.id > after);
      return { items, after: items.at(-1)?.id ?? after };
    },
  };
  return { feed, reads, gate, release: () => release?.() };
}

describe('ChangeFollower', () => {
  it('starts at the tip, then reports what changed since, in words', async () => {
    const news: FollowerNews[] = [];
    const updates = [update(1, 'project', 'insert')];
    const { feed, reads } = feedOver(updates);
    const f = new ChangeFollower((n) => news.push(n));
    await f.check(() => feed);
    expect(news).toEqual([{ kind: 'none' }]);
    // a quiet check says so again
    await f.check(() => feed);
    expect(news).toEqual([{ kind: 'none' }, { kind: 'none' }]);
    updates.push(update(7, 'page', 'insert'), update(8, 'component', 'insert'), update(9, 'component', 'insert'));
    await f.check(() => feed);
    updates.push(update(12, 'component', 'update'));
    await f.check(() => feed);
    expect(reads).toEqual(['latest', 1, 1, 9]);
    expect(news.slice(2)).toEqual([
      { kind: 'changes', text: '2 components added, 1 page added', count: 3, latestAt: '2026-12-04T10:42:00.000Z' },
      { kind: 'changes', text: '2 components added, 1 component changed, 1 page added', count: 4, latestAt: '2026-12-04T10:42:00.000Z' },
    ]);
  });

  it('runs one check at a time; a reset makes a check begun before it change nothing', async () => {
    const news: FollowerNews[] = [];
    const { feed, reads, gate, release } = feedOver([update(3, 'project', 'insert')]);
    const f = new ChangeFollower((n) => news.push(n));
    gate.hold = true;
    const first = f.check(() => feed);
    expect(f.check(() => feed)).toBe(first);
    f.reset();
    gate.hold = false;
    const second = f.check(() => feed);
    release();
    await Promise.all([first, second]);
    // the old check's answer was dropped; the new one started over from the tip
    expect(reads).toEqual(['latest', 'latest']);
    expect(news).toEqual([{ kind: 'none' }]);
  });

  it('a check that fails at once (no key yet) is reported and does not block the next', async () => {
    const news: FollowerNews[] = [];
    const f = new ChangeFollower((n) => news.push(n));
    await f.check(() => {
      throw new Error('Save your COGO API key first (Settings).');
    });
    expect(news).toEqual([{ kind: 'failed', error: new Error('Save your COGO API key first (Settings).') }]);
    const { feed } = feedOver([]);
    await f.check(() => feed);
    expect(news.at(-1)).toEqual({ kind: 'none' });
  });
});
