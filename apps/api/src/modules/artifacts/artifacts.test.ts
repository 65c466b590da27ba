// Artifacts (issue 14): storeArtifact writes the R2 object then the row; GET /artifacts/{id} streams it back byte for
// byte with its ETag (304 on If-None-Match), 404 for another project's, an unknown or an expired id, 400 for a
// malformed one; GET /artifacts lists newest first with kind/trace filters and keyset paging; the sweep removes
// expired rows with their objects and keeps the rest.
import { createDb, schema, type DbHandle } from '@cogo/db';
import { ArtifactSchema, ErrorEnvelopeSchema, type ArtifactKind } from '@cogo/types';
import { env } from 'cloudflare:test';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestProject, testDb, type TestProject } from '../../../test/helpers';
import { sha256Hex, toHex } from '../../lib/crypto';
import { artifactObjectKey, storeArtifact, sweepArtifacts } from './index';

const service = testDb();
const tenants: DbHandle[] = [];
afterAll(async () => {
  await Promise.all(tenants.map((t) => t.close()));
  await service.close();
});

/** The tenant database of a project, as the routes get it from c.get('db')(). */
function tenantDbOf(projectId: string) {
  const handle = createDb({ url: env.DATABASE_URL, wsProxy: env.DATABASE_WS_PROXY, tenant: { projectId } });
  tenants.push(handle);
  return handle.db;
}

const traceId = () => crypto.randomUUID().replaceAll('-', '');

function store(p: TestProject, body: string | Uint8Array, opts: { kind?: ArtifactKind; traceId?: string | null; contentType?: string } = {}) {
  return storeArtifact(tenantDbOf(p.id), env.ARTIFACTS, {
    projectId: p.id,
    kind: opts.kind ?? 'ui_json',
    contentType: opts.contentType ?? 'application/json',
    body,
    traceId: opts.traceId ?? null,
    ttlDays: 30,
  });
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

const a = schema.artifacts;

describe('storing and serving an artifact', () => {
  let owner: TestProject;
  let other: TestProject;
  beforeAll(async () => {
    [owner, other] = await Promise.all([createTestProject('artifact owner'), createTestProject('artifact other')]);
  });

  it('writes the object and the row, and serves it back with its ETag', async () => {
    const text = JSON.stringify({ cogo_ui_json: { page: { name: 'Landing — ünïcode' } } });
    const tid = traceId();
    const pointer = await store(owner, text, { traceId: tid });
    const sha = await sha256Hex(text);
    expect(pointer).toEqual({
      artifact_id: pointer.artifact_id,
      url: `/artifacts/${pointer.artifact_id}`,
      kind: 'ui_json',
      content_type: 'application/json',
      bytes: new TextEncoder().encode(text).byteLength,
      sha256: sha,
    });

    const object = await env.ARTIFACTS.head(artifactObjectKey(owner.id, pointer.artifact_id));
    expect(object?.httpMetadata?.contentType).toBe('application/json');
    expect(object?.customMetadata).toEqual({ sha256: sha });
    const [row] = await service.db.select().from(a).where(eq(a.id, pointer.artifact_id));
    expect(row).toMatchObject({ projectId: owner.id, kind: 'ui_json', sha256: sha, traceId: tid, bytes: pointer.bytes });
    const ttlMs = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(ttlMs).toBe(30 * 86_400_000);

    const res = await api(pointer.url, { key: owner.key });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-length')).toBe(String(pointer.bytes));
    expect(res.headers.get('etag')).toBe(`"${sha}"`);
    const maxAge = /^private, max-age=(\d+)$/.exec(res.headers.get('cache-control') ?? '');
    expect(Number(maxAge?.[1])).toBeGreaterThan(0);
    expect(Number(maxAge?.[1])).toBeLessThanOrEqual(86_400);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(text);

    const fresh = await api(pointer.url, { key: owner.key, headers: { 'if-none-match': `"${sha}"` } });
    expect(fresh.status).toBe(304);
    expect(fresh.headers.get('etag')).toBe(`"${sha}"`);
    expect(await fresh.text()).toBe('');
    const listed = await api(pointer.url, { key: owner.key, headers: { 'if-none-match': `"deadbeef", W/"${sha}"` } });
    expect(listed.status).toBe(304);
    const stale = await api(pointer.url, { key: owner.key, headers: { 'if-none-match': '"0000"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(text);
  });

  it('gives a 1 MB binary body back byte for byte', async () => {
    const bytes = new Uint8Array(1024 * 1024);
    for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
    const pointer = await store(owner, bytes, { kind: 'job_output', contentType: 'application/octet-stream' });
    expect(pointer.bytes).toBe(bytes.byteLength);
    const res = await api(pointer.url, { key: owner.key });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const back = new Uint8Array(await res.arrayBuffer());
    expect(back.byteLength).toBe(bytes.byteLength);
    expect(toHex(await crypto.subtle.digest('SHA-256', back))).toBe(pointer.sha256);
    expect(back.every((b, i) => b === bytes[i])).toBe(true);
    expect(res.headers.get('etag')).toBe(`"${pointer.sha256}"`);
  });

  it("answers another project's id exactly as an unknown one (404), and a malformed id 400", async () => {
    const pointer = await store(owner, '{"secret":true}');
    const foreign = await expectError(await api(pointer.url, { key: other.key }), 404, 'NOT_FOUND');
    const unknown = await expectError(await api(`/artifacts/${crypto.randomUUID()}`, { key: owner.key }), 404, 'NOT_FOUND');
    expect(foreign.error.message).toBe(unknown.error.message);
    expect(JSON.stringify(foreign)).not.toContain('secret');
    // an ETag guess from another project learns nothing either
    await expectError(await api(pointer.url, { key: other.key, headers: { 'if-none-match': `"${pointer.sha256}"` } }), 404, 'NOT_FOUND');
    const bad = await expectError(await api('/artifacts/not-a-uuid', { key: owner.key }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bad.error.details)).toContain('param.id');
    await expectError(await api(pointer.url), 401, 'UNAUTHORIZED');
  });

  it('answers an expired artifact 404 and leaves it out of the listing', async () => {
    const pointer = await store(owner, '{"old":true}', { kind: 'diff' });
    await service.db.update(a).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(a.id, pointer.artifact_id));
    await expectError(await api(pointer.url, { key: owner.key }), 404, 'NOT_FOUND');
    const page = (await (await api('/artifacts?kind=diff', { key: owner.key })).json()) as { items: Array<{ id: string }> };
    expect(page.items.map((i) => i.id)).not.toContain(pointer.artifact_id);
  });

  it('deletes the object again when the row cannot be written (no object without a row)', async () => {
    // the tenant database of `owner` refuses a row of `other` (row-level security): the insert fails after the put
    const refused = storeArtifact(tenantDbOf(owner.id), env.ARTIFACTS, {
      projectId: other.id,
      kind: 'plan',
      contentType: 'application/json',
      body: '{}',
      traceId: null,
      ttlDays: 1,
    });
    await expect(refused).rejects.toThrow();
    const left = await env.ARTIFACTS.list({ prefix: `artifacts/${other.id}/` });
    expect(left.objects).toEqual([]);
    expect(await service.db.select().from(a).where(eq(a.projectId, other.id))).toEqual([]);
  });
});

describe('the contract', () => {
  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await (await api('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/artifacts/{id}']?.get?.responses ?? {}).sort()).toEqual(['200', '304', '400', '401', '404', '429']);
    expect(Object.keys(doc.paths['/artifacts']?.get?.responses ?? {}).sort()).toEqual(['200', '400', '401', '429']);
  });
});

