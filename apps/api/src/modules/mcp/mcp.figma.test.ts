// MCP's Figma and design-system tools through the Worker with the SDK client, against the Figma fake: a design
// from its URL (extracted once per file version: a second call reads no Figma file), the outline of a file and a
// node, tokens in three formats and a mode, renders inline, a search over the project's own components, and a Figma
// quota as a tool error naming its retry time.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { generateLargeFile, SAMPLE_FILE_KEY, storefrontFile } from '@cogo/fakes/samples';
import { env, SELF } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, BASE, createTestProject, figmaFake, projectWithOwnFigmaToken, testDb, type TestProject } from '../../../test/helpers';
import { applyPage, deliverUpdates, samplePages } from '../rag/design-index.test-helpers';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => figmaFake.clear());

type Structured = Record<string, any>;
type Content = Array<{ type: string; text?: string; data?: string; mimeType?: string }>;

/** Figma's version cache on, as deployed (the test Worker runs with it off). */
const CACHE_ON = { ...env, FIGMA_VERSION_CACHE: 'true' };

async function connect(p: Pick<TestProject, 'key'>, bindings?: Record<string, unknown>) {
  const app = createApp();
  const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${p.key}` } },
    fetch: (url, init) => (bindings ? Promise.resolve(app.request(String(url), init, bindings)) : SELF.fetch(String(url), init)),
  });
  const client = new Client({ name: 'cogo-test', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(transport);
  return client;
}

const requests = async (): Promise<Array<{ path: string; at: number }>> => (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json();
const tier1Of = (key: string, since: number, all: Array<{ path: string; at: number }>) => all.filter((r) => r.at >= since && (r.path === `/v1/files/${key}` || r.path === `/v1/files/${key}/nodes`)).length;

async function withClient<T>(p: Pick<TestProject, 'key'>, work: (client: Client) => Promise<T>, bindings?: Record<string, unknown>): Promise<T> {
  const client = await connect(p, bindings);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

describe('MCP Figma tools', () => {
  it('get_design_context from a URL: extracts, pages the whole context, and answers a second call from the finished extraction with no Figma file read', async () => {
    const p = await projectWithOwnFigmaToken();
    const key = `MCPCTX${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await figmaFake.putFile(key, storefrontFile());
    const url = `https://www.figma.com/design/${key}/Storefront`;
    await withClient(p, async (client) => {
      const t0 = Date.now();
      const first = await client.callTool({ name: 'get_design_context', arguments: { figma_url: url, max_bytes: 4_096 } });
      expect(first.isError, JSON.stringify(first.content).slice(0, 400)).toBeFalsy();
      const page = first.structuredContent as Structured;
      expect(page).toMatchObject({ job_status: 'done', extraction: { reused: false, cache: 'miss' } });
      expect(page.extraction.figma_calls.tier1).toBeGreaterThan(0);
      expect(page.bytes).toBeLessThanOrEqual(4_096);
      expect(page.next_cursor).toBeTruthy();
      const spent = tier1Of(key, t0, await requests());
      expect(spent).toBeGreaterThan(0);

      // the pages joined are the job's whole context (as GET /figma-context/context answers it)
      const pages = [page.content as string];
      for (let cursor = page.next_cursor as string | null; cursor; ) {
        const next = (await client.callTool({ name: 'get_design_context', arguments: { cursor, max_bytes: 4_096 } })).structuredContent as Structured;
        pages.push(next.content);
        cursor = next.next_cursor;
      }
      const whole = (await (await api(`/figma-context/context?job_id=${page.job_id}&max_bytes=4194304`, { key: p.key })).json()) as { content: string };
      expect(pages.join('')).toBe(whole.content);
      expect(pages.length).toBeGreaterThan(2);

      // unchanged file: the same job again, one /meta call, no Tier-1 call
      const t1 = Date.now();
      const again = (await client.callTool({ name: 'get_design_context', arguments: { file_key: key, max_bytes: 4_096 } })).structuredContent as Structured;
      expect(again).toMatchObject({ job_id: page.job_id, content: page.content, extraction: { reused: true, figma_calls: { tier1: 0, tier2: 1 } } });
      const after = (await requests()).filter((r) => r.at >= t1 && r.path.startsWith(`/v1/files/${key}`));
      expect(after.map((r) => r.path)).toEqual([`/v1/files/${key}/meta`]);

      // a new version is extracted again (a new job)
      const changed = storefrontFile();
      changed.version = `${changed.version}1`;
      await figmaFake.putFile(key, changed);
      const fresh = (await client.callTool({ name: 'get_design_context', arguments: { file_key: key, max_bytes: 4_096 } })).structuredContent as Structured;
      expect(fresh.extraction.reused).toBe(false);
      expect(fresh.job_id).not.toBe(page.job_id);
    }, CACHE_ON);
  });

  it('get_design_context answers a Figma quota as a tool error naming the retry time, not an empty page', async () => {
    const p = await projectWithOwnFigmaToken();
    const key = `MCPQUOTA${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;
    await figmaFake.putFile(key, storefrontFile());
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 4 * 86_400, planTier: 'starter', limitType: 'low' }, times: null, pathPattern: `^/v1/files/${key}/nodes` }]);
    await withClient(p, async (client) => {
      const res = await client.callTool({ name: 'get_design_context', arguments: { file_key: key } });
      expect(res.isError).toBe(true);
      const error = (res.structuredContent as Structured).error;
      expect(error.code).toBe('FIGMA_QUOTA_EXHAUSTED');
      expect(error.details.retry_after_seconds).toBeGreaterThan(4 * 86_400 - 120);
      expect(Date.parse(error.details.retry_at)).toBeGreaterThan(Date.now() + 3 * 86_400_000);
      expect(error.details.job_id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('get_metadata outlines a file (pages, their frames, sizes) and a node; a missing node is a tool error', async () => {
    const p = await projectWithOwnFigmaToken();
    const file = storefrontFile();
    await withClient(p, async (client) => {
      const res = await client.callTool({ name: 'get_metadata', arguments: { file_key: SAMPLE_FILE_KEY } });
      expect(res.isError, JSON.stringify(res.content).slice(0, 300)).toBeFalsy();
      const outline = res.structuredContent as Structured;
      expect(outline.name).toBe(file.name);
      const pages = outline.nodes.filter((n: Structured) => n.depth === 0);
      expect(pages.map((n: Structured) => n.id)).toEqual(file.document.children.map((c) => c.id));
      const firstPage = file.document.children[0] as { children: Array<{ id: string; name: string; absoluteBoundingBox?: { width: number } }> };
      const frame = outline.nodes.find((n: Structured) => n.id === firstPage.children[0]!.id);
      expect(frame).toMatchObject({ depth: 1, name: firstPage.children[0]!.name, width: firstPage.children[0]!.absoluteBoundingBox?.width ?? null });
      expect(outline.truncated).toBe(false);
      expect((res.content as Content)[0]!.text).toContain(`${frame.type} ${frame.id} ${JSON.stringify(frame.name)}`);

      const node = (await client.callTool({ name: 'get_metadata', arguments: { file_key: SAMPLE_FILE_KEY, node_id: frame.id } })).structuredContent as Structured;
      expect(node.nodes[0]).toMatchObject({ id: frame.id, depth: 0 });
      expect(node.nodes.length).toBeGreaterThan(1);

      const missing = await client.callTool({ name: 'get_metadata', arguments: { file_key: SAMPLE_FILE_KEY, node_id: '999:999' } });
      expect(missing.isError).toBe(true);
      expect((missing.structuredContent as Structured).error.code).toBe('FIGMA_NOT_FOUND');

      // more frames than max_bytes holds: the outline says how many it leaves out and how to see them
      const key = `MCPMETA${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await figmaFake.putFile(key, generateLargeFile({ nodes: 4_000, pages: 2, frames: 'cards', seed: 3 }));
      const small = (await client.callTool({ name: 'get_metadata', arguments: { file_key: key, max_bytes: 2_048 } })).structuredContent as Structured;
      expect(small.truncated).toBe(true);
      expect(small.nodes.length).toBeLessThan(small.total_nodes);
      expect(new TextEncoder().encode(small.text).length).toBeLessThanOrEqual(2_048);
      expect(small.text).toContain(`[${small.total_nodes - small.nodes.length} more nodes`);
    });
  });

  it('get_variables: DTCG, CSS with a mode, Tailwind; pages that join to the whole; an unknown mode names the modes', async () => {
    const p = await projectWithOwnFigmaToken();
    await withClient(p, async (client) => {
      const dtcg = (await client.callTool({ name: 'get_variables', arguments: { file_key: SAMPLE_FILE_KEY } })).structuredContent as Structured;
      expect(dtcg).toMatchObject({ format: 'dtcg', pages: 1, page: 1 });
      const doc = JSON.parse(dtcg.content);
      expect(Object.keys(doc).length).toBeGreaterThan(0);
      // the same tokens figma-compat stores
      const derived = (await (await api('/figma-compat/uui/variables/derive', { method: 'POST', key: p.key, json: { file_key: SAMPLE_FILE_KEY } })).json()) as { tokens: unknown; content_hash: string };
      expect(doc).toEqual(derived.tokens);
      expect(dtcg.content_hash).toBe(derived.content_hash);

      const dark = (await client.callTool({ name: 'get_variables', arguments: { file_key: SAMPLE_FILE_KEY, format: 'css', mode: 'Dark' } })).structuredContent as Structured;
      const light = (await client.callTool({ name: 'get_variables', arguments: { file_key: SAMPLE_FILE_KEY, format: 'css', mode: 'Light' } })).structuredContent as Structured;
      expect(dark.content).toContain(':root');
      expect(dark.content).not.toBe(light.content);
      const tw = (await client.callTool({ name: 'get_variables', arguments: { file_key: SAMPLE_FILE_KEY, format: 'tailwind' } })).structuredContent as Structured;
      expect(tw.content).toContain('@theme');

      const paged: string[] = [];
      let total = 1;
      for (let page = 1; page <= total; page++) {
        const part = (await client.callTool({ name: 'get_variables', arguments: { file_key: SAMPLE_FILE_KEY, max_bytes: 1_024, page } })).structuredContent as Structured;
        expect(new TextEncoder().encode(part.content).length).toBeLessThanOrEqual(1_024);
        total = part.pages;
        paged.push(part.content);
      }
      expect(total).toBeGreaterThan(1);
      expect(paged.join('')).toBe(dtcg.content);

      const unknown = await client.callTool({ name: 'get_variables', arguments: { file_key: SAMPLE_FILE_KEY, mode: 'Sepia' } });
      expect(unknown.isError).toBe(true);
      expect((unknown.structuredContent as Structured).error.message).toContain('Dark');
    });
  });

  it('download_images renders a node: inline PNG while it fits, always a URL that downloads the same bytes', async () => {
    const p = await projectWithOwnFigmaToken();
    const frame = (storefrontFile().document.children[0] as { children: Array<{ id: string }> }).children[0]!.id;
    const info = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/info`)).json()) as { images_origin: string };
    const imagesOn = { ...env, FIGMA_IMAGE_HOSTS: new URL(info.images_origin).host };
    await withClient(p, async (client) => {
      const res = await client.callTool({ name: 'download_images', arguments: { file_key: SAMPLE_FILE_KEY, node_ids: [frame], scale: 1 } });
      expect(res.isError, JSON.stringify(res.content).slice(0, 300)).toBeFalsy();
      const summary = res.structuredContent as Structured;
      expect(summary.artifacts).toHaveLength(1);
      expect(summary.inline).toEqual([summary.artifacts[0].name]);
      const image = (res.content as Content).find((c) => c.type === 'image')!;
      expect(image.mimeType).toBe('image/png');
      const bytes = Uint8Array.from(atob(image.data!), (ch) => ch.charCodeAt(0));
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      const download = await api(summary.artifacts[0].url, { key: p.key });
      expect(download.status).toBe(200);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

      const byUrl = await client.callTool({ name: 'download_images', arguments: { file_key: SAMPLE_FILE_KEY, node_ids: [frame], inline: false } });
      expect((byUrl.content as Content).filter((c) => c.type === 'image')).toEqual([]);
      expect((byUrl.structuredContent as Structured).artifacts[0].stored).toBe('existing');

      // get_screenshot: the URL's node, inline; without a node, a tool error naming node_id
      const shot = await client.callTool({ name: 'get_screenshot', arguments: { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x?node-id=${frame.replace(':', '-')}` } });
      expect(shot.isError, JSON.stringify(shot.content).slice(0, 300)).toBeFalsy();
      expect((shot.content as Content).find((c) => c.type === 'image')!.data).toBe(image.data);
      const none = await client.callTool({ name: 'get_screenshot', arguments: { file_key: SAMPLE_FILE_KEY } });
      expect(none.isError).toBe(true);
      expect(JSON.stringify(none.structuredContent)).toContain('node_id');
    }, imagesOn);
  });

  it("search_design_system finds the project's own components, and nothing of another project's", async () => {
    const p = await createTestProject();
    const { jobId, pages } = await samplePages(p.key);
    for (const page of pages) await applyPage(p.key, jobId, page);
    await deliverUpdates(handle.db, p.id);
    await withClient(p, async (client) => {
      const res = await client.callTool({ name: 'search_design_system', arguments: { query: 'Button', kinds: ['component'] } });
      expect(res.isError, JSON.stringify(res.content).slice(0, 300)).toBeFalsy();
      const found = res.structuredContent as Structured;
      expect(found.strategy).not.toBe('text');
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.items.every((i: Structured) => i.source === 'component')).toBe(true);
      expect(found.items.some((i: Structured) => /button/i.test(i.title ?? i.text))).toBe(true);
    });
    // no embedding provider at all: the words alone still find them
    const noProvider = { ...env, CHAT_API_BASE: undefined, CHAT_API_KEY: undefined, EMBEDDING_API_BASE: undefined, EMBEDDING_API_KEY: undefined };
    await withClient(p, async (client) => {
      const res = await client.callTool({ name: 'search_design_system', arguments: { query: 'Button', kinds: ['component'] } });
      expect(res.isError, JSON.stringify(res.content).slice(0, 300)).toBeFalsy();
      const found = res.structuredContent as Structured;
      expect(found.strategy).toBe('text');
      expect(found.items.some((i: Structured) => /button/i.test(i.title ?? i.text))).toBe(true);
      expect(found.items.every((i: Structured) => i.vector_rank === null)).toBe(true);
    }, noProvider);
    await withClient(await createTestProject(), async (client) => {
      const res = await client.callTool({ name: 'search_design_system', arguments: { query: 'Button' } });
      expect((res.structuredContent as Structured).items).toEqual([]);
    });
  });
});
