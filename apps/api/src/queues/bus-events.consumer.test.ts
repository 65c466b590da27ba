import { createDb, schema } from '@cogo/db';
import { eq } from 'drizzle-orm';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { afterAll, describe, expect, it, vi } from 'vitest';
import worker from '../index';

const handle = createDb({ url: env.DATABASE_URL, wsProxy: env.DATABASE_WS_PROXY });
afterAll(() => handle.close());

const traceId = () => crypto.randomUUID().replaceAll('-', '');

describe('cogo-events queue consumer', () => {
  it('stores every valid bus event with its trace id and acks the batch', async () => {
    const trace = traceId();
    const batch = createMessageBatch('cogo-events', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body: { type: 'figma_job_started', source: 'test', traceId: trace, payload: { n: 1 } } },
      { id: 'm2', timestamp: new Date(), attempts: 1, body: { type: 'figma_job_done', source: 'test', traceId: trace, payload: { n: 2 } } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['m1', 'm2']);
    expect(result.retryMessages).toEqual([]);
    const rows = await handle.db.select().from(schema.busEvents).where(eq(schema.busEvents.traceId, trace)).orderBy(schema.busEvents.id);
    expect(rows.map((r) => [r.type, r.payload])).toEqual([
      ['figma_job_started', { n: 1 }],
      ['figma_job_done', { n: 2 }],
    ]);
  });

  it('acks (drops) a malformed message without storing it, and keeps the valid ones', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const trace = traceId();
    const batch = createMessageBatch('cogo-events', [
      { id: 'bad', timestamp: new Date(), attempts: 1, body: { type: 'Not Valid!', source: 'test', traceId: trace } },
      { id: 'good', timestamp: new Date(), attempts: 1, body: { type: 'ok_event', source: 'test', traceId: trace } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['bad', 'good']);
    const rows = await handle.db.select().from(schema.busEvents).where(eq(schema.busEvents.traceId, trace));
    expect(rows.map((r) => r.type)).toEqual(['ok_event']);
  });

  it('retries the batch when the database is unreachable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const batch = createMessageBatch('cogo-events', [
      { id: 'r1', timestamp: new Date(), attempts: 2, body: { type: 'x_event', source: 'test' } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' });
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: 'r1' }]);
  });
});
