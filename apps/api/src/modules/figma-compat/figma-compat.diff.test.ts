// GET /figma-compat/uui/variables/diff: two versions of a fake file (its variables changed between them, so Figma's
// version moved) derived and stored, then compared — a changed value, a changed mode value, an added and a removed
// token; a version not stored is a 404 naming it; and a project never reads or reuses another project's versions.
import { schema } from '@cogo/db';
import { ArtifactSchema, DerivedTokensResponseSchema, ErrorEnvelopeSchema, TokensDiffResponseSchema, TokenVersionsResponseSchema } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, artifactBytes, createTestProject, testDb } from '../../../test/helpers';
import { errorOf } from './figma-compat.bdd.test-helpers';
import { EXTRA, figmaRequestsFor, manyColorVariables, newFileKey, putFigmaFile, sampleFile, sampleVariables } from './figma-compat.test-helpers';

const derive = async (key: string, fileKey: string) => {
  const res = await api('/figma-compat/uui/variables/derive', { method: 'POST', key, json: { file_key: fileKey } });
  expect(res.status).toBe(200);
  return DerivedTokensResponseSchema.parse(await res.json());
};
const diff = (key: string, fileKey: string, from: string, to: string) => api(`/figma-compat/uui/variables/diff?${new URLSearchParams({ file_key: fileKey, from, to }).toString()}`, { key });

/** Two stored versions of a new file: v2 changes blue, adds spacing/2, drops gray (Theme's Dark surface becomes black). */
async function twoVersions(key: string) {
  const k = newFileKey();
  await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
  const v1 = await derive(key, k);
  await putFigmaFile(k, sampleFile('Tokens'), sampleVariables({ blue: '#0000ff', extra: true, withoutGray: true }));
  const v2 = await derive(key, k);
  return { k, v1, v2 };
}

const storedCount = async (projectId: string) => {
  const handle = testDb();
  try {
    return (await handle.db.select().from(schema.tokenVersions).where(eq(schema.tokenVersions.projectId, projectId))).length;
  } finally {
    await handle.close();
  }
};

