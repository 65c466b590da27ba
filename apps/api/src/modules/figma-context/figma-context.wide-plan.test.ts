// Issue 8 #4: a file whose depth=2 skeleton alone is over FIGMA_MAX_RESPONSE_BYTES (very many top-level
// frames) is planned from depth=1 and the pages' frame lists read in groups — the same plan, every
// response within the budget — instead of failing start with 413.
import { generateLargeFile } from '@cogo/fakes/samples';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestProject, figmaFake, readSse, type TestProject, figmaAnswerBytes } from '../../../test/helpers';

const KEY = 'WIDEFILE0008';
const ONE_BIG_PAGE = 'WIDEFILE0009';
const file = generateLargeFile({ nodes: 3_000, pages: 24, frames: 'cards', seed: 8 });

interface Recorded {
  path: string;
  query: Record<string, string>;
  at: number;
}

/** The Figma calls made for `key` since `since` (the fake's log is shared: never cleared, only filtered). */
async function figmaCallsFor(key: string, since: number): Promise<Recorded[]> {
  const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[];
  return all.filter((r) => r.at >= since && r.path.startsWith(`/v1/files/${key}`) && !r.path.endsWith('/variables/local'));
}

function start(p: TestProject, bindings: unknown, body: unknown) {
  return Promise.resolve(
    createApp().request('/figma-context/start', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, bindings),
  );
}

describe('figma-context: planning a file whose depth-2 skeleton is over the response budget', () => {
  let p: TestProject;
  let maxPageBytes: number;
  let skeletonBytes: number;
  let reference: { plan: Record<string, unknown> };
  beforeAll(async () => {
    p = await createTestProject();
    await figmaFake.putFile(KEY, file);
    const pageBytes = await Promise.all(file.document.children.map((page) => figmaAnswerBytes(`/v1/files/${KEY}/nodes?ids=${page.id}&depth=1`)));
    maxPageBytes = Math.max(...pageBytes);
    skeletonBytes = await figmaAnswerBytes(`/v1/files/${KEY}?depth=2`);
    const unlimited = await start(p, env, { file_key: KEY });
    expect(unlimited.status).toBe(201);
    reference = (await unlimited.json()) as typeof reference;
  });

  /** Starts with the budget; returns the plan and the listing calls that fit (those Figma answered). */
  async function planWith(budget: number) {
    const since = Date.now();
    const res = await start(p, { ...env, FIGMA_MAX_RESPONSE_BYTES: String(budget) }, { file_key: KEY });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { job_id: string; plan: { pages: Array<{ id: string; frame_count: number }>; chunks: number; figma_calls: { tier1: number; tier2: number } } };
    const calls = await figmaCallsFor(KEY, since);
    expect(calls.some((c) => !c.path.endsWith('/nodes') && c.query.depth === '1' && c.query.ids === undefined)).toBe(true);
    const listing = calls.filter((c) => c.path.endsWith('/nodes'));
    for (const c of listing) expect(c.query.depth).toBe('1');
    const answered = [];
    for (const c of listing) if ((await figmaAnswerBytes(`${c.path}?ids=${c.query.ids}&depth=1`)) <= budget) answered.push(c);
    // every page's layers were read once, by a call that fit the budget
    expect(answered.flatMap((c) => c.query.ids!.split(',')).sort()).toEqual(file.document.children.map((page) => page.id).sort());
    return { body, listing, answered, calls };
  }

  /** The plan equals the unlimited one; only the forecast differs, by the calls start itself made to list the pages. */
  function expectSamePlan(plan: Record<string, unknown> & { chunks: number; figma_calls: { tier1: number; tier2: number } }, startCalls: number) {
    const { figma_calls, estimated_seconds: _e, ...shape } = plan;
    const { figma_calls: _f, estimated_seconds: _r, ...reference_ } = reference.plan;
    expect(shape).toEqual(reference_);
    expect(figma_calls).toEqual({ tier1: startCalls + plan.chunks, tier2: 1 });
  }

  it('as in the field (skeleton ~1.5× the budget): pages, then their frame lists in two calls — the same plan', async () => {
    const budget = Math.ceil(skeletonBytes / 1.5);
    expect(budget).toBeGreaterThan(maxPageBytes * 4);
    const { body, listing, calls } = await planWith(budget);
    expectSamePlan(body.plan, calls.length);
    expect(body.plan.pages).toHaveLength(25);
    const frames = file.document.children.map((page) => page.children.filter((f) => (f as { visible?: boolean }).visible !== false).length);
    expect(body.plan.pages.slice(1).map((pg) => pg.frame_count)).toEqual(frames.slice(1));
    expect(listing).toHaveLength(2); // no call wasted on a group too large
  });

  it('with room for only a few pages per answer: the same plan, each Figma answer within the budget, and the job streams', async () => {
    const budget = maxPageBytes * 3;
    expect(skeletonBytes).toBeGreaterThan(budget * 4);
    const { body, listing, answered, calls } = await planWith(budget);
    expectSamePlan(body.plan, calls.length);
    expect(answered.length).toBeLessThan(file.document.children.length / 2); // several pages per call
    // the first group is a guess (half the pages: the skeleton was over the budget), halved while too large;
    // later groups are sized from the bytes measured, so hardly any call is wasted
    expect(listing.length - answered.length).toBeLessThanOrEqual(Math.ceil(Math.log2(skeletonBytes / budget)) + 1);

    const events = await readSse(
      await createApp().request(
        '/figma-context/stream',
        { method: 'POST', body: JSON.stringify({ job_id: body.job_id, cursor: '0' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } },
        { ...env, FIGMA_MAX_RESPONSE_BYTES: String(budget), STREAM_BUDGET_MS: '60000', STREAM_HARD_LIMIT_MS: '120000' },
      ),
    );
    expect(events.at(-1)?.event).toBe('done');
    expect(new Set(events.filter((e) => e.event === 'page.chunk').map((e) => e.data.chunk_index)).size).toBe(body.plan.chunks);
  });

  it('answers 413 FIGMA_TOO_LARGE naming the page when one page’s frame list alone is over the budget', async () => {
    const big = generateLargeFile({ nodes: 1_500, pages: 1, frames: 'cards', seed: 9 });
    await figmaFake.putFile(ONE_BIG_PAGE, big);
    const pageBytes = await figmaAnswerBytes(`/v1/files/${ONE_BIG_PAGE}/nodes?ids=${big.document.children[1]!.id}&depth=1`);
    const res = await start(p, { ...env, FIGMA_MAX_RESPONSE_BYTES: String(Math.floor(pageBytes / 2)) }, { file_key: ONE_BIG_PAGE });
    expect(res.status).toBe(413);
    const err = ErrorEnvelopeSchema.parse(await res.json()).error;
    expect(err.code).toBe('FIGMA_TOO_LARGE');
    expect(err.message).toContain(big.document.children[1]!.id);
  });
});
