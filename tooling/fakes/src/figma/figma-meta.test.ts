// GET /v1/files/:key/meta (Tier 2): the file's metadata, in Figma's shape, with a `version` that moves when the
// file is replaced through the control API — what a version cache keys on.
import type { GetFileMetaResponse, GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE_KEY, sampleFiles } from '../samples/sample-files';
import { startFigmaFake } from './figma-fake';
import type { FigmaFake } from './figma-types';
import { getJson } from './test-helpers';

const sample = sampleFiles()[SAMPLE_FILE_KEY] as GetFileResponse;

describe('Figma fake: file meta and versions', () => {
  let fake: FigmaFake;
  beforeAll(async () => {
    fake = await startFigmaFake({ token: 'figd_meta' });
  });
  afterAll(() => fake.close());
  const auth = { 'x-figma-token': 'figd_meta' };

  it("serves /meta in Figma's shape with the file's version, and checks the token like any endpoint", async () => {
    const { status, body } = await getJson<GetFileMetaResponse>(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/meta`, auth);
    expect(status).toBe(200);
    expect(body.file).toMatchObject({ name: sample.name, version: sample.version, editorType: 'figma', last_touched_at: sample.lastModified });
    expect(body.file.creator).toEqual({ id: expect.any(String), handle: expect.any(String), img_url: expect.any(String) });
    expect(body.file.url).toBe(`https://www.figma.com/design/${SAMPLE_FILE_KEY}`);
    expect('document' in (body.file as object)).toBe(false);
    expect((await getJson(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/meta`)).status).toBe(403);
    expect((await getJson(`${fake.url}/v1/files/NOSUCHFILE00/meta`, auth)).status).toBe(404);
  });

  it('replacing a file (control API) bumps its version everywhere, also when the new body repeats the old version', async () => {
    const key = 'METAVERSION01';
    const put = (file: unknown) => fetch(`${fake.url}/__fake/files/${key}`, { method: 'PUT', body: JSON.stringify(file) });
    const version = async () => (await getJson<GetFileMetaResponse>(`${fake.url}/v1/files/${key}/meta`, auth)).body.file.version;
    expect((await put(sample)).status).toBe(204);
    const v1 = await version();
    expect(v1).toBe(sample.version);
    expect((await put({ ...sample, name: 'Changed' })).status).toBe(204);
    const v2 = await version();
    expect(v2).not.toBe(v1);
    expect((await getJson<GetFileResponse>(`${fake.url}/v1/files/${key}?depth=1`, auth)).body.version).toBe(v2);
    const firstPage = sample.document.children[0]!.id;
    expect((await getJson<GetFileNodesResponse>(`${fake.url}/v1/files/${key}/nodes?ids=${firstPage}&depth=1`, auth)).body.version).toBe(v2);
    // a body naming a new version of its own keeps it
    expect((await put({ ...sample, version: '99' })).status).toBe(204);
    expect(await version()).toBe('99');
  });

  it('counts /meta as Tier 2 under a quota', async () => {
    fake.setQuota({ planTier: 'pro', limitType: 'low' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await fetch(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/meta`, { headers: auth })).status);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]); // 5 a minute on Tier 2, low
    } finally {
      fake.setQuota(null);
    }
  });
});
