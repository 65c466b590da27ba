/**
 * The rows bench/rag.ts measures: two projects sharing `public.document_chunks` (row-level security on, as in
 * migration 0010), documents of CHUNKS_PER_DOC chunks, every project's documents tagged `team` t0…t99 (so one team
 * is ~1 % of a project's chunks, spread over every cluster). Written through the service pool (the migrating user):
 *   - `writeUpTo`: the ingestion path's shape — vectors formatted here, sent as text in INSERTs of 64 rows, as the
 *     queue's consumer writes. On the embedded database that costs ~2.4 ms a row: ~1 ms carrying 9 KB of text
 *     through the driver and the WebSocket proxy, ~1.4 ms pgvector parsing 1,024 floats (wasm strtof);
 *   - `generateUpTo`: the same distribution generated inside the database (the centroids are sent once, each row
 *     is centroid + random_normal noise, l2_normalize'd), ~5× faster: how 100k rows load in minutes, not ten.
 * Document ids are md5(tag:n) in both, so either writer may continue a document the other began.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DbHandle } from '../../packages/db/src/client';
import { rng, vectorText, type ClusteredSpace } from './rag-data';

type Pool = DbHandle['pool'];

export const CHUNKS_PER_DOC = 4;
/** Rows per INSERT: EMBED_MAX_BATCH's default, what one embedding batch of the queue writes. */
export const INSERT_BATCH = 64;
export const MODEL = 'bench-clustered-1024';
/** The migration's index, verbatim (migrations/0010_rag.sql). */
export const INDEX_NAME = 'document_chunks_embedding_hnsw';
const CREATE_INDEX = `CREATE INDEX "${INDEX_NAME}" ON "document_chunks" USING hnsw ("embedding" vector_cosine_ops)`;

/**
 * Filler words of a chunk's text. A real chunk carries ~400 tokens of text (and its generated tsvector) in the heap
 * row; a row of a few words makes the heap tiny next to the HNSW index, which changes the planner's choice (pgvector
 * compares the index pages its scan will read with the heap's pages) and the cost of exact search.
 */
const FILLER = (
  'button input card modal dialog token color spacing radius shadow typography heading label icon avatar badge table ' +
  'column row header footer sidebar navigation menu toolbar tooltip toast alert banner spinner progress tab page ' +
  'screen layout grid stack padding margin border primary secondary danger success warning neutral brand logo voice ' +
  'tone copy error empty state loading disabled hover focus pressed selected checked toggle switch select option ' +
  'date picker calendar search filter sort pagination breadcrumb link form field helper validation submit cancel ' +
  'confirm delete save undo project task workspace member invite plan billing checkout settings notification dark light'
).split(' ');
const FILLER_SQL = `array[${FILLER.map((w) => `'${w}'`).join(',')}]`;

/**
 * SQL for `words` random filler words (and a trailing space; '' for 0), drawn afresh for each row of the outer query
 * because `correlate` (an outer column that is never negative) is referenced.
 */
export function fillerSql(words: number, correlate: string): string {
  return `(select coalesce(string_agg((${FILLER_SQL})[1 + floor(random() * ${FILLER.length})::int], ' ') || ' ', '') from generate_series(1, ${words}) where ${correlate} >= 0)`;
}

export interface BenchProjects {
  a: string;
  b: string;
  /** Unique per run: seeds the document ids. */
  tag: string;
}

/** Two fresh projects (unique slugs: a server Postgres keeps rows between runs). */
export async function createProjects(pool: Pool): Promise<BenchProjects> {
  const tag = crypto.randomUUID().slice(0, 8);
  const r = await pool.query<{ id: string }>(`insert into projects (slug, name) values ($1, 'rag bench A'), ($2, 'rag bench B') returning id`, [`rag-bench-a-${tag}`, `rag-bench-b-${tag}`]);
  return { a: r.rows[0]!.id, b: r.rows[1]!.id, tag };
}

