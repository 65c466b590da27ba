import { schema } from '@cogo/db';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, testDb } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

describe('tenancy of pages and jobs', () => {
  it("answers another project's page or job with 404, never the data", async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    const [page] = await handle.db.insert(schema.pages).values({ projectId: a.id, fileKey: 'F', nodeId: '1:1', name: 'Secret page' }).returning();
    const [job] = await handle.db.insert(schema.jobs).values({ projectId: a.id, kind: 'figma-context' }).returning();

    const mine = await api(`/pages/${page!.id}`, { key: a.key });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { name: string }).name).toBe('Secret page');
    expect((await api(`/jobs/${job!.id}`, { key: a.key })).status).toBe(200);

    for (const path of [`/pages/${page!.id}`, `/jobs/${job!.id}`]) {
      const res = await api(path, { key: b.key });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Secret page');
    }
    const list = (await (await api('/pages', { key: b.key })).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('pages through a list with a cursor, no item lost or repeated', async () => {
    const p = await createTestProject();
    await handle.db.insert(schema.pages).values(Array.from({ length: 7 }, (_, i) => ({ projectId: p.id, fileKey: 'F', nodeId: `2:${i}`, name: `P${i}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const body = (await (await api(`/pages${q}`, { key: p.key })).json()) as { items: Array<{ node_id: string }>; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.node_id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `2:${i}`).sort());
    expect((await api('/pages?cursor=garbage', { key: p.key })).status).toBe(400);
  });

  it('answers crafted cursors with 400 in the envelope, never 500', async () => {
    const p = await createTestProject();
    const enc = (v: unknown) => btoa(JSON.stringify(v)).replaceAll('=', '');
    const crafted = [
      enc(['2026-01-01T00:00:00.000Z', '-'.repeat(36)]),
      enc(['+275760-09-13T00:00:00.000Z', crypto.randomUUID()]),
      enc(['1970-01-01', crypto.randomUUID()]),
      enc(['2026-01-01T00:00:00.000Z', crypto.randomUUID(), 'extra']),
      enc({ a: 1 }),
      enc('x'),
      enc(null),
      '%E0%A4%A',
      '!!!!',
    ];
    for (const cursor of crafted) {
      const res = await api(`/pages?cursor=${cursor}`, { key: p.key });
      expect(res.status, cursor).toBe(400);
      const body = (await res.json()) as { error: { code: string; details: { issues: Array<{ path: string }> } } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.issues[0]!.path).toBe('query.cursor');
    }
  });
});
