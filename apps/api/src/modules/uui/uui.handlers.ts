import { createRouter } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { readCapped } from '../../lib/request-body';
import { principalOf } from '../../middleware';
import { jobStatus } from '../figma-context/status';
import { ingestUpload } from './ingest';
import { ingestResultRoute, ingestRoute, presignRoute, uploadRoute } from './uui.routes';
import { signUploadUrl, uploadKey, verifyUploadUrl } from './upload-url';

function signingKey(key: string | undefined): string {
  if (!key) throw new ApiError('SERVICE_UNAVAILABLE', 'uploads are not configured: UPLOAD_SIGNING_KEY is not set');
  return key;
}

/** Plugin-only mode: presign, upload, ingest, result. */
export const uuiRouter = createRouter()
  .openapi(presignRoute, async (c) => {
    const config = c.get('config');
    const key = signingKey(config.UPLOAD_SIGNING_KEY);
    const { size } = c.req.valid('json');
    if (size !== undefined && size > config.MAX_UPLOAD_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', `uploads are limited to ${config.MAX_UPLOAD_BYTES} bytes, asked for ${size}`);
    const uploadId = crypto.randomUUID();
    const expires = Math.floor(Date.now() / 1000) + config.UPLOAD_URL_TTL_SECONDS;
    const url = await signUploadUrl(new URL(c.req.url).origin, key, principalOf(c).projectId, uploadId, expires);
    return c.json(
      {
        upload_id: uploadId,
        upload_url: url,
        method: 'PUT' as const,
        headers: { 'content-type': 'application/json' },
        expires_at: new Date(expires * 1000).toISOString(),
        max_bytes: config.MAX_UPLOAD_BYTES,
      },
      201,
    );
  })
  .openapi(uploadRoute, async (c) => {
    const config = c.get('config');
    const key = signingKey(config.UPLOAD_SIGNING_KEY);
    const { upload_id } = c.req.valid('param');
    const check = await verifyUploadUrl(key, upload_id, new URL(c.req.url).searchParams);
    if (!check.ok) throw new ApiError('UNAUTHORIZED', check.reason);
    // the read stops at the limit: an oversized upload is never buffered whole
    const body = await readCapped(c.req.raw, config.MAX_UPLOAD_BYTES);
    if (body.byteLength === 0) throw new ApiError('BAD_REQUEST', 'empty upload');
    await config.UPLOADS.put(uploadKey(check.projectId, upload_id), body, { httpMetadata: { contentType: 'application/json' } });
    c.get('events').emit('figma_upload_stored', { upload_id, bytes: body.byteLength }, { source: 'uui', projectId: check.projectId });
    return c.json({ upload_id, size: body.byteLength }, 200);
  })
  .openapi(ingestRoute, async (c) => c.json(await ingestUpload(c, c.req.valid('json')), 201))
  .openapi(ingestResultRoute, async (c) => c.json(await jobStatus(c, c.req.valid('query').job_id), 200));
