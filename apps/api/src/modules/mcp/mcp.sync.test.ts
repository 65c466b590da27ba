// MCP's tools that change the project, through the Worker with the SDK client: apply_page stores a finished
// extraction's pages (rows as the REST apply writes them; again: nothing changes; another project: not found), and
// design_sync / design_undo run and take back a sync with the rows restored; a browser session renders a story in
// the real Chromium and another project cannot read it.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { sampleStorybookIndex } from '@cogo/design-sync/samples';
import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import worker from '../../index';
import { BASE, createTestProject, testDb, type TestProject } from '../../../test/helpers';
import { ds } from '../design-sync/design-sync.test-helpers';
import { sampleSync, storedRows } from '../design-sync/sync.test-helpers';

const handle = testDb();
afterAll(() => handle.close());

type Structured = Record<string, any>;

async function withClient<T>(p: Pick<TestProject, 'key'>, work: (client: Client) => Promise<T>): Promise<T> {
  const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${p.key}` } },
    fetch: (url, init) => SELF.fetch(String(url), init),
  });
  const client = new Client({ name: 'cogo-test', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(transport);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => {
  const res = await client.callTool({ name, arguments: args });
  return { ok: !res.isError, body: res.structuredContent as Structured };
};

describe('MCP tools that change the project', () => {
  it('apply_page stores every page of a finished extraction; applying again changes nothing; another project gets NOT_FOUND', async () => {
    const p = await createTestProject();
    await withClient(p, async (client) => {
      const ctx = await call(client, 'get_design_context', { file_key: SAMPLE_FILE_KEY });
      expect(ctx.ok, JSON.stringify(ctx.body).slice(0, 300)).toBe(true);
      const first = await call(client, 'apply_page', { job_id: ctx.body.job_id });
      expect(first.ok, JSON.stringify(first.body).slice(0, 300)).toBe(true);
      const pages = first.body.pages as Array<Structured>;
      expect(pages.length).toBeGreaterThan(1);
      const components = pages.reduce((n, pg) => n + pg.components, 0);
      expect(components).toBeGreaterThan(3);
      expect(pages.reduce((n, pg) => n + pg.inserted, 0)).toBe(components);
      const stored = await handle.db.select().from(schema.components).where(eq(schema.components.projectId, p.id));
      expect(stored).toHaveLength(components);
      expect((await handle.db.select().from(schema.pages).where(eq(schema.pages.projectId, p.id))).map((r) => r.id).sort()).toEqual(pages.map((pg) => pg.page_id).sort());

      const again = await call(client, 'apply_page', { job_id: ctx.body.job_id, page_id: pages[0]!.node_id });
      expect(again.body.pages).toEqual([expect.objectContaining({ node_id: pages[0]!.node_id, inserted: 0, updated: 0, deleted: 0, unchanged: pages[0]!.components })]);
      const unknown = await call(client, 'apply_page', { job_id: ctx.body.job_id, page_id: '999:1' });
      expect(unknown.body.error.code).toBe('NOT_FOUND');

      await withClient(await createTestProject(), async (other) => {
        const foreign = await call(other, 'apply_page', { job_id: ctx.body.job_id });
        expect(foreign.ok).toBe(false);
        expect(foreign.body.error.code).toBe('NOT_FOUND');
      });
    });
  });

  it('design_sync runs a design→code sync and design_undo restores the rows as they were', async () => {
    const { p } = await sampleSync();
    const before = await storedRows(handle.db, p);
    await withClient(p, async (client) => {
      const op = await call(client, 'design_sync', { direction: 'design_to_code' });
      expect(op.ok, JSON.stringify(op.body).slice(0, 300)).toBe(true);
      expect(op.body).toMatchObject({ status: 'succeeded', replayed: false });
      const code = (rows: Awaited<ReturnType<typeof storedRows>>) => rows.code.map(({ updatedAt: _, ...c }) => c);
      expect(code(await storedRows(handle.db, p))).not.toEqual(code(before));
      const undone = await call(client, 'design_undo', { operation_id: op.body.id });
      expect(undone.ok, JSON.stringify(undone.body).slice(0, 300)).toBe(true);
      expect(undone.body).toMatchObject({ operation_id: op.body.id, restored: 3 });
      const after = await storedRows(handle.db, p);
      expect(code(after)).toEqual(code(before));
      const twice = await call(client, 'design_undo', { operation_id: op.body.id });
      expect(twice.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'already_undone' } });
      const bad = await call(client, 'design_sync', { direction: 'sideways' });
      expect(bad.ok).toBe(false);
    });
  });

  it('design_browser_test_session_start renders a story in the real browser; _status shows it; another project cannot read it', async () => {
    const p = await createTestProject();
    expect((await ds(p, 'credentials', { json: { kind: 'storybook', value: inject('storybookUrl') } })).status).toBe(200);
    expect((await ds(p, 'registry', { json: { index: sampleStorybookIndex } })).status).toBe(200);
    const id = await withClient(p, async (client) => {
      const started = await call(client, 'design_browser_test_session_start', { story_ids: ['components-button--primary'] });
      expect(started.ok, JSON.stringify(started.body).slice(0, 300)).toBe(true);
      expect(started.body.status).toBe('queued');
      // the cogo-browser consumer, driven by hand as in browser.test.ts
      const batch = createMessageBatch('cogo-browser', [{ id: 'mcp-b', timestamp: new Date(), attempts: 1, body: { session_id: started.body.id } }]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env);
      expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['mcp-b']);
      const status = await call(client, 'design_browser_test_session_status', { session_id: started.body.id });
      expect(status.body).toMatchObject({ id: started.body.id, results: [{ story_id: 'components-button--primary', status: 'passed' }] });
      return started.body.id as string;
    });
    await withClient(await createTestProject(), async (client) => {
      const res = await call(client, 'design_browser_test_session_status', { session_id: id });
      expect(res.ok).toBe(false);
      expect(res.body.error.code).toBe('NOT_FOUND');
      const bare = await call(client, 'design_browser_test_session_start', {});
      expect(bare.body.error).toMatchObject({ code: 'UNPROCESSABLE' });
    });
  });
});
