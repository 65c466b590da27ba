import type { GetFileNodesResponse, GetFileResponse, GetLocalVariablesResponse } from '@figma/rest-api-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countNodes } from '../samples/count-nodes';
import { generateLargeFile } from '../samples/large-file';
import { SAMPLE_FILE_KEY, sampleFiles } from '../samples/sample-files';
import { startFigmaFake } from './figma-fake';
import type { FigmaFake } from './figma-types';
import { childrenOf } from './node-index';
import { findByName, getJson } from './test-helpers';

const sample = sampleFiles()[SAMPLE_FILE_KEY] as GetFileResponse;
const homeId = findByName(sample, 'Home').id;
const gridId = findByName(sample, 'Frame 12').id;
const cartIconId = findByName(sample, 'Icon/Cart', 'COMPONENT').id;

describe('Figma fake: files', () => {
  let fake: FigmaFake;
  let base: string;
  beforeAll(async () => {
    fake = await startFigmaFake();
    base = `${fake.url}/v1/files/${SAMPLE_FILE_KEY}`;
  });
  afterAll(() => fake.close());

  it('serves the whole sample file as JSON by default', async () => {
    const { status, headers, body } = await getJson<GetFileResponse>(base);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.name).toBe('COGO Sample — Storefront');
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['document', 'components', 'componentSets', 'styles', 'schemaVersion', 'version', 'role', 'editorType', 'lastModified', 'thumbnailUrl']));
    expect(countNodes(body)).toEqual(countNodes(sample));
    expect(body.components).toEqual(sample.components);
  });

  it('depth=1 returns only the pages, without a children key', async () => {
    const { body } = await getJson<GetFileResponse>(`${base}?depth=1`);
    expect(body.document.children.map((page) => page.type)).toEqual(['CANVAS', 'CANVAS', 'CANVAS']);
    for (const page of body.document.children) expect('children' in page).toBe(false);
    expect(countNodes(body).total).toBe(4);
  });

  it('depth=2 returns pages and their top-level children, without grandchildren', async () => {
    const { body } = await getJson<GetFileResponse>(`${base}?depth=2`);
    const expected = sample.document.children.map((page) => page.children.map((child) => child.id));
    expect(body.document.children.map((page) => page.children.map((child) => child.id))).toEqual(expected);
    for (const page of body.document.children) {
      for (const child of page.children) expect('children' in child).toBe(false);
    }
    expect(countNodes(body).total).toBe(1 + 3 + expected.flat().length);
  });

  it('rejects a depth that is not a positive integer', async () => {
    const { status, body } = await getJson(`${base}?depth=0`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400 });
  });

  it('ids keeps the path to each node and its whole subtree, dropping siblings', async () => {
    const { body } = await getJson<GetFileResponse>(`${base}?ids=${gridId}`);
    // as Figma documents: every page comes back (an empty one off the paths), with the local main
    // components the subtree's instances use, recursively, and their own ancestors
    expect(body.document.children.map((page) => page.name)).toEqual(['Storefront', 'Components', 'Archive']);
    expect(body.document.children.map((page) => page.children.map((child) => child.id))).toEqual([[homeId], ['10:1', '10:15', '10:16', '10:19'], []]);
    const set = body.document.children[1]?.children[1];
    expect(childrenOf(set as never).map((child) => child.id)).toEqual(['10:12']);
    const page = body.document.children[0];
    expect(page?.children.map((child) => child.id)).toEqual([homeId]);
    const home = page?.children[0];
    expect(childrenOf(home as never).map((child) => child.id)).toEqual([gridId]);
    const grid = childrenOf(home as never)[0];
    expect(countNodes(grid as never)).toEqual(countNodes(findByName(sample, 'Frame 12')));
  });

  it('ids across pages keeps each page on a path, combined with depth', async () => {
    const { body } = await getJson<GetFileResponse>(`${base}?ids=${homeId},${cartIconId}&depth=2`);
    expect(body.document.children.map((page) => page.name)).toEqual(['Storefront', 'Components', 'Archive']);
    // Home's instances need Icon/Cart, Button (set), Badge and Product Card: the path to each, cut at depth 2
    expect(body.document.children.map((page) => page.children.map((child) => child.id))).toEqual([[homeId], [cartIconId, '10:15', '10:16', '10:19'], []]);
    expect('children' in (body.document.children[0]?.children[0] ?? {})).toBe(false);
  });

  it('ids with depth=1 returns every page, so only the path to a node tells which page holds it', async () => {
    const { body } = await getJson<GetFileResponse>(`${base}?ids=${gridId}&depth=1`);
    expect(body.document.children.map((page) => page.id)).toEqual(['0:1', '1:2', '1:3']);
    for (const page of body.document.children) expect('children' in page).toBe(false);
    const { body: deeper } = await getJson<GetFileResponse>(`${base}?ids=${gridId}&depth=3`);
    const [storefront] = deeper.document.children;
    expect(storefront?.children.map((child) => child.id)).toEqual([homeId]);
    expect(childrenOf(storefront!.children[0] as never).map((child) => child.id)).toEqual([gridId]);
    expect('children' in (childrenOf(storefront!.children[0] as never)[0] ?? {})).toBe(false);
  });

  it('answers 404 with Figma\'s body for an unknown file', async () => {
    const { status, body } = await getJson(`${fake.url}/v1/files/NOPE`);
    expect(status).toBe(404);
    expect(body).toEqual({ status: 404, err: 'Not found' });
  });

  it('serves the local variables of the sample', async () => {
    const { status, body } = await getJson<GetLocalVariablesResponse>(`${base}/variables/local`);
    expect(status).toBe(200);
    expect(body.status).toBe(200);
    expect(body.error).toBe(false);
    expect(Object.keys(body.meta.variables).length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(body.meta.variableCollections)).toHaveLength(1);
  });

  it('serves files and variables added at runtime, and replaces a file on re-add', async () => {
    fake.addFile('SMALL', { ...sample, name: 'First' });
    fake.addVariables('SMALL', { variables: {}, variableCollections: {} });
    expect((await getJson<GetFileResponse>(`${fake.url}/v1/files/SMALL`)).body.name).toBe('First');
    fake.addFile('SMALL', { ...sample, name: 'Second' });
    expect((await getJson<GetFileResponse>(`${fake.url}/v1/files/SMALL`)).body.name).toBe('Second');
    expect((await getJson<GetLocalVariablesResponse>(`${fake.url}/v1/files/SMALL/variables/local`)).body.meta.variables).toEqual({});
  });

  it('serves a large generated file intact, identically on repeated requests', async () => {
    const large = generateLargeFile({ nodes: 20_000, seed: 7 });
    fake.addFile('LARGE', large);
    const first = await fetch(`${fake.url}/v1/files/LARGE`);
    const firstText = await first.text();
    expect(Number(first.headers.get('content-length'))).toBe(Buffer.byteLength(firstText));
    expect(countNodes(JSON.parse(firstText) as GetFileResponse)).toEqual(countNodes(large));
    expect(await (await fetch(`${fake.url}/v1/files/LARGE`)).text()).toBe(firstText);
  });
});

