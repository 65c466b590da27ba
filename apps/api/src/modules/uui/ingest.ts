// POST /figma-compat/uui/ingest: read the uploaded export, plan it like a Figma file, store one
// nodes-response object per chunk, and create a job streamed and applied exactly like figma-context.
import { jobCursorOf } from '../../durable-objects/names';
import { callsOf, planChunks } from '@cogo/figma-context';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { insertJob } from '../figma-context/figma-context.repo';
import { indexNodes, normalizeExport } from './normalize';
import { readUploadJson } from './upload-read';
import { chunkKey } from './upload-url';

/** Ingests an upload; returns the same shape as /figma-context/start. */
export async function ingestUpload(c: Context, body: { upload_id: string; file_key?: string | undefined; name?: string | undefined }) {
  const config = c.get('config');
  const projectId = principalOf(c).projectId;
  const parsed = await readUploadJson(config, projectId, body.upload_id);
  const normalized = normalizeExport(parsed, body.name ?? 'Plugin export');
  if (!normalized.ok) throw new ApiError('UNPROCESSABLE', normalized.message);
  const doc = normalized.value;
  const planned = planChunks({ name: doc.name, document: doc.document, components: doc.components, componentSets: doc.componentSets, styles: doc.styles } as never);
  if (!planned.ok) throw new ApiError('UNPROCESSABLE', planned.message);
  const plan = planned.plan;
  const fileKey = body.file_key ?? `upload${body.upload_id.replaceAll('-', '')}`;

  const job = await insertJob(c.get('db')(), {
    projectId,
    kind: 'figma-ingest',
    input: { file_key: fileKey, node_id: null, upload_id: body.upload_id, source: 'upload' },
    traceId: c.get('traceId'),
    progress: { chunks_done: 0, chunks_total: plan.chunks.length },
  });
  // one stored nodes response per chunk, so a stream call reads only what it streams
  const byId = indexNodes(doc.document as never);
  await Promise.all(
    plan.chunks.map((chunk, i) => {
      const nodes: Record<string, unknown> = {};
      for (const id of chunk.ids) {
        const document = byId.get(id);
        nodes[id] = document ? { document, components: doc.components, componentSets: doc.componentSets, styles: doc.styles, schemaVersion: 0 } : null;
      }
      return config.UPLOADS.put(chunkKey(projectId, body.upload_id, i), JSON.stringify({ name: doc.name, nodes }), { httpMetadata: { contentType: 'application/json' } });
    }),
  );
  const stub = jobCursorOf(config.JOB_CURSOR, job.id);
  await stub.init(job.id, { projectId, fileKey, nodeId: null, name: doc.name, source: 'upload', uploadId: body.upload_id }, {
    chunks: plan.chunks.map((ch) => ({ pageId: ch.pageId, ids: ch.ids })),
    extra: JSON.stringify({ variables: null, pages: plan.pages.map((pg) => ({ id: pg.id, name: pg.name })) }),
  });
  c.get('events').emit('figma_ingest_started', { job_id: job.id, upload_id: body.upload_id, chunks: plan.chunks.length }, { source: 'uui' });
  return {
    job_id: job.id,
    first_cursor: '0',
    file_key: fileKey,
    node_id: null,
    cache: 'off' as const,
    file_version: null,
    cache_note: 'a plugin upload: Figma is not asked, so there is no version to cache by',
    plan: {
      pages: plan.pages.map((pg) => ({ id: pg.id, name: pg.name, frame_count: pg.frameCount })),
      chunks: plan.chunks.length,
      calls: callsOf(plan).length,
      node_count_estimate: byId.size,
      // the upload holds the whole design: no Figma call, nothing to wait for
      figma_calls: { tier1: 0, tier2: 0 },
      estimated_seconds: 0,
    },
  };
}
