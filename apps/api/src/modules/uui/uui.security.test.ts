// Issue 7 #6: mis-shaped or deeply nested uploads are refused at ingest with a 422 naming the
// problem, never a 500; an upload within the depth limit streams to the end.
import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema, REQUEST_LIMITS } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { env, SELF } from 'cloudflare:test';
import { createApp } from '../../app';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, readSse, testDb } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

async function ingestOf(key: string, body: string) {
  const signed = (await (await api('/figma-compat/uui/presign', { method: 'POST', key, json: {} })).json()) as { upload_id: string; upload_url: string; headers: Record<string, string> };
  expect((await SELF.fetch(signed.upload_url, { method: 'PUT', body, headers: signed.headers })).status).toBe(200);
  return api('/figma-compat/uui/ingest', { method: 'POST', key, json: { upload_id: signed.upload_id } });
}

/** A file whose one page holds a chain of `levels` nested frames. */
function chain(levels: number) {
  let node: Record<string, unknown> = { id: `1:${levels}`, type: 'RECTANGLE', name: 'leaf' };
  for (let i = levels - 1; i >= 1; i--) node = { id: `1:${i}`, type: 'FRAME', name: `f${i}`, children: [node] };
  return { name: 'Deep', document: { id: '0:0', type: 'DOCUMENT', children: [{ id: '0:1', type: 'CANVAS', name: 'Page', children: [node] }] } };
}

describe('ingest of mis-shaped and deep uploads', () => {
  it('answers children that are not arrays with 422, and creates no job', async () => {
    const p = await createTestProject();
    const shapes = [
      { document: { id: '0:0', type: 'DOCUMENT', children: { not: 'an array' } } },
      { document: { id: '0:0', type: 'DOCUMENT', children: [{ id: '0:1', type: 'CANVAS', name: 'P', children: 'x' }] } },
      { document: { id: '0:0', type: 'DOCUMENT', children: [{ id: '0:1', type: 'CANVAS', name: 'P', children: [{ id: '1:1', type: 'FRAME', children: 7 }] }] } },
      { nodes: { '1:1': { document: { id: '1:1', type: 'FRAME', children: null } } } },
    ];
    for (const shape of shapes) {
      const res = await ingestOf(p.key, JSON.stringify(shape));
      expect(res.status, JSON.stringify(shape)).toBe(422);
      const body = ErrorEnvelopeSchema.parse(await res.json());
      expect(body.error.code).toBe('UNPROCESSABLE');
      expect(body.error.message).toContain('children');
    }
    expect(await handle.db.select().from(schema.jobs).where(eq(schema.jobs.projectId, p.id))).toEqual([]);
  });

  it(`answers an upload nested deeper than ${REQUEST_LIMITS.maxUploadJsonDepth} JSON levels with 422 naming the limit`, async () => {
    const p = await createTestProject();
    const res = await ingestOf(p.key, JSON.stringify(chain(5_000)));
    expect(res.status).toBe(422);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('UNPROCESSABLE');
    expect(body.error.message).toContain(String(REQUEST_LIMITS.maxUploadJsonDepth));
  });

  it('streams an upload just within the limit to done', async () => {
    const p = await createTestProject();
    const levels = Math.floor(REQUEST_LIMITS.maxUploadJsonDepth / 2) - 4;
    const res = await ingestOf(p.key, JSON.stringify(chain(levels)));
    expect(res.status).toBe(201);
    const job = (await res.json()) as { job_id: string };
    const events = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: job.job_id, cursor: '0' } }));
    expect(events.filter((e) => e.event === 'error')).toEqual([]);
    expect(events.at(-1)?.event).toBe('done');
  });

  it('stops reading a streamed upload (no Content-Length) at MAX_UPLOAD_BYTES and answers 413', async () => {
    const p = await createTestProject();
    const signed = (await (await api('/figma-compat/uui/presign', { method: 'POST', key: p.key, json: {} })).json()) as { upload_url: string; headers: Record<string, string> };
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) return controller.close();
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    const res = await createApp().request(signed.upload_url, { method: 'PUT', body: stream, headers: signed.headers, duplex: 'half' } as RequestInit, { ...env, MAX_UPLOAD_BYTES: '4096' });
    expect(res.status).toBe(413);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(pulled).toBeLessThan(20);
  });
});
