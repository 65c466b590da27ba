// Queued ingestion end to end on the Worker's real queues (`cogo-embed` and its DLQ run as wrangler runs them): start →
// stream (SSE items, progress, done) → chunks embedded by the project's own provider, re-streaming the same items
// queues nothing and calls no provider, a provider failing a few times is retried through the queue, one failing
// always is dead-lettered with the errors on the job and recovers when the items are sent again; jobs are per project.
import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema, RagIngestDoneSchema, RagIngestJobSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually, readSse, testDb, type StreamedEvent } from '../../../test/helpers';
import { llmProject, openaiFake, type LlmProject } from '../../../test/llm-helpers';
import { createApp } from '../../app';

afterEach(() => openaiFake.clear());

/** A project whose embeddings (for the requests and for the queue's consumer alike) go to its own provider's `e1`. */
const embeddingProject = () => llmProject([{ name: 'emb', models: [{ name: 'e1', kind: 'embedding' }] }], { allowedModels: ['e1'], fallbackOrder: ['e1'] });
const embeddingsPath = (p: LlmProject) => `/${p.prefix('emb')}/v1/embeddings`;

const section = (name: string, n: number) => `# ${name}\n\n${Array.from({ length: n }, (_, i) => `${name} fact ${i} is written down here.`).join(' ')}`;
const ITEMS = [
  { id: 'guide', title: 'Guide', text: [section('Alpha', 5), section('Beta', 5), section('Gamma', 5)].join('\n\n'), metadata: { team: 'design' } },
  { id: 'note', text: 'A short note about the brand colours.' },
];

async function start(p: LlmProject, json: Record<string, unknown> = {}) {
  const res = await api('/rag/ingest/start', { method: 'POST', key: p.key, json });
  expect(res.status).toBe(201);
  return RagIngestJobSchema.parse(await res.json());
}

async function stream(p: LlmProject, json: Record<string, unknown>): Promise<StreamedEvent[]> {
  const res = await api('/rag/ingest/stream', { method: 'POST', key: p.key, json });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  return readSse(res);
}

async function job(p: LlmProject, id: string) {
  const res = await api(`/rag/ingest/jobs/${id}`, { key: p.key });
  expect(res.status).toBe(200);
  return RagIngestJobSchema.parse(await res.json());
}

async function chunks(projectId: string) {
  const handle = testDb();
  try {
    return await handle.db.select().from(schema.documentChunks).where(eq(schema.documentChunks.projectId, projectId)).orderBy(asc(schema.documentChunks.createdAt), asc(schema.documentChunks.ordinal));
  } finally {
    await handle.close();
  }
}

