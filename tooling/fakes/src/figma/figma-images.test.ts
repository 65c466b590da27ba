import type { GetFileResponse, GetImageFillsResponse, GetImagesResponse } from '@figma/rest-api-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE_KEY, sampleFiles } from '../samples/sample-files';
import { startFigmaFake } from './figma-fake';
import type { FigmaFake } from './figma-types';
import { imageRefs } from './figma-images';
import { findByName, getJson } from './test-helpers';

const sample = sampleFiles()[SAMPLE_FILE_KEY] as GetFileResponse;
const homeId = findByName(sample, 'Home').id;
const token = 'figd_images_test';

/** The sample with one visible image fill, one hidden node and a background image. */
function withImages(): GetFileResponse {
  const file = structuredClone(sample);
  const home = findByName(file, 'Home') as { fills?: unknown[]; children?: Array<Record<string, unknown>> };
  home.fills = [{ type: 'IMAGE', imageRef: 'aaaa0000', scaleMode: 'FILL' }];
  home.children![0]!.visible = false;
  (home.children![1] as { fills?: unknown[] }).fills = [{ type: 'IMAGE', imageRef: 'bbbb0001', scaleMode: 'FIT' }, { type: 'IMAGE', imageRef: 'aaaa0000' }];
  return file;
}

describe('Figma fake: images', () => {
  let fake: FigmaFake;
  beforeAll(async () => {
    fake = await startFigmaFake({ token, files: { IMGFILE1: withImages() }, includeSamples: false });
  });
  afterAll(() => fake.close());
  const auth = { 'X-Figma-Token': token };

  it('renders nodes to URLs on another host, null for a hidden or unknown node, bytes of the format', async () => {
    const file = withImages();
    const hidden = (findByName(file, 'Home') as { children: Array<{ id: string }> }).children[0]!.id;
    const { status, body } = await getJson<GetImagesResponse>(`${fake.url}/v1/images/IMGFILE1?ids=${homeId},${hidden},999:1&format=svg&scale=2`, auth);
    expect(status).toBe(200);
    expect(body.err).toBeNull();
    expect(body.images[hidden]).toBeNull();
    expect(body.images['999:1']).toBeNull();
    const url = new URL(body.images[homeId]!);
    expect(url.origin).toBe(fake.imagesUrl);
    expect(url.origin).not.toBe(fake.url);
    // pre-signed: no token needed
    const img = await fetch(url);
    expect(img.headers.get('content-type')).toBe('image/svg+xml');
    expect(await img.text()).toMatch(/^<svg /);
    const png = await getJson<GetImagesResponse>(`${fake.url}/v1/images/IMGFILE1?ids=${homeId}`, auth);
    expect([...new Uint8Array(await (await fetch(png.body.images[homeId]!)).arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(fake.requests.map((r) => r.path)).toContain(url.pathname);
  });

  it('refuses a bad format or scale like Figma (400 with err)', async () => {
    expect((await getJson(`${fake.url}/v1/images/IMGFILE1?ids=${homeId}&format=gif`, auth)).status).toBe(400);
    expect((await getJson(`${fake.url}/v1/images/IMGFILE1?ids=${homeId}&scale=5`, auth)).body).toMatchObject({ status: 400 });
    expect((await getJson(`${fake.url}/v1/images/NOPE?ids=${homeId}`, auth)).status).toBe(404);
  });

  it('lists every image fill of the file once, by imageRef', async () => {
    expect(imageRefs(withImages().document)).toEqual(['aaaa0000', 'bbbb0001']);
    const { status, body } = await getJson<GetImageFillsResponse>(`${fake.url}/v1/files/IMGFILE1/images`, auth);
    expect(status).toBe(200);
    expect(body).toMatchObject({ error: false, status: 200 });
    expect(Object.keys(body.meta.images)).toEqual(['aaaa0000', 'bbbb0001']);
    const jpg = await fetch(body.meta.images.bbbb0001!);
    expect(jpg.headers.get('content-type')).toBe('image/jpeg');
    expect((await getJson(`${fake.url}/v1/files/IMGFILE1/images`)).status).toBe(403);
  });

  it('tells the image origin through the control API', async () => {
    expect(await (await fetch(`${fake.url}/__fake/info`)).json()).toEqual({ images_origin: fake.imagesUrl });
  });
});
