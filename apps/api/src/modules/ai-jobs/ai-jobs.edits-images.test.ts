// generate-edits (streamed and queued, prompt files by name, validated results) and generate-images (payload and
// images in R2, served by /artifacts) through the Worker, its consumer and the OpenAI fake.
import { schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, readSse, testDb } from '../../../test/helpers';
import { llmProject, openaiFake } from '../../../test/llm-helpers';
import { call, jobRows, poll, runToEnd } from './ai-jobs.test-helpers';

const MODEL = 'editor';
const selection = [
  { id: '1:1', name: 'Card', type: 'FRAME', path: 'Home' },
  { id: '1:2', name: 'Title', type: 'TEXT', path: 'Home/Card', text: 'Buy now' },
];

describe('POST /api/generate-edits', () => {
  it('streams deltas, then one edits.done with the validated variants', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const res = await call(p, '/api/generate-edits', { model: MODEL, mode: 'stream', prompt: 'Make it pop', prompt_name: 'creative-director', selection, variants: 2 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    expect(events[0]).toMatchObject({ event: 'ready', data: { prompt_name: 'creative-director' } });
    const deltas = events.filter((e) => e.event === 'edits.delta');
    expect(deltas.length).toBeGreaterThan(1);
    const done = events.at(-1)!;
    expect(done.event).toBe('edits.done');
    expect(events.filter((e) => e.event === 'edits.done' || e.event === 'error')).toHaveLength(1);
    // the deltas are the model's answer as it came; the result is that answer, checked
    expect(JSON.parse(deltas.map((d) => d.data.text).join('')).variants).toHaveLength(2);
    expect(done.data).toMatchObject({ prompt_name: 'creative-director', model: MODEL, dropped: [] });
    expect(done.data.variants.map((v: { title: string }) => v.title)).toEqual(['Variant 1', 'Variant 2']);
    expect(done.data.variants[1].edits).toEqual([
      { node_id: '1:1', property: 'name', value: 'Card v2' },
      { node_id: '1:1', property: 'corner_radius', value: 16 },
      { node_id: '1:2', property: 'text', value: 'Buy now (v2)' },
    ]);
    const [req] = await openaiFake.requests(p.prefix('p'));
    expect(req!.body!.stream).toBe(true);
    expect((req!.body!.messages as Array<{ content: string }>)[0]!.content).toContain('creative director');
  });

  it('queued: a job whose result drops edits on nodes outside the selection', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL }] }]);
    const outside = JSON.stringify({ variants: [{ title: 'T', rationale: 'R', edits: [{ node_id: '1:2', property: 'text', value: 'Go' }, { node_id: '9:9', property: 'fill', value: '#ff0000' }] }] });
    await openaiFake.replies(`/${p.prefix('p')}/`, [outside]);
    const res = await call(p, '/api/generate-edits', { model: MODEL, prompt: 'Shorter copy', prompt_name: 'copy-polish', selection });
    expect(res.status).toBe(202);
    const { job_id } = (await res.json()) as { job_id: string };
    await runToEnd(job_id);
    const job = await poll(p, job_id);
    expect(job).toMatchObject({ type: 'generate-edits', status: 'completed', payload: { prompt: 'Shorter copy', prompt_name: 'copy-polish', selection: 2 } });
    expect(job.result).toMatchObject({ variants: [{ title: 'T', edits: [{ node_id: '1:2', property: 'text', value: 'Go' }] }], dropped: [{ node_id: '9:9', property: 'fill' }] });
  });

  it('an unknown prompt is a 422 naming it; dry_run answers the estimate and queues nothing', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: MODEL, input: 1, output: 2 }] }]);
    const bad = await call(p, '/api/generate-edits', { model: MODEL, prompt: 'x', prompt_name: 'nope', selection });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: 'UNPROCESSABLE', details: { prompt_name: 'nope' } } });
    const dry = await call(p, '/api/generate-edits', { model: MODEL, prompt: 'x', selection, dry_run: true });
    expect(dry.status).toBe(200);
    const body = (await dry.json()) as { dry_run: boolean; estimate: { model_calls: number; cost_usd: number; output_tokens: number; input_tokens: number } };
    expect(body.dry_run).toBe(true);
    expect(body.estimate.model_calls).toBe(1);
    expect(body.estimate.cost_usd).toBeCloseTo((body.estimate.input_tokens * 1 + body.estimate.output_tokens * 2) / 1e6, 12);
    expect((await (await call(p, '/api/jobs')).json()) as { items: unknown[] }).toEqual({ items: [], nextCursor: null });
    expect(await openaiFake.requests(p.prefix('p'))).toEqual([]);
    const prompts = (await (await call(p, '/api/prompts')).json()) as { items: Array<{ name: string; kind: string }> };
    expect(prompts.items.filter((x) => x.kind === 'generate-edits').map((x) => x.name)).toEqual(['design-edits', 'creative-director', 'copy-polish', 'conversion']);
  });
});