/** Document n's id: md5(`tag:n`) as a uuid, the same as the SQL `md5(tag || ':' || n)::uuid`. */
export function docId(tag: string, n: number): string {
  const h = createHash('md5').update(`${tag}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The table of the space's centroids generateUpTo reads (scratch; dropped by dropGenerator). */
const CENTROIDS = 'rag_bench_centroids';
/** Rows per generated INSERT (one statement; bounded so that progress shows and memory stays flat). */
const GENERATE_BATCH = 2_000;

/** Removes the bench's projects and, by cascade, their documents and chunks. */
export async function dropProjects(pool: Pool, projects: BenchProjects): Promise<void> {
  await pool.query('delete from projects where id = any($1::uuid[])', [[projects.a, projects.b]]);
}

/** The document (and so the project and team) chunk `i` belongs to. */
export function layout(i: number, projects: BenchProjects): { doc: number; ordinal: number; project: string; team: string } {
  const doc = Math.floor(i / CHUNKS_PER_DOC);
  return { doc, ordinal: i % CHUNKS_PER_DOC, project: doc % 2 === 0 ? projects.a : projects.b, team: `t${Math.floor(doc / 2) % 100}` };
}

/** Appends rows to the table, in chunk order, through either writer (see the file header). */
export class ChunkWriter {
  count = 0;
  private centroidsLoaded = false;
  private readonly words: () => number;

  /** `fillerWords`: words of filler text per chunk (0: the bare "chunk i of document d about topic c"). */
  constructor(
    private readonly pool: Pool,
    private readonly projects: BenchProjects,
    private readonly space: ClusteredSpace,
    private readonly fillerWords = 0,
  ) {
    this.words = rng(projects.tag.split('').reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7));
  }

  private filler(): string {
    let out = '';
    for (let i = 0; i < this.fillerWords; i++) out += `${FILLER[Math.floor(this.words() * FILLER.length)]} `;
    return out;
  }

  /**
   * Writes chunks up to `total` in batches of INSERT_BATCH; returns the seconds spent in the chunk INSERTs alone
   * (vector generation, formatting and the documents' INSERTs are left out).
   */
  async writeUpTo(total: number): Promise<number> {
    let seconds = 0;
    while (this.count < total) {
      const end = Math.min(total, this.count + INSERT_BATCH);
      const docs: { id: string; project: string; team: string; doc: number }[] = [];
      const rows = { project: [] as string[], doc: [] as string[], ordinal: [] as number[], text: [] as string[], embedding: [] as string[] };
      for (let i = this.count; i < end; i++) {
        const at = layout(i, this.projects);
        if (at.ordinal === 0) docs.push({ id: docId(this.projects.tag, at.doc), project: at.project, team: at.team, doc: at.doc });
        const { cluster, vector } = this.space.row();
        rows.project.push(at.project);
        rows.doc.push(docId(this.projects.tag, at.doc));
        rows.ordinal.push(at.ordinal);
        rows.text.push(`chunk ${i} of document ${at.doc}: ${this.filler()}about topic ${cluster}`);
        rows.embedding.push(vectorText(vector));
      }
      if (docs.length) {
        await this.pool.query(
          `insert into documents (id, project_id, source, external_id, title, text, metadata, content_hash)
           select id, project, 'doc', 'bench-' || n, 'document ' || n, 'synthetic document ' || n, jsonb_build_object('team', team), md5(n::text)
           from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) as u(id, project, team, n)`,
          [docs.map((d) => d.id), docs.map((d) => d.project), docs.map((d) => d.team), docs.map((d) => d.doc)],
        );
      }
      const started = performance.now();
      await this.pool.query(
        `insert into document_chunks (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
         select project, doc, ordinal, text, md5(text), 12, embedding::vector, $6, now()
         from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[]) as u(project, doc, ordinal, text, embedding)`,
        [rows.project, rows.doc, rows.ordinal, rows.text, rows.embedding, MODEL],
      );
      seconds += (performance.now() - started) / 1000;
      this.count = end;
    }
    return seconds;
  }

  /**
   * Mean cosine of chunks [from, to) to their own centroid (the topic their text names): rows generated in the
   * database and rows sent by this process must come from the same distribution (≈ 1/√(1 + noise²)).
   */
  async meanCosineToCentroid(from: number, to: number): Promise<number> {
    if (!this.centroidsLoaded || to <= from) return Number.NaN;
    const r = await this.pool.query<{ cos: number | null }>(
      `select avg(1 - (c.embedding <=> cen.v)) as cos
       from document_chunks c join ${CENTROIDS} cen on cen.i = split_part(c.text, ' about topic ', 2)::int
       where c.model = $1 and c.project_id = any($2::uuid[]) and split_part(c.text, ' ', 2)::int >= $3 and split_part(c.text, ' ', 2)::int < $4`,
      [MODEL, [this.projects.a, this.projects.b], from, to],
    );
    return Number(r.rows[0]?.cos);
  }

  /**
   * Generates chunks up to `total` inside the database (same layout, same centroids, the same noise model as
   * space.row(); the random draws are Postgres's, seeded per batch). `onProgress` hears the rows written so far.
   * Returns the seconds spent in the INSERTs (documents and chunks).
   */
  async generateUpTo(total: number, options: { noise: number; seed: number; onProgress?: (rows: number) => void }): Promise<number> {
    if (!this.centroidsLoaded) {
      await this.pool.query(`create table if not exists ${CENTROIDS} (i int primary key, v vector(${this.space.dims}))`);
      await this.pool.query(`truncate ${CENTROIDS}`);
      await this.pool.query(`insert into ${CENTROIDS} (i, v) select i - 1, v::vector from unnest($1::text[]) with ordinality as u(v, i)`, [this.space.centroids.map(vectorText)]);
      this.centroidsLoaded = true;
    }
    const { a, b, tag } = this.projects;
    const clusters = this.space.centroids.length;
    let seconds = 0;
    while (this.count < total) {
      const from = this.count;
      const end = Math.min(total, from + GENERATE_BATCH);
      const client = await this.pool.connect();
      const started = performance.now();
      try {
        await client.query('begin');
        // setseed in the same transaction: the embedded database's one session is shared, and the draws should be
        // the same from one run to the next
        await client.query('select setseed($1)', [(((options.seed * 7919 + from) % 2_000_003) / 2_000_003) * 2 - 1]);
        await client.query(
          `insert into documents (id, project_id, source, external_id, title, text, metadata, content_hash)
           select md5($1 || ':' || n)::uuid, (case when n % 2 = 0 then $2 else $3 end)::uuid, 'doc', 'bench-' || n, 'document ' || n,
                  'synthetic document ' || n, jsonb_build_object('team', 't' || ((n / 2) % 100)), md5(n::text)
           from generate_series(($4::int + ${CHUNKS_PER_DOC - 1}) / ${CHUNKS_PER_DOC}, ($5::int - 1) / ${CHUNKS_PER_DOC}) n`,
          [tag, a, b, from, end],
        );
        // the correlated "where x.k >= 0" makes the noise array a fresh draw per row, not one shared subquery result
        await client.query(
          `insert into document_chunks (project_id, document_id, ordinal, text, content_hash, token_count, embedding, model, embedded_at)
           select (case when (x.k / ${CHUNKS_PER_DOC}) % 2 = 0 then $2 else $3 end)::uuid, md5($1 || ':' || (x.k / ${CHUNKS_PER_DOC}))::uuid, x.k % ${CHUNKS_PER_DOC},
                  x.t, md5(x.t), 12,
                  l2_normalize(cen.v + (array(select random_normal(0, $6::float8 / sqrt(${this.space.dims})) from generate_series(1, ${this.space.dims}) where x.k >= 0))::vector(${this.space.dims})),
                  $7, now()
           from (select ids.k, ids.c, 'chunk ' || ids.k || ' of document ' || (ids.k / ${CHUNKS_PER_DOC}) || ': '
                        || ${fillerSql(this.fillerWords, 'ids.k')}
                        || 'about topic ' || ids.c as t
                 from (select k, floor(random() * ${clusters})::int as c from generate_series($4::int, $5::int - 1) k) ids) x
           join ${CENTROIDS} cen on cen.i = x.c`,
          [tag, a, b, from, end, options.noise, MODEL],
        );
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
      seconds += (performance.now() - started) / 1000;
      this.count = end;
      options.onProgress?.(end);
    }
    return seconds;
  }
}

/** Drops generateUpTo's scratch table. */
export async function dropGenerator(pool: Pool): Promise<void> {
  await pool.query(`drop table if exists ${CENTROIDS}`);
}

/** Drops the HNSW index if present (the "insert first, index after" path). */
export async function dropIndex(pool: Pool): Promise<void> {
  await pool.query(`drop index if exists "${INDEX_NAME}"`);
}

/**
 * Builds the migration's HNSW index over the rows present, with `maintenanceWorkMem` (SET LOCAL, this transaction
 * only; null: the server's setting): pgvector builds the graph in memory while it fits and says so in a NOTICE
 * when it no longer does, after which every further row is inserted the slow way. Returns the seconds and notices.
 */
export async function buildIndex(pool: Pool, maintenanceWorkMem: string | null = null): Promise<{ seconds: number; notices: string[] }> {
  const client = await pool.connect();
  const notices: string[] = [];
  const onNotice = (n: { message?: string }) => notices.push(n.message ?? String(n));
  client.on('notice', onNotice);
  try {
    await client.query('begin');
    if (maintenanceWorkMem) await client.query(`select set_config('maintenance_work_mem', $1, true)`, [maintenanceWorkMem]);
    const started = performance.now();
    await client.query(CREATE_INDEX);
    const seconds = (performance.now() - started) / 1000;
    await client.query('commit');
    return { seconds, notices };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.off('notice', onNotice);
    client.release();
  }
}

/** Puts the migration's index back if a run stopped half-way (a server Postgres outlives the bench). */
export async function ensureIndex(pool: Pool): Promise<void> {
  await pool.query(CREATE_INDEX.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
}
