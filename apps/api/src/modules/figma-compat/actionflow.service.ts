// actionflow/refine and actionflows (issue 13): the resolved design → buildActionFlow → toMermaid → one
// `action_flows` row per (project, file, page), upserted by content hash with its outbox row (published after the
// commit: the design index follows it); and the stored rows read back.
// - The node read is the page: a CANVAS is built as is; any other node (a frame, a section) is wrapped as a page of
//   its own (id and name the node's), so each frame read alone gets a row of its own and never overwrites another's.
//   Only that node is read, so a destination on another page is reported missing (`not-in-input`).
// - Variable names: the request's `variable_names`, over those an inline document or a plugin upload carries
//   (`variables`, as the plugin exports them; the upload is read again only when the graph names an unknown id).
// - An inline `document` names no file: it is answered, never stored (`stored: null`) — under a shared key such as
//   `inline`, unrelated documents would overwrite each other's rows (every loose selection is page `0:0`).
// - `refine` (actionflow-refine.ts) runs after the row is stored and `action_flow_built` emitted, so a gateway error
//   (402, 503, 502, 422) is the answer while the deterministic row stays; its annotations then go onto that row.
import {
  ActionFlowInputError,
  buildActionFlow,
  DEFAULT_FLOW_END_PATTERN,
  readStoredActionFlow,
  toActionFlowRow,
  toMermaid,
  type ActionFlow,
  type ActionFlowOptions,
} from '@cogo/figma-compat';
import type { Db } from '@cogo/db';
import {
  ActionFlowAnnotationsSchema,
  type ActionFlowAnnotations,
  type ActionFlowsResponse,
  type RefineActionFlowRequest,
  type RefineActionFlowResponse,
  type StoredActionFlow,
} from '@cogo/types';
import { canonicalJson } from '@cogo/types';
import { sha256Hex } from '../../lib/crypto';
import { ApiError } from '../../lib/errors';
import type { CallScope } from '../llm/call-scope';
import { publishUpdates } from '../updates/outbox';
import { readUploadJson } from '../uui/upload-read';
import { refineAnnotations } from './actionflow-refine';
import { findActionFlows, storeAnnotations, upsertActionFlow, type ActionFlowDbRow } from './actionflow.repo';
import type { DesignNode, ResolvedDesign } from './design-source';

type Names = Record<string, string>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The builder's input for the node read: a page as is, any other node as a page of its own. */
function flowInput(node: DesignNode): DesignNode {
  if (node.type === 'CANVAS' || node.type === 'DOCUMENT') return node;
  return { id: node.id, type: 'CANVAS', name: node.name ?? node.id, children: [node] };
}

/** Variable id → name from an export's top-level `variables` (an array, or a map keyed by id), as the plugin writes it. */
export function variableNamesOf(exported: unknown): Names {
  const out: Names = {};
  if (!isObject(exported)) return out;
  const list = Array.isArray(exported.variables) ? exported.variables : isObject(exported.variables) ? Object.values(exported.variables) : [];
  for (const v of list) if (isObject(v) && typeof v.id === 'string' && typeof v.name === 'string') out[v.id] = v.name;
  return out;
}

/** The flow-end pattern: the default words, the caller's (escaped, whole words, any case), or none for `[]`. */
function endPattern(words: readonly string[] | undefined): RegExp | null {
  if (words === undefined) return DEFAULT_FLOW_END_PATTERN;
  if (words.length === 0) return null;
  return new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
}

/** True when a SET_VARIABLE or a condition of the graph shows a variable by id, for want of its name. */
const namesMissing = (flow: ActionFlow): boolean =>
  flow.edges.some((e) => (e.variable?.variableId && e.variable.name === undefined) || e.branch?.some((b) => b.condition.includes('{VariableID:')));

/** The package's typed input errors as the one envelope: 400 for a page to choose, 404 for an unknown page, else 422. */
function apiErrorOf(err: ActionFlowInputError): ApiError {
  const details = { code: err.code, ...err.details };
  if (err.code === 'ACTION_FLOW_PAGE_REQUIRED') {
    return new ApiError('VALIDATION_FAILED', err.message.replace('pageId', 'source.node_id'), { ...details, issues: [{ path: 'json.source.node_id', message: 'required: the design holds more than one page' }] });
  }
  if (err.code === 'ACTION_FLOW_PAGE_NOT_FOUND') return new ApiError('NOT_FOUND', err.message, details);
  return new ApiError('UNPROCESSABLE', `the design cannot be read as a prototype: ${err.message}`, details);
}

function build(input: unknown, options: ActionFlowOptions): ActionFlow {
  try {
    return buildActionFlow(input, options);
  } catch (err) {
    if (err instanceof ActionFlowInputError) throw apiErrorOf(err);
    throw err;
  }
}

