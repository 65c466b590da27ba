/**
 * The rows bench/rag.ts measures: two projects sharing `public.document_chunks` (row-level security on, as in
 * migration 0010), documents of CHUNKS_PER_DOC chunks, every project's documents tagged `team` t0…t99 (so one team
 * is ~1 % of a project's chunks, spread over every cluster). Written through the service pool (the migrating user),
 * as the ingestion queue's consumer writes; read back by the queries through the tenant pool.
 */
import { performance } from 'node:perf_hooks';
import type { DbHandle } from '../../packages/db/src/client';
import { vectorText, type ClusteredSpace } from './rag-data';

type Pool = DbHandle['pool'];

export const CHUNKS_PER_DOC = 4;
/** Rows per INSERT: EMBED_MAX_BATCH's default, what one embedding batch of the queue writes. */
export const INSERT_BATCH = 64;
export const MODEL = 'bench-clustered-1024';
/** The migration's index, verbatim (migrations/0010_rag.sql). */
export const INDEX_NAME = 'document_chunks_embedding_hnsw';
const CREATE_INDEX = `CREATE INDEX "${INDEX_NAME}" ON "document_chunks" USING hnsw ("embedding" vector_cosine_ops)`;

export interface BenchProjects {
  a: string;
  b: string;
}

/** Two fresh projects (unique slugs: a server Postgres keeps rows between runs). */
export async function createProjects(pool: Pool): Promise<BenchProjects> {
  const tag = crypto.randomUUID().slice(0, 8);
  const r = await pool.query<{ id: string }>(`insert into projects (slug, name) values ($1, 'rag bench A'), ($2, 'rag bench B') returning id`, [`rag-bench-a-${tag}`, `rag-bench-b-${tag}`]);
  return { a: r.rows[0]!.id, b: r.rows[1]!.id };
}

/** Removes the bench's projects and, by cascade, their documents and chunks. */
export async function dropProjects(pool: Pool, projects: BenchProjects): Promise<void> {
  await pool.query('delete from projects where id = any($1::uuid[])', [[projects.a, projects.b]]);
}

/** The document (and so the project and team) chunk `i` belongs to. */
export function layout(i: number, projects: BenchProjects): { doc: number; ordinal: number; project: string; team: string } {
  const doc = Math.floor(i / CHUNKS_PER_DOC);
  return { doc, ordinal: i % CHUNKS_PER_DOC, project: doc % 2 === 0 ? projects.a : projects.b, team: `t${Math.floor(doc / 2) % 100}` };
}

/** Appends rows to the table; remembers document ids between calls (chunks are written in index order). */
export class ChunkWriter {
  private readonly docIds: string[] = [];
  count = 0;

  constructor(
    private readonly pool: Pool,
    private readonly projects: BenchProjects,
    private readonly space: ClusteredSpace,
  ) {}

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
        if (at.ordinal === 0) {
          this.docIds[at.doc] = crypto.randomUUID();
          docs.push({ id: this.docIds[at.doc]!, project: at.project, team: at.team, doc: at.doc });
        }
        const { cluster, vector } = this.space.row();
        rows.project.push(at.project);
        rows.doc.push(this.docIds[at.doc]!);
        rows.ordinal.push(at.ordinal);
        rows.text.push(`chunk ${i} of document ${at.doc} about topic ${cluster}`);
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
}

/** Drops the HNSW index if present (the "insert first, index after" path). */
export async function dropIndex(pool: Pool): Promise<void> {
  await pool.query(`drop index if exists "${INDEX_NAME}"`);
}

/** Builds the migration's HNSW index over the rows present; returns the seconds it took. */
export async function buildIndex(pool: Pool): Promise<number> {
  const started = performance.now();
  await pool.query(CREATE_INDEX);
  return (performance.now() - started) / 1000;
}

/** Puts the migration's index back if a run stopped half-way (a server Postgres outlives the bench). */
export async function ensureIndex(pool: Pool): Promise<void> {
  await pool.query(CREATE_INDEX.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
}
