// Issue 9: the projection worker (consumer of cogo-project-updates), its dead-letter consumer and the cron sweep.
// Deliveries are driven by hand (worker.queue / worker.scheduled): [env.test] declares no consumer for this queue.
import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import worker from '../index';
import { api, createTestProject, runFigmaJob, testDb } from '../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const comp = (node_id: string, name = `n${node_id}`) => ({ node_id, name, type: 'COMPONENT' });

async function outboxOf(projectId: string) {
  const u = schema.projectUpdates;
  return handle.db.select().from(u).where(eq(u.projectId, projectId)).orderBy(asc(u.id));
}

async function projectedOf(projectId: string) {
  const b = schema.busEvents;
  const rows = await handle.db.select().from(b).where(and(eq(b.projectId, projectId), eq(b.type, 'project_updated'))).orderBy(asc(b.id));
  return rows.map((r) => r.payload as { update_id: number; entity_id: string; version: number; operation: string });
}

/** Delivers update ids as one queue batch; returns the acks and retries. */
async function deliver(ids: number[], queue = 'cogo-project-updates') {
  const batch = createMessageBatch(
    queue,
    ids.map((id, i) => ({ id: `m${i}-${id}`, timestamp: new Date(), attempts: 1, body: { id } })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

/** A queue double: records what is sent, or refuses everything (a send lost to a kill). */
function queueDouble(fail = false) {
  const sent: number[] = [];
  const send = async (body: unknown) => {
    if (fail) throw new Error('queue unavailable (test)');
    sent.push((body as { id: number }).id);
  };
  const queue = {
    send,
    sendBatch: async (msgs: Iterable<{ body: unknown }>) => {
      for (const m of msgs) await send(m.body);
    },
  } as unknown as Queue<unknown>;
  return { queue, sent };
}

async function projectWithJob() {
  const p = await createTestProject();
  const { job } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x` });
  return { p, jobId: job.job_id };
}

describe('projection worker', () => {
  it('delivers an update once: a duplicate delivery changes nothing', async () => {
    const p = await createTestProject();
    const [row] = await outboxOf(p.id);
    const first = await deliver([row!.id]);
    expect(first.explicitAcks).toEqual([`m0-${row!.id}`]);
    const [delivered] = await outboxOf(p.id);
    expect(delivered!.deliveredAt).not.toBeNull();
    expect(delivered!.attempts).toBe(1);
    expect(await projectedOf(p.id)).toEqual([{ update_id: row!.id, entity: 'project', entity_id: p.id, operation: 'insert', version: 1, content_hash: null }]);

    const again = await deliver([row!.id, row!.id]);
    expect(again.explicitAcks).toHaveLength(2);
    expect(again.retryMessages).toEqual([]);
    expect(await outboxOf(p.id)).toEqual([delivered]);
    expect(await projectedOf(p.id)).toHaveLength(1);
  });

  it('keeps the order per entity: version 2 first still delivers version 1 before it', async () => {
    const { p, jobId } = await projectWithJob();
    const page = (name: string) => ({ node_id: '9:0', name: 'P', components: [comp('9:1', name)] });
    for (const name of ['a', 'b']) expect((await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: jobId, page: page(name) } })).status).toBe(200);
    const rows = (await outboxOf(p.id)).filter((r) => r.entity === 'component');
    expect(rows.map((r) => [r.operation, r.version])).toEqual([
      ['insert', 1],
      ['update', 2],
    ]);
    const [v1, v2] = rows;
    expect((await deliver([v2!.id])).explicitAcks).toHaveLength(1);
    const projected = (await projectedOf(p.id)).filter((e) => e.entity_id === v1!.entityId);
    expect(projected.map((e) => [e.update_id, e.version])).toEqual([
      [v1!.id, 1],
      [v2!.id, 2],
    ]);
    // v1's own (late) message is now a duplicate
    await deliver([v1!.id]);
    expect((await projectedOf(p.id)).filter((e) => e.entity_id === v1!.entityId)).toHaveLength(2);
  });

  it('acks a malformed message or an unknown id without doing anything', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const batch = createMessageBatch('cogo-project-updates', [
      { id: 'bad', timestamp: new Date(), attempts: 1, body: { id: 'x' } },
      { id: 'gone', timestamp: new Date(), attempts: 1, body: { id: 9_000_000_000_000 } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks.sort()).toEqual(['bad', 'gone']);
    // staging/production name their queues with a suffix: still this consumer, not a blanket retry
    const suffixed = createMessageBatch('cogo-project-updates-production', [{ id: 'p1', timestamp: new Date(), attempts: 1, body: { id: 'x' } }]);
    const sctx = createExecutionContext();
    await worker.queue(suffixed, env);
    const result = await getQueueResult(suffixed, sctx);
    expect(result.explicitAcks).toEqual(['p1']);
    expect(result.retryBatch.retry).toBe(false);
  });

  it('retries (never throws) when the database fails, and the DLQ consumer marks the row for a replay', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const p = await createTestProject();
    const [row] = await outboxOf(p.id);
    const batch = createMessageBatch('cogo-project-updates', [{ id: 'r1', timestamp: new Date(), attempts: 2, body: { id: row!.id } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' });
    expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([{ msgId: 'r1' }]);

    // after max_retries the queue moves it to the DLQ: its consumer parks the row (the sweep leaves it alone)
    const dlq = await deliver([row!.id], 'cogo-project-updates-dlq');
    expect(dlq.explicitAcks).toHaveLength(1);
    const [parked] = await outboxOf(p.id);
    expect(parked!.deliveredAt).toBeNull();
    expect(parked!.lastError).toMatch(/^dead-lettered after 1 attempts/);

    const swept = queueDouble();
    const sctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() + 120_000 }), { ...env, PROJECT_UPDATES: swept.queue }, sctx);
    await waitOnExecutionContext(sctx);
    expect(swept.sent).not.toContain(row!.id);

    // the replay (admin) sends it again, and it is delivered
    const replay = queueDouble();
    const app = createApp();
    const bindings = { ...env, PROJECT_UPDATES: replay.queue };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${env.ADMIN_TOKEN}` };
    const noAdmin = await app.request('/admin/updates/replay', { method: 'POST', headers: { ...headers, authorization: `Bearer ${p.key}` }, body: '{}' }, bindings);
    expect([401, 403]).toContain(noAdmin.status);
    const bad = await app.request('/admin/updates/replay', { method: 'POST', headers, body: JSON.stringify({ since: 'yesterday' }) }, bindings);
    expect(bad.status).toBe(400);
    const res = await app.request('/admin/updates/replay', { method: 'POST', headers, body: JSON.stringify({ project_id: p.id }) }, bindings);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sent: 1, more: false });
    expect(replay.sent).toEqual([row!.id]);
    await deliver(replay.sent);
    expect((await outboxOf(p.id))[0]!.deliveredAt).not.toBeNull();
  });
});

