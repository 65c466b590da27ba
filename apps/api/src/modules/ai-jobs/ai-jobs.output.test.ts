// Large job outputs (issue 14): a result over ARTIFACT_INLINE_MAX_BYTES is kept as a `job_output` artifact of the
// job's project and trace, and every view of the job (poll, listing, the events' `done`) carries its pointer instead;
// a small one stays inline. A job cancelled while its output was being stored, or removed by retention, leaves no
// artifact behind.
import { schema } from '@cogo/db';
import type { ArtifactPointer } from '@cogo/types';
import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../env';
import { api, artifactBytes, createTestProject, readSse, testDb } from '../../../test/helpers';
import { llmProject } from '../../../test/llm-helpers';
import { endJob } from './job-run';
import { call, jobRows, longNamedLayers, poll, runToEnd, sampleLayers } from './ai-jobs.test-helpers';

const MODEL = 'namer';
const project = () => llmProject([{ name: 'p', models: [{ name: MODEL, input: 1, output: 2 }] }]);
const INLINE_MAX = readConfig(env).ARTIFACT_INLINE_MAX_BYTES;

async function start(p: { key: string }, layers: unknown[]): Promise<string> {
  const res = await call(p, '/api/rename-layers', { model: MODEL, layers });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { job_id: string }).job_id;
}

describe('large job outputs', () => {
  it('a rename of 1,000 long-named layers ends with its result in a job_output artifact, pointed at by every view', async () => {
    const p = await project();
    const layers = longNamedLayers(1_000);
    const jobId = await start(p, layers);
    await runToEnd(jobId);

    const job = await poll(p, jobId);
    expect(job).toMatchObject({ status: 'completed', result: null, error: null });
    const pointer = job.result_artifact as ArtifactPointer;
    expect(pointer).toMatchObject({ kind: 'job_output', content_type: 'application/json', url: `/artifacts/${pointer.artifact_id}` });
    expect(pointer.bytes).toBeGreaterThan(INLINE_MAX);

    // the artifact is the whole result, byte for byte with its sha256
    const result = JSON.parse(new TextDecoder().decode(await artifactBytes(pointer, p.key))) as { layers: Array<{ id: string; old_name: string; name: string }>; failed: unknown[]; partial: boolean; cost_usd: number };
    expect(result.layers.map((l) => l.id)).toEqual(layers.map((l) => l.id));
    expect(result.layers.map((l) => l.old_name)).toEqual(layers.map((l) => l.name));
    expect(result.layers[0]!.name).toBe('Label Number 0');
    expect(result).toMatchObject({ failed: [], partial: false });
    expect(result.cost_usd).toBeGreaterThan(0);

    // the row holds the pointer, not the result
    const { job: row } = await jobRows(jobId);
    expect(row!.result).toBeNull();
    expect(row!.resultArtifact).toEqual(pointer);

    // listed among the project's artifacts, on the job's trace
    const listed = (await (await api('/artifacts?kind=job_output', { key: p.key })).json()) as { items: Array<{ id: string; trace_id: string | null; bytes: number }> };
    expect(listed.items).toEqual([expect.objectContaining({ id: pointer.artifact_id, trace_id: job.trace_id, bytes: pointer.bytes })]);

    // the listing of jobs and the events' done carry the pointer, and stay small
    const page = await call(p, '/api/jobs?type=rename-layers');
    const pageText = await page.text();
    expect(pageText.length).toBeLessThan(10_000);
    expect((JSON.parse(pageText) as { items: Array<Record<string, unknown>> }).items).toEqual([expect.objectContaining({ id: jobId, result: null, result_artifact: pointer })]);
    const done = (await readSse(await call(p, `/api/jobs/${jobId}/events`))).find((e) => e.event === 'done')!;
    expect(done.data).toMatchObject({ id: jobId, result: null, result_artifact: pointer });

    // another project's key gets a 404 for it
    const other = await createTestProject('other');
    expect((await api(pointer.url, { key: other.key })).status).toBe(404);
  });

  it('a small result stays inline, with no artifact', async () => {
    const p = await project();
    const jobId = await start(p, sampleLayers(20));
    await runToEnd(jobId);
    const job = await poll(p, jobId);
    expect(job).toMatchObject({ status: 'completed', result_artifact: null });
    expect((job.result as { layers: unknown[] }).layers).toHaveLength(20);
    const listed = (await (await api('/artifacts?kind=job_output', { key: p.key })).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
  });

  it('a job cancelled while its large output was stored keeps no artifact: it is taken back', async () => {
    const p = await project();
    const jobId = await start(p, sampleLayers(20));
    expect((await call(p, `/api/jobs/${jobId}/cancel`, {})).status).toBe(200);
    const handle = testDb();
    try {
      const { job } = await jobRows(jobId);
      const big = { layers: longNamedLayers(1_000).map((l) => ({ id: l.id, old_name: l.name, name: l.name })) };
      expect(JSON.stringify(big).length).toBeGreaterThan(INLINE_MAX);
      expect(await endJob({ db: handle.db, config: readConfig(env), job: job! }, { status: 'completed', result: big })).toBe(false);
    } finally {
      await handle.close();
    }
    const after = await poll(p, jobId);
    expect(after).toMatchObject({ status: 'cancelled', result_artifact: null });
    const listed = (await (await api('/artifacts?kind=job_output', { key: p.key })).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
    // it was stored, then expired at once: the retention sweep removes it (row, then object) like any expired one
    const check = testDb();
    try {
      const rows = await check.db.select().from(schema.artifacts).where(and(eq(schema.artifacts.projectId, p.id), eq(schema.artifacts.kind, 'job_output')));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      await check.close();
    }
  });

  it('a job removed by retention takes its output artifact with it', async () => {
    const p = await project();
    expect((await api('/api/ai/settings', { method: 'PUT', key: p.key, json: { keep_completed: 1 } })).status).toBe(200);
    const big = await start(p, longNamedLayers(1_000));
    await runToEnd(big);
    const pointer = (await poll(p, big)).result_artifact!;
    expect((await api(pointer.url, { key: p.key })).status).toBe(200);
    // it finished over keep_minutes (60) ago: the next job's end removes it, and its artifact
    const handle = testDb();
    try {
      await handle.db.update(schema.jobs).set({ finishedAt: new Date(Date.now() - 3_700_000) }).where(eq(schema.jobs.id, big));
    } finally {
      await handle.close();
    }
    const next = await start(p, sampleLayers(2));
    await runToEnd(next);
    expect((await call(p, `/api/jobs/${big}`)).status).toBe(404);
    expect((await api(pointer.url, { key: p.key })).status).toBe(404);
    const listed = (await (await api('/artifacts?kind=job_output', { key: p.key })).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
  });
});
