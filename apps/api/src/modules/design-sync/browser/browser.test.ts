// Browser test sessions through the Worker and its cogo-browser consumer (driven by hand: [env.test] declares no
// consumer), rendering the sample Storybook build in the real Chromium global-setup starts: a screenshot per story
// (a real PNG, served by /artifacts), the story that throws reported with its error, refusals, tenancy.
import { sampleStorybookIndex } from '@cogo/design-sync/samples';
import { BrowserSessionSchema, BrowserSessionSummarySchema, pageOf, type BrowserSession } from '@cogo/types';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import worker from '../../../index';
import { api, createTestProject, testDb, type TestProject } from '../../../../test/helpers';
import { putSecret } from '../../vault/vault.service';
import { CREDENTIAL_ALIAS } from '../credentials/credentials.resolve';
import { ds } from '../design-sync.test-helpers';
import { errorOf, ok } from '../sync.test-helpers';

const session = (v: unknown) => BrowserSessionSchema.parse(v);
const sessionsPage = (v: unknown) => pageOf(BrowserSessionSummarySchema).strict().parse(v);
const STORIES = Object.values(sampleStorybookIndex.entries).filter((e) => e.type === 'story').map((e) => e.id);
const BROKEN = 'components-productcard--default';

/** Runs the queued session as the consumer would; answers it as GET shows it. */
async function run(p: TestProject, id: string): Promise<BrowserSession> {
  const batch = createMessageBatch('cogo-browser', [{ id: `b-${id}`, timestamp: new Date(), attempts: 1, body: { session_id: id } }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`b-${id}`]);
  return ok(await ds(p, `browser-session/${id}`), 200, session);
}

/** A project whose Storybook URL is the sample build's, with its index ingested. */
async function projectWithStorybook(): Promise<TestProject> {
  const p = await createTestProject();
  expect((await ds(p, 'credentials', { json: { kind: 'storybook', value: inject('storybookUrl') } })).status).toBe(200);
  expect((await ds(p, 'registry', { json: { index: sampleStorybookIndex } })).status).toBe(200);
  return p;
}

