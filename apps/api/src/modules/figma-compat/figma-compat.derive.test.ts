// POST /figma-compat/uui/variables/derive through the Worker against the Figma fake, on files of the test's own:
// variables with modes and a cross-collection alias → DTCG + Resolver + CSS + Tailwind, stored per version with the
// trace's `tokens_derived` event; the same version again is answered from storage with only /meta asked; a 403 on
// variables (not Enterprise) still yields the styles; nothing to derive is a 422 storing nothing; bad bodies 400;
// an unknown file 404; Figma's 429 a 429 with Retry-After.
import { schema } from '@cogo/db';
import { DerivedTokensResponseSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, eventually, figmaFake, projectWithOwnFigmaToken, testDb } from '../../../test/helpers';
import { BLUE, figmaRequestsFor, GRAY, newFileKey, putFigmaFile, sampleFile, sampleVariables } from './figma-compat.test-helpers';

const DERIVE = '/figma-compat/uui/variables/derive';
const derive = (key: string, json: unknown) => api(DERIVE, { method: 'POST', key, json });

async function storedVersions(projectId: string, fileKey: string) {
  const handle = testDb();
  try {
    return await handle.db.select().from(schema.tokenVersions).where(and(eq(schema.tokenVersions.projectId, projectId), eq(schema.tokenVersions.fileKey, fileKey)));
  } finally {
    await handle.close();
  }
}

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorEnvelopeSchema.parse(await res.json()).error;
}

