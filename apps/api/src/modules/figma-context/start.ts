// POST /figma-context/start: parse the URL, read the skeleton (depth 2 — never the whole file),
// plan the chunks, and create the job row and its cursor object.
import { jobCursorOf } from '../../durable-objects/names';
import { fileKeyAndNode, parseFigmaUrl, planChunks, callsOf } from '@cogo/figma-context';
import type { StartFigmaContext } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { FigmaError } from './figma.client';
import { figmaClientFor } from './figma-context.outbound';
import { insertJob } from './figma-context.repo';
import { figmaTokenFor } from './figma-context.token';

/** Longest a start waits for the token's next Figma slot. */
export const START_MAX_WAIT_MS = 5_000;

/** A Figma failure as an API error (429 keeps Retry-After). */
export function apiErrorOf(err: FigmaError): ApiError {
  const headers: Record<string, string> = err.info.retryAfterMs ? { 'Retry-After': String(Math.ceil(err.info.retryAfterMs / 1000)) } : {};
  return new ApiError(err.code, err.message, err.info.planTier ? { plan_tier: err.info.planTier, limit_type: err.info.limitType } : undefined, headers);
}

/** Resolves the body to a file key and optional node id, or a 400 naming what is wrong. */
export function resolveTarget(body: StartFigmaContext): { fileKey: string; nodeId?: string; url?: string } {
  const ref = body.figma_url ? parseFigmaUrl(body.figma_url) : fileKeyAndNode(body.file_key!, body.node_id);
  if (!ref.ok) {
    const path = body.figma_url ? 'json.figma_url' : ref.code === 'bad-node-id' ? 'json.node_id' : 'json.file_key';
    throw new ApiError('VALIDATION_FAILED', ref.message, { issues: [{ path, message: ref.message, code: ref.code }] });
  }
  let nodeId = ref.value.nodeId;
  if (body.figma_url && body.node_id) {
    const override = fileKeyAndNode(ref.value.fileKey, body.node_id);
    if (!override.ok) throw new ApiError('VALIDATION_FAILED', override.message, { issues: [{ path: 'json.node_id', message: override.message }] });
    nodeId = override.value.nodeId;
  }
  return { fileKey: ref.value.fileKey, ...(nodeId ? { nodeId } : {}), ...(body.figma_url ? { url: body.figma_url } : {}) };
}

/** Starts a job; returns the response body. */
export async function startFigmaJob(c: Context, body: StartFigmaContext) {
  const config = c.get('config');
  const target = resolveTarget(body);
  const { token, source } = await figmaTokenFor(c);
  // a start never hangs on a paced or rate-limited token: it answers 429 with the wait instead
  const figma = figmaClientFor(config, token, c.get('traceId'), undefined, () => START_MAX_WAIT_MS);
  let skeleton;
  let variables: unknown = null;
  try {
    skeleton = target.nodeId ? await figma.nodes(target.fileKey, [target.nodeId], 2) : await figma.file(target.fileKey, 2);
    variables = await figma.variables(target.fileKey).catch(() => null);
  } catch (err) {
    if (err instanceof FigmaError) throw apiErrorOf(err);
    throw err;
  }
  const planned = planChunks(skeleton, {
    ...(target.nodeId ? { nodeId: target.nodeId } : {}),
    ...(body.options?.max_ids_per_call ? { maxIdsPerCall: body.options.max_ids_per_call } : {}),
    ...(body.options?.max_nodes_per_chunk ? { maxNodesPerChunk: body.options.max_nodes_per_chunk } : {}),
  });
  if (!planned.ok) {
    throw planned.code === 'node-not-found' ? new ApiError('FIGMA_NOT_FOUND', planned.message) : new ApiError('VALIDATION_FAILED', planned.message);
  }
  const plan = planned.plan;
  const projectId = principalOf(c).projectId;
  const job = await insertJob(c.get('db')(), {
    projectId,
    kind: 'figma-context',
    input: { file_key: target.fileKey, node_id: target.nodeId ?? null, url: target.url ?? null, source: 'figma' },
    traceId: c.get('traceId'),
    progress: { chunks_done: 0, chunks_total: plan.chunks.length },
  });
  const stub = jobCursorOf(config.JOB_CURSOR, job.id);
  await stub.init(job.id, { projectId, fileKey: target.fileKey, nodeId: target.nodeId ?? null, name: skeleton.name ?? null, source: 'figma', tokenSource: source });
  await stub.setPlan(
    plan.chunks.map((ch) => ({ pageId: ch.pageId, ids: ch.ids })),
    JSON.stringify({ variables, pages: plan.pages.map((pg) => ({ id: pg.id, name: pg.name })) }),
  );
  c.get('events').emit('figma_job_started', { job_id: job.id, file_key: target.fileKey, node_id: target.nodeId ?? null, chunks: plan.chunks.length }, { source: 'figma-context' });
  return {
    job_id: job.id,
    first_cursor: '0',
    file_key: target.fileKey,
    node_id: target.nodeId ?? null,
    plan: {
      pages: plan.pages.map((pg) => ({ id: pg.id, name: pg.name, frame_count: pg.frameCount })),
      chunks: plan.chunks.length,
      calls: callsOf(plan).length,
      node_count_estimate: plan.nodeCountEstimate,
    },
  };
}