describe('design-sync browser sessions', () => {
  it('renders every story of the registry in Chromium: screenshots, and the story that throws with its error', async () => {
    const p = await projectWithStorybook();
    const res = await ds(p, 'browser-session', { json: {} });
    const queued = await ok(res, 202, session);
    expect(res.headers.get('location')).toBe(`/design-sync/browser-session/${queued.id}`);
    expect(queued).toMatchObject({ status: 'queued', stories: { total: STORIES.length, passed: 0, failed: 0 }, results: [], initiation_ms: null });

    const done = await run(p, queued.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('done');
    expect(done.results.map((r) => r.story_id).sort()).toEqual([...STORIES].sort());
    expect(done.initiation_ms).toBeGreaterThanOrEqual(0);
    const broken = done.results.find((r) => r.story_id === BROKEN)!;
    expect(broken.status).toBe('failed');
    expect(broken.console_errors.join('\n')).toContain('TypeError: props.price.toFixed is not a function');
    for (const r of done.results.filter((x) => x.story_id !== BROKEN)) expect([r.story_id, r.status, r.console_errors]).toEqual([r.story_id, 'passed', []]);
    expect(done.stories).toEqual({ total: STORIES.length, passed: STORIES.length - 1, failed: 1 });

    for (const r of done.results) {
      expect(r.screenshot).toMatchObject({ kind: 'screenshot', content_type: 'image/png' });
      const png = new Uint8Array(await (await api(r.screenshot!.url, { key: p.key })).arrayBuffer());
      expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.byteLength).toBe(r.screenshot!.bytes);
      // 1280 × 800: the PNG's IHDR says so
      const view = new DataView(png.buffer);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([1280, 800]);
    }
    // a second delivery of the same message runs nothing again
    const again = await run(p, queued.id);
    expect(again.finished_at).toBe(done.finished_at);
  });

  it('reports a story the build does not have as failed, and honours the viewport', async () => {
    const p = await projectWithStorybook();
    const queued = await ok(await ds(p, 'browser-session', { json: { story_ids: ['components-button--primary', 'components-button--huge'], viewport: { width: 400, height: 300 } } }), 202, session);
    const done = await run(p, queued.id);
    const [primary, missing] = done.results;
    expect(primary).toMatchObject({ story_id: 'components-button--primary', status: 'passed' });
    expect(missing).toMatchObject({ story_id: 'components-button--huge', status: 'failed' });
    expect(missing!.console_errors.join('\n')).toContain('Story not found: components-button--huge');
    const png = new Uint8Array(await (await api(primary!.screenshot!.url, { key: p.key })).arrayBuffer());
    expect([new DataView(png.buffer).getUint32(16), new DataView(png.buffer).getUint32(20)]).toEqual([400, 300]);
  });

  it('fails the session with a clear error when the Storybook is gone', async () => {
    const p = await projectWithStorybook();
    const queued = await ok(await ds(p, 'browser-session', { json: { story_ids: ['components-badge--default'] } }), 202, session);
    // after the session was queued the build moved: the stored URL's index answers 404
    const h = testDb();
    try {
      await putSecret({ db: h.db, masterKey: env.VAULT_MASTER_KEY, masterKeyId: 'k1', actor: 'test' }, p.id, CREDENTIAL_ALIAS.storybook, `${inject('storybookUrl')}/moved`, false);
    } finally {
      await h.close();
    }
    const done = await run(p, queued.id);
    expect(done).toMatchObject({ status: 'failed', error: 'Storybook answered 404 for index.json', results: [] });
  });

  it('refuses without a Storybook URL or stories, and bad input; another project cannot read a session', async () => {
    const bare = await createTestProject();
    const e = await errorOf(await ds(bare, 'browser-session', { json: {} }), 422, 'UNPROCESSABLE');
    expect(e.message).toContain('no Storybook URL');
    expect((await ds(bare, 'credentials', { json: { kind: 'storybook', value: inject('storybookUrl') } })).status).toBe(200);
    expect((await errorOf(await ds(bare, 'browser-session', { json: {} }), 422, 'UNPROCESSABLE')).message).toContain('no stories');
    const p = await projectWithStorybook();
    for (const json of [{ story_ids: ['not a story id'] }, { story_ids: [] }, { story_ids: Array.from({ length: 201 }, (_, i) => `a--s${i}`) }, { viewport: { width: 10, height: 10 } }, { extra: 1 }]) {
      await errorOf(await ds(p, 'browser-session', { json }), 400, 'VALIDATION_FAILED');
    }
    const queued = await ok(await ds(p, 'browser-session', { json: { story_ids: ['components-badge--default'] } }), 202, session);
    await errorOf(await ds(bare, `browser-session/${queued.id}`), 404, 'NOT_FOUND');
    await errorOf(await ds(p, 'browser-session/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });

  it('lists the project\'s sessions newest first, in pages, without their results; a forged cursor is a 400', async () => {
    const p = await projectWithStorybook();
    const started: BrowserSession[] = [];
    for (const id of ['components-badge--default', 'components-button--primary', 'components-button--ghost']) {
      started.push(await ok(await ds(p, 'browser-session', { json: { story_ids: [id] } }), 202, session));
    }
    const done = await run(p, started[0]!.id);
    const first = await ok(await ds(p, 'browser-session?limit=2'), 200, sessionsPage);
    expect(first.items.map((s) => s.id)).toEqual([started[2]!.id, started[1]!.id]);
    expect(first.items[0]).not.toHaveProperty('results');
    expect(first.items[0]).toMatchObject({ status: 'queued', stories: { total: 1, passed: 0, failed: 0 }, trace_id: started[2]!.trace_id });
    const second = await ok(await ds(p, `browser-session?limit=2&cursor=${first.nextCursor}`), 200, sessionsPage);
    expect(second.nextCursor).toBeNull();
    expect(second.items.map((s) => [s.id, s.status, s.stories, s.finished_at])).toEqual([[done.id, 'done', { total: 1, passed: 1, failed: 0 }, done.finished_at]]);
    // another project sees none of them; a cursor this API did not issue is a 400
    expect((await ok(await ds(await createTestProject(), 'browser-session'), 200, sessionsPage)).items).toEqual([]);
    const forged = btoa(JSON.stringify(['2026-13-01T00:00:00.000Z', started[0]!.id]));
    expect((await errorOf(await ds(p, `browser-session?cursor=${forged}`), 400, 'VALIDATION_FAILED')).details).toMatchObject({ issues: [{ path: 'query.cursor' }] });
    await errorOf(await ds(p, 'browser-session?limit=0'), 400, 'VALIDATION_FAILED');
  });
});
