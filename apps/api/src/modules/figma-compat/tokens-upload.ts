// What variables/derive reads from a plugin upload (any Figma plan, no Figma call). Where the plugin puts them:
//  - variables: the top-level `variables` and `variableCollections` of the export object, as
//    `figma.variables.getLocalVariablesAsync()` / `getLocalVariableCollectionsAsync()` serialise them (arrays, or
//    maps keyed by id), beside the REST-shaped `document` (or `nodes`). The converter checks their shape and
//    names the path of what is wrong; here they are only picked out, so nothing else of the export is taken
//    for a variable (its `meta`, say).
//  - styles: the export's document and `styles` map, normalised as ingest normalises it (a REST file or nodes
//    response, JSON_REST_V1 exports): a style's values are read from the first node that uses it.
// An array of JSON_REST_V1 exports (a selection) carries no variables; an export with only variables is fine.
import type { AppConfig } from '../../env';
import { ApiError } from '../../lib/errors';
import { normalizeExport } from '../uui/normalize';
import { readUploadJson } from '../uui/upload-read';

/** The parts of a plugin export that deriveTokens reads. */
export interface PluginExport {
  /** `{ variables, variableCollections }` as the export holds them; absent when it holds neither. */
  pluginVariables?: { variables: unknown; variableCollections: unknown };
  /** The export's document and styles map as one REST-shaped file; absent when it has no document. */
  file?: { document: unknown; styles: Record<string, unknown> };
  /** The export's name (the resolver document's name). */
  name: string;
  /** Variables in the export (before the converter checks them). */
  variables: number;
  /** Styles in the export's styles map. */
  styles: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const countOf = (v: unknown): number => (Array.isArray(v) ? v.length : isObj(v) ? Object.keys(v).length : 0);

/** Picks the variables and the styled document out of a parsed upload, or a 422 naming what is wrong with it. */
export function pluginExportOf(parsed: unknown, uploadId: string): PluginExport {
  if (!isObj(parsed) && !Array.isArray(parsed)) {
    throw new ApiError('UNPROCESSABLE', `upload ${uploadId}: expected a JSON object (a plugin export) or an array of JSON_REST_V1 exports`, { upload_id: uploadId, path: 'upload' });
  }
  const out: PluginExport = { name: 'Plugin export', variables: 0, styles: 0 };
  if (isObj(parsed)) {
    if (typeof parsed.name === 'string' && parsed.name) out.name = parsed.name;
    if (parsed.variables !== undefined || parsed.variableCollections !== undefined) {
      out.pluginVariables = { variables: parsed.variables, variableCollections: parsed.variableCollections };
      out.variables = countOf(parsed.variables);
    }
  }
  const hasDocument = Array.isArray(parsed) || parsed.document !== undefined || parsed.nodes !== undefined;
  if (hasDocument) {
    const normalized = normalizeExport(parsed, out.name);
    if (!normalized.ok) throw new ApiError('UNPROCESSABLE', `upload ${uploadId}: ${normalized.message}`, { upload_id: uploadId, path: 'upload.document' });
    out.file = { document: normalized.value.document, styles: normalized.value.styles };
    out.styles = Object.keys(normalized.value.styles).length;
  }
  return out;
}

/** Reads the project's upload (404 unknown, 413 too large, 422 too deep or not JSON: each naming the upload). */
export async function readPluginExport(config: AppConfig, projectId: string, uploadId: string): Promise<PluginExport> {
  let parsed: unknown;
  try {
    parsed = await readUploadJson(config, projectId, uploadId);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new ApiError(err.code, `upload ${uploadId}: ${err.message}`, { ...err.details, upload_id: uploadId }, err.headers);
  }
  return pluginExportOf(parsed, uploadId);
}
