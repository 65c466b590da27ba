// POST /figma-compat/uui/variables/derive with a plugin upload (issue 13: variables on any Figma plan): the export's
// top-level `variables` + `variableCollections` alone (no Figma call, no Figma token: stored under `upload:<id>`),
// merged with Figma's REST reads by variable id (stored under Figma's version, replacing a version derived without
// the upload), answered from storage the second time; uploads of one file diffed; every bad upload a 4xx naming
// what is wrong, with no token version stored.
import { schema } from '@cogo/db';
import { DerivedTokensResponseSchema, ErrorEnvelopeSchema, TokensDiffResponseSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, figmaFake, testDb } from '../../../test/helpers';
import { uploadKey } from '../uui/upload-url';
import { BLUE, EXTRA, figmaRequestsFor, newFileKey, pluginExport, putFigmaFile, sampleExportFile, sampleFile, sampleVariables, uploadExport } from './figma-compat.test-helpers';

const DERIVE = '/figma-compat/uui/variables/derive';
const derive = (key: string, json: unknown) => api(DERIVE, { method: 'POST', key, json });
const uploadFileKey = (uploadId: string) => `upload${uploadId.replaceAll('-', '')}`;

async function storedRows(projectId: string) {
  const handle = testDb();
  try {
    return await handle.db.select().from(schema.tokenVersions).where(eq(schema.tokenVersions.projectId, projectId));
  } finally {
    await handle.close();
  }
}

async function outboxOf(projectId: string) {
  const handle = testDb();
  const u = schema.projectUpdates;
  try {
    return await handle.db
      .select({ entityId: u.entityId, operation: u.operation, contentHash: u.contentHash })
      .from(u)
      .where(and(eq(u.projectId, projectId), eq(u.entity, 'token_version')))
      .orderBy(asc(u.id));
  } finally {
    await handle.close();
  }
}

async function ok(res: Response) {
  expect(res.status).toBe(200);
  return DerivedTokensResponseSchema.parse(await res.json());
}

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorEnvelopeSchema.parse(await res.json()).error;
}

type Doc = Record<string, Record<string, Record<string, Record<string, unknown>>>>;

