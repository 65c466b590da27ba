// What variables/derive reads from Figma, with as few calls as the tokens need:
//  - Tier 2: GET /meta (the file's version: the key of a stored tokens version; a 403/404 ends the derive before
//    anything else is read) and GET /variables/local (Enterprise only: a 403 is "variables unavailable", not an
//    error — the styles still give tokens);
//  - Tier 1: GET /v1/files/:key?depth=1 for the file's `styles` map (names and types; Figma keeps the values on
//    nodes), then GET /nodes?ids=<the style ids> (≤ 500 ids a call, none when the file has no styles): each local
//    style's own node holds its values. So a derive costs 2 Tier-2 calls and 1 + ⌈styles / 500⌉ Tier-1 calls.
import type { DeriveInput } from '@cogo/figma-compat';
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { ApiError } from '../../lib/errors';
import { OutboundError } from '../../lib/http-client';
import { FigmaError, type FigmaClient } from '../figma-context/figma.client';
import { apiErrorOf } from '../figma-context/start';

/** Most node ids in one /nodes request (the seed's per-call limit). */
const MAX_IDS_PER_CALL = 500;

/** Where the variables came from, as the answer's `sources` says. */
export type VariablesSource = { variables: 'rest' } | { variables: 'unavailable'; reason: string };

/** Everything deriveTokens needs, as Figma answered it. */
export interface FigmaTokenReads {
  input: DeriveInput;
  variables: VariablesSource;
  /** Styles in the file's `styles` map. */
  styles: number;
  /** The version the file answer named (differs from /meta's when the file changed meanwhile). */
  fileVersion: string | undefined;
}

/** A Figma failure as an API error: 429 keeps Retry-After, an unreachable Figma is a 502. */
export function figmaFailure(err: unknown): unknown {
  if (err instanceof FigmaError) return apiErrorOf(err);
  if (err instanceof OutboundError) return new ApiError('UPSTREAM_FAILED', 'Figma could not be reached; retry later');
  return err;
}

/** The file's current version and name (GET /meta, Tier 2), proven with the project's own token. */
export async function fileVersion(figma: FigmaClient, fileKey: string): Promise<{ version: string; name: string }> {
  let meta;
  try {
    meta = await figma.meta(fileKey);
  } catch (err) {
    throw figmaFailure(err);
  }
  const version = meta.file?.version;
  if (typeof version !== 'string' || version === '') throw new ApiError('FIGMA_BAD_RESPONSE', `Figma's /meta for ${fileKey} named no version`);
  return { version, name: meta.file.name };
}

/** Reads the variables and styles of the file. */
export async function readTokenSources(figma: FigmaClient, fileKey: string, name: string): Promise<FigmaTokenReads> {
  try {
    const { variables, source } = await readVariables(figma, fileKey);
    const file = await figma.file(fileKey, 1);
    const styles = Object.entries(file.styles ?? {}).filter(([, s]) => !(s as { remote?: boolean }).remote);
    const input: DeriveInput = { file, name };
    if (variables !== undefined) input.variables = variables;
    if (styles.length > 0) {
      // each local style's own node holds its values; the file's `styles` map names them
      input.publishedStyles = { meta: { styles: styles.map(([id, s]) => ({ node_id: id, key: s.key, name: s.name, style_type: s.styleType, description: s.description })) } };
      input.styleNodes = await styleNodes(figma, fileKey, styles.map(([id]) => id));
    }
    return { input, variables: source, styles: Object.keys(file.styles ?? {}).length, fileVersion: file.version };
  } catch (err) {
    throw figmaFailure(err);
  }
}

async function readVariables(figma: FigmaClient, fileKey: string): Promise<{ variables?: unknown; source: VariablesSource }> {
  try {
    return { variables: await figma.variables(fileKey), source: { variables: 'rest' } };
  } catch (err) {
    if (err instanceof FigmaError && err.code === 'FIGMA_FORBIDDEN') {
      return { source: { variables: 'unavailable', reason: "not_enterprise: Figma's Variables REST API is Enterprise-only (403 for this token and file); the tokens come from the file's styles" } };
    }
    if (err instanceof FigmaError && err.code === 'FIGMA_NOT_FOUND') {
      return { source: { variables: 'unavailable', reason: 'not_found: Figma has no local variables for this file' } };
    }
    throw err; // a rate limit or an outage: no half-derived version is stored
  }
}

async function styleNodes(figma: FigmaClient, fileKey: string, ids: string[]): Promise<GetFileNodesResponse> {
  let merged: GetFileNodesResponse | undefined;
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_CALL) {
    const part = await figma.nodes(fileKey, ids.slice(i, i + MAX_IDS_PER_CALL), 1);
    merged = merged ? { ...merged, nodes: { ...merged.nodes, ...part.nodes } } : part;
  }
  return merged!;
}