describe('queued ingestion: /rag/ingest/start, /rag/ingest/stream, /rag/ingest/jobs/{id}', () => {
  it('stores the items at once, embeds their chunks through the queue, and streams items, progress and one done', async () => {
    const p = await embeddingProject();
    const trace = crypto.randomUUID().replaceAll('-', '');
    const created = await start(p, { trace_id: trace });
    expect(created).toMatchObject({ status: 'open', items: 0, trace_id: trace, chunks: { total: 0, embedded: 0, pending: 0, failed: 0 }, errors: [], settled_at: null });

    const events = await stream(p, { job_id: created.job_id, items: ITEMS });
    const names = events.map((e) => e.event);
    expect(names.filter((n) => n === 'rag.ingest.item')).toHaveLength(2);
    expect(names.at(-1)).toBe('rag.ingest.done');
    expect(names.filter((n) => n === 'rag.ingest.done' || n === 'error')).toHaveLength(1);
    expect(events.slice(0, 2).map((e) => [e.data.external_id, e.data.status, e.data.chunks, e.data.queued])).toEqual([
      ['guide', 'created', 3, 3],
      ['note', 'created', 1, 1],
    ]);
    // the queue takes a moment (its batch timeout): the stream reports the wait, then the outcome
    expect(events.find((e) => e.event === 'rag.ingest.progress')?.data).toEqual({ queued: 4, embedded: 0, pending: 4, failed: 0 });
    const done = RagIngestDoneSchema.parse(events.at(-1)!.data);
    expect(done).toMatchObject({ job_id: created.job_id, documents: 2, created: 2, unchanged: 0, queued: 4, embedded: 4, pending: 0, failed: 0, settled: true, trace_id: trace });

    const rows = await chunks(p.id);
    expect(rows).toHaveLength(4);
    expect(rows.every((c) => c.model === 'e1' && c.embedding?.length === 1024 && c.ingestJobId === created.job_id && c.embedError === null)).toBe(true);
    // one message of ≤ EMBED_MAX_BATCH chunks → one provider call with all four texts
    const calls = await openaiFake.requests(p.prefix('emb'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ model: 'e1', dimensions: 1024 });
    expect(calls[0]!.body!.input).toHaveLength(4);

    const view = await eventually(async () => {
      const j = await job(p, created.job_id);
      return j.settled_at ? j : null;
    });
    expect(view).toMatchObject({ status: 'done', items: 2, unchanged: 0, chunks: { total: 4, embedded: 4, pending: 0, failed: 0 }, errors: [] });

    // the same items again: unchanged, nothing queued, no provider call, no row touched
    const again = await stream(p, { job_id: created.job_id, items: ITEMS });
    expect(again.filter((e) => e.event === 'rag.ingest.item').map((e) => [e.data.status, e.data.queued])).toEqual([
      ['unchanged', 0],
      ['unchanged', 0],
    ]);
    expect(again.at(-1)!.data).toMatchObject({ unchanged: 2, queued: 0, settled: true });
    expect(await openaiFake.requests(p.prefix('emb'))).toHaveLength(1);
    const after = await chunks(p.id);
    expect(after.map((c) => [c.id, c.updatedAt.getTime()])).toEqual(rows.map((c) => [c.id, c.updatedAt.getTime()]));
    expect((await job(p, created.job_id)).unchanged).toBe(2);
  });

  it('retries a failing provider through the queue (the errors show on the job) and embeds once it answers', async () => {
    const p = await embeddingProject();
    // 3 answers of 500: the first delivery's call and its 2 in-call retries (EMBED_PROVIDER_MAX_RETRIES), then success
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: 3, path: embeddingsPath(p) }]);
    const { job_id } = await start(p);
    const events = await stream(p, { job_id, items: [ITEMS[1]], wait_seconds: 60 });
    expect(events.at(-1)).toMatchObject({ event: 'rag.ingest.done', data: { queued: 1, embedded: 1, failed: 0, settled: true } });
    const view = await job(p, job_id);
    expect(view.status).toBe('done');
    expect(view.errors).toHaveLength(1);
    expect(view.errors[0]).toMatchObject({ attempt: 1, final: false, chunks: 1 });
    expect(await openaiFake.requests(p.prefix('emb'))).toHaveLength(4);
    expect((await chunks(p.id))[0]).toMatchObject({ model: 'e1', embedError: null });
  });

  it('dead-letters chunks whose provider keeps failing, shows it on the job, and makes them pending again when sent again', async () => {
    const p = await embeddingProject();
    await openaiFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 0 }, times: null, path: embeddingsPath(p) }]);
    const { job_id } = await start(p);
    // wait_seconds 0: the stream ends once queued
    const events = await stream(p, { job_id, items: [ITEMS[1]], wait_seconds: 0 });
    expect(events.at(-1)).toMatchObject({ event: 'rag.ingest.done', data: { queued: 1, pending: 1, settled: false } });

    const failed = await eventually(async () => {
      const j = await job(p, job_id);
      return j.status === 'failed' && j.settled_at ? j : null;
    }, 30_000);
    expect(failed.chunks).toEqual({ total: 1, embedded: 0, pending: 0, failed: 1 });
    expect(failed.settled_at).not.toBeNull();
    // every delivery (1 + max_retries) recorded its failure, then the dead-letter queue its verdict
    expect(failed.errors.filter((e) => e.code !== 'DEAD_LETTERED').map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    expect(failed.errors.at(-1)).toMatchObject({ code: 'DEAD_LETTERED', final: true, chunks: 1 });
    expect(JSON.stringify(failed.errors)).not.toContain(p.key);
    const [row] = await chunks(p.id);
    expect(row!.embedding).toBeNull();
    expect(row!.embedError).toMatch(/dead-lettered/);

    // sending the same item again makes its chunk pending again (embedding it is the retry test's part: here the
    // provider's circuit is open for a while after so many failures)
    await openaiFake.clear();
    const retried = await stream(p, { job_id, items: [ITEMS[1]], wait_seconds: 0 });
    expect(retried.find((e) => e.event === 'rag.ingest.item')!.data).toMatchObject({ status: 'updated', queued: 1 });
    expect(retried.at(-1)!.data).toMatchObject({ queued: 1, failed: 0, settled: false });
    expect((await job(p, job_id)).status).toBe('embedding');
    expect((await chunks(p.id))[0]).toMatchObject({ embedding: null, embedError: null });
  });

  it('keeps jobs to their project and refuses bad input with nothing stored', async () => {
    const a = await embeddingProject();
    const b = await embeddingProject();
    const { job_id } = await start(a);
    const other = await api(`/rag/ingest/jobs/${job_id}`, { key: b.key });
    expect(other.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await other.json()).error.code).toBe('NOT_FOUND');
    const into = await api('/rag/ingest/stream', { method: 'POST', key: b.key, json: { job_id, items: ITEMS } });
    expect(into.status).toBe(404);

    const bad: Array<[Record<string, unknown>, number]> = [
      [{ job_id: 'nope', items: ITEMS }, 400],
      [{ job_id, items: [] }, 400],
      [{ job_id, items: Array.from({ length: 101 }, (_, i) => ({ id: `d${i}`, text: 'x' })) }, 400],
      [{ job_id, items: ITEMS, wait_seconds: 121 }, 400],
      [{ job_id, items: [ITEMS[1], ITEMS[1]] }, 400],
      [{ job_id, items: [{ id: 'nul', text: 'a\u0000b' }] }, 400],
    ];
    for (const [json, status] of bad) {
      const res = await api('/rag/ingest/stream', { method: 'POST', key: a.key, json });
      expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(status);
      expect(ErrorEnvelopeSchema.safeParse(await res.json()).success).toBe(true);
    }
    // VECTOR_DIMENSIONS unlike the stored embeddings: 503 naming both, before anything is stored
    const app = createApp();
    const mismatch = await app.request(
      '/rag/ingest/stream',
      { method: 'POST', headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ job_id, items: ITEMS }) },
      { ...env, VECTOR_DIMENSIONS: '768' },
    );
    expect(mismatch.status).toBe(503);
    expect(ErrorEnvelopeSchema.parse(await mismatch.json()).error.message).toMatch(/VECTOR_DIMENSIONS is 768 .* 1024-dimensional/);
    expect(await chunks(a.id)).toHaveLength(0);
    expect(await chunks(b.id)).toHaveLength(0);
    expect(await openaiFake.requests(a.prefix('emb'))).toHaveLength(0);
  });
});