describe('POST /figma-compat/uui/variables/derive from a plugin upload', () => {
  it('derives tokens with modes and aliases from the export alone: no Figma call, no Figma token, stored under upload:<id>', async () => {
    const p = await createTestProject();
    const uploadId = await uploadExport(p.key, pluginExport(sampleFile('Plugin tokens'), sampleVariables()));
    // a deployment with no Figma token at all (and none in the project's vault)
    const { FIGMA_API_KEY: _none, ...noToken } = env;
    const request = (json: unknown) => createApp().request(DERIVE, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, noToken);
    expect((await errorOf(await request({ file_key: newFileKey() }), 422)).message).toMatch(/no Figma token/);

    const body = await ok(await request({ upload_id: uploadId, formats: ['css'] }));
    expect(body).toMatchObject({ file_key: uploadFileKey(uploadId), version: `upload:${uploadId}`, cached: false });
    expect(body.sources).toEqual({ variables: 'plugin', styles: 0, plugin: 5, upload_id: uploadId });
    expect(body.report.sources).toEqual({ rest: 0, plugin: 5, both: 0, styles: 0 });
    const tokens = body.tokens as Doc;
    expect(tokens.Theme!.color!.primary).toMatchObject({ $type: 'color', $value: '{Primitives.color.blue.500}' });
    expect(tokens.Primitives!.color!.blue).toMatchObject({ 500: { $value: { hex: '#2f5bea' }, $extensions: { 'com.figma': { variableId: BLUE } } } });
    const resolver = body.resolver as { modifiers: Record<string, { contexts: Record<string, Doc[]> }> };
    expect(resolver.modifiers.theme!.contexts.Dark![0]!.Theme!.color!.surface).toMatchObject({ $value: '{Primitives.color.gray.900}' });
    expect(body.report.collections.map((c) => [c.name, c.modes.map((m) => m.name)])).toEqual([
      ['Primitives', ['Value']],
      ['Theme', ['Light', 'Dark']],
    ]);
    expect(body.report.aliases).toMatchObject({ total: 2, resolved: 2, unresolved: 0 });
    expect(body.css).toContain('[data-theme="dark"] {\n  --color-primary: #8fb0ff;');
    expect(await figmaRequestsFor(uploadFileKey(uploadId))).toEqual([]);

    const rows = await storedRows(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fileKey: body.file_key, version: `upload:${uploadId}`, contentHash: body.content_hash, tokens: body.tokens });
  });

  it('answers the same upload again from storage (cached) without reading it', async () => {
    const p = await createTestProject();
    const uploadId = await uploadExport(p.key, pluginExport(sampleExportFile('Plugin tokens'), sampleVariables()));
    const first = await ok(await derive(p.key, { upload_id: uploadId }));
    expect(first.sources).toMatchObject({ variables: 'plugin', styles: 2, plugin: 5 });
    expect(first.report.styles).toMatchObject({ total: 2, tokens: 2, skipped: [] });
    expect(first.report.tokens.byType).toMatchObject({ typography: 1 });
    await env.UPLOADS.delete(uploadKey(p.id, uploadId)); // a second read would be a 404
    const again = await ok(await derive(p.key, { upload_id: uploadId, formats: ['tailwind'] }));
    expect(again).toMatchObject({ cached: true, version: first.version, file_key: first.file_key, content_hash: first.content_hash, tokens: first.tokens, sources: first.sources });
    expect(again.tailwind).toContain('@theme {');
    expect(await storedRows(p.id)).toHaveLength(1);
  });

  it("merges Figma's REST variables with the export's by variable id, stored under Figma's version", async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    // the export holds one variable more than /variables/local: the merge adds it, the five in both count once
    const uploadId = await uploadExport(p.key, pluginExport(sampleFile('Tokens'), sampleVariables({ extra: true })));
    const body = await ok(await derive(p.key, { figma_url: `https://www.figma.com/design/${k}/Tokens`, upload_id: uploadId }));
    expect(body).toMatchObject({ file_key: k, cached: false, sources: { variables: 'both', styles: 0, plugin: 6, upload_id: uploadId } });
    expect(body.version).not.toMatch(/^upload:/);
    expect(body.report.sources).toEqual({ rest: 5, plugin: 6, both: 5, styles: 0 });
    expect(body.report.variables).toBe(6);
    expect((body.tokens as Doc).Primitives!.spacing!['2']).toMatchObject({ $value: { value: 8, unit: 'px' }, $extensions: { 'com.figma': { variableId: EXTRA } } });
    expect(await figmaRequestsFor(k)).toEqual([`/v1/files/${k}/meta`, `/v1/files/${k}/variables/local`, `/v1/files/${k}?depth=1`]);
    const rows = await storedRows(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fileKey: k, version: body.version, contentHash: body.content_hash });
  });

  it('on a plan without the Variables API: replaces the styles-only version with the merged one, then answers it from storage', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Styles', { styles: true }));
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: 2, path: `/v1/files/${k}/variables/local` }]);
    const stylesOnly = await ok(await derive(p.key, { file_key: k }));
    expect(stylesOnly.sources).toMatchObject({ variables: 'unavailable', styles: 2 });
    expect(stylesOnly.report.variables).toBe(0);

    const uploadId = await uploadExport(p.key, pluginExport(sampleFile('Styles', { styles: true }), sampleVariables()));
    const merged = await ok(await derive(p.key, { file_key: k, upload_id: uploadId }));
    expect(merged).toMatchObject({ cached: false, version: stylesOnly.version, sources: { variables: 'plugin', styles: 2, plugin: 5, upload_id: uploadId } });
    expect(merged.sources.reason).toMatch(/Enterprise/);
    expect(merged.report).toMatchObject({ variables: 5, styles: { total: 2, tokens: 2 } });
    expect(merged.content_hash).not.toBe(stylesOnly.content_hash);
    const rows = await storedRows(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: merged.version, contentHash: merged.content_hash });
    // the replacement is an `update` of the same row in the outbox, after its `insert`
    expect(await outboxOf(p.id)).toEqual([
      { entityId: rows[0]!.id, operation: 'insert', contentHash: stylesOnly.content_hash },
      { entityId: rows[0]!.id, operation: 'update', contentHash: merged.content_hash },
    ]);

    const before = (await figmaRequestsFor(k)).length;
    const again = await ok(await derive(p.key, { file_key: k, upload_id: uploadId }));
    expect(again).toMatchObject({ cached: true, content_hash: merged.content_hash });
    // Figma alone now answers the richer stored version of the same Figma version
    expect(await ok(await derive(p.key, { file_key: k }))).toMatchObject({ cached: true, content_hash: merged.content_hash, sources: { variables: 'plugin' } });
    expect((await figmaRequestsFor(k)).slice(before)).toEqual([`/v1/files/${k}/meta`, `/v1/files/${k}/meta`]);
  });

  it('diffs two uploads of one file derived under its file key', async () => {
    const p = await createTestProject();
    const k = newFileKey(); // never on the Figma fake: the uploads name it, Figma is not asked
    const u1 = await uploadExport(p.key, pluginExport(sampleFile('Tokens'), sampleVariables()));
    const u2 = await uploadExport(p.key, pluginExport(sampleFile('Tokens'), sampleVariables({ blue: '#0000ff', extra: true, withoutGray: true })));
    const v1 = await ok(await derive(p.key, { upload_id: u1, file_key: k, source: 'upload' }));
    const v2 = await ok(await derive(p.key, { upload_id: u2, file_key: k, source: 'upload' }));
    expect([v1.file_key, v1.version, v2.file_key, v2.version]).toEqual([k, `upload:${u1}`, k, `upload:${u2}`]);
    expect(await figmaRequestsFor(k)).toEqual([]);
    const res = await api(`/figma-compat/uui/variables/diff?${new URLSearchParams({ file_key: k, from: v1.version, to: v2.version }).toString()}`, { key: p.key });
    expect(res.status).toBe(200);
    const d = TokensDiffResponseSchema.parse(await res.json());
    expect(d.changed!.map((c) => [c.path, c.mode])).toEqual([
      ['Primitives.color.blue.500', null],
      ['Theme.color.surface', 'theme/Dark'],
    ]);
    expect(d.added!.map((a) => a.path)).toEqual(['Primitives.spacing.2']);
    expect(d.removed!.map((r) => r.path)).toEqual(['Primitives.color.gray.900']);
  });
});