describe('GET /artifacts', () => {
  let p: TestProject;
  const trace = traceId();
  /** Stored ids, newest first by the created_at set below. */
  let newestFirst: string[] = [];
  let ids: string[] = [];
  const kinds: ArtifactKind[] = ['plan', 'ui_json', 'ui_json', 'diff', 'ui_json'];

  beforeAll(async () => {
    p = await createTestProject('artifact listing');
    ids = [];
    for (const [i, kind] of kinds.entries()) ids.push((await store(p, `{"n":${i}}`, { kind, traceId: i % 2 === 0 ? trace : traceId() })).artifact_id);
    // known creation times, two of them equal to the millisecond (the id breaks the tie)
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const at = [base, base + 1_000, base + 2_000, base + 2_000, base + 3_000];
    for (const [i, id] of ids.entries()) await service.db.update(a).set({ createdAt: new Date(at[i]!) }).where(eq(a.id, id));
    const tied = [ids[2]!, ids[3]!].sort().reverse();
    newestFirst = [ids[4]!, ...tied, ids[1]!, ids[0]!];
  });

  async function list(query: string, key = p.key) {
    const res = await api(`/artifacts${query}`, { key });
    expect(res.status).toBe(200);
    return (await res.json()) as { items: unknown[]; nextCursor: string | null };
  }

  async function pages(query: string) {
    const seen: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await list(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((i) => ArtifactSchema.parse(i).id));
      cursor = page.nextCursor;
    } while (cursor && ++calls < 20);
    return seen;
  }

  it('lists newest first and pages by cursor, ties included', async () => {
    const all = await list('?limit=200');
    expect(all.items.map((i) => ArtifactSchema.parse(i).id)).toEqual(newestFirst);
    expect(all.nextCursor).toBeNull();
    expect(await pages('?limit=1')).toEqual(newestFirst);
    expect(await pages('?limit=2')).toEqual(newestFirst);
  });

  it('filters by kind and trace id', async () => {
    const kindOf = (id: string) => kinds[ids.indexOf(id)];
    const ui = await pages('?kind=ui_json&limit=1');
    expect(ui).toEqual(newestFirst.filter((id) => kindOf(id) === 'ui_json'));
    expect(ui).toHaveLength(3);
    // stored with `trace`: the 1st (plan), 3rd and 5th (ui_json)
    const traced = (await list(`?trace_id=${trace}`)).items.map((i) => ArtifactSchema.parse(i));
    expect(traced.map((i) => i.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect(traced.every((i) => i.trace_id === trace)).toBe(true);
    expect((await list(`?trace_id=${trace}&kind=plan`)).items.map((i) => ArtifactSchema.parse(i).id)).toEqual([ids[0]]);
  });

  it("never lists another project's artifacts", async () => {
    const stranger = await createTestProject('artifact stranger');
    expect((await list('?limit=200', stranger.key)).items).toEqual([]);
  });

  it('refuses a forged or garbled cursor and bad filters with 400', async () => {
    const forged = btoa(JSON.stringify(['2026-02-31T00:00:00.000Z', crypto.randomUUID()])).replaceAll('=', '');
    for (const cursor of [forged, 'garbled!!', btoa('["x"]')]) {
      const body = await expectError(await api(`/artifacts?cursor=${encodeURIComponent(cursor)}`, { key: p.key }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(body.error.details)).toContain('query.cursor');
    }
    await expectError(await api('/artifacts?kind=secret', { key: p.key }), 400, 'VALIDATION_FAILED');
    await expectError(await api('/artifacts?trace_id=nope', { key: p.key }), 400, 'VALIDATION_FAILED');
    await expectError(await api('/artifacts?limit=0', { key: p.key }), 400, 'VALIDATION_FAILED');
  });
});

describe('sweepArtifacts', () => {
  it('removes expired rows with their objects and keeps fresh ones', async () => {
    const p = await createTestProject('artifact sweep');
    const expired = await Promise.all([store(p, '{"a":1}'), store(p, '{"b":2}', { kind: 'plan' })]);
    const fresh = await store(p, '{"c":3}');
    const expiredIds = expired.map((e) => e.artifact_id);
    await service.db.update(a).set({ expiresAt: new Date(Date.now() - 60_000) }).where(inArray(a.id, expiredIds));

    await sweepArtifacts(env as never, new Date());

    const rows = await service.db.select().from(a).where(eq(a.projectId, p.id));
    expect(rows.map((r) => r.id)).toEqual([fresh.artifact_id]);
    for (const id of expiredIds) expect(await env.ARTIFACTS.head(artifactObjectKey(p.id, id))).toBeNull();
    expect(await env.ARTIFACTS.head(artifactObjectKey(p.id, fresh.artifact_id))).not.toBeNull();
    const res = await api(fresh.url, { key: p.key });
    expect(await res.text()).toBe('{"c":3}');
  });

  it('leaves rows not yet expired at `now` alone', async () => {
    const p = await createTestProject('artifact sweep later');
    const soon = await store(p, '{"soon":true}');
    const at = Date.now() + 3_600_000;
    await service.db.update(a).set({ expiresAt: new Date(at) }).where(eq(a.id, soon.artifact_id));
    await sweepArtifacts(env as never, new Date(at - 1_000));
    expect(await service.db.select({ id: a.id }).from(a).where(eq(a.id, soon.artifact_id))).toHaveLength(1);
    await sweepArtifacts(env as never, new Date(at + 1_000));
    expect(await service.db.select({ id: a.id }).from(a).where(eq(a.id, soon.artifact_id))).toHaveLength(0);
    expect(await env.ARTIFACTS.head(artifactObjectKey(p.id, soon.artifact_id))).toBeNull();
  });

  it('keeps the rows when R2 refuses the delete, so the next run retries (never an object without its row)', async () => {
    const p = await createTestProject('artifact sweep r2 down');
    const doomed = await store(p, '{"doomed":true}');
    await service.db.update(a).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(a.id, doomed.artifact_id));
    const failing = { delete: () => Promise.reject(new Error('r2 unavailable')) };
    await expect(sweepArtifacts({ ...env, ARTIFACTS: failing } as never, new Date())).rejects.toThrow('r2 unavailable');
    expect(await service.db.select({ id: a.id }).from(a).where(eq(a.id, doomed.artifact_id))).toHaveLength(1);
    expect(await env.ARTIFACTS.head(artifactObjectKey(p.id, doomed.artifact_id))).not.toBeNull();
    await sweepArtifacts(env as never, new Date());
    expect(await service.db.select({ id: a.id }).from(a).where(eq(a.id, doomed.artifact_id))).toHaveLength(0);
    expect(await env.ARTIFACTS.head(artifactObjectKey(p.id, doomed.artifact_id))).toBeNull();
  });
});
