// variables/derive and variables/diff (issue 13): the file's version from /meta; the tokens stored for it, or
// Figma's variables and styles → deriveTokens → stored and answered; the diff of two stored versions. Bad input
// (a file with neither variables nor styles) is a 422 naming what is missing, and nothing is stored.
import { deriveTokens, diffTokens, toCss, toTailwindTheme, TokensInputError, type DeriveReport, type ResolverDocument } from '@cogo/figma-compat';
import type { DeriveTokensRequest, DerivedTokensResponse, TokensDiffResponse } from '@cogo/types';
import type { Db } from '@cogo/db';
import { sha256Hex } from '../../lib/crypto';
import { ApiError } from '../../lib/errors';
import type { FigmaClient } from '../figma-context/figma.client';
import type { CallScope } from '../llm/call-scope';
import { fileVersion, readTokenSources, type VariablesSource } from './tokens-figma';
import { findTokenVersion, findTokenVersions, insertTokenVersion, type TokenVersionRow } from './tokens.repo';

type Sources = DerivedTokensResponse['sources'];

/** What the `report` column holds: the converter's report and where the tokens came from. */
interface StoredReport {
  derive: DeriveReport;
  sources: Sources;
}

const sourcesOf = (v: VariablesSource, styles: number): Sources => (v.variables === 'rest' ? { variables: 'rest', styles } : { variables: 'unavailable', reason: v.reason, styles });

/** Derives (or answers the stored) tokens of the file's current version. */
export async function deriveFileTokens(scope: CallScope, figma: FigmaClient, fileKey: string, formats: DeriveTokensRequest['formats']): Promise<DerivedTokensResponse> {
  const { version, name } = await fileVersion(figma, fileKey);
  const db = scope.db();
  const stored = await findTokenVersion(db, fileKey, version);
  if (stored) {
    const report = stored.report as unknown as StoredReport;
    scope.events.emit('tokens_derived', { file_key: fileKey, version, cached: true, tokens: report.derive.tokens.total, content_hash: stored.contentHash });
    return answer(scope, { fileKey, version, cached: true, tokens: stored.tokens, resolver: stored.resolver as unknown as ResolverDocument, report, contentHash: stored.contentHash }, formats);
  }

  const reads = await readTokenSources(figma, fileKey, name);
  const sources = sourcesOf(reads.variables, reads.styles);
  let derived;
  try {
    derived = deriveTokens(reads.input);
  } catch (err) {
    if (!(err instanceof TokensInputError)) throw err; // TokensOutputError: our defect, a logged 500
    const message =
      err.code === 'TOKENS_NO_SOURCE'
        ? `Figma file ${fileKey} (version ${version}) has no variables (${sources.variables === 'rest' ? 'none in /variables/local' : sources.reason}) and no styles with values (${reads.styles} in its styles map): nothing to derive tokens from`
        : `Figma's answer for file ${fileKey} cannot be converted: ${err.message}`;
    throw new ApiError('UNPROCESSABLE', message, { code: err.code, ...(err.path ? { path: err.path } : {}), sources });
  }
  const contentHash = await sha256Hex(JSON.stringify({ tokens: derived.tokens, resolver: derived.resolver }));
  const report: StoredReport = { derive: derived.report, sources };
  // the file changed between /meta and the file read: answer what was read, but never store it under /meta's version
  const current = reads.fileVersion === undefined || reads.fileVersion === version;
  if (current) {
    await insertTokenVersion(db, {
      projectId: scope.projectId,
      fileKey,
      version,
      tokens: derived.tokens as Record<string, unknown>,
      resolver: derived.resolver as unknown as Record<string, unknown>,
      report: report as unknown as Record<string, unknown>,
      contentHash,
      traceId: scope.traceId,
    });
  }
  const answered = current ? version : reads.fileVersion!;
  scope.events.emit('tokens_derived', { file_key: fileKey, version: answered, cached: false, stored: current, variables: sources.variables, tokens: derived.report.tokens.total, content_hash: contentHash });
  return answer(scope, { fileKey, version: answered, cached: false, tokens: derived.tokens, resolver: derived.resolver, report, contentHash }, formats);
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

/** The diff between two stored versions of a file (404 naming each version not stored for this project). */
export async function diffStoredVersions(db: Db, fileKey: string, from: string, to: string): Promise<TokensDiffResponse> {
  const rows = await findTokenVersions(db, fileKey, [...new Set([from, to])]);
  const byVersion = new Map<string, TokenVersionRow>(rows.map((r) => [r.version, r]));
  const missing = [...new Set([from, to])].filter((v) => !byVersion.has(v));
  if (missing.length > 0) {
    throw new ApiError('NOT_FOUND', `no stored tokens for version${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of Figma file ${fileKey} in this project: derive them with POST /figma-compat/uui/variables/derive`, { missing });
  }
  const diff = diffTokens(byVersion.get(from)!.resolver as unknown as ResolverDocument, byVersion.get(to)!.resolver as unknown as ResolverDocument);
  return { file_key: fileKey, from, to, ...diff };
}