/** Builds, stores (unless inline) and answers the screen graph of the resolved design; emits `action_flow_built`; with `refine`, annotates it. */
export async function refineActionFlow(scope: CallScope, design: ResolvedDesign, request: RefineActionFlowRequest, signal: AbortSignal): Promise<RefineActionFlowResponse> {
  const input = flowInput(design.node);
  const options: ActionFlowOptions = { flowEndPattern: endPattern(request.flow_end_words), variableNames: { ...variableNamesOf(request.source.document), ...request.variable_names } };
  if (request.flow_ends) options.flowEnds = request.flow_ends;
  let flow = build(input, options);
  if (request.source.upload_id && namesMissing(flow)) {
    const names = variableNamesOf(await readUploadJson(scope.config, scope.projectId, request.source.upload_id));
    if (Object.keys(names).length > 0) flow = build(input, { ...options, variableNames: { ...names, ...request.variable_names } });
  }
  const mermaid = toMermaid(flow, { ...(request.mermaid?.direction ? { direction: request.mermaid.direction } : {}), navigationOnly: request.mermaid?.navigation_only ?? false });

  const fileKey = design.origin.file_key;
  let saved: ActionFlowDbRow | null = null;
  let stored: RefineActionFlowResponse['stored'] = null;
  if (fileKey !== null) {
    const row = toActionFlowRow({ projectId: scope.projectId, fileKey, fileVersion: design.origin.version }, flow, mermaid);
    const contentHash = await sha256Hex(canonicalJson({ graph: row.graph, mermaid: row.mermaid }));
    const upserted = await upsertActionFlow(scope.db(), { ...row, graph: row.graph as unknown as Record<string, unknown>, contentHash, traceId: scope.traceId });
    await publishUpdates(scope.config.PROJECT_UPDATES, upserted.updateIds, scope.log);
    saved = upserted.row;
    stored = { id: saved.id, status: upserted.status, file_key: fileKey, page_id: saved.pageId, content_hash: saved.contentHash, updated_at: saved.updatedAt.toISOString() };
  }
  scope.events.emit('action_flow_built', {
    file_key: fileKey,
    page_id: flow.page.id,
    screens: flow.counts.screens,
    edges: flow.counts.edges,
    unreachable: flow.report.unreachable.length,
    dead_ends: flow.report.deadEnds.length,
    stored: stored?.status ?? null,
    ...(stored ? { content_hash: stored.content_hash } : {}),
  });
  const answer = { action_flow: flow, mermaid, stored, origin: design.origin, trace_id: scope.traceId };
  if (!request.refine) return { ...answer, annotations: saved ? annotationsOf(saved) : null, annotation_warnings: [] };

  const page = { file_key: fileKey, page_id: flow.page.id };
  const refined = await refineAnnotations(scope, flow, request.refine, signal, page);
  const annotations: ActionFlowAnnotations = { ...refined.annotations, model: refined.llm.model, provider: refined.llm.provider, refined_at: new Date().toISOString() };
  if (saved && stored) {
    const written = await storeAnnotations(scope.db(), { projectId: scope.projectId, id: saved.id, contentHash: saved.contentHash, traceId: scope.traceId }, annotations);
    if (!written) {
      throw new ApiError('CONFLICT', `the stored graph of page ${saved.pageId} of file ${saved.fileKey} changed while the model was answering: run actionflow/refine again`, page);
    }
    await publishUpdates(scope.config.PROJECT_UPDATES, written.updateIds, scope.log);
    stored = { ...stored, updated_at: written.row.updatedAt.toISOString() };
  }
  const { screens, flows, suggestions } = refined.annotations;
  scope.events.emit('action_flow_refined', {
    ...page,
    model: refined.llm.model,
    provider: refined.llm.provider,
    repaired: refined.llm.repaired,
    cost_usd: refined.llm.usage.cost_usd,
    screens: screens.length,
    flows: flows.length,
    suggestions: suggestions.length,
    dropped: refined.warnings.length,
    stored: stored !== null,
  });
  return { ...answer, stored, annotations, annotation_warnings: refined.warnings, llm: refined.llm };
}

/** A row's annotations as the contract reads them; a row that holds something else is a 422 naming it. */
function annotationsOf(row: ActionFlowDbRow): ActionFlowAnnotations | null {
  if (row.annotations === null) return null;
  const parsed = ActionFlowAnnotationsSchema.safeParse(row.annotations);
  if (parsed.success) return parsed.data;
  throw new ApiError('UNPROCESSABLE', `stored annotations of page ${row.pageId} of file ${row.fileKey} cannot be read`, { code: 'ACTION_FLOW_BAD_ANNOTATIONS', page_id: row.pageId });
}

function storedOf(row: ActionFlowDbRow): StoredActionFlow {
  let graph: ActionFlow;
  try {
    graph = readStoredActionFlow(row.graph);
  } catch (err) {
    if (!(err instanceof ActionFlowInputError)) throw err;
    throw new ApiError('UNPROCESSABLE', `stored action flow of page ${row.pageId} of file ${row.fileKey} cannot be read: ${err.message}`, { code: err.code, page_id: row.pageId, ...err.details });
  }
  return {
    id: row.id,
    file_key: row.fileKey,
    page_id: row.pageId,
    page_name: row.pageName,
    file_version: row.fileVersion,
    action_flow: graph,
    mermaid: row.mermaid,
    annotations: annotationsOf(row),
    content_hash: row.contentHash,
    trace_id: row.traceId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The project's stored graphs of a file (one page or all), or a 404 naming what is not stored. */
export async function listStoredActionFlows(db: Db, fileKey: string, pageId?: string): Promise<ActionFlowsResponse> {
  const rows = await findActionFlows(db, fileKey, pageId);
  if (rows.length === 0) {
    const what = pageId === undefined ? `file ${fileKey}` : `page ${pageId} of file ${fileKey}`;
    throw new ApiError('NOT_FOUND', `no stored action flow for ${what} in this project: build one with POST /figma-compat/uui/actionflow/refine`, { file_key: fileKey, ...(pageId ? { page_id: pageId } : {}) });
  }
  return { action_flows: rows.map(storedOf) };
}
