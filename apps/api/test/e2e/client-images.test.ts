// `cogo images` (packages/api-client/src/cli-images.ts) against the real Worker: the CLI's fetch goes into the
// Worker, which renders through the Figma fake and stores into R2; the files the CLI writes are compared with
// what the API serves. The command is given parsed (runImages): workerd has no node:util parseArgs.
import { storefrontFile } from '@cogo/fakes/samples';
import type { GetFileResponse } from '@figma/rest-api-spec';
import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runImages, type ImagesCommand } from '../../../../packages/api-client/src/cli-images';
import { describeError } from '../../../../packages/api-client/src/cli';
import { BASE, createTestProject, figmaFake, type TestProject } from '../helpers';
import { workerTransport } from './client-helpers';

afterEach(() => figmaFake.clear());

let imageHost = '';
beforeAll(async () => {
  imageHost = new URL(((await (await fetch(`${env.FIGMA_API_BASE}/__fake/info`)).json()) as { images_origin: string }).images_origin).host;
});

const fakeLog = async (): Promise<Array<{ path: string }>> => (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json();

/** The sample under a fresh key, Home with an image fill and its first child hidden. */
async function imageFile() {
  const key = `CLI${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const file = storefrontFile() as GetFileResponse;
  const home = (file.document.children[0] as unknown as { children: Array<Record<string, unknown> & { children: Array<Record<string, unknown>> }> }).children[0]!;
  home.fills = [{ type: 'IMAGE', imageRef: 'cccc0002', scaleMode: 'FILL' }];
  home.children[0]!.visible = false;
  await figmaFake.putFile(key, file);
  return { key, home: String(home.id), hidden: String(home.children[0]!.id), other: String(home.children[1]!.id) };
}

async function run(p: TestProject, request: ImagesCommand['request'], out = 'shots') {
  const transport = workerTransport({ vars: { FIGMA_IMAGE_HOSTS: imageHost } });
  const files = new Map<string, Uint8Array>();
  let stdout = '';
  let stderr = '';
  const code = await runImages(
    { command: 'images', request, out, json: false, baseUrl: BASE, apiKey: p.key },
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, fetch: transport.fetch, writeFile: async (path, bytes) => void files.set(path, bytes) },
    describeError,
  );
  return { code, stdout, stderr, files, transport };
}

describe('cogo images against the Worker', () => {
  it('writes every render and fill under --out with the bytes the API serves; a second run fetches nothing from Figma', async () => {
    const p = await createTestProject();
    const f = await imageFile();
    const part = (id: string) => id.replaceAll(':', '-');
    const first = await run(p, { file_key: f.key, node_ids: [f.home, f.other], format: 'png', scale: 2, include_fills: true }, 'out/');
    expect(first.stderr).toContain('3 files in out/');
    expect(first.code).toBe(0);
    expect([...first.files.keys()]).toEqual([`out/nodes/${part(f.home)}@2x.png`, `out/nodes/${part(f.other)}@2x.png`, 'out/fills/cccc0002.png']);
    for (const bytes of first.files.values()) expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(first.stdout).toContain(`out/nodes/${part(f.home)}@2x.png (`);
    expect(first.stdout).toContain('fetched');
    // each file is exactly what the API serves for that artifact
    const downloads = first.transport.requests.filter((r) => r.path === '/figma-context/artifacts');
    expect(downloads.map((r) => new URL(r.url).searchParams.get('name'))).toEqual([`figma/${f.key}/nodes/${part(f.home)}@2x.png`, `figma/${f.key}/nodes/${part(f.other)}@2x.png`, `figma/${f.key}/fills/cccc0002.png`]);

    const before = (await fakeLog()).length;
    const second = await run(p, { file_key: f.key, node_ids: [f.home, f.other], format: 'png', scale: 2, include_fills: true }, 'again');
    expect(second.code).toBe(0);
    expect([...second.files.values()]).toEqual([...first.files.values()]);
    expect(second.stdout.match(/already stored/g)).toHaveLength(3);
    const after = (await fakeLog()).slice(before);
    expect(after.filter((r) => r.path.startsWith('/v1/images/') || r.path.startsWith('/images/') || r.path.startsWith('/img/'))).toEqual([]);
  });

  it('a node Figma cannot render: the others are written, the run says which and exits 1', async () => {
    const p = await createTestProject();
    const f = await imageFile();
    const r = await run(p, { figma_url: `https://www.figma.com/design/${f.key}/Shop?node-id=${f.home.replace(':', '-')}`, node_ids: [f.hidden], format: 'svg' });
    expect(r.code).toBe(1);
    expect([...r.files.keys()]).toEqual([`shots/nodes/${f.home.replace(':', '-')}@1x.svg`]);
    expect(new TextDecoder().decode(r.files.values().next().value)).toMatch(/^<svg /);
    expect(r.stderr).toContain(`cogo: not_renderable: Figma could not render node ${f.hidden}`);
  });

  it('an API error is one line naming its code and request, and nothing is written', async () => {
    const p = await createTestProject();
    const r = await run(p, { file_key: 'NOSUCHFILE99', node_ids: ['1:2'] });
    expect(r.code).toBe(1);
    expect(r.files.size).toBe(0);
    expect(r.stderr).toMatch(/^cogo: FIGMA_NOT_FOUND: .+ \(request [\w-]+\)\n$/);
  });
});
