// applyFigmaPage (packages/api-client) against the real Worker: batches of ≤ 300 with deterministic
// Idempotency-Keys, so a batch whose answer was lost is retried and still applied once.
import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { CogoApiError } from '../../../../packages/api-client/src/errors';
import { applyFigmaPage, applyIdempotencyKey } from '../../../../packages/api-client/src/figma-apply';
import { startFigmaJob } from '../../../../packages/api-client/src/figma-jobs';
import type { ApplyComponent } from '../../../../packages/api-client/src/figma-types';
import { createTestProject, testDb } from '../helpers';
import { connection, workerTransport, type TransportFault } from './client-helpers';

const handle = testDb();
afterAll(() => handle.close());

const components = (n: number): ApplyComponent[] => Array.from({ length: n }, (_, i) => ({ node_id: `9:${i}`, name: `C${i}`, type: 'COMPONENT' }));

async function setup(faults?: (n: number, path: string) => TransportFault | undefined) {
  const p = await createTestProject();
  const transport = workerTransport(faults ? { faults } : {});
  const sleeps: number[] = [];
  const conn = connection(p.key, transport, sleeps);
  const { job_id } = await startFigmaJob(conn, { file_key: SAMPLE_FILE_KEY });
  const applies = () => transport.requests.filter((r) => r.path === '/figma-context/apply');
  const stored = async (pageNodeId: string) => {
    const [page] = await handle.db.select().from(schema.pages).where(and(eq(schema.pages.projectId, p.id), eq(schema.pages.nodeId, pageNodeId)));
    return page ? handle.db.select().from(schema.components).where(eq(schema.components.pageId, page.id)) : [];
  };
  return { p, conn, sleeps, jobId: job_id, applies, stored };
}

describe('applyFigmaPage against the Worker', () => {
  it('splits 650 components into batches of 300, 300 and 50 with deterministic keys, and sums the results', async () => {
    const { conn, jobId, applies, stored } = await setup();
    const page = { node_id: '1:2', name: 'Checkout', components: components(650) };
    const result = await applyFigmaPage(conn, { jobId, page });

    const calls = applies();
    const sent = (r: (typeof calls)[number]) => r.body as { page: { components: ApplyComponent[] }; batch?: unknown };
    expect(calls.map((r) => sent(r).page.components.length)).toEqual([300, 300, 50]);
    expect(calls.map((r) => sent(r).batch)).toEqual([
      { index: 0, count: 3 },
      { index: 1, count: 3 },
      { index: 2, count: 3 },
    ]);
    expect(calls.flatMap((r) => sent(r).page.components)).toEqual(page.components);
    expect(calls.map((r) => r.idempotencyKey)).toEqual([0, 1, 2].map((i) => applyIdempotencyKey(jobId, '1:2', i, 3)));
    expect(applyIdempotencyKey('job-1', '1:2', 1, 3)).toBe('apply-job-1-1:2-1-3');
    expect(result).toMatchObject({ inserted: 650, updated: 0, deleted: 0, unchanged: 0, batches: 3 });
    expect((await stored('1:2')).map((r) => r.nodeId).sort()).toEqual(page.components.map((c) => c.node_id).sort());
  });

  it('retries a batch whose answer was lost with the same key: the API applies it once', async () => {
    // the second apply reaches the API and commits, but the client gets a proxy's 503 instead of the answer
    const { conn, sleeps, jobId, applies, stored } = await setup((n, path) => (path === '/figma-context/apply' && n === 2 ? { kind: 'lost-answer', retryAfter: '2' } : undefined));
    const result = await applyFigmaPage(conn, { jobId, page: { node_id: '1:2', name: 'Checkout', components: components(650) } });
    const calls = applies();
    expect(calls.map((r) => r.status)).toEqual([200, 503, 200, 200]);
    expect(calls[1]?.idempotencyKey).toBe(calls[2]?.idempotencyKey);
    expect(sleeps).toEqual([2000]);
    // the replayed answer counts the batch as the API did the first time
    expect(result).toMatchObject({ inserted: 650, deleted: 0, batches: 3 });
    expect(await stored('1:2')).toHaveLength(650);
  });

  it('sends a small page, and an empty one, as a single call without batch; the empty page is stored', async () => {
    const { conn, jobId, applies, stored } = await setup();
    await applyFigmaPage(conn, { jobId, page: { node_id: '1:1', name: 'Home', components: components(300) } });
    const empty = await applyFigmaPage(conn, { jobId, page: { node_id: '1:3', name: 'Account', components: [] } });
    expect(applies().map((r) => [(r.body as { batch?: unknown }).batch, (r.body as { page: { components: unknown[] } }).page.components.length, r.idempotencyKey])).toEqual([
      [undefined, 300, applyIdempotencyKey(jobId, '1:1', 0, 1)],
      [undefined, 0, applyIdempotencyKey(jobId, '1:3', 0, 1)],
    ]);
    expect(await stored('1:1')).toHaveLength(300);
    expect(empty).toMatchObject({ inserted: 0, deleted: 0, batches: 1 });
    expect(empty.page_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stored('1:3')).toEqual([]);
  });

  it('surfaces the API error of a batch the server refuses', async () => {
    const { conn, jobId } = await setup();
    const err = await applyFigmaPage({ ...conn, apiKey: 'cogo_nope' }, { jobId, page: { node_id: '1:1', name: 'Home', components: components(3) } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CogoApiError);
    expect(err).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });
});
