// Issue 9: the outbox. Every committed change to user-owned data has exactly one `cogo.project_updates` row,
// written in its transaction (a rolled-back change has none), and `GET /projects/current/updates` follows them.
import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, runFigmaJob, testDb } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const apply = (key: string, body: unknown) => api('/figma-context/apply', { method: 'POST', key, json: body });
const comp = (node_id: string, name = `n${node_id}`) => ({ node_id, name, type: 'COMPONENT' });

async function outboxOf(projectId: string) {
  const u = schema.projectUpdates;
  return handle.db.select().from(u).where(eq(u.projectId, projectId)).orderBy(asc(u.id));
}

async function jobFor() {
  const p = await createTestProject();
  const { job } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x` });
  return { p, jobId: job.job_id };
}

interface FeedPage {
  items: Array<{ id: number; entity: string; entity_id: string; operation: string; version: number; content_hash: string | null; trace_id: string | null }>;
  next_after: string | null;
  latest_id: number;
}

describe('the outbox: one row per committed change', () => {
  it('records a project creation, then each page/component inserted, updated or deleted — and nothing for an unchanged apply', async () => {
    const { p, jobId } = await jobFor();
    const created = await outboxOf(p.id);
    expect(created.map((r) => [r.entity, r.entityId, r.operation, r.version])).toEqual([['project', p.id, 'insert', 1]]);

    const trace = crypto.randomUUID().replaceAll('-', '');
    const page = (components: unknown[]) => ({ node_id: '9:0', name: 'P', components });
    const first = await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: jobId, page: page([comp('9:1'), comp('9:2')]) }, headers: { 'x-trace-id': trace } });
    expect(first.status).toBe(200);
    const afterFirst = (await outboxOf(p.id)).slice(1);
    expect(afterFirst.map((r) => [r.entity, r.operation, r.version, r.traceId])).toEqual([
      ['page', 'insert', 1, trace],
      ['component', 'insert', 1, trace],
      ['component', 'insert', 1, trace],
    ]);
    // content_hash is the stored row's
    const stored = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id));
    const hashOf = new Map(stored.map((s) => [s.id, s.contentHash]));
    for (const r of afterFirst.slice(1)) expect(r.contentHash).toBe(hashOf.get(r.entityId));

    // the same data again changes no row, so it records nothing
    expect((await apply(p.key, { job_id: jobId, page: page([comp('9:1'), comp('9:2')]) })).status).toBe(200);
    expect(await outboxOf(p.id)).toHaveLength(4);

    // 9:1 renamed, 9:2 gone (replace mode), page renamed: one row each, versions going up per entity
    expect((await apply(p.key, { job_id: jobId, page: { node_id: '9:0', name: 'P2', components: [comp('9:1', 'renamed')] } })).status).toBe(200);
    const later = (await outboxOf(p.id)).slice(4);
    const c1 = stored.find((s) => s.nodeId === '9:1')!;
    const c2 = stored.find((s) => s.nodeId === '9:2')!;
    expect(later.map((r) => [r.entity, r.entityId, r.operation, r.version])).toEqual([
      ['page', afterFirst[0]!.entityId, 'update', 2],
      ['component', c1.id, 'update', 2],
      ['component', c2.id, 'delete', 2],
    ]);
    const [c1now] = await handle.db.select().from(schema.components).where(eq(schema.components.id, c1.id));
    expect(later[1]!.contentHash).toBe(c1now!.contentHash);
    expect(later[2]!.contentHash).toBe(c2.contentHash);
    expect(later.every((r) => r.deliveredAt === null && r.attempts === 0)).toBe(true);
  });

  it('records nothing for a transaction that rolls back', async () => {
    const { p, jobId } = await jobFor();
    const fn = `cogo_test_outbox_${p.id.replaceAll('-', '')}`;
    await handle.db.execute(sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
      if new.node_id = '9:666' and new.project_id = '${p.id}' then raise exception 'refused by test'; end if; return new; end $$`));
    await handle.db.execute(sql.raw(`create trigger ${fn} before insert on components for each row execute function ${fn}()`));
    try {
      // the page and 9:1 are written before the failing row: all of it, outbox rows included, rolls back
      const failed = await apply(p.key, { job_id: jobId, page: { node_id: '9:0', name: 'P', components: [comp('9:1'), comp('9:666')] } });
      expect(failed.status).toBe(500);
      expect((await outboxOf(p.id)).map((r) => r.entity)).toEqual(['project']);
      expect(await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id))).toEqual([]);
    } finally {
      await handle.db.execute(sql.raw(`drop trigger ${fn} on components`));
      await handle.db.execute(sql.raw(`drop function ${fn}()`));
    }
  });
});

describe('GET /projects/current/updates', () => {
  it("pages the project's own updates by id with after/limit, and another project sees none of them", async () => {
    const { p, jobId } = await jobFor();
    const other = await createTestProject();
    expect((await apply(p.key, { job_id: jobId, page: { node_id: '9:0', name: 'P', components: [comp('9:1'), comp('9:2'), comp('9:3')] } })).status).toBe(200);
    const all = await outboxOf(p.id);
    expect(all).toHaveLength(5);

    const seen: FeedPage['items'] = [];
    let after: string | null = '0';
    let pages = 0;
    while (after !== null) {
      const res = await api(`/projects/current/updates?after=${after}&limit=2`, { key: p.key });
      expect(res.status).toBe(200);
      const body = (await res.json()) as FeedPage;
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items);
      after = body.next_after;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.map((s) => s.id)).toEqual(all.map((r) => r.id));
    expect(seen[0]).toMatchObject({ entity: 'project', entity_id: p.id, operation: 'insert', version: 1 });

    // following from the last id seen returns nothing new; every page names the feed's newest id (a follower starting
    // now asks for one item and follows from it)
    const tail = (await (await api(`/projects/current/updates?after=${all.at(-1)!.id}`, { key: p.key })).json()) as FeedPage;
    expect(tail).toEqual({ items: [], next_after: null, latest_id: all.at(-1)!.id });
    const first = (await (await api('/projects/current/updates?limit=1', { key: p.key })).json()) as FeedPage;
    expect([first.items.length, first.latest_id]).toEqual([1, all.at(-1)!.id]);

    // the other project's feed holds its own creation only, never p's rows
    const theirs = (await (await api('/projects/current/updates', { key: other.key })).json()) as FeedPage;
    expect(theirs.items.map((i) => [i.entity, i.entity_id])).toEqual([['project', other.id]]);
    expect(theirs.latest_id).toBe(theirs.items[0]!.id);
  });

  it('refuses a bad cursor or limit with 400 in the error envelope', async () => {
    const p = await createTestProject();
    for (const q of ['after=abc', 'after=-1', 'after=1.5', 'after=99999999999999999999', 'limit=0', 'limit=501']) {
      const res = await api(`/projects/current/updates?${q}`, { key: p.key });
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; requestId: string; details?: unknown } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.requestId).toBeTruthy();
      expect(JSON.stringify(body.error.details), q).toContain(q.startsWith('after') ? 'query.after' : 'query.limit');
    }
  });

  it('needs a key', async () => {
    expect((await api('/projects/current/updates')).status).toBe(401);
  });
});
