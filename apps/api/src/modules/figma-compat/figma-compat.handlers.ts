import { parseFigmaUrl } from '@cogo/figma-context';
import type { DeriveTokensRequest, TokenSourceKind } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { figmaClientFor } from '../figma-context/figma-context.outbound';
import { figmaTokenFor } from '../figma-context/figma-context.token';
import { START_MAX_WAIT_MS } from '../figma-context/start';
import { callScope, closeAfter } from '../llm/call-scope';
import { deriveVariablesRoute, diffVariablesRoute, listVersionsRoute } from './figma-compat.routes';
import { deriveTokensFrom, diffStoredVersions, listStoredVersions, type TokenSourceSpec } from './tokens.service';

/** The file key of the body (its figma_url parsed), or a 400 naming what is wrong; an upload alone names its own as ingest does. */
function fileKeyOf(body: DeriveTokensRequest): string {
  if (body.file_key) return body.file_key;
  if (!body.figma_url) return `upload${body.upload_id!.replaceAll('-', '')}`;
  const ref = parseFigmaUrl(body.figma_url);
  if (!ref.ok) throw new ApiError('VALIDATION_FAILED', ref.message, { issues: [{ path: 'json.figma_url', message: ref.message, code: ref.code }] });
  return ref.value.fileKey;
}

/** The body's source: as named, else Figma without an upload, the upload alone, or both merged. */
function sourceKindOf(body: DeriveTokensRequest): TokenSourceKind {
  if (body.source) return body.source;
  if (!body.upload_id) return 'figma';
  return body.file_key || body.figma_url ? 'merged' : 'upload';
}

/** `POST /figma-compat/uui/variables/derive`, `GET /figma-compat/uui/variables/diff`, `GET /figma-compat/uui/variables/versions`. */
export const figmaCompatRouter = createRouter()
  .openapi(deriveVariablesRoute, async (c) => {
    const body = c.req.valid('json');
    const fileKey = fileKeyOf(body);
    const kind = sourceKindOf(body);
    const scope = callScope(c, 'figma-compat', body.trace_id);
    try {
      let spec: TokenSourceSpec;
      if (kind === 'upload') spec = { kind, fileKey, uploadId: body.upload_id! }; // no Figma call: no Figma token needed
      else {
        const { token } = await figmaTokenFor(c);
        // never hangs on a paced token: a wait past START_MAX_WAIT_MS is a 429 naming it
        const figma = figmaClientFor(c.get('config'), token, scope.traceId, undefined, () => START_MAX_WAIT_MS);
        spec = kind === 'figma' ? { kind, fileKey, figma } : { kind, fileKey, figma, uploadId: body.upload_id! };
      }
      const answer = await deriveTokensFrom(scope, spec, body.formats);
      c.header('x-trace-id', scope.traceId);
      return c.json(answer, 200);
    } finally {
      closeAfter(c, scope);
    }
  })
  .openapi(diffVariablesRoute, async (c) => {
    const q = c.req.valid('query');
    const config = c.get('config');
    const offload = { bucket: config.ARTIFACTS, projectId: c.get('principal')!.projectId, traceId: c.get('traceId'), inlineMaxBytes: config.ARTIFACT_INLINE_MAX_BYTES, ttlDays: config.ARTIFACT_TTL_DAYS };
    return c.json(await diffStoredVersions(c.get('db')(), q.file_key, q.from, q.to, offload), 200);
  })
  .openapi(listVersionsRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listStoredVersions(c.get('db')(), q.file_key), 200);
  });
