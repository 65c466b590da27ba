// Seeding for rag-search.volume.test.ts, built in SQL on the service connection: DOCS × PER_DOC embedded chunks near
// the query, plus FAR_DOCS × PER_FAR_DOC opposite it. Why this shape: each insert into the migration's HNSW index
// (m 16, ef_construction 64, 1024-d) loads the ~32 neighbours of each of its ~32 new neighbours, and then prunes
// their lists; the pruning grows with how many directions the data spreads in. CPU per row on the embedded PGlite
// (3,000 rows): random vectors 10–18 ms, a 64-d subspace 12 ms, 16-d 8 ms, 4-d 4.6 ms, 2-d 3.4 ms (the floor: the
// neighbour loads). So the vectors lie on a 2-d patch — distinct points of a low-discrepancy sequence, no ties — made from three
// vectors passed once per statement: a row costs a few vector additions rather than 1,024 random() calls. The three
// vectors are the embedding provider's (fetchPatchVectors): the seeding runs in a process of its own
// (apps/api/test/volume-database.child.ts), which asks the OpenAI fake directly; the test checks them against the Worker's.
import { schema, type Db } from '@cogo/db';
import { sql, type SQL } from 'drizzle-orm';

/** Documents near the query, and chunks per document: 20,000 chunks. */
export const DOCS = 200;
export const PER_DOC = 100;
/** Documents opposite the query (metadata `{ team: 'far' }`), and chunks per document. */
export const FAR_DOCS = 2;
export const PER_FAR_DOC = 50;
/** Rows per INSERT: ~1 s each, so the volume test's polls of the count get turns on the one database session in between. */
const BATCH = 250;

/** `metadata.team` of document i is `t<i % 100>`: `{ team: 't7' }` matches 2 documents, 1 % of the chunks. */
export const TEAM_FILTER = { team: 't7' };
/** Every chunk of the documents opposite the query, 0.5 % of the chunks. */
export const FAR_FILTER = { team: 'far' };
/** Documents with i % 50 = 31 are `flow`, the others `doc`: `source: ['flow']` matches 4 documents, 2 % of the chunks. */
export const FLOW_SOURCE = 'flow';

/** The query: no chunk's text has any of its words (chunks read `synthetic text vol-… g`). */
export const QUERY = 'where are refunds for annual plans explained';
/** Texts whose vectors are the patches' axes: nearly orthogonal to the query and to each other. */
export const AXIS_TEXTS = ['volume axis a', 'volume axis b'] as const;

/** Every chunk the seeding inserts: 20,100. */
export const VOLUME_CHUNKS = DOCS * PER_DOC + FAR_DOCS * PER_FAR_DOC;

const vec = (v: number[]) => JSON.stringify(v);

/** The provider's vectors of QUERY and AXIS_TEXTS. */
export interface PatchVectors {
  query: number[];
  a: number[];
  b: number[];
}

/**
 * Embeds QUERY and AXIS_TEXTS on the OpenAI-compatible provider at `base` exactly as the Worker's POST /embed asks it
 * (embed-batch.ts: one call per /embed input, `model`, encoding_format "float", dimensions = the stored column's),
 * so the numbers are the ones the Worker's answer carries.
 */
export async function fetchPatchVectors(base: string, key: string, model: string): Promise<PatchVectors> {
  const embed = async (text: string) => {
    const res = await fetch(`${base}/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, input: [text], encoding_format: 'float', dimensions: schema.EMBEDDING_DIMENSIONS }),
    });
    if (res.status !== 200) throw new Error(`embeddings of "${text}" failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { data: Array<{ embedding: number[] }> };
    return body.data[0]!.embedding;
  };
  const [query, a, b] = [await embed(QUERY), await embed(AXIS_TEXTS[0]), await embed(AXIS_TEXTS[1])];
  return { query, a, b };
}

/** The plane the chunks lie on: `center + x·a + y·b`, (x, y) in [-0.5, 0.5)². */
export interface Patch {
  center: number[];
  a: number[];
  b: number[];
}

/** Inserts the documents of `projectId` (one statement). */
export async function seedDocuments(db: Db, projectId: string): Promise<void> {
  await db.execute(sql`
    insert into public.documents (project_id, source, external_id, title, text, metadata, content_hash)
    select ${projectId}::uuid, case when i % 50 = 31 then ${FLOW_SOURCE} else 'doc' end, 'vol-' || lpad(i::text, 3, '0'), 'Synthetic document ' || i,
      'synthetic document ' || i, jsonb_build_object('team', 't' || (i % 100)), md5('vol-doc-' || i)
    from generate_series(0, ${DOCS - 1}::int) i
    union all
    select ${projectId}::uuid, 'doc', 'vol-far-' || i, 'Far document ' || i, 'far document ' || i, ${JSON.stringify(FAR_FILTER)}::jsonb, md5('vol-far-' || i)
    from generate_series(0, ${FAR_DOCS - 1}::int) i`);
}

/**
 * Inserts chunks g = 0 … count − 1 of the documents named by `docOf(g)`, ordinal `ordinalOf(g)`, chunk g at the g-th
 * point of the R2 sequence on `patch` (so which document a chunk is in does not depend on where it lies), in batches.
 */
async function insertPatch(db: Db, projectId: string, model: string, patch: Patch, count: number, docOf: SQL, ordinalOf: SQL): Promise<void> {
  const dims = `{${schema.EMBEDDING_DIMENSIONS}}`;
  for (let from = 0; from < count; from += BATCH) {
    await db.execute(sql`
      insert into public.document_chunks (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
      select ${projectId}, d.id, ${ordinalOf}, 'synthetic text ' || d.external_id || ' ' || g, md5(d.external_id || g), 4,
        ${vec(patch.center)}::vector
          + ${vec(patch.a)}::vector * array_fill(((0.5 + g * 0.7548776662466927) % 1 - 0.5)::real, ${dims}::int[])::vector
          + ${vec(patch.b)}::vector * array_fill(((0.5 + g * 0.5698402909980532) % 1 - 0.5)::real, ${dims}::int[])::vector,
        ${model}, now()
      from generate_series(${from}::int, ${Math.min(count, from + BATCH) - 1}::int) g
      join public.documents d on d.project_id = ${projectId} and d.external_id = ${docOf}`);
  }
}

/** The chunks near the query (on `near`), then those opposite it (on `far`). */
export async function seedChunks(db: Db, projectId: string, model: string, near: Patch, far: Patch): Promise<void> {
  await insertPatch(db, projectId, model, near, DOCS * PER_DOC, sql`'vol-' || lpad((g / ${PER_DOC}::int)::text, 3, '0')`, sql`g % ${PER_DOC}::int`);
  await insertPatch(db, projectId, model, far, FAR_DOCS * PER_FAR_DOC, sql`'vol-far-' || (g / ${PER_FAR_DOC}::int)`, sql`g % ${PER_FAR_DOC}::int`);
}
