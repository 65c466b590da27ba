// Shared by the design index's tests: apply the sample file through the real route, deliver its outbox rows to the
// projection worker by hand (as project-updates.consumer.test.ts does) with the embedding queue recorded, and
// deliver those embedding messages to their consumer by hand.
import { schema, type Db } from '@cogo/db';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { and, asc, eq, isNull } from 'drizzle-orm';
import worker from '../../index';
import { api, runFigmaJob } from '../../../test/helpers';

export interface SamplePage {
  node_id: string;
  name: string;
  components: Array<{ node_id: string; name: string; type: string; props?: Record<string, unknown> }>;
}

/** Streams the sample file for `key` and returns its job and pages as apply takes them. */
export async function samplePages(key: string): Promise<{ jobId: string; pages: SamplePage[] }> {
  const { job, events } = await runFigmaJob(key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront` });
  const pages = new Map<string, SamplePage>();
  for (const e of events) {
    if (e.event === 'page.ready') pages.set(e.data.page_id, { node_id: e.data.page_id, name: e.data.name, components: [] });
    if (e.event === 'page.chunk') pages.get(e.data.page_id)!.components.push(...e.data.components);
  }
  return { jobId: job.job_id, pages: [...pages.values()] };
}

/** Applies a page through POST /figma-context/apply; returns its counts. */
export async function applyPage(key: string, jobId: string, page: SamplePage) {
  const res = await api('/figma-context/apply', { method: 'POST', key, json: { job_id: jobId, page } });
  if (res.status !== 200) throw new Error(`apply failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { page_id: string; inserted: number; updated: number; deleted: number; unchanged: number };
}

/** A queue double recording message bodies, or refusing every send. */
export function recordingQueue(fail = false) {
  const sent: unknown[] = [];
  const send = async (body: unknown) => {
    if (fail) throw new Error('queue unavailable (test)');
    sent.push(body);
  };
  const queue = {
    send,
    sendBatch: async (msgs: Iterable<{ body: unknown }>) => {
      for (const m of msgs) await send(m.body);
    },
  } as unknown as Queue<unknown>;
  return { queue, sent: sent as Array<{ project_id: string; job_id: string | null; chunk_ids: string[]; trace_id: string }> };
}

/**
 * Delivers the project's undelivered outbox rows to the projection worker, one message each, in id order, with
 * EMBED_QUEUE recorded; returns the acks/retries and the embedding messages sent.
 */
export async function deliverUpdates(db: Db, projectId: string, bindings: Record<string, unknown> = {}) {
  const u = schema.projectUpdates;
  const ids = (await db.select({ id: u.id }).from(u).where(and(eq(u.projectId, projectId), isNull(u.deliveredAt))).orderBy(asc(u.id))).map((r) => r.id);
  const embeds = recordingQueue();
  const batch = createMessageBatch(
    'cogo-project-updates',
    ids.map((id) => ({ id: `u${id}`, timestamp: new Date(), attempts: 1, body: { id } })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, EMBED_QUEUE: embeds.queue, ...bindings });
  return { ids, result: await getQueueResult(batch, ctx), sent: embeds.sent };
}

/** Delivers embedding messages to the `cogo-embed` consumer by hand; returns its acks and retries. */
export async function deliverEmbeds(messages: unknown[], bindings: Record<string, unknown> = {}) {
  const batch = createMessageBatch(
    'cogo-embed',
    messages.map((body, i) => ({ id: `e${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, EMBED_QUEUE: recordingQueue().queue, ...bindings });
  return getQueueResult(batch, ctx);
}

/** The project's design documents (page and component) with their chunks, oldest first. */
export async function designDocs(db: Db, projectId: string) {
  const d = schema.documents;
  const dc = schema.documentChunks;
  const docs = await db.select().from(d).where(eq(d.projectId, projectId)).orderBy(asc(d.source), asc(d.externalId));
  const chunks = await db
    .select({ id: dc.id, documentId: dc.documentId, projectId: dc.projectId, ordinal: dc.ordinal, contentHash: dc.contentHash, model: dc.model, embedded: dc.embeddedAt, updatedAt: dc.updatedAt })
    .from(dc)
    .where(eq(dc.projectId, projectId))
    .orderBy(asc(dc.documentId), asc(dc.ordinal));
  return { docs, chunks };
}
