// Where bdd/*, actionflow/* and symbols/map read a design from (DesignSource), resolved to one Figma node with its
// file's maps. Five kinds, one answer shape:
//  - `file_key` / `figma_url` (+ `node_id`): Figma, through the version cache: /meta (Tier 2) proves the caller's
//    token and names the version, then /nodes?ids=<node> (Tier 1) — fetched once per file version, replayed after;
//  - `job_id`: a figma-context job's file at the version its start proved (no /meta again: the project proved it),
//    or an ingest job's upload; its page, or its scoped node, unless `node_id` names another;
//  - `page_id`: a stored page: its file and node, read as the file's latest job read it (upload or Figma);
//  - `upload_id`: a plugin upload's export;
//  - `document`: inline Figma JSON.
// A file with several pages and nothing naming one is a 400 listing them; an unknown node a 404 naming it.
import { parseFigmaUrl } from '@cogo/figma-context';
import type { DesignOrigin, DesignSource } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { FigmaError } from '../figma-context/figma.client';
import { figmaClientFor } from '../figma-context/figma-context.outbound';
import { FIGMA_JOB_KINDS, findJob, type JobRow } from '../figma-context/figma-context.repo';
import { figmaTokenFor } from '../figma-context/figma-context.token';
import { START_MAX_WAIT_MS, apiErrorOf } from '../figma-context/start';
import { jobVersionCache, withVersionCache, type VersionCacheRef } from '../figma-context/version-cache';
import { findPage } from '../pages/pages.repo';
import { indexNodes, normalizeExport } from '../uui/normalize';
import { readUploadJson } from '../uui/upload-read';
import { latestJobOfFile } from './design-source.repo';
import { fileVersion } from './tokens-figma';

/** A Figma node as read (REST JSON). */
export interface DesignNode {
  id: string;
  type: string;
  name?: string;
  children?: DesignNode[];
  [key: string]: unknown;
}

