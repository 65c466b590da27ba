// POST /figma-context/images: node renders (GET /v1/images/:key, Tier 1, ≤ 50 ids per call) and image fills
// (GET /v1/files/:key/images, Tier 2) into the project's artifacts, each fetched once: a render stored under its
// name (node, scale, format) for the file's current version — one Tier-2 /meta call says which — is not rendered
// again unless `refresh`; a fill stored under its imageRef is never downloaded again (the ref is a hash of the
// image, whatever the version). Figma calls are paced per token and tier like every other (figma.client.ts);
// the images themselves come from Figma's image host (image-download.ts).
import { FIGMA_IMAGE_LIMITS, type FigmaArtifact, type FigmaImagesRequest, type FigmaImagesResponse } from '@cogo/types';
import { normalizeNodeId } from '@cogo/figma-context';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { artifactKey, artifactUrl, fillPrefix, nameOf, nodeArtifactName, storedFills } from './artifacts';
import { FigmaError } from './figma.client';
import { figmaClientFor } from './figma-context.outbound';
import { figmaTokenFor } from './figma-context.token';
import { downloadInto, ImageDownloadError, imageHttpFor } from './image-download';
import { apiErrorOf, resolveTarget, START_MAX_WAIT_MS } from './start';

const RENDER_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml', pdf: 'application/pdf' };
const IMAGE_REF = /^[A-Za-z0-9_-]{1,128}$/;

type Failed = FigmaImagesResponse['failed'][number];

/** The file key and the node ids to render (normalized, deduplicated, the URL's node first), or a 400. */
export function imageTargets(body: FigmaImagesRequest): { fileKey: string; nodeIds: string[] } {
  const target = resolveTarget({ ...(body.figma_url ? { figma_url: body.figma_url } : {}), ...(body.file_key ? { file_key: body.file_key } : {}) });
  const ids = new Set<string>(target.nodeId ? [target.nodeId] : []);
  (body.node_ids ?? []).forEach((raw, i) => {
    const id = normalizeNodeId(raw);
    if (id === null) throw new ApiError('VALIDATION_FAILED', `node_ids[${i}] "${raw}" is not a Figma node id (e.g. 1:2 or 1-2)`, { issues: [{ path: `json.node_ids.${i}`, message: 'not a Figma node id' }] });
    ids.add(id);
  });
  if (ids.size === 0 && !body.include_fills) {
    throw new ApiError('VALIDATION_FAILED', 'nothing to do: give node_ids (or a URL with node-id), or include_fills', { issues: [{ path: 'json.node_ids', message: 'give node ids or include_fills' }] });
  }
  if (ids.size > FIGMA_IMAGE_LIMITS.maxNodesPerRequest) {
    throw new ApiError('VALIDATION_FAILED', `at most ${FIGMA_IMAGE_LIMITS.maxNodesPerRequest} nodes per request`, { issues: [{ path: 'json.node_ids', message: 'too many nodes' }] });
  }
  return { fileKey: target.fileKey, nodeIds: [...ids] };
}

