// POST /figma-context/start: parse the URL, prove the token's access and learn the file's version (/meta, the
// version cache: version-cache.ts), read the skeleton (depth 2 — never the whole file) through the cache, plan
// the chunks, forecast the Figma calls and their wait (start-forecast.ts), and create the job row and its cursor.
import { jobCursorOf } from '../../durable-objects/names';
import { fileKeyAndNode, parseFigmaUrl, planChunks, callsOf, type NodePlace } from '@cogo/figma-context';
import type { FigmaCacheStatus, StartFigmaContext } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { FigmaError } from './figma.client';
import { insertJob, learnedCharsPerId } from './figma-context.repo';
import { apiErrorOf, figmaChunkSlots, openFigmaFile, START_MAX_WAIT_MS, type FigmaAccess } from './figma-access';
import { fileSkeleton, nodeSkeleton, placeOfNode, scopedPlan } from './skeleton';
import { loadVariables, type VariablesStatus } from './start-variables';
import { estimatedSeconds, forecastChunkRequests } from './start-forecast';
import { cachedIndex, deferredStores, type DeferredStores } from './version-cache';
import { produceFirstChunk } from './stream-call';

export { apiErrorOf, START_MAX_WAIT_MS } from './figma-access';

/** Longest a start holds its Figma answer slot (a skeleton read in groups of pages takes several calls). */
const START_SLOT_HOLD_MS = 30_000;

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
export async function startFigmaJob(c: Context, body: StartFigmaContext, opened?: { access: FigmaAccess; stores: DeferredStores }) {
  if (opened) return start(c, body, opened.stores, opened.access);
  // the cache's answers are stored after the start answers (the skeleton of a large file is megabytes), on a
  // connection of their own that outlives the request's
  const stores = deferredStores(c, c.get('config'), principalOf(c).projectId);
  try {
    return await start(c, body, stores);
  } finally {
    await stores.settle();
  }
}