describe('GET /figma-compat/uui/variables/diff', () => {
  it('a diff over ARTIFACT_INLINE_MAX_BYTES comes as a `diff` artifact, whole and byte for byte; asked again, the same one', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), manyColorVariables(2_500));
    const v1 = await derive(p.key, k);
    await putFigmaFile(k, sampleFile('Tokens'), manyColorVariables(2_500, 101));
    const v2 = await derive(p.key, k);
    const res = await diff(p.key, k, v1.version, v2.version);
    expect(res.status).toBe(200);
    const d = TokensDiffResponseSchema.parse(await res.json());
    expect(d).toMatchObject({ file_key: k, from: v1.version, to: v2.version, counts: { changed: 2_500, added: 0, removed: 0, renamed: 0 }, unchanged: 0 });
    expect([d.added, d.removed, d.changed, d.renamed]).toEqual([undefined, undefined, undefined, undefined]);
    const a = d.artifact!;
    expect(a).toMatchObject({ kind: 'diff', content_type: 'application/json', url: `/artifacts/${a.artifact_id}` });
    expect(a.bytes).toBeGreaterThan(256 * 1024);

    const bytes = await artifactBytes(a, p.key);
    const whole = TokensDiffResponseSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
    expect(whole).toMatchObject({ file_key: k, from: v1.version, to: v2.version, counts: d.counts, added: [], removed: [], renamed: [], unchanged: 0 });
    expect(whole.artifact).toBeUndefined();
    expect(whole.changed).toHaveLength(2_500);
    expect(whole.changed!.find((c) => c.path === 'Big.color.c7')).toMatchObject({ mode: null, from: { $type: 'color' }, to: { $type: 'color' } });

    // the same diff again: the same artifact, not a second copy
    const again = TokensDiffResponseSchema.parse(await (await diff(p.key, k, v1.version, v2.version)).json());
    expect(again.artifact).toEqual(a);
    const listed = (await (await api('/artifacts?kind=diff', { key: p.key })).json()) as { items: unknown[] };
    expect(listed.items.map((i) => ArtifactSchema.parse(i).id)).toEqual([a.artifact_id]);
    // another project cannot read it
    const other = await createTestProject();
    expect((await errorOf(await api(a.url, { key: other.key }), 404)).code).toBe('NOT_FOUND');
  });

  it('lists the tokens changed, added and removed between two stored versions, in every mode', async () => {
    const p = await createTestProject();
    const { k, v1, v2 } = await twoVersions(p.key);
    expect(v2.version).not.toBe(v1.version);
    expect(v2.cached).toBe(false);
    const res = await diff(p.key, k, v1.version, v2.version);
    expect(res.status).toBe(200);
    const d = TokensDiffResponseSchema.parse(await res.json());
    expect(d).toMatchObject({ file_key: k, from: v1.version, to: v2.version, renamed: [], counts: { changed: 2, added: 1, removed: 1, renamed: 0 } });
    expect(d.artifact).toBeUndefined();
    expect(d.changed!.map((c) => [c.path, c.mode])).toEqual([
      ['Primitives.color.blue.500', null],
      ['Theme.color.surface', 'theme/Dark'],
    ]);
    expect(d.changed![0]!.from.$value).toMatchObject({ hex: '#2f5bea' });
    expect(d.changed![0]!.to.$value).toMatchObject({ hex: '#0000ff' });
    expect(d.changed![1]!.from.$value).toBe('{Primitives.color.gray.900}');
    expect(d.changed![1]!.to.$value).toMatchObject({ hex: '#000000' });
    expect(d.added).toEqual([{ path: 'Primitives.spacing.2', mode: null, $type: 'dimension', $value: { value: 8, unit: 'px' } }]);
    expect(d.removed!.map((r) => [r.path, r.mode])).toEqual([['Primitives.color.gray.900', null]]);
    expect(d.unchanged).toBeGreaterThan(0);
    expect(JSON.stringify(v2.tokens)).toContain(EXTRA);
  });

  it('answers 404 naming a version that is not stored, and 400 without `to`', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Tokens'), sampleVariables());
    const v1 = await derive(p.key, k);
    const res = await diff(p.key, k, v1.version, '999999');
    expect(res.status).toBe(404);
    const err = ErrorEnvelopeSchema.parse(await res.json()).error;
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('999999');
    expect(err.message).not.toContain(`${v1.version},`);
    expect(err.details).toEqual({ missing: ['999999'] });
    const bad = await api(`/figma-compat/uui/variables/diff?file_key=${k}&from=${v1.version}`, { key: p.key });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(ErrorEnvelopeSchema.parse(await bad.json()).error.details)).toContain('to');
  });

  it("never shows one project's token versions to another: no diff, and its own derive asks Figma again", async () => {
    const a = await createTestProject('A');
    const b = await createTestProject('B');
    const { k, v1, v2 } = await twoVersions(a.key);
    const res = await diff(b.key, k, v1.version, v2.version);
    expect(res.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details).toEqual({ missing: [v1.version, v2.version] });

    const before = (await figmaRequestsFor(k)).length;
    const own = await derive(b.key, k);
    expect(own).toMatchObject({ cached: false, version: v2.version, content_hash: v2.content_hash });
    expect((await figmaRequestsFor(k)).length - before).toBe(3); // /meta, /variables/local, the file: not A's stored version
    expect(await storedCount(a.id)).toBe(2);
    expect(await storedCount(b.id)).toBe(1);
    expect((await diff(a.key, k, v1.version, v2.version)).status).toBe(200);
  });
});

describe('GET /figma-compat/uui/variables/versions', () => {
  it("lists a file's stored versions newest first with their token counts, only the project's own", async () => {
    const p = await createTestProject();
    const { k, v1, v2 } = await twoVersions(p.key);
    const res = await api(`/figma-compat/uui/variables/versions?file_key=${k}`, { key: p.key });
    expect(res.status).toBe(200);
    const list = TokenVersionsResponseSchema.parse(await res.json());
    expect(list.file_key).toBe(k);
    expect(list.items.map((i) => [i.version, i.tokens, i.content_hash])).toEqual([
      [v2.version, v2.report.tokens.total, v2.content_hash],
      [v1.version, v1.report.tokens.total, v1.content_hash],
    ]);
    // another project sees none of them; a bad key is a 400
    const other = await createTestProject();
    const none = TokenVersionsResponseSchema.parse(await (await api(`/figma-compat/uui/variables/versions?file_key=${k}`, { key: other.key })).json());
    expect(none.items).toEqual([]);
    const bad = await api('/figma-compat/uui/variables/versions', { key: p.key });
    expect(bad.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await bad.json()).error.code).toBe('VALIDATION_FAILED');
  });
});
