import { SAMPLE_FILE_KEY, sampleFiles } from '@cogo/fakes/samples';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, readSse, runFigmaJob, type StreamedEvent } from '../../../test/helpers';

interface Presigned {
  upload_id: string;
  upload_url: string;
  headers: Record<string, string>;
}

const presign = async (key: string) => (await (await api('/figma-compat/uui/presign', { method: 'POST', key, json: {} })).json()) as Presigned;
const upload = (p: Presigned, body: string) => SELF.fetch(p.upload_url, { method: 'PUT', body, headers: p.headers });

async function streamAll(key: string, jobId: string): Promise<StreamedEvent[]> {
  const out: StreamedEvent[] = [];
  let cursor = '0';
  for (let i = 0; i < 50; i++) {
    const batch = await readSse(await api('/figma-context/stream', { method: 'POST', key, json: { job_id: jobId, cursor } }));
    out.push(...batch);
    const last = batch.filter((e) => e.id !== null).at(-1);
    if (!last || last.event === 'done' || last.event === 'error') break;
    cursor = String(last.id);
  }
  return out;
}

const nodeIds = (es: StreamedEvent[]) => es.filter((e) => e.event === 'page.chunk').flatMap((e) => e.data.context.nodes.map((n: { id: string }) => n.id));

describe('plugin-only mode: presign → upload → ingest → stream → apply', () => {
  it('streams an uploaded file exactly like the token-based extraction of the same file', async () => {
    const p = await createTestProject();
    const viaToken = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x` });

    const signed = await presign(p.key);
    expect(signed.upload_url).toContain(`/figma-compat/uui/upload/${signed.upload_id}?`);
    const put = await upload(signed, JSON.stringify(sampleFiles()[SAMPLE_FILE_KEY]));
    expect(put.status).toBe(200);
    const ingest = await api('/figma-compat/uui/ingest', { method: 'POST', key: p.key, json: { upload_id: signed.upload_id, file_key: SAMPLE_FILE_KEY } });
    expect(ingest.status).toBe(201);
    const job = (await ingest.json()) as { job_id: string; plan: { chunks: number } };
    expect(job.plan.chunks).toBe(viaToken.job.plan.chunks);
    const events = await streamAll(p.key, job.job_id);
    expect(events.filter((e) => e.event === 'done')).toHaveLength(1);
    expect(nodeIds(events)).toEqual(nodeIds(viaToken.events));

    const result = (await (await api(`/figma-compat/uui/ingest/result?job_id=${job.job_id}`, { key: p.key })).json()) as { status: string; kind: string };
    expect(result).toMatchObject({ status: 'done', kind: 'figma-ingest' });

    // applied with the same file key, the ids are those of the token-based job: nothing new
    const page = events.find((e) => e.event === 'page.ready')!.data;
    const components = events.filter((e) => e.event === 'page.chunk' && e.data.page_id === page.page_id).flatMap((e) => e.data.components);
    const applyA = (await (await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: viaToken.job.job_id, page: { node_id: page.page_id, name: page.name, components } } })).json()) as any;
    const applyB = (await (await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: job.job_id, page: { node_id: page.page_id, name: page.name, components } } })).json()) as any;
    expect(applyA.inserted).toBe(components.length);
    expect(applyB).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: components.length, page_id: applyA.page_id });
  });

  it('takes JSON_REST_V1 exports of a selection, gathered on a "Selection" page', async () => {
    const p = await createTestProject();
    const file = sampleFiles()[SAMPLE_FILE_KEY]!;
    const frames = (file.document.children[0] as unknown as { children: unknown[] }).children.slice(0, 2);
    const exports = frames.map((document) => ({ document, components: file.components, componentSets: file.componentSets, styles: file.styles, schemaVersion: 0 }));
    const signed = await presign(p.key);
    expect((await upload(signed, JSON.stringify(exports))).status).toBe(200);
    const job = (await (await api('/figma-compat/uui/ingest', { method: 'POST', key: p.key, json: { upload_id: signed.upload_id } })).json()) as { job_id: string; file_key: string; plan: { pages: Array<{ name: string }> } };
    expect(job.plan.pages.map((pg) => pg.name)).toEqual(['Selection']);
    expect(job.file_key).toMatch(/^upload[0-9a-f]{32}$/);
    const events = await streamAll(p.key, job.job_id);
    expect(nodeIds(events)).toEqual(frames.map((f) => (f as { id: string }).id));
  });

  it('refuses a tampered or expired URL, an oversized body, bad JSON and another project’s upload', async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    const signed = await presign(a.key);
    const tampered = { ...signed, upload_url: signed.upload_url.replace(/s=([0-9a-f])/, (_, c: string) => `s=${c === '0' ? '1' : '0'}`) };
    const bad = await upload(tampered, '{}');
    expect(bad.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await bad.json()).error.message).toBe('bad upload URL signature');
    const expired = { ...signed, upload_url: signed.upload_url.replace(/e=\d+/, 'e=1000') };
    expect(ErrorEnvelopeSchema.parse(await (await upload(expired, '{}')).json()).error.message).toMatch(/expired|signature/);

    const small = { ...env, MAX_UPLOAD_BYTES: '2048' };
    const app = createApp();
    const tooBig = await app.request(signed.upload_url, { method: 'PUT', body: 'x'.repeat(4096), headers: signed.headers }, small);
    expect(tooBig.status).toBe(413);
    const asked = await app.request('/figma-compat/uui/presign', { method: 'POST', body: JSON.stringify({ size: 4096 }), headers: { 'content-type': 'application/json', authorization: `Bearer ${a.key}` } }, small);
    expect(asked.status).toBe(413);

    expect((await upload(signed, '{"not json')).status).toBe(200);
    const notJson = await api('/figma-compat/uui/ingest', { method: 'POST', key: a.key, json: { upload_id: signed.upload_id } });
    expect(notJson.status).toBe(422);
    const theirs = await api('/figma-compat/uui/ingest', { method: 'POST', key: b.key, json: { upload_id: signed.upload_id } });
    expect(theirs.status).toBe(404);
  });
});
