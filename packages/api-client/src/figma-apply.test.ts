import { afterEach, describe, expect, it } from 'vitest';
import { applyFigmaPage, applyIdempotencyKey } from './figma-apply';
import type { ApplyComponent } from './figma-types';
import { startFakeFigmaApi, type FakeFigmaApi, type FakeFigmaApiOptions } from './testing/fake-figma-api';

let api: FakeFigmaApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const components = (n: number): ApplyComponent[] => Array.from({ length: n }, (_, i) => ({ node_id: `9:${i}`, name: `C${i}`, type: 'COMPONENT' }));

async function setup(options: FakeFigmaApiOptions = {}) {
  api = await startFakeFigmaApi({ apiKey: 'k', ...options });
  const sleeps: number[] = [];
  const conn = {
    baseUrl: api.url,
    apiKey: 'k',
    sleep: (ms: number) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
  return { api, conn, sleeps };
}

describe('applyFigmaPage', () => {
  it('splits 650 components into batches of 300, 300 and 50 with deterministic keys, and sums the results', async () => {
    const { api, conn } = await setup();
    const page = { node_id: '1:2', name: 'Checkout', components: components(650) };
    const result = await applyFigmaPage(conn, { jobId: 'job-1', page });

    expect(api.applyCalls.map((c) => (c.body.page as { components: unknown[] }).components.length)).toEqual([300, 300, 50]);
    expect(api.applyCalls.map((c) => c.body.batch)).toEqual([
      { index: 0, count: 3 },
      { index: 1, count: 3 },
      { index: 2, count: 3 },
    ]);
    // every component is sent exactly once, in order
    const sent = api.applyCalls.flatMap((c) => (c.body.page as { components: ApplyComponent[] }).components);
    expect(sent).toEqual(page.components);
    expect(api.applyCalls.map((c) => c.idempotencyKey)).toEqual(['apply-job-1-1:2-0-3', 'apply-job-1-1:2-1-3', 'apply-job-1-1:2-2-3']);
    expect(applyIdempotencyKey('job-1', '1:2', 1, 3)).toBe('apply-job-1-1:2-1-3');
    expect(result).toEqual({ page_id: 'page-1:2', inserted: 650, updated: 0, deleted: 1, unchanged: 0, batches: 3 });
  });

  it('retries a failed batch with the same key, so the server applies it once', async () => {
    const { api, conn, sleeps } = await setup({ applyFaults: { 2: { status: 503, retryAfter: '2' } } });
    const result = await applyFigmaPage(conn, { jobId: 'job-1', page: { node_id: '1:2', name: 'Checkout', components: components(650) } });
    expect(api.applyCalls.map((c) => c.status)).toEqual([200, 503, 200, 200]);
    expect(api.applyCalls[1]?.idempotencyKey).toBe(api.applyCalls[2]?.idempotencyKey);
    expect(api.appliedKeys()).toHaveLength(3);
    expect(sleeps).toEqual([2000]);
    expect(result.inserted).toBe(650);
  });

  it('sends a small page, and an empty one, as a single call without batch', async () => {
    const { api, conn } = await setup();
    await applyFigmaPage(conn, { jobId: 'j', page: { node_id: '1:1', name: 'Home', components: components(300) } });
    const empty = await applyFigmaPage(conn, { jobId: 'j', page: { node_id: '1:3', name: 'Account', components: [] } });
    expect(api.applyCalls.map((c) => [c.body.batch, (c.body.page as { components: unknown[] }).components.length, c.idempotencyKey])).toEqual([
      [undefined, 300, 'apply-j-1:1-0-1'],
      [undefined, 0, 'apply-j-1:3-0-1'],
    ]);
    expect(empty).toMatchObject({ inserted: 0, deleted: 1, batches: 1 });
  });

  it('surfaces the API error of a batch the server refuses', async () => {
    const { conn } = await setup();
    const err = await applyFigmaPage({ ...conn, apiKey: 'nope' }, { jobId: 'j', page: { node_id: '1:1', name: 'Home', components: components(3) } }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ name: 'CogoApiError', status: 401, code: 'UNAUTHORIZED' });
  });
});