describe('POST /api/generate-images', () => {
  it('keeps the payload and every image in R2: PNG bytes round-trip through /artifacts, nothing bulky in Postgres', async () => {
    const p = await createTestProject();
    const res = await call(p, '/api/generate-images', { prompt: 'a blue sofa', n: 2, size: '256x256' });
    expect(res.status).toBe(202);
    const { job_id, estimate } = (await res.json()) as { job_id: string; estimate: { cost_usd: number; model_calls: number } };
    expect(estimate).toMatchObject({ model_calls: 2, cost_usd: 0.08 });
    await runToEnd(job_id);
    const job = await poll(p, job_id);
    expect(job.status).toBe('completed');
    const images = (job.result as { images: Array<{ url: string; content_type: string; bytes: number; kind: string; sha256: string }> }).images;
    expect(images).toHaveLength(2);
    const shas = new Set<string>();
    for (const image of images) {
      expect(image).toMatchObject({ kind: 'image', content_type: 'image/png' });
      const got = await api(image.url, { key: p.key });
      expect(got.status).toBe(200);
      const bytes = new Uint8Array(await got.arrayBuffer());
      expect(bytes.byteLength).toBe(image.bytes);
      expect(String.fromCharCode(...bytes.slice(1, 4))).toBe('PNG');
      expect(new DataView(bytes.buffer).getUint32(16)).toBe(256);
      shas.add(image.sha256);
    }
    expect(shas.size).toBe(2);
    // the row holds the payload's pointer, not the prompt's request; the request is in R2 as written
    const { job: row } = await jobRows(job_id);
    const input = row!.input as { payload: { url: string; kind: string }; prompt?: string };
    expect(input.prompt).toBeUndefined();
    expect(input.payload.kind).toBe('job_input');
    const payload = await api(input.payload.url, { key: p.key });
    expect(await payload.json()).toEqual({ prompt: 'a blue sofa', n: 2, size: '256x256', dry_run: false });
    expect(JSON.stringify(row!.result).length).toBeLessThan(2_000);
    // another project cannot read the images
    const other = await createTestProject();
    expect((await api(images[0]!.url, { key: other.key })).status).toBe(404);
  });

  it('a provider that keeps failing fails the job after its attempts, with the error named', async () => {
    const p = await createTestProject();
    const res = await call(p, '/api/generate-images', { prompt: 'FAIL-ME-images', n: 1, size: '256x256' });
    const { job_id } = (await res.json()) as { job_id: string };
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 503 }, times: null, path: '/v1/images', bodyContains: 'FAIL-ME-images' }]);
    try {
      expect(await runToEnd(job_id)).toEqual([1, 2]);
    } finally {
      await openaiFake.clear();
    }
    const job = await poll(p, job_id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'LLM_UPSTREAM' } });
    const handle = testDb();
    try {
      const artifacts = await handle.db.select().from(schema.artifacts).where(eq(schema.artifacts.projectId, p.id));
      expect(artifacts.map((a) => a.kind)).toEqual(['job_input']);
    } finally {
      await handle.close();
    }
    expect(env.AI_JOBS_QUEUE).toBeDefined();
  });
});