describe('cron sweep', () => {
  it('delivers a change committed but never sent (the Worker killed between commit and send)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { p, jobId } = await projectWithJob();
    await deliver((await outboxOf(p.id)).map((r) => r.id)); // the project's own creation, delivered normally
    // the apply commits, its send fails: the response is still 200 and the rows wait, undelivered
    const lost = queueDouble(true);
    const res = await createApp().request(
      '/figma-context/apply',
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` }, body: JSON.stringify({ job_id: jobId, page: { node_id: '9:0', name: 'P', components: [comp('9:1'), comp('9:2')] } }) },
      { ...env, PROJECT_UPDATES: lost.queue },
    );
    expect(res.status).toBe(200);
    const pending = (await outboxOf(p.id)).filter((r) => r.deliveredAt === null);
    expect(pending.map((r) => r.entity)).toEqual(['page', 'component', 'component']);

    // a sweep within SWEEP_AFTER_MS leaves them to their own send
    const early = queueDouble();
    let ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), { ...env, PROJECT_UPDATES: early.queue }, ctx);
    await waitOnExecutionContext(ctx);
    expect(early.sent.filter((id) => pending.some((r) => r.id === id))).toEqual([]);

    // the next minutes' sweep sends them; the projection worker delivers them, each once
    const swept = queueDouble();
    ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() + 120_000 }), { ...env, PROJECT_UPDATES: swept.queue }, ctx);
    await waitOnExecutionContext(ctx);
    const mine = swept.sent.filter((id) => pending.some((r) => r.id === id));
    expect(mine).toEqual(pending.map((r) => r.id));
    await deliver(mine);
    await deliver(mine); // a second sweep racing the first: nothing more
    expect((await outboxOf(p.id)).every((r) => r.deliveredAt !== null)).toBe(true);
    expect((await projectedOf(p.id)).map((e) => e.update_id)).toEqual((await outboxOf(p.id)).map((r) => r.id));
  });
});
