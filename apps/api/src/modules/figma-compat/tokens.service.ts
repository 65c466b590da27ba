// variables/derive and variables/diff (issue 13). Three sources, merged by variable id in the converter:
//  - `figma`: the file's version from /meta; the tokens stored for it, or Figma's variables and styles;
//  - `upload`: a plugin upload (any plan, no Figma call): its variables and styles, stored under `upload:<id>`;
//  - `merged`: Figma's file as above with the upload's variables added, stored under the Figma version. A stored
//    version is reused unless it was derived without this upload: then it is derived again and replaced (same
//    Figma version, so the upload only adds what the Variables REST API could not give).
// Then deriveTokens → stored and answered; the diff of two stored versions. Bad input (nothing to derive from, a
// malformed export) is a 4xx naming what is missing, and nothing is stored.
import { deriveTokens, diffTokens, toCss, toTailwindTheme, TokensInputError, type DeriveInput, type DeriveReport, type ResolverDocument } from '@cogo/figma-compat';
import type { DeriveTokensRequest, DerivedTokensResponse, TokensDiffResponse, TokenVersionsResponse } from '@cogo/types';
import type { Db } from '@cogo/db';
import { sha256Hex } from '../../lib/crypto';
import { ApiError } from '../../lib/errors';
import { offloadJson } from '../artifacts';
import type { FigmaClient } from '../figma-context/figma.client';
import type { CallScope } from '../llm/call-scope';
import { withVersionCache } from '../figma-context/version-cache';
import { publishUpdates } from '../updates/outbox';
import { fileVersion, readTokenSources, type VariablesSource } from './tokens-figma';
import { readPluginExport, type PluginExport } from './tokens-upload';
import { findTokenVersion, findTokenVersions, insertTokenVersion, listTokenVersions, replaceTokenVersion, type TokenVersionRow } from './tokens.repo';

type Sources = DerivedTokensResponse['sources'];

/** What the `report` column holds: the converter's report and where the tokens came from. */
interface StoredReport {
  derive: DeriveReport;
  sources: Sources;
}

/** What variables/derive reads: Figma's file, a plugin upload, or both. */
export type TokenSourceSpec =
  | { kind: 'figma'; fileKey: string; figma: FigmaClient }
  | { kind: 'upload'; fileKey: string; uploadId: string }
  | { kind: 'merged'; fileKey: string; uploadId: string; figma: FigmaClient };

/** The converter's input as read, what the answer's `sources` says, and how a 4xx names the input. */
interface Read {
  input: DeriveInput;
  sources: Sources;
  /** The version the file answer named (figma, merged): differs from /meta's when the file changed meanwhile. */
  fileVersion?: string | undefined;
  /** The input, as error messages name it. */
  what: string;
  /** Why each source gave no variables, for a TOKENS_NO_SOURCE message. */
  noVariables: string[];
  /** Rewrites the converter's paths (`pluginVariables…`) to the request's names (`upload…`). */
  path: (p: string) => string;
}

const NO_PLUGIN_VARIABLES = 'the plugin export has no top-level `variables` and `variableCollections`';

/** Derives (or answers the stored) tokens of the source's current version. */
export async function deriveTokensFrom(scope: CallScope, spec: TokenSourceSpec, formats: DeriveTokensRequest['formats']): Promise<DerivedTokensResponse> {
  const { version, name } = spec.kind === 'upload' ? { version: `upload:${spec.uploadId}`, name: undefined } : await fileVersion(spec.figma, spec.fileKey);
  const { fileKey } = spec;
  const db = scope.db();
  const stored = await findTokenVersion(db, fileKey, version);
  const storedReport = stored?.report as unknown as StoredReport | undefined;
  // a merged derive needs this upload's variables: a version stored without them is derived again
  if (stored && storedReport && (spec.kind !== 'merged' || storedReport.sources.upload_id === spec.uploadId)) {
    scope.events.emit('tokens_derived', { file_key: fileKey, version, cached: true, source: spec.kind, tokens: storedReport.derive.tokens.total, content_hash: stored.contentHash });
    return answer(scope, { fileKey, version, cached: true, tokens: stored.tokens, resolver: stored.resolver as unknown as ResolverDocument, report: storedReport, contentHash: stored.contentHash }, formats);
  }

  const read = await readSources(scope, spec, version, name);
  let derived;
  try {
    derived = deriveTokens(read.input);
  } catch (err) {
    if (!(err instanceof TokensInputError)) throw err; // TokensOutputError: our defect, a logged 500
    throw inputProblem(err, read);
  }
  const contentHash = await sha256Hex(JSON.stringify({ tokens: derived.tokens, resolver: derived.resolver }));
  const report: StoredReport = { derive: derived.report, sources: read.sources };
  // the file changed between /meta and the file read: answer what was read, but never store it under /meta's version
  const current = read.fileVersion === undefined || read.fileVersion === version;
  if (current) {
    const row = {
      projectId: scope.projectId,
      fileKey,
      version,
      tokens: derived.tokens as Record<string, unknown>,
      resolver: derived.resolver as unknown as Record<string, unknown>,
      report: report as unknown as Record<string, unknown>,
      contentHash,
      traceId: scope.traceId,
    };
    const updateIds = await (spec.kind === 'merged' ? replaceTokenVersion(db, row) : insertTokenVersion(db, row));
    await publishUpdates(scope.config.PROJECT_UPDATES, updateIds, scope.log);
  }
  const answered = current ? version : read.fileVersion!;
  scope.events.emit('tokens_derived', {
    file_key: fileKey,
    version: answered,
    cached: false,
    stored: current,
    source: spec.kind,
    ...(spec.kind === 'figma' ? {} : { upload_id: spec.uploadId }),
    variables: read.sources.variables,
    tokens: derived.report.tokens.total,
    content_hash: contentHash,
  });
  return answer(scope, { fileKey, version: answered, cached: false, tokens: derived.tokens, resolver: derived.resolver, report, contentHash }, formats);
}

