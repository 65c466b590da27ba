// rename-layers through the Worker, its queue consumer and the LLM gateway against the OpenAI fake (a provider of
// the test's own project on a fake prefix, so its requests, faults and timings are the test's alone): batches of 10,
// at most 5 calls at once, a 429 honoured, a failing batch retried then reported, cancel, partial results, casing
// and unique sibling names, events.
import { schema } from '@cogo/db';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../test/helpers';
import { openaiFake, llmProject, type LlmProject } from '../../../test/llm-helpers';
import { call, deliver, jobRows, layersOf, maxOverlap, poll, runToEnd, sampleLayers } from './ai-jobs.test-helpers';

const MODEL = 'namer';
const project = () => llmProject([{ name: 'p', models: [{ name: MODEL, input: 1, output: 2 }] }]);

async function start(p: LlmProject, body: Record<string, unknown>) {
  const res = await call(p, '/api/rename-layers', { model: MODEL, ...body });
  expect(res.status, await res.clone().text()).toBe(202);
  return (await res.json()) as { job_id: string; status: string; poll_url: string; stream_url: string; estimate: Record<string, number> };
}

describe('POST /api/rename-layers', () => {
  it('renames 50 layers: every id once, 5 calls of 10 layers through the gateway, events and rows to match', async () => {
    const p = await project();
    const layers = sampleLayers(50);
    const accepted = await start(p, { layers, context: 'A shop' });
    expect(accepted).toMatchObject({ status: 'queued', poll_url: `/api/jobs/${accepted.job_id}`, stream_url: `/api/jobs/${accepted.job_id}/events` });
    expect(accepted.estimate).toMatchObject({ items: 50, model_calls: 5, concurrency: 5, model: MODEL });
    expect((await poll(p, accepted.job_id)).status).toBe('queued');

    expect(await runToEnd(accepted.job_id)).toEqual([]);
    const job = await poll(p, accepted.job_id);
    expect(job).toMatchObject({ type: 'rename-layers', status: 'completed', attempts: 1, error: null, payload: { layers: 50, context: 'A shop' } });
    expect(job.started_at).not.toBeNull();
    expect(job.completed_at).not.toBeNull();
    const result = job.result as { layers: Array<{ id: string; old_name: string; name: string }>; failed: unknown[]; partial: boolean };
    expect(result.layers.map((l) => l.id)).toEqual(layers.map((l) => l.id));
    expect(result.failed).toEqual([]);
    expect(result.partial).toBe(false);
    expect(result.layers[0]).toEqual({ id: 'L-0', old_name: 'Layer 0', name: 'Label Number 0' });
    expect(result.layers[1]!.name).toBe('Frame / Icon Text 1');

    // the fake saw 5 calls, each with 10 distinct layers, together every layer once
    const requests = (await openaiFake.requests(p.prefix('p'))).filter((r) => r.path.endsWith('/chat/completions'));
    expect(requests).toHaveLength(5);
    const carried = requests.map((r) => layersOf(r.body).map((l) => l.id));
    expect(carried.every((ids) => ids.length === 10)).toBe(true);
    expect(carried.flat().sort()).toEqual(layers.map((l) => l.id).sort());
    expect(requests.every((r) => (r.body?.response_format as { json_schema: { name: string } }).json_schema.name === 'layer_names')).toBe(true);

    const { batches, events } = await jobRows(accepted.job_id);
    expect(batches.map((b) => [b.status, b.attempts])).toEqual(Array.from({ length: 5 }, () => ['done', 1]));
    expect(events.map((e) => e.type)).toEqual(['job.queued', 'job.started', ...Array(5).fill('job.progress'), 'job.completed']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('never runs more than 5 calls at once (12 batches, each call taking 300 ms)', async () => {
    const p = await project();
    await openaiFake.faults([{ fault: { kind: 'latency', ms: 300 }, times: null, path: `/${p.prefix('p')}/` }]);
    try {
      const { job_id } = await start(p, { layers: sampleLayers(120) });
      await runToEnd(job_id);
      expect((await poll(p, job_id)).status).toBe('completed');
    } finally {
      await openaiFake.clear();
    }
    const requests = await openaiFake.requests(p.prefix('p'));
    expect(requests).toHaveLength(12);
    const most = maxOverlap(requests);
    expect(most).toBeLessThanOrEqual(5);
    expect(most).toBeGreaterThanOrEqual(3);
  });

  it("honours a provider's 429: the call waits its Retry-After and the job completes", async () => {
    const p = await project();
    await openaiFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, times: 1, path: `/${p.prefix('p')}/` }]);
    const { job_id } = await start(p, { layers: sampleLayers(10) });
    await runToEnd(job_id);
    expect((await poll(p, job_id)).status).toBe('completed');
    const requests = await openaiFake.requests(p.prefix('p'));
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(layersOf(requests[1]!.body)).toEqual(layersOf(requests[0]!.body));
  });

  it('retries a failing batch (1 s, then 2 s) and then reports it without losing the others; partial results meanwhile', async () => {
    const p = await project();
    const layers = sampleLayers(30);
    // every call carrying layer L-13 (batch 1) fails
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: null, path: `/${p.prefix('p')}/`, bodyContains: 'L-13' }]);
    try {
      const { job_id } = await start(p, { layers });
      const first = await deliver(job_id, 1);
      expect(first).toEqual({ acked: false, retryDelaySeconds: 1 });
      const running = await poll(p, job_id);
      expect(running.status).toBe('running');
      const partial = running.result as { layers: Array<{ id: string }>; partial: boolean };
      expect(partial.partial).toBe(true);
      expect(partial.layers.map((l) => l.id)).toEqual([...layers.slice(0, 10), ...layers.slice(20)].map((l) => l.id));
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await deliver(job_id, 2)).toEqual({ acked: false, retryDelaySeconds: 2 });
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await deliver(job_id, 3)).acked).toBe(true);

      const job = await poll(p, job_id);
      expect(job.status).toBe('completed');
      const result = job.result as { layers: Array<{ id: string }>; failed: Array<{ id: string; code: string }>; partial: boolean };
      expect(result.layers).toHaveLength(20);
      expect(result.failed.map((f) => f.id)).toEqual(layers.slice(10, 20).map((l) => l.id));
      expect(result.partial).toBe(true);
      const { batches, events } = await jobRows(job_id);
      expect(batches.map((b) => [b.status, b.attempts])).toEqual([['done', 1], ['failed', 3], ['done', 1]]);
      expect(events.filter((e) => e.type === 'job.retrying').map((e) => (e.data as { retry_in_ms: number }).retry_in_ms)).toEqual([1_000, 2_000]);
      expect(job.progress).toMatchObject({ total: 3, done: 2, failed: 1 });
    } finally {
      await openaiFake.clear();
    }
  });

  it('cancel stops the batches not yet started; a finished job cannot be cancelled', async () => {
    const p = await project();
    await openaiFake.faults([{ fault: { kind: 'latency', ms: 400 }, times: null, path: `/${p.prefix('p')}/` }]);
    let jobId = '';
    try {
      jobId = (await start(p, { layers: sampleLayers(200) })).job_id;
      const running = deliver(jobId, 1);
      // once the first wave has answered, cancel
      await expect.poll(async () => ((await poll(p, jobId)).result as { layers?: unknown[] } | null)?.layers?.length ?? 0, { timeout: 10_000, interval: 50 }).toBeGreaterThan(0);
      const cancel = await call(p, `/api/jobs/${jobId}/cancel`, {});
      expect(cancel.status).toBe(200);
      expect(await cancel.json()).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
      expect((await running).acked).toBe(true);
    } finally {
      await openaiFake.clear();
    }
    const requests = await openaiFake.requests(p.prefix('p'));
    expect(requests.length).toBeLessThan(20);
    const { job, batches, events } = await jobRows(jobId);
    expect(job!.status).toBe('cancelled');
    // every call that was made finished its batch; no batch was started after the cancel
    expect(batches.filter((b) => b.status === 'done')).toHaveLength(requests.length);
    expect(batches.filter((b) => b.status === 'pending')).toHaveLength(20 - requests.length);
    expect(events.some((e) => e.type === 'job.cancelled')).toBe(true);
    expect(events.some((e) => e.type === 'job.completed')).toBe(false);
    // the names made before the cancel stay readable
    const shown = (await poll(p, jobId)).result as { layers: unknown[] };
    expect(shown.layers).toHaveLength(requests.length * 10);
    const again = await call(p, `/api/jobs/${jobId}/cancel`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
  });

  it("applies the project's casing and keeps sibling names unique, and offers the project's component names", async () => {
    const p = await project();
    const handle = testDb();
    try {
      await handle.db.insert(schema.codeComponents).values({ projectId: p.id, key: 'Components/PrimaryButton', name: 'PrimaryButton', contentHash: 'x' });
    } finally {
      await handle.close();
    }
    const put = await call(p, '/api/ai/settings', undefined, { method: 'PUT', body: JSON.stringify({ naming_convention: 'kebab', naming_rules: 'Suffix icons with -icon' }), headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(200);
    const layers = [
      { id: 'a', name: 'Rectangle 1', type: 'RECTANGLE', path: 'Card/Hero' },
      { id: 'b', name: 'Rectangle 2', type: 'RECTANGLE', path: 'Card/Hero' },
      { id: 'c', name: 'Rectangle 3', type: 'RECTANGLE', path: 'Card/Other' },
      { id: 'd', name: 'Title', type: 'TEXT', path: 'Card/Hero', text: 'Welcome back' },
    ];
    const { job_id } = await start(p, { layers });
    await runToEnd(job_id);
    const result = (await poll(p, job_id)).result as { layers: Array<{ id: string; name: string }>; adjusted: string[] };
    expect(result.layers.map((l) => [l.id, l.name])).toEqual([
      ['a', 'hero-rectangle'],
      ['b', 'hero-rectangle-2'],
      ['c', 'other-rectangle'],
      ['d', 'welcome-back'],
    ]);
    expect(result.adjusted).toEqual(['a', 'b', 'c', 'd']);
    const [req] = await openaiFake.requests(p.prefix('p'));
    const system = (req!.body!.messages as Array<{ content: string }>)[0]!.content;
    expect(system).toContain('Casing: kebab.');
    expect(system).toContain('Team rules: Suffix icons with -icon');
    expect(system).toContain('Project vocabulary (components and tokens): PrimaryButton.');
  });
});
