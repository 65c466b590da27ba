// Helpers of the AI plugin job tests: sample layers, the job routes, the cogo-ai-jobs consumer driven by hand
// ([env.test] declares no consumer) with the queue's retry delays honoured for real, and the rows a job leaves.
import { schema } from '@cogo/db';
import type { AiJob, LayerInput } from '@cogo/types';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { asc, eq } from 'drizzle-orm';
import worker from '../../index';
import { api, testDb, type TestProject } from '../../../test/helpers';

/** `n` layers: TEXT layers with text, FRAMEs with contents, RECTANGLEs without either; ten siblings per parent. */
export function sampleLayers(n: number, prefix = 'L'): LayerInput[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 3;
    const base = { id: `${prefix}-${i}`, name: `Layer ${i}`, path: `Page/Section ${Math.floor(i / 10)}` };
    if (kind === 0) return { ...base, type: 'TEXT', text: `Label number ${i}` };
    if (kind === 1) return { ...base, type: 'FRAME', children_summary: `icon, text ${i}` };
    return { ...base, type: 'RECTANGLE' };
  });
}

/** `n` sample layers with ~250-character names: 1,000 rename to a result over 256 KiB (ARTIFACT_INLINE_MAX_BYTES). */
export const longNamedLayers = (n: number): LayerInput[] => sampleLayers(n).map((l) => ({ ...l, name: `${l.name} ${'very long layer name '.repeat(11)}`.slice(0, 250) }));

/** POST/GET on the job routes with the project's key. */
export const call = (p: Pick<TestProject, 'key'>, path: string, json?: unknown, init: RequestInit = {}) =>
  api(path, { method: json === undefined ? (init.method ?? 'GET') : 'POST', key: p.key, ...(json === undefined ? {} : { json }), ...init });

export interface Delivery {
  acked: boolean;
  retryDelaySeconds: number | null;
}

/** One delivery of the job's message to the consumer. */
export async function deliver(jobId: string, attempts: number): Promise<Delivery> {
  const id = `ai-${jobId}-${attempts}`;
  const batch = createMessageBatch('cogo-ai-jobs', [{ id, timestamp: new Date(), attempts, body: { job_id: jobId } }]);
  // the queue result names retried messages, not their delay: the delay is read off the retry call
  let delay: number | null = null;
  for (const m of batch.messages) {
    const retry = m.retry.bind(m);
    Object.defineProperty(m, 'retry', { value: (o?: QueueRetryOptions) => ((delay = o?.delaySeconds ?? 0), retry(o)) });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  const result = await getQueueResult(batch, ctx);
  const retried = result.retryMessages.some((m) => m.msgId === id);
  return { acked: result.explicitAcks.includes(id), retryDelaySeconds: retried ? delay : null };
}

/** Delivers until the consumer acks, waiting each retry's delay as the queue would; returns the retry delays. */
export async function runToEnd(jobId: string, maxDeliveries = 6): Promise<number[]> {
  const delays: number[] = [];
  for (let attempt = 1; attempt <= maxDeliveries; attempt++) {
    const d = await deliver(jobId, attempt);
    if (d.acked) return delays;
    if (d.retryDelaySeconds === null) throw new Error(`delivery ${attempt} neither acked nor retried`);
    delays.push(d.retryDelaySeconds);
    await new Promise((r) => setTimeout(r, d.retryDelaySeconds! * 1000));
  }
  throw new Error(`job ${jobId} not done after ${maxDeliveries} deliveries`);
}

/** The job as a poll shows it. */
export async function poll(p: Pick<TestProject, 'key'>, jobId: string): Promise<AiJob> {
  const res = await call(p, `/api/jobs/${jobId}`);
  if (res.status !== 200) throw new Error(`poll ${res.status}: ${await res.text()}`);
  return (await res.json()) as AiJob;
}

/** A job's stored batches and events. */
export async function jobRows(jobId: string) {
  const handle = testDb();
  try {
    const batches = await handle.db.select().from(schema.jobBatches).where(eq(schema.jobBatches.jobId, jobId)).orderBy(asc(schema.jobBatches.idx));
    const events = await handle.db.select().from(schema.jobEvents).where(eq(schema.jobEvents.jobId, jobId)).orderBy(asc(schema.jobEvents.seq));
    const [job] = await handle.db.select().from(schema.jobs).where(eq(schema.jobs.id, jobId));
    return { job, batches, events };
  } finally {
    await handle.close();
  }
}

/** The most requests that were in flight at once (from the fake's arrival and finish times). */
export function maxOverlap(requests: Array<{ at: number; doneAt?: number }>): number {
  const edges = requests.flatMap((r) => [
    { t: r.at, d: 1 },
    { t: r.doneAt ?? Number.POSITIVE_INFINITY, d: -1 },
  ]);
  // an answer finishing in the same millisecond another arrives was not overlapping it
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (now += e.d));
  return most;
}

/** The layers a rename call carried (its ```json block). */
export function layersOf(body: Record<string, unknown> | undefined): Array<{ id: string }> {
  const messages = (body?.messages ?? []) as Array<{ role: string; content: string }>;
  const user = messages.find((m) => m.role === 'user')?.content ?? '';
  return JSON.parse(/```json\s*([\s\S]*?)```/.exec(user)![1]!) as Array<{ id: string }>;
}