describe('Figma fake: nodes', () => {
  let fake: FigmaFake;
  let base: string;
  beforeAll(async () => {
    fake = await startFigmaFake();
    base = `${fake.url}/v1/files/${SAMPLE_FILE_KEY}/nodes`;
  });
  afterAll(() => fake.close());

  it('returns each requested node with the components and styles it uses, and null for unknown ids', async () => {
    const { status, body } = await getJson<GetFileNodesResponse>(`${base}?ids=${homeId},999:999,${cartIconId}`);
    expect(status).toBe(200);
    expect(Object.keys(body.nodes)).toEqual([homeId, '999:999', cartIconId]);
    expect(body.nodes['999:999']).toBeNull();
    const home = body.nodes[homeId];
    expect(home?.document.name).toBe('Home');
    expect(countNodes(home?.document as never)).toEqual(countNodes(findByName(sample, 'Home')));
    const cardId = findByName(sample, 'Product Card', 'COMPONENT').id;
    expect(Object.keys(home?.components ?? {})).toContain(cardId);
    expect(Object.keys(home?.componentSets ?? {})).toEqual(Object.keys(sample.componentSets));
    expect(Object.keys(home?.styles ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(body.nodes[cartIconId]?.components ?? {})).toEqual([cartIconId]);
    expect(body).toMatchObject({ name: sample.name, version: sample.version, role: 'owner', editorType: 'figma' });
  });

  it("answers a local style's node id with the style's node, holding the values of the first node that uses it", async () => {
    const styles = Object.entries(sample.styles);
    const fill = styles.find(([, st]) => st.styleType === 'FILL')![0];
    const text = styles.find(([, st]) => st.styleType === 'TEXT')![0];
    const effect = styles.find(([, st]) => st.styleType === 'EFFECT')![0];
    const { status, body } = await getJson<GetFileNodesResponse>(`${base}?ids=${fill},${text},${effect}`);
    expect(status).toBe(200);
    const node = (id: string) => body.nodes[id]?.document as unknown as Record<string, unknown>;
    expect(node(fill)).toMatchObject({ id: fill, name: sample.styles[fill]!.name, type: 'RECTANGLE' });
    expect((node(fill).fills as Array<{ type: string }>)[0]!.type).toBe('SOLID');
    expect(node(text)).toMatchObject({ id: text, type: 'TEXT', style: expect.objectContaining({ fontSize: expect.any(Number) }) });
    expect((node(effect).effects as unknown[]).length).toBeGreaterThan(0);
    // the document itself is unchanged: style ids are not in the tree
    expect(countNodes(sample.document as never)).toEqual(countNodes((await getJson<GetFileResponse>(base.replace(/\/nodes$/, ''))).body.document as never));
  });

  it('decodes URL-encoded ids, once or twice encoded', async () => {
    const once = await getJson<GetFileNodesResponse>(`${base}?ids=${encodeURIComponent(`${homeId},${gridId}`)}`);
    expect(Object.keys(once.body.nodes)).toEqual([homeId, gridId]);
    const twice = await getJson<GetFileNodesResponse>(`${base}?ids=${encodeURIComponent(encodeURIComponent(homeId))}`);
    expect(twice.body.nodes[homeId]?.document.id).toBe(homeId);
  });

  it('applies depth relative to each requested node', async () => {
    const { body } = await getJson<GetFileNodesResponse>(`${base}?ids=${homeId}&depth=1`);
    const home = body.nodes[homeId]?.document;
    const children = childrenOf(home as never);
    expect(children.length).toBe(childrenOf(findByName(sample, 'Home')).length);
    for (const child of children) expect('children' in child).toBe(false);
  });

  it('answers 400 without ids', async () => {
    const { status, body } = await getJson(base);
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400 });
  });
});