/** Reads the spec's sources: the upload first, so a missing or unreadable one costs no Figma call past /meta. */
async function readSources(scope: CallScope, spec: TokenSourceSpec, version: string, name: string | undefined): Promise<Read> {
  const upload = spec.kind === 'figma' ? undefined : await readPluginExport(scope.config, scope.projectId, spec.uploadId);
  if (spec.kind === 'upload') return uploadRead(spec.uploadId, upload!);
  // through the version cache: a file version's variables, file and style nodes are fetched once, whoever asks
  const cache = scope.config.FIGMA_VERSION_CACHE ? { db: scope.db(), bucket: scope.config.FIGMA_CACHE, fileKey: spec.fileKey, version, budgetBytes: scope.config.FIGMA_MAX_RESPONSE_BYTES } : null;
  const reads = await readTokenSources(withVersionCache(spec.figma, cache), spec.fileKey, name!);
  const rest = restSource(reads.variables);
  const what = `Figma file ${spec.fileKey} (version ${version})`;
  if (spec.kind === 'figma') {
    return { input: reads.input, sources: { ...rest.sources, styles: reads.styles }, fileVersion: reads.fileVersion, what, noVariables: [rest.none], path: (p) => p };
  }
  const plugin = upload!.variables > 0;
  const fromRest = rest.sources.variables === 'rest';
  const input: DeriveInput = { ...reads.input };
  if (upload!.pluginVariables) input.pluginVariables = upload!.pluginVariables;
  const reasons = [rest.sources.reason, upload!.pluginVariables ? undefined : NO_PLUGIN_VARIABLES].filter((r): r is string => r !== undefined);
  const sources: Sources = {
    variables: fromRest && plugin ? 'both' : fromRest ? 'rest' : plugin ? 'plugin' : 'unavailable',
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
    styles: reads.styles,
    plugin: upload!.variables,
    upload_id: spec.uploadId,
  };
  const noVariables = [rest.none, upload!.pluginVariables ? 'none in the plugin export' : NO_PLUGIN_VARIABLES];
  return { input, sources, fileVersion: reads.fileVersion, what: `${what} with the plugin export of upload ${spec.uploadId}`, noVariables, path: toUploadPath(false) };
}

function restSource(v: VariablesSource): { sources: Pick<Sources, 'variables' | 'reason'>; none: string } {
  return v.variables === 'rest' ? { sources: { variables: 'rest' }, none: 'none in /variables/local' } : { sources: { variables: 'unavailable', reason: v.reason }, none: v.reason };
}

function uploadRead(uploadId: string, upload: PluginExport): Read {
  const input: DeriveInput = { name: upload.name };
  if (upload.pluginVariables) input.pluginVariables = upload.pluginVariables;
  if (upload.file) input.file = upload.file;
  const plugin = upload.variables > 0;
  const sources: Sources = {
    variables: plugin ? 'plugin' : 'unavailable',
    ...(upload.pluginVariables ? {} : { reason: NO_PLUGIN_VARIABLES }),
    styles: upload.styles,
    plugin: upload.variables,
    upload_id: uploadId,
  };
  const noVariables = [upload.pluginVariables ? 'none in its `variables`' : 'no top-level `variables` and `variableCollections`'];
  return { input, sources, what: `the plugin export of upload ${uploadId}`, noVariables, path: toUploadPath(true) };
}

