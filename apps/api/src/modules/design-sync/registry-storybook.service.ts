// POST /design-sync/registry/storybook: the registry ingested from the project's Storybook URL (its `storybook`
// credential, checked when stored) as a person starts from the dashboard — and as the nightly schedule re-reads it: the build's `index.json` (required),
// Storybook 10's `manifests/components.json` (props), and what a build step publishes beside it for COGO —
// `docgen.json` (react-docgen-typescript props) and `code-connect.json` — each when there. A missing document is a
// warning, except a props document when the other one gave the props. The same ingest as POST /registry.
import { STORYBOOK_SIDE_DOCUMENTS, type RegistryIngestRequest, type StorybookIngestResponse } from '@cogo/types';
import type { AppConfig } from '../../env';
import { ApiError } from '../../lib/errors';
import type { ActionScope } from './action';
import { resolveCredential } from './credentials/credentials.resolve';
import { ingestRegistry } from './registry.service';
import { fetchStorybookDocument, fetchStorybookIndex } from './schedule/storybook-index';

const notPublished = (field: keyof typeof STORYBOOK_SIDE_DOCUMENTS) =>
  field === 'code_connect' ? 'not published beside the build: no Code Connect mappings' : 'not published (neither a Storybook 10 components manifest nor docgen.json): props kept as stored';

/** A Storybook build as read from its URL: what to ingest, the files read, and what was missing or unreadable. */
export interface StorybookBuild {
  input: Pick<RegistryIngestRequest, 'index' | 'manifest' | 'docgen' | 'code_connect'>;
  documents: string[];
  warnings: StorybookIngestResponse['warnings'];
}

/**
 * Reads the build at `url`: `index.json` (required: else why not) and each side document when there. A missing props
 * document is no warning when the other one gave the props. The one-click ingest and the nightly schedule read it so.
 */
export async function readStorybookBuild(config: AppConfig, url: string, traceId: string): Promise<{ ok: true; build: StorybookBuild } | { ok: false; status: number | null; message: string }> {
  const index = await fetchStorybookIndex(config, url, traceId);
  if (!index.ok) return index;
  const input: StorybookBuild['input'] = { index: index.index };
  const documents = ['index.json'];
  const missing: Array<{ field: keyof typeof STORYBOOK_SIDE_DOCUMENTS; file: string; message: string; status: number | null }> = [];
  for (const [field, file] of Object.entries(STORYBOOK_SIDE_DOCUMENTS) as Array<[keyof typeof STORYBOOK_SIDE_DOCUMENTS, string]>) {
    const got = await fetchStorybookDocument(config, url, file, traceId);
    if (got.ok) {
      input[field] = got.value;
      documents.push(file);
    } else missing.push({ field, file, message: got.message, status: got.status });
  }
  const hasProps = input.manifest !== undefined || input.docgen !== undefined;
  const warnings = missing
    .filter((m) => m.status !== 404 || m.field === 'code_connect' || !hasProps)
    .map((m) => ({ path: m.file, message: m.status === 404 ? notPublished(m.field) : m.message }));
  return { ok: true, build: { input, documents, warnings } };
}

/** Reads the project's Storybook build and ingests it; 422 without a Storybook URL or a readable index.json. */
export async function ingestFromStorybook(scope: ActionScope, config: AppConfig, body: { prune: boolean }): Promise<StorybookIngestResponse> {
  const url = await resolveCredential({ db: scope.db(), config, actor: scope.actor, traceId: scope.traceId }, scope.projectId, 'storybook');
  if (!url) throw new ApiError('UNPROCESSABLE', 'no Storybook URL: store one with POST /design-sync/credentials (kind storybook)');
  const read = await readStorybookBuild(config, url, scope.traceId);
  if (!read.ok) throw new ApiError('UNPROCESSABLE', read.message, { status: read.status });
  const { input, documents, warnings } = read.build;
  try {
    const res = await ingestRegistry(scope, { ...input, storybook_url: url, prune: body.prune, trace_id: scope.traceId });
    return { ...res, warnings: [...warnings, ...res.warnings], documents };
  } catch (err) {
    // the documents are the Storybook build's, not the request's: a 422 naming where they do not parse
    if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') throw new ApiError('UNPROCESSABLE', `the Storybook build's ${err.message.replace(/^invalid request: /, '')}`, err.details);
    throw err;
  }
}
