// POST /rag: hybrid retrieval on chunks seeded with SQL (vectors built from what the OpenAI fake answers for a known
// text, so the query's embedding is one we control): the exact-vector chunk first, an identifier found only by full
// text, source / metadata / document filters, no rows of another project, SSE items in order then one rag.done, bad
// filters and a dimension mismatch refused. Selective filters that must still fill the limit (pgvector #719/#751), on
// a 20,000-chunk table and with the HNSW index forced: rag-search.volume.test.ts.
import { ErrorEnvelopeSchema, RagSearchResultSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createTestProject, readSse, testDb, type TestProject } from '../../../test/helpers';
import { createApp } from '../../app';

const rag = (key: string, json: Record<string, unknown>) => api('/rag', { method: 'POST', key, json });

/** The vector (and model) the Worker's embedding provider answers for `text`. */
async function embedOf(key: string, text: string): Promise<{ model: string; vector: number[] }> {
  const res = await api('/embed', { method: 'POST', key, json: { input: text } });
  if (res.status !== 200) throw new Error(`embed failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { model: string; data: Array<{ embedding: number[] }> };
  return { model: body.model, vector: body.data[0]!.embedding };
}

const vec = (v: number[]) => JSON.stringify(v);

/** Inserts a document and returns its id (service connection: seeding bypasses row-level security). */
async function seedDocument(projectId: string, externalId: string, metadata: Record<string, unknown>): Promise<string> {
  const handle = testDb();
  try {
    const r = await handle.db.execute<{ id: string }>(sql`
      insert into public.documents (project_id, source, external_id, title, text, metadata, content_hash)
      values (${projectId}, 'doc', ${externalId}, ${externalId}, ${externalId}, ${JSON.stringify(metadata)}::jsonb, ${externalId}) returning id`);
    return r.rows[0]!.id;
  } finally {
    await handle.close();
  }
}

/** Runs seeding SQL on the service connection. */
async function seed(statement: ReturnType<typeof sql>) {
  const handle = testDb();
  try {
    await handle.db.execute(statement);
  } finally {
    await handle.close();
  }
}

/**
 * `count` chunks of `documentId` (ordinals from `from`), each `base` plus per-component noise of `noise`, with `text`
 * followed by the ordinal: built in SQL, one statement.
 */
const noisyChunks = (projectId: string, documentId: string, model: string, base: number[], noise: number, count: number, text: string, from = 0) => sql`
  insert into public.document_chunks (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
  select ${projectId}, ${documentId}, ${from} + g, ${text} || ' ' || g, md5(${text} || g), 8,
    (select array_agg(x + (random() - 0.5) * ${noise})::real[] from unnest(${vec(base)}::vector::real[]) x where g >= 0)::vector, ${model}, now()
  from generate_series(1, ${count}) g`;

describe('POST /rag', () => {
  let a: TestProject;
  let q1: { model: string; vector: number[] };
  let q2: { model: string; vector: number[] };
  const Q1 = 'how do we theme the primary button';
  const Q2 = 'btn_primary_hover_7x';
  let matchId: string;
  let identifierId: string;

  beforeAll(async () => {
    a = await createTestProject('rag A');
    [q1, q2] = [await embedOf(a.key, Q1), await embedOf(a.key, Q2)];
    const guide = await seedDocument(a.id, 'guide', { kind: 'guide' });
    const ids = await seedDocument(a.id, 'identifiers', { kind: 'ids' });
    const handle = testDb();
    try {
      const r = await handle.db.execute<{ id: string }>(sql`
        insert into public.document_chunks (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
        values (${a.id}, ${guide}, 0, 'To theme the primary button use the brand token', 'm', 9, ${vec(q1.vector)}::vector, ${q1.model}, now()) returning id`);
      matchId = r.rows[0]!.id;
      // the identifier's vector is the opposite of Q2's: the farthest chunk of the project, past the vector list's 40
      const s = await handle.db.execute<{ id: string }>(sql`
        insert into public.document_chunks (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
        values (${a.id}, ${ids}, 0, 'The hover state token is btn_primary_hover_7x in the theme file', 'i', 12, ${vec(q2.vector.map((x) => -x))}::vector, ${q2.model}, now()) returning id`);
      identifierId = s.rows[0]!.id;
    } finally {
      await handle.close();
    }
    await seed(noisyChunks(a.id, guide, q1.model, q1.vector, 0.02, 45, 'filler paragraph about layout grids', 1));
  });

  it('answers the chunk whose vector is the query’s embedding first, with RRF scores and both ranks', async () => {
    const res = await rag(a.key, { q: Q1, limit: 5 });
    expect(res.status).toBe(200);
    const body = RagSearchResultSchema.parse(await res.json());
    expect(body.items).toHaveLength(5);
    expect(body.items[0]).toMatchObject({ chunk_id: matchId, external_id: 'guide', source: 'doc', vector_rank: 1, text_rank: 1, metadata: { kind: 'guide' } });
    expect(body.items[0]!.score).toBeCloseTo(2 / 61, 12);
    for (const item of body.items.slice(1)) {
      expect(item.text_rank).toBeNull();
      expect(item.score).toBeCloseTo(1 / (60 + item.vector_rank!), 12);
    }
    expect(body.items.map((i) => i.score)).toEqual([...body.items.map((i) => i.score)].sort((x, y) => y - x));
    expect(body.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('finds an exact identifier by full text that the vector list does not rank', async () => {
    const res = await rag(a.key, { q: Q2, limit: 10 });
    expect(res.status).toBe(200);
    const body = RagSearchResultSchema.parse(await res.json());
    const hit = body.items.find((i) => i.chunk_id === identifierId);
    expect(hit).toMatchObject({ external_id: 'identifiers', vector_rank: null, text_rank: 1 });
    expect(hit!.score).toBeCloseTo(1 / 61, 12);
    expect(body.items).toHaveLength(10);
    // the identifier ties with the vector list's first (1 / 61 each): a tie keeps the vector list's order first
    expect(body.items.map((i) => [i.vector_rank, i.text_rank])).toEqual([[1, null], [null, 1], ...[2, 3, 4, 5, 6, 7, 8, 9].map((r) => [r, null])]);
  });

  it('keeps to the source and document filters', async () => {
    const none = RagSearchResultSchema.parse(await (await rag(a.key, { q: Q1, filter: { source: ['component'] } })).json());
    expect(none.items).toEqual([]);
    const only = RagSearchResultSchema.parse(await (await rag(a.key, { q: Q1, limit: 50, filter: { metadata: { kind: 'ids' } } })).json());
    expect(only.items.map((i) => i.chunk_id)).toEqual([identifierId]);
  });

  it('returns nothing of this project to another project', async () => {
    const b = await createTestProject('rag B');
    const res = await rag(b.key, { q: Q1, limit: 50 });
    expect(res.status).toBe(200);
    expect(RagSearchResultSchema.parse(await res.json()).items).toEqual([]);
  });

  it('streams one rag.item per item in the JSON answer’s order, then one rag.done', async () => {
    const traceId = crypto.randomUUID().replaceAll('-', '');
    const json = RagSearchResultSchema.parse(await (await rag(a.key, { q: Q1, limit: 7 })).json());
    const res = await rag(a.key, { q: Q1, limit: 7, stream: true, trace_id: traceId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    expect(events.map((e) => e.event)).toEqual([...Array<string>(7).fill('rag.item'), 'rag.done']);
    expect(events.slice(0, 7).map((e) => e.data.chunk_id)).toEqual(json.items.map((i) => i.chunk_id));
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[7]!.data).toEqual({ count: 7, trace_id: traceId });
  });

  it.each([
    ['metadata not an object', { metadata: 'kind=rare' }],
    ['an unknown filter key', { tag: 'x' }],
    ['a document id that is not a uuid', { document_ids: ['nope'] }],
    ['an unknown source', { source: ['wiki'] }],
    ['a lone surrogate in a metadata value', { metadata: { team: 'a\ud800b' } }],
    ['a lone surrogate in a metadata key', { metadata: { ['\udc00k']: 'x' } }],
  ])('answers 400 for a filter with %s', async (_, filter) => {
    const res = await rag(a.key, { q: Q1, filter });
    expect(res.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body.error.details)).toContain('filter');
  });

  it('answers 400 for an empty or over-long query and a limit out of 1–50', async () => {
    for (const json of [{ q: '' }, { q: 'x'.repeat(2_001) }, { q: 'x', limit: 0 }, { q: 'x', limit: 51 }]) {
      const res = await rag(a.key, json);
      expect(res.status).toBe(400);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 503 naming VECTOR_DIMENSIONS and get_vector_dim() when they differ', async () => {
    const res = await createApp().request(
      '/rag',
      { method: 'POST', headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ q: Q1 }) },
      { ...env, VECTOR_DIMENSIONS: '8' },
    );
    expect(res.status).toBe(503);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.message).toContain('VECTOR_DIMENSIONS is 8');
    expect(body.error.details).toMatchObject({ VECTOR_DIMENSIONS: 8, get_vector_dim: 1024 });
  });
});

describe('POST /rag metadata filters (document_tags narrow, `@>` decides)', () => {
  let a: TestProject;
  const Q = 'tagged note';
  const docs: Record<string, Record<string, unknown>> = {
    d1: { team: 't1', tags: ['a', 'b'], flag: true, n: 5 },
    d2: { team: 't1', tags: ['a'], flag: false, nested: { x: 1 } },
    d3: { team: 't2', tags: 'a', note: 'é "q" \u2028 / \\', empty: null },
    d4: { team: ['t1', 't3'], n: 5.5 },
  };
  const ids: Record<string, string> = {};

  /** The tags rows of a document, as the service connection sees them. */
  async function tagsOf(documentId: string): Promise<string[]> {
    const handle = testDb();
    try {
      const r = await handle.db.execute<{ key: string; value: string }>(sql`select key, value from public.document_tags where document_id = ${documentId} order by key, value`);
      return r.rows.map((row) => `${row.key}=${row.value}`);
    } finally {
      await handle.close();
    }
  }

  beforeAll(async () => {
    a = await createTestProject('rag tags');
    const q = await embedOf(a.key, Q);
    for (const [name, metadata] of Object.entries(docs)) {
      ids[name] = await seedDocument(a.id, name, metadata);
      await seed(sql`insert into public.document_chunks (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
        values (${a.id}, ${ids[name]}, 0, ${`tagged note ${name}`}, ${name}, 3, ${vec(q.vector)}::vector, ${q.model}, now())`);
    }
  });

  it('keeps a row per string/boolean/null value and per such array element, replaced when the metadata changes', async () => {
    expect(await tagsOf(ids.d1!)).toEqual(['flag=true', 'tags="a"', 'tags="b"', 'team="t1"']);
    expect(await tagsOf(ids.d3!)).toEqual(['empty=null', 'note="é \\"q\\" \u2028 / \\\\"', 'tags="a"', 'team="t2"']);
    const d5 = await seedDocument(a.id, 'd5', { team: 't5', kind: 'x' });
    await seed(sql`update public.documents set metadata = '{"team": ["t6", "t6"]}'::jsonb where id = ${d5}`);
    expect(await tagsOf(d5)).toEqual(['team="t6"']);
    await seed(sql`update public.documents set title = 'renamed' where id = ${d5}`);
    expect(await tagsOf(d5)).toEqual(['team="t6"']);
    await seed(sql`delete from public.documents where id = ${d5}`);
    expect(await tagsOf(d5)).toEqual([]);
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ team: 't1' }, ['d1', 'd2']],
    [{ team: ['t1'] }, ['d4']],
    [{ tags: ['a'] }, ['d1', 'd2']],
    [{ tags: ['a', 'b'] }, ['d1']],
    [{ tags: 'a' }, ['d3']],
    [{ flag: false }, ['d2']],
    [{ team: 't1', flag: true }, ['d1']],
    [{ n: 5 }, ['d1']],
    [{ nested: { x: 1 } }, ['d2']],
    [{ note: 'é "q" \u2028 / \\' }, ['d3']],
    [{ empty: null }, ['d3']],
    [{ team: 't9' }, []],
  ])('filter %j returns exactly the documents whose metadata contains it: %j', async (metadata, expected) => {
    const res = await rag(a.key, { q: Q, limit: 50, filter: { metadata } });
    expect(res.status).toBe(200);
    const got = RagSearchResultSchema.parse(await res.json()).items.map((i) => i.external_id);
    expect([...new Set(got)].sort()).toEqual(expected);
    // the same as `@>` alone over the project's documents
    const handle = testDb();
    try {
      const r = await handle.db.execute<{ external_id: string }>(sql`select external_id from public.documents where project_id = ${a.id} and metadata @> ${JSON.stringify(metadata)}::jsonb order by 1`);
      expect(r.rows.map((row) => row.external_id)).toEqual(expected);
    } finally {
      await handle.close();
    }
  });
});