/** Names the converter's inputs as the request does: `pluginVariables` (and, for an upload alone, `file` and `variables`) → `upload`. */
function toUploadPath(alone: boolean): (p: string) => string {
  return (p) => {
    if (p.startsWith('pluginVariables')) return `upload${p.slice('pluginVariables'.length)}`;
    if (alone && /^file\b/.test(p)) return `upload${p.slice('file'.length)}`;
    if (alone && p.startsWith('variables[')) return `upload.${p}`;
    return p;
  };
}

/** A TokensInputError as a 422 naming what is missing or where the input is malformed. */
function inputProblem(err: TokensInputError, read: Read): ApiError {
  const styles = read.sources.styles;
  const message =
    err.code === 'TOKENS_NO_SOURCE'
      ? `${read.what} has no variables (${read.noVariables.join('; ')}) and no styles with values (${styles} in its styles map): nothing to derive tokens from${read.sources.upload_id ? '. A plugin export carries variables as top-level `variables` and `variableCollections` beside its `document`' : ''}`
      : `${read.sources.upload_id ? read.what : `Figma's answer for ${read.what.replace(/^Figma /, '')}`} cannot be converted: ${read.path(err.message)}`;
  return new ApiError('UNPROCESSABLE', message, { code: err.code, ...(err.path ? { path: read.path(err.path) } : {}), sources: read.sources });
}

interface Answerable {
  fileKey: string;
  version: string;
  cached: boolean;
  tokens: Record<string, unknown>;
  resolver: ResolverDocument;
  report: StoredReport;
  contentHash: string;
}

function answer(scope: CallScope, a: Answerable, formats: DeriveTokensRequest['formats']): DerivedTokensResponse {
  const out: DerivedTokensResponse = {
    file_key: a.fileKey,
    version: a.version,
    cached: a.cached,
    tokens: a.tokens,
    resolver: a.resolver as unknown as Record<string, unknown>,
    report: a.report.derive,
    sources: a.report.sources,
    content_hash: a.contentHash,
    trace_id: scope.traceId,
  };
  if (formats?.includes('css')) out.css = toCss(a.resolver);
  if (formats?.includes('tailwind')) out.tailwind = toTailwindTheme(a.resolver);
  return out;
}

/** The project's stored versions of a file, newest first (at most 100). */
export async function listStoredVersions(db: Db, fileKey: string): Promise<TokenVersionsResponse> {
  const rows = await listTokenVersions(db, fileKey, 100);
  return { file_key: fileKey, items: rows.map((r) => ({ version: r.version, created_at: r.createdAt.toISOString(), tokens: r.tokens, content_hash: r.contentHash, trace_id: r.traceId })) };
}

/** Where a diff over ARTIFACT_INLINE_MAX_BYTES goes: the project's artifacts. */
export interface DiffOffload {
  bucket: R2Bucket;
  projectId: string;
  traceId: string | null;
  inlineMaxBytes: number;
  ttlDays: number;
}

/**
 * The diff between two stored versions of a file (404 naming each version not stored for this project): inline, or —
 * over `inlineMaxBytes` — stored as a `diff` artifact (the same diff asked again reuses it) with the counts inline.
 */
export async function diffStoredVersions(db: Db, fileKey: string, from: string, to: string, offload: DiffOffload): Promise<TokensDiffResponse> {
  const rows = await findTokenVersions(db, fileKey, [...new Set([from, to])]);
  const byVersion = new Map<string, TokenVersionRow>(rows.map((r) => [r.version, r]));
  const missing = [...new Set([from, to])].filter((v) => !byVersion.has(v));
  if (missing.length > 0) {
    throw new ApiError('NOT_FOUND', `no stored tokens for version${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of Figma file ${fileKey} in this project: derive them with POST /figma-compat/uui/variables/derive`, { missing });
  }
  const diff = diffTokens(byVersion.get(from)!.resolver as unknown as ResolverDocument, byVersion.get(to)!.resolver as unknown as ResolverDocument);
  const counts = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, renamed: diff.renamed.length };
  const whole: TokensDiffResponse = { file_key: fileKey, from, to, counts, ...diff };
  const { bucket, projectId, traceId, inlineMaxBytes, ttlDays } = offload;
  const artifact = await offloadJson(db, bucket, whole, { projectId, kind: 'diff', traceId, ttlDays, inlineMaxBytes, reuse: true });
  if (!artifact) return whole;
  return { file_key: fileKey, from, to, counts, unchanged: diff.unchanged, artifact };
}