describe('Figma fake: token', () => {
  let fake: FigmaFake;
  let base: string;
  const token = 'figd_test_secret_value';
  beforeAll(async () => {
    fake = await startFigmaFake({ token });
    base = `${fake.url}/v1/files/${SAMPLE_FILE_KEY}?depth=1`;
  });
  afterAll(() => fake.close());

  it('answers 403 Invalid token without a token or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{}, { 'X-Figma-Token': 'wrong' }, { Authorization: 'Bearer wrong' }];
    for (const headers of attempts) {
      const { status, body } = await getJson(base, headers);
      expect(status).toBe(403);
      expect(body).toEqual({ status: 403, err: 'Invalid token' });
    }
  });

  it('accepts the token in X-Figma-Token or as a Bearer, and records only its presence', async () => {
    expect((await getJson(base, { 'X-Figma-Token': token })).status).toBe(200);
    expect((await getJson(base, { Authorization: `Bearer ${token}` })).status).toBe(200);
    const last = fake.requests.at(-2);
    expect(last).toMatchObject({ method: 'GET', path: `/v1/files/${SAMPLE_FILE_KEY}`, query: { depth: '1' } });
    expect(last?.headers['x-figma-token']).toBe('[redacted]');
    expect(JSON.stringify(fake.requests)).not.toContain(token);
  });
});

describe('control API (/__fake/…)', () => {
  it('sets faults, adds files and lists requests over HTTP', async () => {
    const fake = await startFigmaFake();
    try {
      const put = await fetch(`${fake.url}/__fake/faults`, {
        method: 'PUT',
        body: JSON.stringify([{ fault: { kind: 'rate-limit', retryAfterSeconds: 3 }, times: 1, pathPattern: '/nodes$' }]),
      });
      expect(put.status).toBe(204);
      const limited = await fetch(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/nodes?ids=0:1`);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('3');
      expect((await fetch(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/nodes?ids=0:1`)).status).toBe(200);

      const file = { ...sampleFiles()[SAMPLE_FILE_KEY]!, name: 'Uploaded over HTTP' };
      expect((await fetch(`${fake.url}/__fake/files/NEWKEY123`, { method: 'PUT', body: JSON.stringify(file) })).status).toBe(204);
      expect(((await (await fetch(`${fake.url}/v1/files/NEWKEY123?depth=1`)).json()) as { name: string }).name).toBe('Uploaded over HTTP');

      const requests = (await (await fetch(`${fake.url}/__fake/requests`)).json()) as Array<{ path: string }>;
      expect(requests.map((r) => r.path)).toEqual([`/v1/files/${SAMPLE_FILE_KEY}/nodes`, `/v1/files/${SAMPLE_FILE_KEY}/nodes`, '/v1/files/NEWKEY123']);
      expect((await fetch(`${fake.url}/__fake/faults`, { method: 'PUT', body: '{"not":"a list"}' })).status).toBe(400);
    } finally {
      await fake.close();
    }
  });

  it('sets a file\'s local variables over HTTP, and refuses a body that is not variables', async () => {
    const fake = await startFigmaFake();
    try {
      const meta = {
        variables: { 'VariableID:1:1': { id: 'VariableID:1:1', name: 'color/brand', key: 'k1', variableCollectionId: 'VariableCollectionId:1:0', resolvedType: 'COLOR', valuesByMode: { '1:0': { r: 1, g: 0, b: 0, a: 1 } }, remote: false, description: '', hiddenFromPublishing: false, scopes: ['ALL_SCOPES'], codeSyntax: {} } },
        variableCollections: { 'VariableCollectionId:1:0': { id: 'VariableCollectionId:1:0', name: 'Base', key: 'c1', modes: [{ modeId: '1:0', name: 'Default' }], defaultModeId: '1:0', remote: false, hiddenFromPublishing: false, variableIds: ['VariableID:1:1'] } },
      };
      expect((await fetch(`${fake.url}/__fake/variables/${SAMPLE_FILE_KEY}`, { method: 'PUT', body: JSON.stringify(meta) })).status).toBe(204);
      const got = (await (await fetch(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/variables/local`)).json()) as GetLocalVariablesResponse;
      expect(got.meta).toEqual(meta);
      expect((await fetch(`${fake.url}/__fake/variables/${SAMPLE_FILE_KEY}`, { method: 'PUT', body: '{"variables":{}}' })).status).toBe(400);
    } finally {
      await fake.close();
    }
  });
});
