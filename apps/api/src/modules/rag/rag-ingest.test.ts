// POST /rag/ingest/upsert against the OpenAI fake (each project's own provider on its own prefix, made the default
// embedding model through EMBEDDING_MODEL_DEFAULT, the only embedding provider): created → unchanged with no provider call, only the changed
// chunk re-embedded, a model change re-embeds, rows visible only to their project, a provider 500 writes nothing,
// VECTOR_DIMENSIONS vs get_vector_dim(), bad input.
import { createDb, schema } from '@cogo/db';
import { ErrorEnvelopeSchema, RagUpsertResultSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { and, asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, testDb } from '../../../test/helpers';
import { llmProject, openaiFake } from '../../../test/llm-helpers';
import { createApp } from '../../app';
import { ragIngestRouter } from './rag-ingest.handlers';

afterEach(() => openaiFake.clear());

// the lead mounts the router in createApp(); mounting it again here is harmless (the first match answers)
const app = createApp();
app.route('/', ragIngestRouter);

const ingest = (key: string, json: Record<string, unknown>, vars: Record<string, string> = {}) =>
  app.request(
    '/rag/ingest/upsert',
    { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(json) },
    // no deployment embedding provider: it would serve a model named EMBEDDING_MODEL_DEFAULT as a fallback
    { ...env, EMBEDDING_API_BASE: undefined, EMBEDDING_MODEL_DEFAULT: 'e1', EMBED_PROVIDER_MAX_RETRIES: '0', ...vars },
  );

const traceId = () => crypto.randomUUID().replaceAll('-', '');
const section = (name: string, n: number) => `# ${name}\n\n${Array.from({ length: n }, (_, i) => `${name} fact ${i} is written down here.`).join(' ')}`;
const THREE = [section('Alpha', 5), section('Beta', 5), section('Gamma', 5)];

/** A project's documents and chunks as stored (service connection), chunks in document and ordinal order. */
async function stored(projectId: string) {
  const handle = testDb();
  try {
    const docs = await handle.db.select().from(schema.documents).where(eq(schema.documents.projectId, projectId));
    const chunks = await handle.db.select().from(schema.documentChunks).where(eq(schema.documentChunks.projectId, projectId)).orderBy(asc(schema.documentChunks.documentId), asc(schema.documentChunks.ordinal));
    return { docs, chunks };
  } finally {
    await handle.close();
  }
}

describe('POST /rag/ingest/upsert', () => {
  it('creates documents with embedded chunks, then answers unchanged for the same items with no provider call', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] }]);
    const trace = traceId();
    const items = [
      { id: 'guide', title: 'Guide', text: THREE.join('\n\n'), metadata: { team: 'design', tags: ['a'] } },
      { id: 'note', source: 'doc', text: 'Short note.' },
    ];
    const first = await ingest(p.key, { items, trace_id: trace });
    expect(first.status).toBe(200);
    const created = RagUpsertResultSchema.parse(await first.json());
    expect(created).toMatchObject({ model: 'e1', embedded_chunks: 4, trace_id: trace });
    expect(created.documents.map((d) => [d.external_id, d.status, d.chunks, d.embedded])).toEqual([
      ['guide', 'created', 3, 3],
      ['note', 'created', 1, 1],
    ]);
    const sent = await openaiFake.requests(p.prefix('alpha'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ model: 'e1', dimensions: 1024 });
    expect((sent[0]!.body!.input as string[])[0]).toBe(`Guide > Alpha\n\n${THREE[0]!.slice('# Alpha\n\n'.length)}`);
    const rows = await stored(p.id);
    expect(rows.docs).toHaveLength(2);
    expect(rows.chunks).toHaveLength(4);
    expect(rows.chunks.every((c) => c.model === 'e1' && c.embedding?.length === 1024 && c.embeddedAt)).toBe(true);

    // metadata keys in another order are the same content
    const again = await ingest(p.key, { items: [{ ...items[0], metadata: { tags: ['a'], team: 'design' } }, items[1]] });
    expect(again.status).toBe(200);
    const unchanged = RagUpsertResultSchema.parse(await again.json());
    expect(unchanged.documents.map((d) => [d.id, d.status, d.chunks, d.embedded])).toEqual(created.documents.map((d) => [d.id, 'unchanged', d.chunks, 0]));
    expect(unchanged.embedded_chunks).toBe(0);
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(1);
    const after = await stored(p.id);
    expect(after.chunks.map((c) => c.updatedAt.getTime())).toEqual(rows.chunks.map((c) => c.updatedAt.getTime()));
    expect(after.docs.map((d) => d.updatedAt.getTime()).sort()).toEqual(rows.docs.map((d) => d.updatedAt.getTime()).sort());

    const handle = testDb();
    try {
      const events = await eventually(async () => {
        const found = await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.traceId, trace)));
        return found.some((e) => e.type === 'rag_ingest_done') && found.some((e) => e.type === 'embed_done') ? found : undefined;
      });
      expect(events.find((e) => e.type === 'rag_ingest_done')!.payload).toEqual({ documents: 2, created: 2, updated: 0, unchanged: 0, chunks: 4, embedded_chunks: 4, model: 'e1' });
      expect(events.find((e) => e.type === 'embed_done')!.payload).toMatchObject({ model: 'e1', inputs: 4 });
    } finally {
      await handle.close();
    }
  });

  it('re-embeds only the chunk whose text changed, keeps the others’ vectors, and deletes chunks past the new count', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] }]);
    expect((await ingest(p.key, { items: [{ id: 'doc', text: THREE.join('\n\n') }] })).status).toBe(200);
    const before = await stored(p.id);
    const changed = [THREE[0], section('Beta', 6), THREE[2]].join('\n\n');
    const res = await ingest(p.key, { items: [{ id: 'doc', text: changed }] });
    expect(res.status).toBe(200);
    const body = RagUpsertResultSchema.parse(await res.json());
    expect(body.documents[0]).toMatchObject({ status: 'updated', chunks: 3, embedded: 1 });
    const sent = await openaiFake.requests(p.prefix('alpha'));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body!.input).toEqual([`Beta\n\n${section('Beta', 6).slice('# Beta\n\n'.length)}`]);
    const after = await stored(p.id);
    expect(after.chunks.map((c) => c.ordinal)).toEqual([0, 1, 2]);
    for (const i of [0, 2]) {
      expect(after.chunks[i]!.embedding).toEqual(before.chunks[i]!.embedding);
      expect(after.chunks[i]!.embeddedAt).toEqual(before.chunks[i]!.embeddedAt);
    }
    expect(after.chunks[1]!.contentHash).not.toBe(before.chunks[1]!.contentHash);
    expect(after.chunks[1]!.embedding).not.toEqual(before.chunks[1]!.embedding);
    expect(after.docs[0]!.text).toBe(changed);

    // fewer sections: the first keeps its vector, the rest are deleted
    const shorter = RagUpsertResultSchema.parse(await (await ingest(p.key, { items: [{ id: 'doc', text: THREE[0] }] })).json());
    expect(shorter.documents[0]).toMatchObject({ status: 'updated', chunks: 1, embedded: 0 });
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(2);
    const last = await stored(p.id);
    expect(last.chunks).toHaveLength(1);
    expect(last.chunks[0]!.embedding).toEqual(before.chunks[0]!.embedding);
  });

  it('re-embeds unchanged documents whose chunks another model embedded, never keeping mixed vectors', async () => {
    const p = await llmProject([
      { name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] },
      { name: 'beta', models: [{ name: 'e2', kind: 'embedding' }] },
    ]);
    const items = [{ id: 'doc', text: THREE.join('\n\n') }];
    expect((await ingest(p.key, { items })).status).toBe(200);
    const res = await ingest(p.key, { items }, { EMBEDDING_MODEL_DEFAULT: 'e2' });
    expect(res.status).toBe(200);
    const body = RagUpsertResultSchema.parse(await res.json());
    expect(body).toMatchObject({ model: 'e2', embedded_chunks: 3 });
    expect(body.documents[0]).toMatchObject({ status: 'updated', chunks: 3, embedded: 3 });
    expect(await openaiFake.requests(p.prefix('beta'))).toHaveLength(1);
    expect((await stored(p.id)).chunks.map((c) => c.model)).toEqual(['e2', 'e2', 'e2']);
    const third = RagUpsertResultSchema.parse(await (await ingest(p.key, { items }, { EMBEDDING_MODEL_DEFAULT: 'e2' })).json());
    expect(third.documents[0]!.status).toBe('unchanged');
  });

  it('keeps documents to their project: another project’s tenant queries see none, and its same id is its own document', async () => {
    const a = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] }]);
    const b = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] }]);
    const ra = RagUpsertResultSchema.parse(await (await ingest(a.key, { items: [{ id: 'shared', text: 'Project A secret plans.' }] })).json());
    const tenant = (projectId: string) => createDb({ url: env.DATABASE_URL, wsProxy: env.DATABASE_WS_PROXY, tenant: { projectId } });
    const asB = tenant(b.id);
    const asA = tenant(a.id);
    try {
      expect(await asB.db.select().from(schema.documents)).toEqual([]);
      expect(await asB.db.select().from(schema.documentChunks)).toEqual([]);
      expect((await asA.db.select().from(schema.documents)).map((d) => d.id)).toEqual([ra.documents[0]!.id]);
      const rb = RagUpsertResultSchema.parse(await (await ingest(b.key, { items: [{ id: 'shared', text: 'Project A secret plans.' }] })).json());
      expect(rb.documents[0]!.status).toBe('created');
      expect(rb.documents[0]!.id).not.toBe(ra.documents[0]!.id);
      expect((await asB.db.select().from(schema.documentChunks)).map((c) => c.documentId)).toEqual([rb.documents[0]!.id]);
    } finally {
      await asA.close();
      await asB.close();
    }
  });

  it('answers 502 and writes no document when the provider fails every try', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] }]);
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: null, path: `/${p.prefix('alpha')}/v1/embeddings` }]);
    const res = await ingest(p.key, { items: [{ id: 'one', text: 'First.' }, { id: 'two', text: THREE.join('\n\n') }] });
    expect(res.status).toBe(502);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('LLM_UPSTREAM');
    expect((await openaiFake.requests(p.prefix('alpha'))).length).toBeGreaterThan(0);
    const rows = await stored(p.id);
    expect(rows.docs).toEqual([]);
    expect(rows.chunks).toEqual([]);
  });

  it('answers 503 naming VECTOR_DIMENSIONS and get_vector_dim() when they differ, before any provider call', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding', dimensions: 8 }] }]);
    const res = await ingest(p.key, { items: [{ id: 'one', text: 'First.' }] }, { VECTOR_DIMENSIONS: '8' });
    expect(res.status).toBe(503);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { VECTOR_DIMENSIONS: 8, get_vector_dim: 1024 } });
    expect(error.message).toContain('VECTOR_DIMENSIONS');
    expect(error.message).toContain('get_vector_dim()');
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(0);
    expect((await stored(p.id)).docs).toEqual([]);
  });

  it('answers 400 for a duplicate id, a text over 200 KB, metadata over 16 KB or no items', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'e1', kind: 'embedding' }] }]);
    const cases: Array<[unknown[], string]> = [
      [[{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }], 'json.items.1.id'],
      [[{ id: 'x', text: 'a'.repeat(200 * 1024 + 1) }], 'json.items.0.text'],
      [[{ id: 'x', text: 'a', metadata: { blob: 'b'.repeat(16 * 1024) } }], 'json.items.0.metadata'],
      [[], 'json.items'],
    ];
    for (const [items, path] of cases) {
      const res = await ingest(p.key, { items });
      expect(res.status).toBe(400);
      const { error } = ErrorEnvelopeSchema.parse(await res.json());
      expect(error.code).toBe('VALIDATION_FAILED');
      expect((error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toContain(path);
    }
    expect(await openaiFake.requests(p.prefix('alpha'))).toHaveLength(0);
  });
});