describe('POST /figma-compat/uui/variables/derive', () => {
  it('derives DTCG tokens with modes and a cross-collection alias, stores the version and emits tokens_derived on the trace', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    const trace = crypto.randomUUID().replaceAll('-', '');
    const res = await derive(p.key, { figma_url: `https://www.figma.com/design/${k}/Tokens`, trace_id: trace, formats: ['dtcg', 'resolver', 'css', 'tailwind'] });
    expect(res.status).toBe(200);
    const body = DerivedTokensResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ file_key: k, cached: false, trace_id: trace, sources: { variables: 'rest', styles: 0 } });

    // default modes in one document; Theme's primary aliases Primitives' blue by variable id
    const tokens = body.tokens as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    expect(tokens.Theme!.color!.primary).toMatchObject({ $type: 'color', $value: '{Primitives.color.blue.500}', $extensions: { 'com.figma': { variableId: 'VariableID:2:1' } } });
    expect(tokens.Primitives!.color!.blue).toMatchObject({ 500: { $type: 'color', $value: { colorSpace: 'srgb', hex: '#2f5bea' }, $extensions: { 'com.figma': { variableId: BLUE } } } });
    expect(tokens.Primitives!.spacing!['1']).toMatchObject({ $type: 'dimension', $value: { value: 4, unit: 'px' } });
    // every mode in the resolver: Theme's Dark aliases Primitives' gray across collections
    const resolver = body.resolver as { modifiers: Record<string, { default: string; contexts: Record<string, Array<Record<string, Record<string, Record<string, Record<string, unknown>>>>>> }> };
    expect(resolver.modifiers.theme!.default).toBe('Light');
    expect(resolver.modifiers.theme!.contexts.Dark![0]!.Theme!.color!.surface).toMatchObject({ $value: '{Primitives.color.gray.900}', $extensions: { 'com.figma': { variableId: 'VariableID:2:2' } } });
    // counts per collection and mode; every alias resolved
    expect(body.report.collections.map((c) => [c.name, c.modes.map((m) => [m.name, m.tokens])])).toEqual([
      ['Primitives', [['Value', 3]]],
      ['Theme', [['Light', 2], ['Dark', 2]]],
    ]);
    expect(body.report.aliases).toMatchObject({ total: 2, resolved: 2, unresolved: 0, issues: [] });
    expect(body.css).toContain('--color-primary: var(--color-blue-500);');
    expect(body.css).toContain('[data-theme="dark"] {\n  --color-primary: #8fb0ff;\n  --color-surface: var(--color-gray-900);');
    expect(body.tailwind).toContain('@theme {');
    expect(body.tailwind).toContain('--spacing-1: 4px;');
    // Figma: /meta and /variables/local (Tier 2), the file at depth 1 (Tier 1); no styles, so no /nodes
    expect(await figmaRequestsFor(k)).toEqual([`/v1/files/${k}/meta`, `/v1/files/${k}/variables/local`, `/v1/files/${k}?depth=1`]);

    const rows = await storedVersions(p.id, k);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: body.version, contentHash: body.content_hash, traceId: trace, tokens: body.tokens, resolver: body.resolver });
    const handle = testDb();
    try {
      const events = await eventually(async () => {
        const found = await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.traceId, trace), eq(schema.busEvents.type, 'tokens_derived')));
        return found.length ? found : undefined;
      });
      expect(events[0]!.payload).toMatchObject({ file_key: k, version: body.version, cached: false, stored: true, variables: 'rest', tokens: 5, content_hash: body.content_hash });
    } finally {
      await handle.close();
    }
  });

  it('answers the same version from storage: cached, identical tokens, and no Figma call but /meta', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    const first = DerivedTokensResponseSchema.parse(await (await derive(p.key, { file_key: k })).json());
    const before = await figmaRequestsFor(k);
    const res = await derive(p.key, { file_key: k, formats: ['css'] });
    expect(res.status).toBe(200);
    const again = DerivedTokensResponseSchema.parse(await res.json());
    expect(again).toMatchObject({ cached: true, version: first.version, content_hash: first.content_hash, tokens: first.tokens, resolver: first.resolver, report: first.report, sources: first.sources });
    expect(again.css).toContain('--color-primary');
    expect(again.tailwind).toBeUndefined();
    expect(first.css).toBeUndefined();
    expect((await figmaRequestsFor(k)).slice(before.length)).toEqual([`/v1/files/${k}/meta`]);
    expect(await storedVersions(p.id, k)).toHaveLength(1);
  });

  it('derives tokens from the styles when the Variables API answers 403 (not Enterprise)', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Styles', { styles: true }), sampleVariables());
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: 1, path: `/v1/files/${k}/variables/local` }]);
    const res = await derive(p.key, { file_key: k });
    expect(res.status).toBe(200);
    const body = DerivedTokensResponseSchema.parse(await res.json());
    expect(body.sources).toMatchObject({ variables: 'unavailable', styles: 2 });
    expect(body.sources.reason).toMatch(/Enterprise/);
    expect(body.report).toMatchObject({ variables: 0, collections: [], styles: { total: 2, tokens: 2, skipped: [] } });
    expect(body.report.tokens.byType).toEqual({ color: 1, typography: 1 });
    expect(JSON.stringify(body.tokens)).not.toContain(GRAY);
    // one /nodes call for the style nodes (Tier 1: 2 calls in all)
    expect(await figmaRequestsFor(k)).toEqual([`/v1/files/${k}/meta`, `/v1/files/${k}/variables/local`, `/v1/files/${k}?depth=1`, `/v1/files/${k}/nodes?ids=10%3A1%2C10%3A2&depth=1`]);
    expect(await storedVersions(p.id, k)).toHaveLength(1);
  });

  it('answers 422 naming what is missing for a file with neither variables nor styles, and stores nothing', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Empty'));
    const err = await errorOf(await derive(p.key, { file_key: k }), 422);
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toContain(`Figma file ${k}`);
    expect(err.message).toMatch(/no variables .* and no styles with values/);
    expect(err.details).toMatchObject({ code: 'TOKENS_NO_SOURCE', sources: { variables: 'rest', styles: 0 } });
    expect(await storedVersions(p.id, k)).toEqual([]);
  });

  it('answers 400 naming the field for a bad body, before any Figma call', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    for (const [json, path] of [
      [{}, 'file_key'],
      [{ file_key: k, figma_url: `https://www.figma.com/design/${k}/x` }, 'file_key'],
      [{ file_key: 'no!' }, 'file_key'],
      [{ file_key: k, formats: ['pdf'] }, 'formats'],
      [{ file_key: k, trace_id: 'nope' }, 'trace_id'],
      [{ figma_url: 'https://example.com/not-figma' }, 'figma_url'],
    ] as const) {
      const err = await errorOf(await derive(p.key, json), 400);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(err.details)).toContain(path);
    }
    expect(await figmaRequestsFor(k)).toEqual([]);
    expect(await storedVersions(p.id, k)).toEqual([]);
  });

  it('answers 404 in the envelope for a file Figma does not have', async () => {
    const p = await createTestProject();
    const err = await errorOf(await derive(p.key, { file_key: newFileKey() }), 404);
    expect(err.code).toBe('FIGMA_NOT_FOUND');
  });

  it("answers Figma's 429 as a 429 with Retry-After, storing nothing", async () => {
    const p = await projectWithOwnFigmaToken(); // the penalty stays with this project's token
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 7 }, times: 1, path: `/v1/files/${k}/variables/local` }]);
    const res = await derive(p.key, { file_key: k });
    const err = await errorOf(res, 429);
    expect(err.code).toBe('FIGMA_RATE_LIMITED');
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await storedVersions(p.id, k)).toEqual([]);
  });
});