/** Renders and stores the requested images; returns the response body. */
export async function storeFigmaImages(c: Context, body: FigmaImagesRequest): Promise<FigmaImagesResponse> {
  const config = c.get('config');
  const { fileKey, nodeIds } = imageTargets(body);
  const projectId = principalOf(c).projectId;
  const bucket = config.ARTIFACTS;
  const { token } = await figmaTokenFor(c);
  const figma = figmaClientFor(config, token, c.get('traceId'), undefined, () => START_MAX_WAIT_MS);
  const http = imageHttpFor(config, c.get('traceId'));
  const calls = { tier1: 0, tier2: 0, downloads: 0 };
  const artifacts: FigmaArtifact[] = [];
  const failed: Failed[] = [];
  const { format, scale } = body;

  const artifactOf = (name: string, kind: 'node' | 'fill', id: { node_id?: string; image_ref?: string }, contentType: string, bytes: number, stored: 'new' | 'existing'): FigmaArtifact => ({
    name,
    kind,
    node_id: id.node_id ?? null,
    image_ref: id.image_ref ?? null,
    content_type: contentType,
    bytes,
    url: artifactUrl(name),
    stored,
  });

  try {
    // renders: what is stored is answered as is; the rest is rendered in batches, one Tier-1 call each
    const byNode = new Map<string, FigmaArtifact | Failed>();
    const toRender: string[] = [];
    // a render is of one version of the file: the stored one is reused only while the file has not changed
    let version = '';
    if (nodeIds.length > 0) {
      calls.tier2++;
      version = String((await figma.meta(fileKey)).file?.version ?? '');
    }
    for (const id of nodeIds) {
      const name = nodeArtifactName(fileKey, id, scale, format);
      const head = body.refresh || !version ? null : await bucket.head(artifactKey(projectId, name));
      if (head && head.customMetadata?.version === version) byNode.set(id, artifactOf(name, 'node', { node_id: id }, head.httpMetadata?.contentType ?? RENDER_TYPES[format]!, head.size, 'existing'));
      else toRender.push(id);
    }
    for (let i = 0; i < toRender.length; i += FIGMA_IMAGE_LIMITS.maxIdsPerRenderCall) {
      const batch = toRender.slice(i, i + FIGMA_IMAGE_LIMITS.maxIdsPerRenderCall);
      calls.tier1++;
      const rendered = await figma.images(fileKey, batch, format, scale);
      for (const id of batch) {
        const url = rendered.images?.[id];
        if (!url) {
          byNode.set(id, { node_id: id, image_ref: null, reason: 'not_renderable', message: `Figma could not render node ${id} (invisible, empty or not in the file)` });
          continue;
        }
        const name = nodeArtifactName(fileKey, id, scale, format);
        try {
          calls.downloads++;
          const stored = await downloadInto(http, url, bucket, () => artifactKey(projectId, name), { file_key: fileKey, node_id: id, format, scale: String(scale), version }, RENDER_TYPES[format]);
          byNode.set(id, artifactOf(name, 'node', { node_id: id }, stored.contentType, stored.bytes, 'new'));
        } catch (err) {
          if (!(err instanceof ImageDownloadError)) throw err;
          byNode.set(id, { node_id: id, image_ref: null, reason: err.reason, message: err.message });
        }
      }
    }
    for (const id of nodeIds) {
      const entry = byNode.get(id)!;
      if ('reason' in entry) failed.push(entry);
      else artifacts.push(entry);
    }

    // fills: Figma lists every image fill of the file; only refs not stored yet are downloaded
    if (body.include_fills) {
      calls.tier2++;
      const listed = await figma.imageFills(fileKey);
      const stored = await storedFills(bucket, projectId, fileKey);
      for (const [ref, url] of Object.entries(listed.meta?.images ?? {})) {
        if (!IMAGE_REF.test(ref)) continue;
        const have = stored.get(ref);
        if (have) {
          artifacts.push(artifactOf(nameOf(projectId, have.key), 'fill', { image_ref: ref }, have.httpMetadata?.contentType ?? 'application/octet-stream', have.size, 'existing'));
          continue;
        }
        if (!url) {
          failed.push({ node_id: null, image_ref: ref, reason: 'download_failed', message: `Figma gave no URL for image ${ref}` });
          continue;
        }
        try {
          calls.downloads++;
          let name = '';
          const got = await downloadInto(http, url, bucket, (ext) => artifactKey(projectId, (name = `${fillPrefix(fileKey)}${ref}.${ext}`)), { file_key: fileKey, image_ref: ref });
          artifacts.push(artifactOf(name, 'fill', { image_ref: ref }, got.contentType, got.bytes, 'new'));
        } catch (err) {
          if (!(err instanceof ImageDownloadError)) throw err;
          failed.push({ node_id: null, image_ref: ref, reason: err.reason, message: err.message });
        }
      }
    }
  } catch (err) {
    if (err instanceof FigmaError) throw apiErrorOf(err);
    throw err;
  }
  c.get('events').emit('figma_images_stored', { file_key: fileKey, new: artifacts.filter((a) => a.stored === 'new').length, existing: artifacts.filter((a) => a.stored === 'existing').length, failed: failed.length }, { source: 'figma-context' });
  return { file_key: fileKey, format, scale, artifacts, failed, figma_calls: calls };
}
