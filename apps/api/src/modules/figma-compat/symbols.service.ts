// symbols/map (issue 13): components and component sets → code symbols (mapSymbols), from one of two inputs:
// - `design` (default): the design the source names, resolved as every figma-compat route resolves it. Its REST
//   `componentPropertyDefinitions` are complete (INSTANCE_SWAP preferred values too) and the file's maps give keys
//   and descriptions; through the version cache a job's or a known version's design costs no Tier-1 call.
// - `stored`: the project's `components` rows (what POST /figma-context/apply wrote) of a stored page, or of every
//   page of a job's file — no Figma call, the whole library of a multi-page file at once, and pages too large for
//   one Figma answer. Their `props.definitions` keep type, default and options only (figma-context's PropertyDef),
//   which is all the scoring reads; they exist only once a client applied the job's stream, and hold the file as
//   last applied, not as of a version. Hence opt-in, not the default.
// A design with no component to map is a 422 naming the node; bad input to the mapper a 400 (registry) or 422.
import { collectComponents, componentsFromStored, mapSymbols, SymbolsInputError, type SymbolFigmaComponent, type SymbolRegistryEntry } from '@cogo/figma-compat';
import type { MapSymbolsRequest, SymbolMapResponse } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { FIGMA_JOB_KINDS, findJob } from '../figma-context/figma-context.repo';
import type { CallScope } from '../llm/call-scope';
import { findPage } from '../pages/pages.repo';
import type { ResolvedDesign } from './design-source';
import { storedComponentsOfFile, storedComponentsOfPage } from './symbols.repo';

/** Most stored rows one request maps (a library larger than this is mapped page by page). */
export const MAX_STORED_COMPONENTS = 10_000;

/** What is mapped, and where it came from. */
export interface SymbolInput {
  components: SymbolFigmaComponent[];
  from: 'design' | 'stored';
  fileKey: string | null;
  origin: ResolvedDesign['origin'] | null;
  /** Names the input in messages ("node 1:2 of Figma file X", "stored page …"). */
  what: string;
}

function inputError(err: SymbolsInputError): ApiError {
  const details = { code: err.code, path: err.path };
  if (err.path.startsWith('registry')) return new ApiError('VALIDATION_FAILED', err.message, { ...details, issues: [{ path: `json.${err.path}`, message: err.message }] });
  return new ApiError('UNPROCESSABLE', `the design's components cannot be mapped: ${err.message}`, details);
}

/** The components of a resolved design (its node's subtree, with the file's component and set maps). */
export function designInput(design: ResolvedDesign): SymbolInput {
  const { node, components, componentSets, origin } = design;
  let found: SymbolFigmaComponent[];
  try {
    found = collectComponents({ document: node, components: components as never, componentSets: componentSets as never });
  } catch (err) {
    if (err instanceof SymbolsInputError) throw inputError(err);
    throw err;
  }
  const where = origin.file_key ? ` of ${origin.kind === 'figma' ? 'Figma file' : 'file'} ${origin.file_key}` : ` of the ${origin.kind} document`;
  return { components: found, from: 'design', fileKey: origin.file_key, origin, what: `node ${node.id}${node.name ? ` (${node.name})` : ''}${where}` };
}

/** The stored components of the source's page, or of its job's file; 404 naming what is not found or not stored. */
export async function storedInput(scope: CallScope, source: MapSymbolsRequest['source']): Promise<SymbolInput> {
  const db = scope.db();
  let rows;
  let fileKey: string;
  let what: string;
  if (source.page_id) {
    const page = await findPage(db, scope.projectId, source.page_id);
    if (!page) throw new ApiError('NOT_FOUND', `no stored page ${source.page_id} in this project`);
    rows = await storedComponentsOfPage(db, page.id, MAX_STORED_COMPONENTS + 1);
    fileKey = page.fileKey;
    what = `stored page ${page.id} (${page.name})`;
  } else {
    const job = await findJob(db, scope.projectId, source.job_id!, FIGMA_JOB_KINDS);
    if (!job) throw new ApiError('NOT_FOUND', `no figma-context or ingest job ${source.job_id} in this project`);
    const key = (job.input as { file_key?: unknown }).file_key;
    if (typeof key !== 'string') throw new ApiError('UNPROCESSABLE', `job ${job.id} names no Figma file`);
    rows = await storedComponentsOfFile(db, key, MAX_STORED_COMPONENTS + 1);
    fileKey = key;
    what = `the stored components of file ${key} (job ${job.id})`;
  }
  if (rows.length === 0) {
    throw new ApiError('NOT_FOUND', `no components stored for ${what}: apply the job's stream (POST /figma-context/apply), or map the design with components_from "design"`, { file_key: fileKey });
  }
  if (rows.length > MAX_STORED_COMPONENTS) {
    throw new ApiError('PAYLOAD_TOO_LARGE', `${what} holds more than ${MAX_STORED_COMPONENTS} stored components: map them page by page (source.page_id)`, { max: MAX_STORED_COMPONENTS });
  }
  try {
    return { components: componentsFromStored(rows as never), from: 'stored', fileKey, origin: null, what };
  } catch (err) {
    if (err instanceof SymbolsInputError) throw inputError(err);
    throw err;
  }
}

/** Maps the input's components to the registry's symbols (or to symbols from names); emits `symbols_mapped`. */
export function mapInput(scope: CallScope, input: SymbolInput, request: MapSymbolsRequest): SymbolMapResponse {
  if (input.components.length === 0) {
    throw new ApiError('UNPROCESSABLE', `${input.what} holds no component or component set to map: name the page or frame that defines them with source.node_id`, {
      file_key: input.fileKey,
      ...(input.origin ? { node_id: input.origin.node_id } : {}),
    });
  }
  let map;
  try {
    map = mapSymbols(input.components, request.registry as SymbolRegistryEntry[] | undefined, request.min_confidence === undefined ? {} : { minConfidence: request.min_confidence });
  } catch (err) {
    if (err instanceof SymbolsInputError) throw inputError(err);
    throw err;
  }
  scope.events.emit('symbols_mapped', {
    file_key: input.fileKey,
    components_from: input.from,
    registry: request.registry?.length ?? null,
    components: map.stats.components,
    mapped: map.stats.mapped,
    unmapped_components: map.stats.unmappedComponents,
    unused_symbols: map.stats.unusedSymbols,
  });
  return { ...map, components_from: input.from, origin: input.origin, file_key: input.fileKey, trace_id: scope.traceId };
}
