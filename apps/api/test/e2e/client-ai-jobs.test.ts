// streamAiJob (packages/api-client) against the real Worker: an AI job's events read live to its `done`, which
// carries the job; a connection cut mid-frame is resumed with Last-Event-ID, every logged event yielded once.
import { describe, expect, it } from 'vitest';
import { aiJobResult, streamAiJob, type AiJob, type AiJobEvent } from '../../../../packages/api-client/src/ai-jobs';
import { ArtifactMismatchError } from '../../../../packages/api-client/src/artifacts';
import { CogoApiError } from '../../../../packages/api-client/src/errors';
import { call, longNamedLayers, runToEnd, sampleLayers } from '../../src/modules/ai-jobs/ai-jobs.test-helpers';
import { createTestProject } from '../helpers';
import { llmProject } from '../llm-helpers';
import { connection, workerTransport } from './client-helpers';

const MODEL = 'namer';

async function follow(stream: AsyncGenerator<AiJobEvent, AiJob, undefined>): Promise<{ events: AiJobEvent[]; job: AiJob }> {
  const events: AiJobEvent[] = [];
  for (;;) {
    const step = await stream.next();
    if (step.done) return { events, job: step.value };
    events.push(step.value);
  }
}

describe('streamAiJob against the Worker', () => {
  it('follows a rename job live to its end; a cut connection resumes after the last event held', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const { job_id } = (await (await call(p, '/api/rename-layers', { model: MODEL, layers: sampleLayers(20) })).json()) as { job_id: string };
    // the first connection breaks in the middle of the third logged frame
    const transport = workerTransport({ faults: (n, path) => (path.endsWith('/events') && n === 1 ? { kind: 'cut', afterFrames: 2 } : undefined) });
    const sleeps: number[] = [];
    const followed = follow(streamAiJob(connection(p.key, transport, sleeps), { jobId: job_id }));
    await runToEnd(job_id);
    const { events, job } = await followed;

    expect(events.map((e) => [e.id, e.event])).toEqual([
      [1, 'job.queued'],
      [2, 'job.started'],
      [3, 'job.progress'],
      [4, 'job.progress'],
      [5, 'job.completed'],
    ]);
    const named = events.filter((e) => e.event === 'job.progress').flatMap((e) => e.data.layers as Array<{ id: string }>);
    expect(named.map((l) => l.id).sort()).toEqual(sampleLayers(20).map((l) => l.id).sort());
    expect(job).toMatchObject({ id: job_id, status: 'completed', progress: { done: 2, total: 2 } });
    const calls = transport.requests.filter((r) => r.path.endsWith('/events'));
    // the second connection asked for what followed the last whole event: the cut third one came again
    expect(calls.map((c) => [c.status, c.lastEventId])).toEqual([
      [200, null],
      [200, '2'],
    ]);
    expect(sleeps.length).toBe(1);
  });

  it("another project's job is the API's 404, not a retry", async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const { job_id } = (await (await call(p, '/api/rename-layers', { model: MODEL, layers: sampleLayers(3) })).json()) as { job_id: string };
    const other = await createTestProject();
    const transport = workerTransport();
    const err = await follow(streamAiJob(connection(other.key, transport, []), { jobId: job_id })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CogoApiError);
    expect(err).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(transport.requests.length).toBe(1);
  });

  it('aiJobResult: a large result comes from its artifact, its bytes checked; a small one costs no request', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const layers = longNamedLayers(1_000);
    const { job_id } = (await (await call(p, '/api/rename-layers', { model: MODEL, layers })).json()) as { job_id: string };
    await runToEnd(job_id);
    const transport = workerTransport();
    const { job } = await follow(streamAiJob(connection(p.key, transport, []), { jobId: job_id }));
    expect(job.result).toBeNull();
    expect(job.result_artifact).toMatchObject({ kind: 'job_output' });
    const result = (await aiJobResult(connection(p.key, transport, []), job)) as { layers: Array<{ id: string; old_name: string }> };
    expect(result.layers.map((l) => l.id)).toEqual(layers.map((l) => l.id));
    expect(result.layers[999]!.old_name).toBe(layers[999]!.name);
    const fetched = transport.requests.filter((r) => r.path === job.result_artifact!.url);
    expect(fetched.map((r) => r.status)).toEqual([200]);

    // a pointer whose sha256 is not the bytes' is refused, not parsed
    const forged = { ...job, result_artifact: { ...job.result_artifact!, sha256: '0'.repeat(64) } };
    const err = await aiJobResult(connection(p.key, transport, []), forged).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactMismatchError);
    expect((err as Error).message).toContain(`expected ${'0'.repeat(64)}`);

    const before = transport.requests.length;
    expect(await aiJobResult(connection(p.key, transport, []), { result: { layers: [] }, result_artifact: null })).toEqual({ layers: [] });
    expect(transport.requests.length).toBe(before);
  });
});