describe('POST /figma-compat/uui/variables/derive: bad uploads store nothing', () => {
  it('answers 404 for an unknown upload and for another project’s', async () => {
    const a = await createTestProject('A');
    const b = await createTestProject('B');
    const unknown = crypto.randomUUID();
    const err = await errorOf(await derive(a.key, { upload_id: unknown }), 404);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain(unknown);
    const theirs = await uploadExport(b.key, pluginExport(sampleFile('Tokens'), sampleVariables()));
    expect((await errorOf(await derive(a.key, { upload_id: theirs }), 404)).code).toBe('NOT_FOUND');
    // merged: the upload is read before Figma's variables and file, so a missing one costs Figma only /meta
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    expect((await errorOf(await derive(a.key, { file_key: k, upload_id: unknown }), 404)).message).toContain(unknown);
    expect(await figmaRequestsFor(k)).toEqual([`/v1/files/${k}/meta`]);
    expect(await storedRows(a.id)).toEqual([]);
  });

  it('answers 413 for an upload over the size cap, 422 for one not JSON, nested too deep, or not an object', async () => {
    const p = await createTestProject();
    const big = await uploadExport(p.key, pluginExport({ ...sampleFile('Big'), padding: 'x'.repeat(4096) }, sampleVariables()));
    const small = { ...env, MAX_UPLOAD_BYTES: '2048' };
    const res = await createApp().request(DERIVE, { method: 'POST', body: JSON.stringify({ upload_id: big }), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, small);
    const tooBig = await errorOf(res, 413);
    expect(tooBig).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { upload_id: big } });
    expect(tooBig.message).toMatch(new RegExp(`upload ${big}: .*over 2048 bytes`));

    const notJson = await errorOf(await derive(p.key, { upload_id: await uploadExport(p.key, '{"variables": [') }), 422);
    expect(notJson.message).toMatch(/not valid JSON/);
    const deep = await errorOf(await derive(p.key, { upload_id: await uploadExport(p.key, `{"variables":${'['.repeat(1001)}${']'.repeat(1001)}}`) }), 422);
    expect(deep.message).toMatch(/nested deeper than 1000/);
    const scalar = await errorOf(await derive(p.key, { upload_id: await uploadExport(p.key, 42) }), 422);
    expect(scalar).toMatchObject({ code: 'UNPROCESSABLE', details: { path: 'upload' } });
    expect(scalar.message).toMatch(/expected a JSON object/);
    expect(await storedRows(p.id)).toEqual([]);
  });

  it('answers 422 TOKENS_NO_SOURCE naming what is missing for an export with neither variables nor styles', async () => {
    const p = await createTestProject();
    const uploadId = await uploadExport(p.key, pluginExport(sampleFile('Empty')));
    const err = await errorOf(await derive(p.key, { upload_id: uploadId }), 422);
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toContain(`the plugin export of upload ${uploadId} has no variables (no top-level \`variables\` and \`variableCollections\`) and no styles with values (0 in its styles map)`);
    expect(err.details).toMatchObject({ code: 'TOKENS_NO_SOURCE', sources: { variables: 'unavailable', styles: 0, plugin: 0, upload_id: uploadId } });
    expect(await storedRows(p.id)).toEqual([]);
  });

  it('answers 422 naming the path of malformed variables, alone or merged', async () => {
    const p = await createTestProject();
    const notAList = await uploadExport(p.key, { ...sampleFile('Bad'), variables: 'nope', variableCollections: [] });
    const err = await errorOf(await derive(p.key, { upload_id: notAList }), 422);
    expect(err.details).toMatchObject({ code: 'TOKENS_MALFORMED_VARIABLES', path: 'upload.variables' });
    expect(err.message).toContain(`the plugin export of upload ${notAList} cannot be converted: upload.variables: expected a list or a map of variables`);

    const exported = pluginExport(sampleFile('Bad'), sampleVariables()) as { variables: Array<{ resolvedType?: string }> };
    delete exported.variables[0]!.resolvedType;
    const untyped = await uploadExport(p.key, exported);
    const err2 = await errorOf(await derive(p.key, { upload_id: untyped }), 422);
    expect(err2.details).toMatchObject({ code: 'TOKENS_MALFORMED_VARIABLES', path: `upload.variables["${BLUE}"].resolvedType` });
    expect(err2.message).toContain(`variable ${BLUE} (color/blue/500)`);

    // merged: the same path, and nothing stored under Figma's version
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    const err3 = await errorOf(await derive(p.key, { file_key: k, upload_id: notAList }), 422);
    expect(err3.details).toMatchObject({ code: 'TOKENS_MALFORMED_VARIABLES', path: 'upload.variables', sources: { upload_id: notAList } });
    expect(await storedRows(p.id)).toEqual([]);
  });

  it('answers 400 naming the field for a body whose source does not fit its fields', async () => {
    const p = await createTestProject();
    const id = crypto.randomUUID();
    const k = newFileKey();
    for (const [json, path] of [
      [{ upload_id: 'not-a-uuid' }, 'upload_id'],
      [{ upload_id: id, source: 'figma' }, 'upload_id'],
      [{ file_key: k, upload_id: id, source: 'figma' }, 'upload_id'],
      [{ file_key: k, source: 'upload' }, 'upload_id'],
      [{ file_key: k, source: 'merged' }, 'upload_id'],
      [{ upload_id: id, source: 'merged' }, 'file_key'],
      [{ upload_id: id, source: 'both' }, 'source'],
    ] as const) {
      const err = await errorOf(await derive(p.key, json), 400);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(err.details)).toContain(path);
    }
    expect(await storedRows(p.id)).toEqual([]);
  });
});
