// Images through the public API against the Figma fake: node renders and image fills land in the project's
// artifact store once per name/ref (a second request fetches nothing new — counted in the fake's request log),
// formats and scales, a node Figma cannot render is reported, the image host must be allowlisted and never sees
// the Figma token, and another project cannot download your artifact.
import { storefrontFile } from '@cogo/fakes/samples';
import type { GetFileResponse } from '@figma/rest-api-spec';
import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestProject, figmaFake, type TestProject } from '../../../test/helpers';

afterEach(() => figmaFake.clear());

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string>;
}
const requests = async (): Promise<Recorded[]> => (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json();

let imageHost = '';
beforeAll(async () => {
  const info = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/info`)).json()) as { images_origin: string };
  imageHost = new URL(info.images_origin).host;
});

/** The API with the fake's image host allowlisted (unless `vars` say otherwise). */
function call(path: string, init: RequestInit & { key: string; json?: unknown }, vars: Record<string, string> = { FIGMA_IMAGE_HOSTS: imageHost }) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${init.key}`);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const req = new Request(`http://cogo.test${path}`, { ...init, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
  return Promise.resolve(createApp().request(req, undefined, { ...env, ...vars }));
}

interface Artifact {
  name: string;
  kind: string;
  node_id: string | null;
  image_ref: string | null;
  content_type: string;
  bytes: number;
  url: string;
  stored: string;
}
interface ImagesBody {
  file_key: string;
  artifacts: Artifact[];
  failed: Array<{ node_id: string | null; image_ref: string | null; reason: string; message: string }>;
  figma_calls: { tier1: number; tier2: number; downloads: number };
}

/** A copy of the sample under a fresh key: Home with an image fill, its first child hidden, its second child with two fills (one shared). */
async function imageFile() {
  const key = `IMG${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const file = storefrontFile() as GetFileResponse;
  const page = file.document.children[0] as unknown as { children: Array<Record<string, unknown> & { children?: Array<Record<string, unknown>> }> };
  const home = page.children[0]!;
  home.fills = [{ type: 'IMAGE', imageRef: 'aaaa0000', scaleMode: 'FILL' }];
  home.children![0]!.visible = false;
  home.children![1]!.fills = [{ type: 'IMAGE', imageRef: 'bbbb0001', scaleMode: 'FIT' }, { type: 'IMAGE', imageRef: 'aaaa0000', scaleMode: 'FILL' }];
  await figmaFake.putFile(key, file);
  return { key, home: String(home.id), hidden: String(home.children![0]!.id), other: String(home.children![1]!.id) };
}

const fakeCounts = async (key: string, since: number) => {
  const log = (await requests()).slice(since);
  return {
    meta: log.filter((r) => r.path === `/v1/files/${key}/meta`).length,
    renders: log.filter((r) => r.path === `/v1/images/${key}`).length,
    fills: log.filter((r) => r.path === `/v1/files/${key}/images`).length,
    downloads: log.filter((r) => r.path.startsWith('/images/') || r.path.startsWith('/img/')),
  };
};

describe('POST /figma-context/images', () => {
  let p: TestProject;
  beforeAll(async () => {
    p = await createTestProject();
  });

  it('stores renders and fills once: a second request fetches nothing new', async () => {
    const f = await imageFile();
    const before = (await requests()).length;
    const body = { file_key: f.key, node_ids: [f.home, f.other], format: 'png', scale: 2, include_fills: true };
    const res = await call('/figma-context/images', { method: 'POST', key: p.key, json: body });
    expect(res.status).toBe(200);
    const first = (await res.json()) as ImagesBody;
    const nodePart = (id: string) => id.replaceAll(':', '-');
    expect(first.artifacts.map((a) => [a.name, a.kind, a.node_id, a.image_ref, a.content_type, a.stored])).toEqual([
      [`figma/${f.key}/nodes/${nodePart(f.home)}@2x.png`, 'node', f.home, null, 'image/png', 'new'],
      [`figma/${f.key}/nodes/${nodePart(f.other)}@2x.png`, 'node', f.other, null, 'image/png', 'new'],
      [`figma/${f.key}/fills/aaaa0000.png`, 'fill', null, 'aaaa0000', 'image/png', 'new'],
      [`figma/${f.key}/fills/bbbb0001.jpg`, 'fill', null, 'bbbb0001', 'image/jpeg', 'new'],
    ]);
    expect(first.failed).toEqual([]);
    // /meta for the version, one render call for both ids, one fills listing, one download per artifact; the token never leaves for the image host
    expect(first.figma_calls).toEqual({ tier1: 1, tier2: 2, downloads: 4 });
    const c1 = await fakeCounts(f.key, before);
    expect([c1.meta, c1.renders, c1.fills, c1.downloads.length]).toEqual([1, 1, 1, 4]);
    for (const d of c1.downloads) expect(d.headers['x-figma-token']).toBeUndefined();

    // the bytes are downloadable through the API, exactly as stored
    const art = first.artifacts[0]!;
    const dl = await call(art.url, { key: p.key });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await dl.arrayBuffer());
    expect(bytes.byteLength).toBe(art.bytes);
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const before2 = (await requests()).length;
    const again = (await (await call('/figma-context/images', { method: 'POST', key: p.key, json: body })).json()) as ImagesBody;
    expect(again.artifacts.map((a) => [a.name, a.bytes, a.stored])).toEqual(first.artifacts.map((a) => [a.name, a.bytes, 'existing']));
    // no render, no download: only Tier 2 — /meta (same version) and the listing that says which fills the file has
    expect(again.figma_calls).toEqual({ tier1: 0, tier2: 2, downloads: 0 });
    const c2 = await fakeCounts(f.key, before2);
    expect([c2.meta, c2.renders, c2.fills, c2.downloads.length]).toEqual([1, 0, 1, 0]);

    // refresh renders again, replacing the stored render under the same name
    const refreshed = (await (await call('/figma-context/images', { method: 'POST', key: p.key, json: { file_key: f.key, node_ids: [f.home], format: 'png', scale: 2, refresh: true } })).json()) as ImagesBody;
    expect(refreshed.artifacts.map((a) => [a.name, a.stored])).toEqual([[first.artifacts[0]!.name, 'new']]);
    expect(refreshed.figma_calls).toEqual({ tier1: 1, tier2: 1, downloads: 1 });
  });

  it('a new version of the file renders again; its fills, the same images, are not downloaded again', async () => {
    const f = await imageFile();
    const body = { file_key: f.key, node_ids: [f.home], include_fills: true };
    const first = (await (await call('/figma-context/images', { method: 'POST', key: p.key, json: body })).json()) as ImagesBody;
    const old = new Uint8Array(await (await call(first.artifacts[0]!.url, { key: p.key })).arrayBuffer());
    // the same file saved again in Figma: a new version
    await figmaFake.putFile(f.key, await (await fetch(`${env.FIGMA_API_BASE}/v1/files/${f.key}`, { headers: { 'x-figma-token': env.FIGMA_API_KEY } })).json());
    const next = (await (await call('/figma-context/images', { method: 'POST', key: p.key, json: body })).json()) as ImagesBody;
    expect(next.artifacts.map((a) => [a.name, a.stored])).toEqual([
      [first.artifacts[0]!.name, 'new'],
      [`figma/${f.key}/fills/aaaa0000.png`, 'existing'],
      [`figma/${f.key}/fills/bbbb0001.jpg`, 'existing'],
    ]);
    expect(next.figma_calls).toEqual({ tier1: 1, tier2: 2, downloads: 1 });
    const fresh = new Uint8Array(await (await call(next.artifacts[0]!.url, { key: p.key })).arrayBuffer());
    expect(fresh).not.toEqual(old);
  });

  it('renders each format and scale under its own name, and reports a node Figma cannot render', async () => {
    const f = await imageFile();
    const url = `https://www.figma.com/design/${f.key}/Shop?node-id=${f.home.replace(':', '-')}`;
    const names: string[] = [];
    for (const [format, scale, type] of [['svg', 1, 'image/svg+xml'], ['pdf', 1, 'application/pdf'], ['jpg', 0.5, 'image/jpeg'], ['png', 4, 'image/png']] as const) {
      const res = await call('/figma-context/images', { method: 'POST', key: p.key, json: { figma_url: url, node_ids: [f.hidden], format, scale } });
      expect(res.status).toBe(200);
      const out = (await res.json()) as ImagesBody;
      expect(out.artifacts).toHaveLength(1);
      expect(out.artifacts[0]).toMatchObject({ node_id: f.home, content_type: type, stored: 'new' });
      expect(out.failed).toEqual([{ node_id: f.hidden, image_ref: null, reason: 'not_renderable', message: expect.stringContaining(f.hidden) }]);
      names.push(out.artifacts[0]!.name);
      const dl = await call(out.artifacts[0]!.url, { key: p.key });
      expect(dl.headers.get('content-type')).toBe(type);
      const text = await dl.text();
      if (format === 'svg') expect(text).toMatch(/^<svg /);
      if (format === 'pdf') expect(text).toMatch(/^%PDF-/);
    }
    const part = f.home.replace(':', '-');
    expect(names).toEqual([`${part}@1x.svg`, `${part}@1x.pdf`, `${part}@0.5x.jpg`, `${part}@4x.png`].map((n) => `figma/${f.key}/nodes/${n}`));
  });

  it('another project cannot download your artifact (404), nor can a request without credentials', async () => {
    const f = await imageFile();
    const out = (await (await call('/figma-context/images', { method: 'POST', key: p.key, json: { file_key: f.key, node_ids: [f.home] } })).json()) as ImagesBody;
    const url = out.artifacts[0]!.url;
    const other = await createTestProject();
    const res = await call(url, { key: other.key });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await call(url, { key: 'cogo_nope' })).status).toBe(401);
    expect((await call(url, { key: p.key })).status).toBe(200);
  });

  it('an image host not on the allowlist is refused, reported per artifact, never called', async () => {
    const f = await imageFile();
    const before = (await requests()).length;
    const res = await call('/figma-context/images', { method: 'POST', key: p.key, json: { file_key: f.key, node_ids: [f.home] } }, { FIGMA_IMAGE_HOSTS: 'figma-alpha-api.s3.us-west-2.amazonaws.com' });
    expect(res.status).toBe(200);
    const out = (await res.json()) as ImagesBody;
    expect(out.artifacts).toEqual([]);
    expect(out.failed).toEqual([{ node_id: f.home, image_ref: null, reason: 'download_failed', message: expect.stringContaining(imageHost) }]);
    expect((await fakeCounts(f.key, before)).downloads).toEqual([]);
  });

  it('both routes are in the OpenAPI document (the generated client reads it)', async () => {
    const doc = (await (await createApp().request('/openapi.json', {}, env)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/figma-context/images'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/figma-context/artifacts'] ?? {})).toEqual(['get']);
  });

  it('bad input is a 4xx envelope', async () => {
    const f = await imageFile();
    const bad: Array<[unknown, number, string]> = [
      [{ file_key: f.key, node_ids: [f.home], scale: 5 }, 400, 'json.scale'],
      [{ file_key: f.key, node_ids: [f.home], format: 'gif' }, 400, 'json.format'],
      [{ file_key: f.key }, 400, 'json.node_ids'],
      [{ file_key: f.key, node_ids: ['not a node'] }, 400, 'json.node_ids.0'],
      [{ file_key: f.key, figma_url: `https://www.figma.com/design/${f.key}/x`, node_ids: [f.home] }, 400, 'json.figma_url'],
      [{ file_key: f.key, node_ids: Array.from({ length: 101 }, (_, i) => `1:${i}`) }, 400, 'json.node_ids'],
    ];
    for (const [json, status, path] of bad) {
      const res = await call('/figma-context/images', { method: 'POST', key: p.key, json });
      expect(res.status, JSON.stringify(json)).toBe(status);
      const error = ((await res.json()) as { error: { code: string; details?: { issues?: Array<{ path: string }> }; requestId: string } }).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.issues?.map((i) => i.path)).toContain(path);
    }
    const missing = await call('/figma-context/images', { method: 'POST', key: p.key, json: { file_key: 'NOSUCHFILE01', node_ids: ['1:2'] } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('FIGMA_NOT_FOUND');
    for (const q of ['', '?name=', '?name=../../etc/passwd', `?name=figma/${f.key}/nodes/`]) {
      const res = await call(`/figma-context/artifacts${q}`, { key: p.key });
      expect(res.status, q).toBe(400);
    }
    expect((await call(`/figma-context/artifacts?name=figma/${f.key}/nodes/9-9@1x.png`, { key: p.key })).status).toBe(404);
  });
});