async function start(c: Context, body: StartFigmaContext, stores: DeferredStores, opened?: FigmaAccess) {
  const config = c.get('config');
  const target = resolveTarget(body);
  const projectId = principalOf(c).projectId;
  // independent of Figma's answers: read while they are awaited (a start's first chunk waits on all of this)
  const priorPerId = learnedCharsPerId(c.get('db')(), projectId, target.fileKey);
  priorPerId.catch(() => {});
  // a start never hangs on a paced or rate-limited token: it answers 429 with the wait instead
  const access = opened ?? (await openFigmaFile(c, target.fileKey, stores));
  const { figma, cacheRef, cacheNote, source, token } = access;
  // Tier 2, apart from the skeleton's Tier 1; never fails the start, and the job says what became of it. Once /meta
  // proved the token may read the file, asked beside the skeleton; else once the skeleton came (a start it refuses —
  // 404, refused token, quota — spends no call more). Awaited only when the forecast has read what it needs
  const readVariables = () => {
    const loaded = loadVariables(figma, target.fileKey, START_MAX_WAIT_MS);
    loaded.catch(() => {}); // awaited below; an error before then must not leave it unhandled
    return loaded;
  };
  let variablesLoaded = access.version ? readVariables() : undefined;
  // what the cache holds of this version (the forecast replays the stream's requests against it), read meanwhile
  const index = cacheRef ? (cacheRef.known ?? cachedIndex(cacheRef)) : Promise.resolve(null);
  index.catch(() => {});
  let skeleton;
  let place: NodePlace | null = null;
  // one of the isolate's Figma answer slots while the skeleton is read (it can be megabytes): in line with producers
  const slot = await figmaChunkSlots(config).acquire(START_SLOT_HOLD_MS, c.req.raw.signal);
  if (!slot) throw new ApiError('CANCELLED', 'the client went away');
  try {
    if (target.nodeId) {
      const nodes = await nodeSkeleton(figma, target.fileKey, target.nodeId);
      skeleton = nodes;
      // the node's real page: its components are stored there, and its apply replaces only within it
      place = await placeOfNode(figma, target.fileKey, nodes, target.nodeId);
    } else {
      skeleton = await fileSkeleton(figma, target.fileKey, config.FIGMA_MAX_RESPONSE_BYTES);
    }
  } catch (err) {
    if (err instanceof FigmaError) throw apiErrorOf(err);
    throw err;
  } finally {
    slot();
  }
  variablesLoaded ??= readVariables();
  const planned = planChunks(skeleton, {
    ...(target.nodeId ? { nodeId: target.nodeId } : {}),
    ...(body.options?.max_ids_per_call ? { maxIdsPerCall: body.options.max_ids_per_call } : {}),
    ...(body.options?.max_nodes_per_chunk ? { maxNodesPerChunk: body.options.max_nodes_per_chunk } : {}),
  });
  if (!planned.ok) {
    throw planned.code === 'node-not-found' ? new ApiError('FIGMA_NOT_FOUND', planned.message) : new ApiError('VALIDATION_FAILED', planned.message);
  }
  const plan = planned.plan;
  // the forecast: what start sent, and the /nodes requests of the stream the cache does not answer
  const metaCalls = access.metaCalls;
  const cachedNow = await index;
  const requests = await forecastChunkRequests({
    fileKey: target.fileKey,
    chunks: plan.chunks,
    budgetBytes: config.FIGMA_MAX_RESPONSE_BYTES,
    maxIds: plan.maxIdsPerCall,
    index: cachedNow,
    priorPerId: await priorPerId,
  });
  const variables = await variablesLoaded;
  const streamCalls = { tier1: requests.tier1, tier2: 0 };
  const figmaCalls = { tier1: figma.tally.tier1 + streamCalls.tier1, tier2: metaCalls + figma.tally.tier2 };
  const cache: FigmaCacheStatus = !config.FIGMA_VERSION_CACHE ? 'off' : !cacheRef ? 'bypass' : figmaCalls.tier1 === 0 ? 'hit' : figma.tally.hits === 0 && requests.cached === 0 ? 'miss' : 'partial';
  const estimate = estimatedSeconds(config, token, streamCalls);
  estimate.catch(() => {});
  // the row and the job's object at once: a stream call finds neither until start answered with the id
  const jobId = crypto.randomUUID();
  const scoped = scopedPlan(plan, place, target.nodeId);
  const stub = jobCursorOf(config.JOB_CURSOR, jobId);
  const cursorReady = stub.init(jobId, { projectId, fileKey: target.fileKey, nodeId: target.nodeId ?? null, name: skeleton.name ?? null, source: 'figma', tokenSource: source }, {
    chunks: plan.chunks.map((ch) => ({ pageId: ch.pageId ?? place?.pageId ?? null, ids: ch.ids })),
    extra: JSON.stringify({ variables: variables.variables, variables_status: variables.status, pages: scoped.pages, scope: scoped.scope, max_ids_per_call: plan.maxIdsPerCall }),
  });
  cursorReady.catch(() => {});
  const input = { file_key: target.fileKey, node_id: target.nodeId ?? null, url: target.url ?? null, source: 'figma', file_version: cacheRef?.version ?? null, cache, ...(place ? { page_id: place.pageId, page_name: place.pageName } : {}) };
  const inserted = insertJob(c.get('db')(), { id: jobId, projectId, kind: 'figma-context', input, traceId: c.get('traceId'), progress: { chunks_done: 0, chunks_total: plan.chunks.length } });
  inserted.catch(() => {}); // awaited below
  await cursorReady;
  // its first chunk is fetched while the row is written and this answer travels (stream-call.ts)
  produceFirstChunk(c, { id: jobId, projectId, input }, token, { known: index, inserted });
  const job = await inserted;
  c.get('events').emit('figma_job_started', { job_id: job.id, file_key: target.fileKey, node_id: target.nodeId ?? null, chunks: plan.chunks.length, cache }, { source: 'figma-context' });
  return {
    job_id: job.id,
    first_cursor: '0',
    file_key: target.fileKey,
    node_id: target.nodeId ?? null,
    cache,
    file_version: cacheRef?.version ?? null,
    cache_note: cacheNote,
    plan: {
      pages: plan.pages.map((pg) => ({ id: pg.id, name: pg.name, frame_count: pg.frameCount })),
      chunks: plan.chunks.length,
      calls: callsOf(plan).length,
      node_count_estimate: plan.nodeCountEstimate,
      figma_calls: figmaCalls,
      estimated_seconds: await estimate,
    },
  };
}
