// The embedding queue's consumer driven by hand (worker.queue with its own env, so a test can pace it or capture what it
// sends) and the cron sweep: a message embeds only chunks still pending; a project over EMBED_RATE_LIMIT_PER_MIN gets
// its message sent again for the next window without spending a retry; malformed messages are dropped; a pending
// chunk whose send was lost is sent again by the sweep and then embedded by the real queue.
import { schema } from '@cogo/db';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import worker from '../index';
import { eventually, testDb } from '../../test/helpers';
import { llmProject, openaiFake, type LlmProject } from '../../test/llm-helpers';
import { RAG_SWEEP_AFTER_MS, sweepPendingEmbeds } from './rag-embed.sweep';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => openaiFake.clear());

const embeddingProject = () => llmProject([{ name: 'emb', models: [{ name: 'e1', kind: 'embedding' }] }], { allowedModels: ['e1'], fallbackOrder: ['e1'] });
const trace = () => crypto.randomUUID().replaceAll('-', '');

/** A document with `texts.length` chunks waiting for a vector (as staging leaves them); their ids in order. */
async function pendingDocument(p: LlmProject, texts: string[]): Promise<string[]> {
  const [doc] = await handle.db
    .insert(schema.documents)
    .values({ projectId: p.id, source: 'doc', externalId: `d-${crypto.randomUUID().slice(0, 8)}`, text: texts.join('\n\n'), contentHash: 'h' })
    .returning();
  const rows = await handle.db
    .insert(schema.documentChunks)
    .values(texts.map((text, ordinal) => ({ projectId: p.id, documentId: doc!.id, ordinal, text, contentHash: `c${ordinal}`, tokenCount: 5 })))
    .returning({ id: schema.documentChunks.id });
  return rows.map((r) => r.id);
}

async function chunkRows(ids: string[]) {
  const c = schema.documentChunks;
  return handle.db.select().from(c).where(inArray(c.id, ids)).orderBy(asc(c.ordinal));
}

/** A queue double that records what is sent. */
function queueDouble() {
  const sent: Array<{ body: unknown; delaySeconds?: number }> = [];
  const queue = {
    send: async (body: unknown, options?: { delaySeconds?: number }) => void sent.push({ body, delaySeconds: options?.delaySeconds }),
    sendBatch: async (msgs: Iterable<{ body: unknown; delaySeconds?: number }>) => {
      for (const m of msgs) sent.push({ body: m.body, delaySeconds: m.delaySeconds });
    },
  } as unknown as Queue<unknown>;
  return { queue, sent };
}

async function deliver(bodies: unknown[], vars: Record<string, unknown> = {}) {
  const batch = createMessageBatch('cogo-embed', bodies.map((body, i) => ({ id: `m${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...vars } as typeof env);
  return getQueueResult(batch, ctx);
}

describe('cogo-embed consumer', () => {
  it('embeds the pending chunks a message names, once: a duplicate message calls no provider', async () => {
    const p = await embeddingProject();
    const ids = await pendingDocument(p, ['first chunk text', 'second chunk text']);
    const body = { project_id: p.id, job_id: null, chunk_ids: ids, trace_id: trace() };
    const first = await deliver([body]);
    expect(first.explicitAcks).toHaveLength(1);
    expect(first.retryMessages).toEqual([]);
    const rows = await chunkRows(ids);
    expect(rows.every((r) => r.model === 'e1' && r.embedding?.length === 1024 && r.embeddedAt)).toBe(true);
    expect(await openaiFake.requests(p.prefix('emb'))).toHaveLength(1);

    const again = await deliver([body]);
    expect(again.explicitAcks).toHaveLength(1);
    expect(await openaiFake.requests(p.prefix('emb'))).toHaveLength(1);
    expect((await chunkRows(ids)).map((r) => r.embeddedAt!.getTime())).toEqual(rows.map((r) => r.embeddedAt!.getTime()));
  });

  it('paces provider calls per project by EMBED_RATE_LIMIT_PER_MIN: the message over it is sent again for the next window, acked', async () => {
    const p = await embeddingProject();
    const [a] = await pendingDocument(p, ['alpha chunk']);
    const [b] = await pendingDocument(p, ['beta chunk']);
    const { queue, sent } = queueDouble();
    const bodies = [a!, b!].map((id) => ({ project_id: p.id, job_id: null, chunk_ids: [id], trace_id: trace() }));
    const result = await deliver(bodies, { EMBED_RATE_LIMIT_PER_MIN: '1', EMBED_QUEUE: queue });
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toEqual([]);
    const [ra, rb] = [(await chunkRows([a!]))[0]!, (await chunkRows([b!]))[0]!];
    expect(ra.embedding).not.toBeNull();
    expect(rb.embedding).toBeNull();
    expect(await openaiFake.requests(p.prefix('emb'))).toHaveLength(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual(bodies[1]);
    expect(sent[0]!.delaySeconds).toBeGreaterThanOrEqual(1);
    expect(sent[0]!.delaySeconds).toBeLessThanOrEqual(60);
  });

  it('drops a malformed message (acked, nothing called)', async () => {
    const result = await deliver([{ project_id: 'nope', chunk_ids: [] }, 'garbage']);
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toEqual([]);
  });
});

describe('the RAG sweep', () => {
  it('sends a chunk pending for longer than RAG_SWEEP_AFTER_MS again, and the queue embeds it', async () => {
    const p = await embeddingProject();
    const ids = await pendingDocument(p, ['a chunk whose send was lost']);
    const c = schema.documentChunks;
    await handle.db.update(c).set({ updatedAt: sql`now() - interval '1 hour'` }).where(eq(c.id, ids[0]!));
    const { queue, sent } = queueDouble();
    const count = await sweepPendingEmbeds({ ...env, EMBED_QUEUE: queue } as typeof env, new Date());
    expect(count).toBeGreaterThanOrEqual(1);
    const mine = sent.map((s) => s.body as { project_id: string; chunk_ids: string[]; job_id: string | null }).filter((b) => b.project_id === p.id);
    expect(mine).toEqual([expect.objectContaining({ chunk_ids: ids, job_id: null })]);
    // claimed: the next run within RAG_SWEEP_AFTER_MS leaves it alone
    const { queue: q2, sent: sent2 } = queueDouble();
    await sweepPendingEmbeds({ ...env, EMBED_QUEUE: q2 } as typeof env, new Date(Date.now() + RAG_SWEEP_AFTER_MS / 2));
    expect(sent2.map((s) => s.body as { project_id: string }).filter((b) => b.project_id === p.id)).toEqual([]);

    // through the real queue this time
    await handle.db.update(c).set({ updatedAt: sql`now() - interval '1 hour'` }).where(eq(c.id, ids[0]!));
    await sweepPendingEmbeds(env, new Date());
    const row = await eventually(async () => {
      const [r] = await chunkRows(ids);
      return r?.embedding ? r : null;
    });
    expect(row.model).toBe('e1');
  });
});