/** The node resolved, its file's maps, and where it came from. */
export interface ResolvedDesign {
  node: DesignNode;
  /** The file's `components`, `componentSets` and `styles` maps as the answer carried them. */
  components: Record<string, unknown>;
  componentSets: Record<string, unknown>;
  styles: Record<string, unknown>;
  origin: DesignOrigin;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const noCalls = () => ({ tier1: 0, tier2: 0, cached: 0 });

/** Resolves the request's design source to one node (see the module comment). */
export async function resolveDesign(c: Context, source: DesignSource): Promise<ResolvedDesign> {
  const projectId = principalOf(c).projectId;
  if (source.document !== undefined) return fromExport(source.document, source.node_id, { kind: 'inline', fileKey: null }, 'document');
  if (source.upload_id) return fromUpload(c, projectId, source.upload_id, source.node_id, null);
  if (source.job_id) {
    const job = await findJob(c.get('db')(), projectId, source.job_id, FIGMA_JOB_KINDS);
    if (!job) throw new ApiError('NOT_FOUND', `no figma-context or ingest job ${source.job_id} in this project`);
    return fromJob(c, projectId, job, source.node_id);
  }
  if (source.page_id) {
    const page = await findPage(c.get('db')(), projectId, source.page_id);
    if (!page) throw new ApiError('NOT_FOUND', `no stored page ${source.page_id} in this project`);
    const nodeId = source.node_id ?? page.nodeId;
    const job = await latestJobOfFile(c.get('db')(), page.fileKey);
    if (job?.input.source === 'upload') return fromJob(c, projectId, job, nodeId);
    return fromFigma(c, page.fileKey, nodeId, null);
  }
  const { fileKey, nodeId } = fileTarget(source);
  return fromFigma(c, fileKey, nodeId, null);
}

function fileTarget(source: DesignSource): { fileKey: string; nodeId: string | undefined } {
  if (source.file_key) return { fileKey: source.file_key, nodeId: source.node_id };
  const ref = parseFigmaUrl(source.figma_url!);
  if (!ref.ok) throw new ApiError('VALIDATION_FAILED', ref.message, { issues: [{ path: 'json.source.figma_url', message: ref.message, code: ref.code }] });
  return { fileKey: ref.value.fileKey, nodeId: source.node_id ?? ref.value.nodeId ?? undefined };
}

async function fromJob(c: Context, projectId: string, job: JobRow, nodeId: string | undefined): Promise<ResolvedDesign> {
  const input = job.input as { source?: string; upload_id?: string; file_key?: string; page_id?: string | null; node_id?: string | null };
  const node = nodeId ?? input.node_id ?? input.page_id ?? undefined;
  if (input.source === 'upload' && input.upload_id) return fromUpload(c, projectId, input.upload_id, node, input.file_key ?? null);
  if (typeof input.file_key !== 'string') throw new ApiError('UNPROCESSABLE', `job ${job.id} names no Figma file`);
  return fromFigma(c, input.file_key, node, job);
}

async function fromUpload(c: Context, projectId: string, uploadId: string, nodeId: string | undefined, fileKey: string | null): Promise<ResolvedDesign> {
  const parsed = await readUploadJson(c.get('config'), projectId, uploadId);
  return fromExport(parsed, nodeId, { kind: 'upload', fileKey: fileKey ?? `upload${uploadId.replaceAll('-', '')}` }, 'upload');
}

/** A node of an export (REST file or nodes response, a node, or an array of nodes). */
function fromExport(json: unknown, nodeId: string | undefined, from: { kind: 'upload' | 'inline'; fileKey: string | null }, what: string): ResolvedDesign {
  const normalized = normalizeExport(json, 'Design');
  if (!normalized.ok) throw new ApiError('UNPROCESSABLE', `${what}: ${normalized.message}`);
  const doc = normalized.value;
  const pages = (doc.document.children ?? []) as DesignNode[];
  let node: DesignNode | undefined;
  if (nodeId) {
    node = indexNodes(doc.document as never).get(nodeId) as DesignNode | undefined;
    if (!node) throw new ApiError('NOT_FOUND', `node ${nodeId} is not in the ${what}`, { node_id: nodeId });
  } else {
    node = onlyPage(pages, what);
  }
  return {
    node,
    components: doc.components,
    componentSets: doc.componentSets,
    styles: doc.styles,
    origin: { kind: from.kind, file_key: from.fileKey, version: null, node_id: node.id, node_name: node.name ?? null, figma_calls: noCalls() },
  };
}

function onlyPage(pages: DesignNode[], what: string): DesignNode {
  if (pages.length === 1) return pages[0]!;
  throw new ApiError('VALIDATION_FAILED', `the ${what} has ${pages.length} pages: name one with source.node_id`, {
    issues: [{ path: 'json.source.node_id', message: 'required: the design has more than one page' }],
    pages: pages.slice(0, 100).map((p) => ({ id: p.id, name: p.name ?? null })),
  });
}

/** Figma through the version cache; `job` gives the version its start proved (else /meta proves it now). */
async function fromFigma(c: Context, fileKey: string, nodeId: string | undefined, job: JobRow | null): Promise<ResolvedDesign> {
  const config = c.get('config');
  const { token } = await figmaTokenFor(c);
  // never hangs on a paced token: a wait past START_MAX_WAIT_MS is a 429 naming it
  const plain = figmaClientFor(config, token, c.get('traceId'), undefined, () => START_MAX_WAIT_MS);
  let ref: VersionCacheRef | null = null;
  let tier2 = 0;
  if (job) {
    ref = jobVersionCache(config, c.get('db')(), job);
  } else if (config.FIGMA_VERSION_CACHE) {
    tier2 = 1;
    const { version } = await fileVersion(plain, fileKey); // a 403/404 here ends the read before any cache read
    ref = { db: c.get('db')(), bucket: config.FIGMA_CACHE, fileKey, version, budgetBytes: config.FIGMA_MAX_RESPONSE_BYTES };
  }
  const figma = withVersionCache(plain, ref);
  const calls = () => ({ tier1: figma.tally.tier1, tier2: tier2 + figma.tally.tier2, cached: figma.tally.hits });
  try {
    let id = nodeId;
    if (!id) {
      const file = await figma.file(fileKey, 1);
      id = onlyPage((file.document?.children ?? []) as DesignNode[], `Figma file ${fileKey}`).id;
    }
    const answer = await figma.nodes(fileKey, [id]);
    const entry = answer.nodes[id];
    if (!entry || !isObject(entry.document)) throw new ApiError('FIGMA_NOT_FOUND', `node ${id} is not in Figma file ${fileKey}`, { node_id: id });
    const node = entry.document as unknown as DesignNode;
    const version = ref?.version.startsWith('job:') ? null : (ref?.version ?? (answer as { version?: string }).version ?? null);
    return {
      node,
      components: (entry.components ?? {}) as Record<string, unknown>,
      componentSets: (entry.componentSets ?? {}) as Record<string, unknown>,
      styles: (entry.styles ?? {}) as Record<string, unknown>,
      origin: { kind: 'figma', file_key: fileKey, version, node_id: node.id, node_name: node.name ?? null, figma_calls: calls() },
    };
  } catch (err) {
    if (err instanceof FigmaError) {
      if (err.code === 'FIGMA_TOO_LARGE') throw new ApiError('FIGMA_TOO_LARGE', `node ${nodeId ?? '(the page)'} of Figma file ${fileKey} is too large for one Figma answer: name a frame on it with source.node_id, or upload the page from the plugin`);
      throw apiErrorOf(err);
    }
    throw err;
  }
}
