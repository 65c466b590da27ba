// Issue 7 #4, #6: NUL characters, oversized bodies and deep nesting are refused at the boundary
// with a 4xx in the envelope, and nothing is written.
import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema, REQUEST_LIMITS } from '@cogo/types';
import { eq, like } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { api, BASE, createTestProject, testDb } from '../../test/helpers';
import { SELF } from 'cloudflare:test';

const handle = testDb();
afterAll(() => handle.close());

async function refused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { k: v };
  return v;
};

describe('U+0000 is refused with 400 wherever text is accepted', () => {
  it('in project, key, vault and apply bodies, naming the path; no row is written', async () => {
    const slug = `nul-${crypto.randomUUID().slice(0, 8)}`;
    const err = await refused(await api('/projects', { method: 'POST', key: env.ADMIN_TOKEN, json: { slug, name: 'a\u0000b' } }), 400, 'VALIDATION_FAILED');
    expect(err.details?.issues?.[0]?.path).toBe('json.name');
    expect(await handle.db.select().from(schema.projects).where(like(schema.projects.slug, slug))).toEqual([]);

    const p = await createTestProject();
    const keysBefore = await handle.db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.projectId, p.id));
    await refused(await api('/keys', { method: 'POST', key: p.key, json: { name: 'ci\u0000' } }), 400, 'VALIDATION_FAILED');
    expect(await handle.db.select().from(schema.projectApiKeys).where(eq(schema.projectApiKeys.projectId, p.id))).toHaveLength(keysBefore.length);

    await refused(await api('/vault/secrets/FIGMA_API_KEY', { method: 'PUT', key: p.key, json: { value: 'figd_\u0000_token_value' } }), 400, 'VALIDATION_FAILED');
    expect((await api('/vault/secrets/FIGMA_API_KEY', { method: 'PUT', key: p.key, json: { value: 'figd_token_value_1234' } })).status).toBeLessThan(300);
    await refused(await api('/vault/secrets/FIGMA_API_KEY/rotate', { method: 'POST', key: p.key, json: { value: '\u0000' } }), 400, 'VALIDATION_FAILED');
    const versions = await handle.db.select().from(schema.secureKeys).where(eq(schema.secureKeys.projectId, p.id));
    expect(versions).toHaveLength(1);

    const job = crypto.randomUUID();
    const cases: Array<[unknown, string]> = [
      [{ node_id: '1:1', name: 'P\u0000', components: [] }, 'json.page.name'],
      [{ node_id: '1:1', name: 'P', components: [{ node_id: '1:2', name: 'C', type: 'COMPONENT', props: { 'k\u0000': 1 } }] }, 'json.page.components.0.props.k\\u0000'],
      [{ node_id: '1:1', name: 'P', components: [{ node_id: '1:2', name: 'C', type: 'COMPONENT', props: { k: ['ok', 'v\u0000'] } }] }, 'json.page.components.0.props.k.1'],
    ];
    for (const [page, path] of cases) {
      const e = await refused(await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: job, page } }), 400, 'VALIDATION_FAILED');
      expect(e.details?.issues?.[0]?.path).toBe(path);
    }
  });

  it('in the query string and the path', async () => {
    const p = await createTestProject();
    const q = await refused(await api('/pages?cursor=%00', { key: p.key }), 400, 'VALIDATION_FAILED');
    expect(q.details?.issues?.[0]?.path).toBe('query.cursor');
    await refused(await api('/vault/secrets/A%00B', { method: 'PUT', key: p.key, json: { value: 'x'.repeat(20) } }), 400, 'VALIDATION_FAILED');
  });
});

describe('a lone UTF-16 surrogate is refused with 400 in any JSON string or key', () => {
  it('in a RAG document’s metadata (a jsonb column: Postgres refuses it), naming the path; a surrogate pair is accepted', async () => {
    const p = await createTestProject();
    const upsert = (metadata: unknown) => api('/rag/ingest/upsert', { method: 'POST', key: p.key, json: { items: [{ id: 'lone', text: 'a short note', metadata }] } });
    const value = await refused(await upsert({ team: 'a\ud800b' }), 400, 'VALIDATION_FAILED');
    expect(value.details?.issues?.[0]?.path).toBe('json.items.0.metadata.team');
    expect(value.message).toContain('lone UTF-16 surrogate');
    const key = await refused(await upsert({ ['k\udc00']: 'x' }), 400, 'VALIDATION_FAILED');
    expect(key.details?.issues?.[0]?.path).toBe('json.items.0.metadata.k\\udc00');
    expect(await handle.db.select().from(schema.documents).where(eq(schema.documents.projectId, p.id))).toEqual([]);
    // an escaped pair is one well-formed character: not refused by the guard (the route may still answer as it does)
    const pair = await api('/projects', { method: 'POST', key: env.ADMIN_TOKEN, body: `{"slug":"pair-${crypto.randomUUID().slice(0, 8)}","name":"\\ud83d\\ude00"}`, headers: { 'content-type': 'application/json' } });
    expect(pair.status).toBe(201);
    expect(((await pair.json()) as { project: { name: string } }).project.name).toBe('\u{1F600}');
  });
});

describe('size and depth limits', () => {
  it('refuses a body over MAX_JSON_BODY_BYTES with 413, by Content-Length or while streaming', async () => {
    const p = await createTestProject();
    const big = JSON.stringify({ job_id: crypto.randomUUID(), page: { node_id: '1:1', name: 'x'.repeat(REQUEST_LIMITS.maxJsonBodyBytes), components: [] } });
    const e = await refused(await api('/figma-context/apply', { method: 'POST', key: p.key, body: big, headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    expect(e.details).toMatchObject({ max_bytes: REQUEST_LIMITS.maxJsonBodyBytes });
    // no Content-Length: the read stops at the limit
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.subarray(i, i + 65_536));
        controller.close();
      },
    });
    const res = await SELF.fetch(`${BASE}/figma-context/apply`, { method: 'POST', body: stream, headers: { authorization: `Bearer ${p.key}`, 'content-type': 'application/json' } });
    await refused(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it(`refuses JSON nested deeper than ${REQUEST_LIMITS.maxJsonDepth} levels with 400 naming the limit`, async () => {
    const p = await createTestProject();
    const props = nested(3_000) as Record<string, unknown>;
    const body = { job_id: crypto.randomUUID(), page: { node_id: '1:1', name: 'P', components: [{ node_id: '1:2', name: 'C', type: 'COMPONENT', props }] } };
    const e = await refused(await api('/figma-context/apply', { method: 'POST', key: p.key, json: body }), 400, 'BAD_REQUEST');
    expect(e.message).toContain(`deeper than ${REQUEST_LIMITS.maxJsonDepth}`);
    expect(e.details).toMatchObject({ max_depth: REQUEST_LIMITS.maxJsonDepth });
    const deepText = '['.repeat(200_000) + ']'.repeat(200_000);
    await refused(await api('/keys', { method: 'POST', key: p.key, body: deepText, headers: { 'content-type': 'application/json' } }), 400, 'BAD_REQUEST');
    // at the limit it is accepted (the route then validates the shape)
    const atLimit = nested(REQUEST_LIMITS.maxJsonDepth - 6);
    const ok = { job_id: crypto.randomUUID(), page: { node_id: '1:1', name: 'P', components: [{ node_id: '1:2', name: 'C', type: 'COMPONENT', props: { a: atLimit } }] } };
    await refused(await api('/figma-context/apply', { method: 'POST', key: p.key, json: ok }), 404, 'NOT_FOUND');
  });
});
